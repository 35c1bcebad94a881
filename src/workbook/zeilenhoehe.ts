/**
 * Estimated row heights for grids with wrapped text. LibreOffice does not
 * fit row heights of files written by exceljs and Excel never fits merged
 * cells, so printed pages would cut text off. The estimate wraps words
 * greedily at the column width (Excel character units) and is deliberately
 * a little generous.
 */
import type { GridCell } from './grid';
import { STYLES } from './styles';
import { letzteSpalte, parseAdresse } from '../domain/adresse';

const BASIS_PT = 11;

/** Characters of average text that fit one line of `breite` character units. */
function zeichenProZeile(breite: number, fontSize: number, fett: boolean): number {
  // Average text characters are narrower than the digit "0" that defines the
  // unit; bold and larger fonts take more room.
  return Math.max(1, Math.floor(((breite * 1.05) / (fett ? 1.1 : 1)) * (BASIS_PT / fontSize)));
}

/** Lines a text needs at `breite` character units (explicit line breaks respected). */
export function zeilenBedarf(text: string, breite: number, fontSize = BASIS_PT, fett = false): number {
  const proZeile = zeichenProZeile(breite, fontSize, fett);
  let zeilen = 0;
  for (const absatz of text.split('\n')) {
    let laenge = 0;
    let n = 1;
    for (const wort of absatz.split(/\s+/).filter((w) => w !== '')) {
      let w = wort.length;
      // A word longer than a line is broken by character.
      while (w > proZeile) {
        if (laenge > 0) n++;
        w -= proZeile;
        laenge = 0;
        n++;
      }
      if (laenge === 0) laenge = w;
      else if (laenge + 1 + w <= proZeile) laenge += 1 + w;
      else {
        n++;
        laenge = w;
      }
    }
    zeilen += n;
  }
  return Math.max(1, zeilen);
}

/**
 * The text as lines that fit `breite` character units, broken at spaces
 * (a longer word stands alone on its line). For long texts on computed
 * sheets: one line per row instead of merged cells, which screen readers
 * and Excel's accessibility checker do not handle.
 */
export function umbrechen(text: string, breite: number, fontSize = BASIS_PT, fett = false): string[] {
  const proZeile = zeichenProZeile(breite, fontSize, fett);
  const zeilen: string[] = [];
  for (const absatz of text.split('\n')) {
    let zeile = '';
    for (const wort of absatz.split(/\s+/).filter((w) => w !== '')) {
      if (zeile === '') zeile = wort;
      else if (zeile.length + 1 + wort.length <= proZeile) zeile += ` ${wort}`;
      else {
        zeilen.push(zeile);
        zeile = wort;
      }
    }
    zeilen.push(zeile);
  }
  return zeilen;
}

/**
 * Heights (points) for every row that needs more than one line; null where
 * the default height fits. Merged ranges count with their combined width
 * (only single-row merges are considered).
 */
export function zeilenhoehen(
  rows: readonly (readonly GridCell[])[],
  breiten: readonly number[],
  merges: readonly string[] = [],
): (number | null)[] {
  const mergeBreite = new Map<string, number>();
  for (const m of merges) {
    const b = parseAdresse(m);
    if (b.zeilen !== 1) continue;
    let w = 0;
    for (let c = b.spalte; c <= letzteSpalte(b); c++) w += breiten[c - 1] ?? 9;
    mergeBreite.set(`${b.zeile}:${b.spalte}`, w);
  }
  return rows.map((row, r) => {
    let hoehe = 0;
    let mehrzeilig = false;
    row.forEach((cell, c) => {
      if (typeof cell.v !== 'string' || !cell.s) return;
      const stil = STYLES[cell.s];
      const size = stil.fontSize ?? BASIS_PT;
      const breite = mergeBreite.get(`${r + 1}:${c + 1}`) ?? breiten[c] ?? 9;
      const n = stil.wrap ? zeilenBedarf(cell.v, breite, size, Boolean(stil.bold)) : 1;
      if (n > 1) mehrzeilig = true;
      hoehe = Math.max(hoehe, n * Math.ceil(size * 1.35) + 3);
    });
    // Large single-line fonts (titles) need a taller row too.
    return mehrzeilig || hoehe > 18 ? hoehe : null;
  });
}
