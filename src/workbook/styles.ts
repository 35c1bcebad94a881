/**
 * Named cell styles of the computed sheets. Both adapters map a GridCell's
 * style name through this table, so KPI sheets look the same whether written
 * by the CLI (exceljs) or the add-in (Office.js).
 */
import { COLORS } from './layout';
import type { CellStyle, StyleName } from './grid';

export const STYLES: Readonly<Record<StyleName, CellStyle>> = {
  titel: { bold: true, fontSize: 16, fontColor: COLORS.titel },
  untertitel: { bold: true, fontSize: 12, fontColor: COLORS.titel },
  hinweis: { italic: true, fontSize: 9, fontColor: COLORS.hinweis },
  kopf: { bold: true, fontColor: COLORS.headerText, fill: COLORS.header, wrap: true, horizontal: 'center', border: true },
  text: { wrap: true, border: true },
  textFett: { bold: true, wrap: true, border: true },
  zahl: { numberFormat: '0', horizontal: 'right', border: true },
  // HF numbers are labels, centred so they do not run into the left-aligned name next to them
  nr: { numberFormat: '0', horizontal: 'center', border: true },
  // no "#,##0.##": Excel shows whole numbers with a trailing separator ("12,"); whole numbers get `ganzzahl`
  dezimal: { numberFormat: '#,##0.0#', horizontal: 'right', border: true },
  ganzzahl: { numberFormat: '#,##0', horizontal: 'right', border: true },
  prozent: { numberFormat: '0%', horizontal: 'right', border: true },
  datum: { numberFormat: 'DD.MM.YYYY', horizontal: 'center', border: true },
  datumZeit: { numberFormat: 'DD.MM.YYYY HH:MM', horizontal: 'left' },
  ampelGruen: { fill: COLORS.gruen, fontColor: COLORS.gruenText, bold: true, horizontal: 'center', border: true },
  ampelGelb: { fill: COLORS.gelb, fontColor: COLORS.gelbText, bold: true, horizontal: 'center', border: true },
  ampelRot: { fill: COLORS.rot, fontColor: COLORS.rotText, bold: true, horizontal: 'center', border: true },
  ampelKeineDaten: { fill: COLORS.keineDaten, fontColor: COLORS.keineDatenText, italic: true, horizontal: 'center', border: true },
  massnahme: { fill: COLORS.massnahme, wrap: true, border: true },
  wirkung: { fill: COLORS.wirkung, wrap: true, border: true },
  abschnitt: { bold: true, fontSize: 12, fontColor: COLORS.titel },
  summe: { bold: true, border: true, fill: 'F2F2F2' },
  // One line that may run into the empty cells to its right (instead of merged cells):
  // no wrap, and no borders that would cut through the text.
  zeile: {},
  zeileFett: { bold: true },
  balken: { bold: true, fill: 'F2F2F2' },
  massnahmeZeile: { fill: COLORS.massnahme },
  wirkungZeile: { fill: COLORS.wirkung },
};

/** Style for a Kennzahl figure: whole numbers without decimals, others with one or two. */
export function zahlStil(v: number | null | undefined): 'dezimal' | 'ganzzahl' {
  return typeof v === 'number' && Number.isInteger(v) ? 'ganzzahl' : 'dezimal';
}

/** Style name of an Ampel value, for Ampel cells of any computed sheet. */
export function ampelStyle(ampel: 'gruen' | 'gelb' | 'rot' | 'keine_daten'): StyleName {
  switch (ampel) {
    case 'gruen':
      return 'ampelGruen';
    case 'gelb':
      return 'ampelGelb';
    case 'rot':
      return 'ampelRot';
    default:
      return 'ampelKeineDaten';
  }
}
