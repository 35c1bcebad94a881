/**
 * A workbook described as plain data (sheets, tables, extra cells, merges,
 * hidden rows) and written with exceljs directly — independent of the
 * project's own writer, so the corpus can build files the writer never
 * would (tables turned back into ranges, duplicate table names, …).
 */
import ExcelJS, { type CellValue } from 'exceljs';
import JSZip from 'jszip';
import { DATA_SHEETS } from '../../src/workbook/layout';
import type { TableKey } from '../../src/domain/schema';
import { TABLES } from '../../src/domain/schema';
import { basisTabellen, koepfe, type Zeilen } from './basis';
import { a1 } from '../../src/domain/adresse';

export interface TabelleDef {
  name: string;
  /** 1-based position of the header row's first cell */
  kopfZeile: number;
  ersteSpalte: number;
  koepfe: string[];
  zeilen: Zeilen;
  /** false: the same cells, but as a plain range (table converted back) */
  alsTabelle: boolean;
}

export interface BlattDef {
  name: string;
  tabellen: TabelleDef[];
  /** A1 ranges to merge after the tables are written */
  verbunden: string[];
  /** 1-based rows to hide */
  ausgeblendet: number[];
  /** single cells written last (overrides table contents) */
  zellen: Record<string, CellValue>;
}

export interface MappeDef {
  blaetter: BlattDef[];
}

export interface Adresse {
  blatt: string;
  zelle: string;
}

/** The valid base plan laid out exactly as src/workbook/layout.ts places it. */
export function basisMappe(): MappeDef {
  const daten = basisTabellen();
  return {
    blaetter: DATA_SHEETS.map((s) => ({
      name: s.name,
      tabellen: s.tables.map((t) => ({
        name: t.spec.name,
        kopfZeile: t.headerRow,
        ersteSpalte: t.firstColumn,
        koepfe: koepfe(t.spec.key),
        zeilen: daten[t.spec.key].map((z) => [...z]),
        alsTabelle: true,
      })),
      verbunden: [],
      ausgeblendet: [],
      zellen: {},
    })),
  };
}

export function blattVon(m: MappeDef, key: TableKey): BlattDef {
  const name = TABLES[key].name;
  const b = m.blaetter.find((x) => x.tabellen.some((t) => t.name === name));
  if (!b) throw new Error(`Tabelle ${name} nicht in der Mappe`);
  return b;
}

export function tabelleVon(m: MappeDef, key: TableKey): TabelleDef {
  const name = TABLES[key].name;
  const t = blattVon(m, key).tabellen.find((x) => x.name === name);
  if (!t) throw new Error(`Tabelle ${name} nicht in der Mappe`);
  return t;
}

/** Address of data row `zeile` (0-based) in column `kopf` of a table. */
export function adresse(m: MappeDef, key: TableKey, zeile: number, kopf: string): Adresse {
  const t = tabelleVon(m, key);
  const i = t.koepfe.indexOf(kopf);
  if (i < 0) throw new Error(`Spalte ${kopf} fehlt in ${t.name}`);
  return { blatt: blattVon(m, key).name, zelle: a1(t.kopfZeile + 1 + zeile, t.ersteSpalte + i) };
}

/** Sets one data cell and returns its address. */
export function setze(m: MappeDef, key: TableKey, zeile: number, kopf: string, wert: CellValue): Adresse {
  const t = tabelleVon(m, key);
  const i = t.koepfe.indexOf(kopf);
  if (i < 0) throw new Error(`Spalte ${kopf} fehlt in ${t.name}`);
  t.zeilen[zeile][i] = wert;
  return adresse(m, key, zeile, kopf);
}

/** Cell value of a formula whose cached result is an Excel error. */
export function fehlerFormel(formel: string, fehler: string): CellValue {
  return { formula: formel, result: { error: fehler } } as CellValue;
}

export async function mappeAlsBytes(m: MappeDef): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Integrationsmonitor-Korpus';
  for (const b of m.blaetter) {
    const ws = wb.addWorksheet(b.name);
    for (const t of b.tabellen) {
      const ref = a1(t.kopfZeile, t.ersteSpalte);
      if (t.alsTabelle) {
        ws.addTable({
          name: t.name,
          ref,
          headerRow: true,
          style: { theme: 'TableStyleMedium2', showRowStripes: true },
          columns: t.koepfe.map((name) => ({ name, filterButton: true })),
          // exceljs cannot write a table without data rows; one empty row is what Excel shows too
          rows: t.zeilen.length > 0 ? t.zeilen : [t.koepfe.map(() => null)],
        });
      } else {
        t.koepfe.forEach((k, i) => (ws.getCell(t.kopfZeile, t.ersteSpalte + i).value = k));
        t.zeilen.forEach((z, r) => z.forEach((v, i) => (ws.getCell(t.kopfZeile + 1 + r, t.ersteSpalte + i).value = v)));
      }
      t.koepfe.forEach((_k, i) => (ws.getColumn(t.ersteSpalte + i).width = 16));
    }
    for (const [a, v] of Object.entries(b.zellen)) ws.getCell(a).value = v;
    for (const r of b.verbunden) ws.mergeCells(r);
    for (const r of b.ausgeblendet) ws.getRow(r).hidden = true;
  }
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

/** Removes one part from an xlsx package (e.g. a worksheet), leaving its references dangling. */
export async function ohneTeil(buf: Buffer, teil: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buf);
  if (!zip.file(teil)) throw new Error(`Teil ${teil} fehlt schon`);
  zip.remove(teil);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Which worksheet part holds a sheet (exceljs numbers them in order). */
export function blattTeil(m: MappeDef, blatt: string): string {
  const i = m.blaetter.findIndex((b) => b.name === blatt);
  if (i < 0) throw new Error(`Blatt ${blatt} fehlt`);
  return `xl/worksheets/sheet${i + 1}.xml`;
}

