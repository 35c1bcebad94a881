/**
 * A1 addresses and rectangles of cells, for every layer: findings cite
 * cells, the file writer and the Office.js adapter address ranges. One
 * rectangle type and one sheet-name quoting rule, so an address written by
 * one layer is read the same way by another.
 */

/** A rectangle of cells, 1-based, as Office.js describes a range. */
export interface Bereich {
  readonly zeile: number;
  readonly spalte: number;
  readonly zeilen: number;
  readonly spalten: number;
}

/** A rectangle with the sheet its address named ('' when it named none). */
export interface BlattBereich extends Bereich {
  /** sheet name without quotes */
  readonly blatt: string;
}

/** 1 → "A", 27 → "AA" */
export function spaltenBuchstabe(col: number): string {
  let s = '';
  let c = col;
  while (c > 0) {
    const m = (c - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    c = Math.floor((c - 1) / 26);
  }
  return s;
}

/** "AB" → 28 */
export function spaltenNummer(buchstaben: string): number {
  let n = 0;
  for (const ch of buchstaben.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A1 address of a 1-based (row, col). */
export function a1(row: number, col: number): string {
  return `${spaltenBuchstabe(col)}${row}`;
}

/** Last row of a rectangle (inclusive). */
export function letzteZeile(b: Bereich): number {
  return b.zeile + b.zeilen - 1;
}

/** Last column of a rectangle (inclusive). */
export function letzteSpalte(b: Bereich): number {
  return b.spalte + b.spalten - 1;
}

/** A1 range text of a 1-based block, e.g. (2,1,3,4) → "A2:D4"; a single cell stays "A2". */
export function bereichsAdresse(zeile: number, spalte: number, zeilen: number, spalten: number): string {
  const start = a1(zeile, spalte);
  if (zeilen === 1 && spalten === 1) return start;
  return `${start}:${a1(zeile + zeilen - 1, spalte + spalten - 1)}`;
}

/** A1 range text of a rectangle. */
export function rechteckAdresse(b: Bereich): string {
  return bereichsAdresse(b.zeile, b.spalte, b.zeilen, b.spalten);
}

/**
 * The sheet name as Excel writes it in a reference (and accepts it in the
 * Name Box): quoted when it has spaces or punctuation, e.g. 'KPI Übersicht'.
 */
export function blattImBezug(blatt: string): string {
  return /^[A-Za-zÄÖÜäöüß_][A-Za-z0-9ÄÖÜäöüß_.]*$/.test(blatt) ? blatt : `'${blatt.replace(/'/g, "''")}'`;
}

/** "Blatt!A1", e.g. 'KPI Übersicht'!B3. */
export function blattAdresse(blatt: string, zelle: string): string {
  return `${blattImBezug(blatt)}!${zelle}`;
}

/** "Sheet!A1:C3", "'My Sheet'!B2" or "A1" as a rectangle; null for text that is no address. */
export function leseAdresse(adresse: string): BlattBereich | null {
  let blatt = '';
  let rest = adresse.trim();
  const bang = rest.lastIndexOf('!');
  if (bang >= 0) {
    blatt = rest.slice(0, bang);
    rest = rest.slice(bang + 1);
    if (blatt.startsWith("'") && blatt.endsWith("'")) blatt = blatt.slice(1, -1).replace(/''/g, "'");
  }
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(rest);
  if (!m) return null;
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

/** Like leseAdresse, for addresses the program built itself: text that is no address is a bug. */
export function parseAdresse(adresse: string): BlattBereich {
  const b = leseAdresse(adresse);
  if (!b) throw new Error(`Ungültige Zelladresse „${adresse}“.`);
  return b;
}
