/**
 * Column headers of the computed sheets for screen readers. The blocks on
 * these sheets are plain ranges (several per sheet, not Excel tables), so a
 * screen reader would read bare values. Screen readers such as JAWS announce
 * the column header of a cell when a defined name beginning with
 * „ColumnTitle“ marks the first cell of the header row; every header block
 * gets such a name.
 */
import { a1, leseAdresse, letzteSpalte, letzteZeile } from '../domain/adresse';
import type { Grid } from './grid';

export const SPALTENTITEL_PRAEFIX = 'ColumnTitle_';

export interface Spaltentitel {
  /** workbook-wide unique defined name */
  readonly name: string;
  /** A1 address of the first header cell */
  readonly zelle: string;
}

/** The sheet's part of the names: letters and digits only („KPI Übersicht“ → „KPIUebersicht“). */
function blattKuerzel(blatt: string): string {
  const umlaute: Readonly<Record<string, string>> = { Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };
  return blatt.replace(/[ÄÖÜäöüß]/g, (z) => umlaute[z]).replace(/[^A-Za-z0-9]/g, '');
}

/** Prefix of all header names of a sheet, to remove them before the sheet is written anew. */
export function spaltentitelPraefix(blatt: string): string {
  return `${SPALTENTITEL_PRAEFIX}${blattKuerzel(blatt)}_`;
}

/**
 * One name per run of header cells (style „kopf“) in a row. A run inside the
 * grid's Excel table is left out: a table announces its own headers.
 */
export function spaltentitel(grid: Grid): Spaltentitel[] {
  const tabelle = grid.table ? leseAdresse(grid.table.range) : null;
  const inTabelle = (zeile: number, spalte: number): boolean =>
    tabelle !== null && zeile >= tabelle.zeile && zeile <= letzteZeile(tabelle) && spalte >= tabelle.spalte && spalte <= letzteSpalte(tabelle);
  const praefix = spaltentitelPraefix(grid.sheet);
  const out: Spaltentitel[] = [];
  grid.rows.forEach((zeile, r) => {
    zeile.forEach((zelle, c) => {
      const kopf = zelle?.s === 'kopf';
      const davor = c > 0 && zeile[c - 1]?.s === 'kopf';
      if (!kopf || davor || inTabelle(r + 1, c + 1)) return;
      out.push({ name: `${praefix}${out.length + 1}`, zelle: a1(r + 1, c + 1) });
    });
  });
  return out;
}
