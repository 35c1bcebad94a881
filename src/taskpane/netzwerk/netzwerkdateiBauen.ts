/**
 * "Netzwerkdatei erstellen" in the browser: the open workbook (RawWorkbook)
 * → domain `aufteilen` → the same exceljs writer as the CLI's `aufteilen`
 * (src/xlsx/netzwerkMappe.ts) → .xlsx bytes. This module and the writer pull
 * in exceljs, so the pane loads them only on use (dynamic imports here and in
 * gateway.ts).
 */
import ExcelJS from 'exceljs';
import type { RawWorkbook } from '../../domain/model';
import { aufteilen, netzwerkDateiname, NetzwerkFehler } from '../../domain/netzwerk';
import { BenutzerFehler } from '../gateway';

export interface NetzwerkdateiErstellt {
  /** suggested file name, e.g. "HF3-Ausbildung-Arbeitsmarktzugang-Wirtschaft.xlsx" */
  readonly datei: string;
  readonly hf: number;
  readonly handlungsfeld: string;
  /** rows in Ziele, Arbeitsplanung, Checkliste and Kennzahlen */
  readonly zeilen: number;
  /** the .xlsx file */
  readonly inhalt: Uint8Array;
}

/** origin name when Excel cannot tell the file name of the open workbook */
export const UNBEKANNTE_MAPPE = 'Geöffnete Arbeitsmappe';

export async function netzwerkdateiBauen(raw: RawWorkbook, hf: number, jetzt: Date): Promise<NetzwerkdateiErstellt> {
  // same chunk as this module, so it arrives with it
  const { NUR_VERTRAGSSPALTEN, schreibeNetzwerkMappe } = await import(
    /* webpackChunkName: "netzwerk-erstellen" */ '../../xlsx/netzwerkMappe'
  );
  const quelle = raw.source || UNBEKANNTE_MAPPE;
  let exp;
  try {
    exp = aufteilen(raw, hf, { quelle, exportiertAm: jetzt, nurVertragsspalten: NUR_VERTRAGSSPALTEN });
  } catch (e) {
    // missing tables, empty or duplicate keys: a complete German sentence from the domain
    if (e instanceof NetzwerkFehler)
      throw new BenutzerFehler(
        `Die Netzwerkdatei für Handlungsfeld ${hf} kann nicht erstellt werden.`,
        `${e.message} Bitte korrigieren und erneut versuchen („Prüfen“ zeigt die Stellen).`,
      );
    throw e;
  }
  const wb = schreibeNetzwerkMappe(new ExcelJS.Workbook(), exp);
  const puffer = await wb.xlsx.writeBuffer();
  const zeilen = (['ziele', 'arbeitsplanung', 'checkliste', 'kennzahlen'] as const).reduce(
    (n, k) => n + exp.tabellen[k].rows.length,
    0,
  );
  return {
    datei: netzwerkDateiname(exp.hf, exp.handlungsfeld),
    hf: exp.hf,
    handlungsfeld: exp.handlungsfeld,
    zeilen,
    inhalt: new Uint8Array(puffer as ArrayBuffer),
  };
}
