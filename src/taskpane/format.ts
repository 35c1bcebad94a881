/** German number and date formatting for the pane (Intl, no extra library). */

const DATUM_ZEIT = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short' });
const PROZENT = new Intl.NumberFormat('de-DE', { style: 'percent', maximumFractionDigits: 0 });

export function datumZeit(d: Date): string {
  return DATUM_ZEIT.format(d);
}

/** 0.934 → "93 %"; null → "–" */
export function prozent(wert: number | null): string {
  return wert === null ? '–' : PROZENT.format(wert);
}

/** "1 Fehler", "2 Fehler"; "1 Warnung", "3 Warnungen" */
export function anzahl(n: number, einzahl: string, mehrzahl: string): string {
  return `${n} ${n === 1 ? einzahl : mehrzahl}`;
}
