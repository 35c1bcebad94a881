/**
 * Data typed below a table instead of into it: Excel does not grow a table
 * over an empty row, and scripts often append rows under the table's range.
 * Such rows are not part of the table and would be silently left out of the
 * report, so both readers (file and add-in) collect them with this rule.
 */
import { istLeer } from './values';
import type { RawValue } from './model';

/** How many rows below a table are looked at (the add-in loads exactly this window). */
export const FENSTER_DARUNTER = 50;
/** Empty rows tolerated between the table end and typed data (or between data rows). */
const LUECKE = 2;

/**
 * Sheet rows holding data in the table's columns directly below the table.
 * `zeilen[0]` is sheet row `ersteZeile`. A row counts as data when at least
 * two cells are filled (a single note or a sum under a column is no record);
 * the search stops after more than LUECKE empty rows.
 */
export function zeilenMitDatenDarunter(zeilen: readonly (readonly RawValue[])[], ersteZeile: number): number[] {
  const treffer: number[] = [];
  let leer = 0;
  for (let i = 0; i < zeilen.length && i < FENSTER_DARUNTER; i++) {
    const gefuellt = zeilen[i].filter((v) => v !== null && v !== undefined && !istLeer(v)).length;
    if (gefuellt >= 2) {
      treffer.push(ersteZeile + i);
      leer = 0;
    } else if (gefuellt === 0 && ++leer > LUECKE) break;
  }
  return treffer;
}

/** „12“, „12–14“, „12–14, 17“: row numbers as compact ranges. */
export function zeilenText(zeilen: readonly number[]): string {
  const teile: string[] = [];
  for (let i = 0; i < zeilen.length;) {
    let j = i;
    while (j + 1 < zeilen.length && zeilen[j + 1] === zeilen[j] + 1) j++;
    teile.push(j === i ? String(zeilen[i]) : `${zeilen[i]}–${zeilen[j]}`);
    i = j + 1;
  }
  return teile.join(', ');
}
