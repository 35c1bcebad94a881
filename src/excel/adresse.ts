/**
 * A1 address helpers for the Office.js adapter. Office.js returns addresses
 * like "'KPI Übersicht'!A1:C9"; we compute target addresses ourselves so a
 * whole action needs no extra round trip to ask Excel where things are.
 */
import { columnLetter } from '../workbook/layout';

export interface Bereich {
  /** sheet name without quotes, '' when the address had none */
  readonly blatt: string;
  /** 1-based */
  readonly zeile: number;
  /** 1-based */
  readonly spalte: number;
  readonly zeilen: number;
  readonly spalten: number;
}

/** "AB" → 28 */
export function spaltenNummer(buchstaben: string): number {
  let n = 0;
  for (const ch of buchstaben.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Sheet name as it must appear in an address: quoted when it has spaces or special characters. */
export function blattImBezug(blatt: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(blatt) ? blatt : `'${blatt.replace(/'/g, "''")}'`;
}

/** A1 range text of a 1-based block, e.g. (2,1,3,4) → "A2:D4"; a single cell stays "A2". */
export function bereichsAdresse(zeile: number, spalte: number, zeilen: number, spalten: number): string {
  const start = `${columnLetter(spalte)}${zeile}`;
  if (zeilen === 1 && spalten === 1) return start;
  return `${start}:${columnLetter(spalte + spalten - 1)}${zeile + zeilen - 1}`;
}

/** Parse "Sheet!A1:C3", "'My Sheet'!B2" or "A1" into a block; throws on text that is no address. */
export function parseAdresse(adresse: string): Bereich {
  let blatt = '';
  let rest = adresse.trim();
  const bang = rest.lastIndexOf('!');
  if (bang >= 0) {
    blatt = rest.slice(0, bang);
    rest = rest.slice(bang + 1);
    if (blatt.startsWith("'") && blatt.endsWith("'")) blatt = blatt.slice(1, -1).replace(/''/g, "'");
  }
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(rest);
  if (!m) throw new Error(`Ungültige Zelladresse „${adresse}“.`);
  const c1 = spaltenNummer(m[1]);
  const r1 = Number(m[2]);
  const c2 = m[3] ? spaltenNummer(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  return {
    blatt,
    zeile: Math.min(r1, r2),
    spalte: Math.min(c1, c2),
    zeilen: Math.abs(r2 - r1) + 1,
    spalten: Math.abs(c2 - c1) + 1,
  };
}

/**
 * Excel column width in points for a width in character units (what the
 * layout and exceljs use). Office.js `format.columnWidth` takes points:
 * one character of the default font is 7 px plus 5 px padding, 1 px = 0.75 pt.
 */
export function breiteInPunkten(zeichen: number): number {
  return Math.round((zeichen * 7 + 5) * 0.75 * 100) / 100;
}

/** Excel serial date (1900 system) of a JS Date, using its local calendar fields. */
export function excelSeriennummer(d: Date): number {
  const utc = Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds());
  return (utc - Date.UTC(1899, 11, 30)) / 86400000;
}
