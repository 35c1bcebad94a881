/**
 * German formatting for everything a person reads: messages, the CLI, the
 * task pane, the computed sheets and the reports. One rule each, so a value
 * reads the same wherever it appears.
 */

/** German typographic quotes, used in every message that cites a value. */
export function zitat(s: string): string {
  return `„${s}“`;
}

/** „a“, „b“ oder „c“ */
export function aufzaehlung(values: readonly string[], bindewort: 'oder' | 'und' = 'oder'): string {
  const q = values.map(zitat);
  if (q.length <= 1) return q.join('');
  return `${q.slice(0, -1).join(', ')} ${bindewort} ${q[q.length - 1]}`;
}

/** "1 Warnung", "3 Warnungen" – German plural instead of "Warnung(en)". */
export function anzahl(n: number, einzahl: string, mehrzahl: string): string {
  return `${n} ${n === 1 ? einzahl : mehrzahl}`;
}

/** 0.934 → "93 %"; without a value `ohneWert` ("–" unless told otherwise). */
export function prozent(wert: number | null, ohneWert = '–'): string {
  return wert === null ? ohneWert : `${Math.round(wert * 100)} %`;
}

/** A number as plain text without float noise: 0.1 + 0.2 → "0.3". */
export function zahlAlsText(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(15)));
}

/** Number formatted German style for messages: 1234.5 → "1234,5". */
export function zahlDeutsch(n: number): string {
  return zahlAlsText(n).replace('.', ',');
}

const ZAHL_IM_BERICHT = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });

/**
 * A figure in a report table, as the sheet's number formats show it (`#,##0`
 * whole, `#,##0.0#` otherwise): 1234.567 → "1.234,57"; without a value "–".
 */
export function zahlImBericht(n: number | null): string {
  return n === null ? '–' : ZAHL_IM_BERICHT.format(n);
}

/** yyyy-mm-dd → "TT.MM.JJJJ" */
export function datumDeutsch(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

// made on first use: creating it loads the time zone data (about 20 ms), which pruefen and kpi --json never need
let zeitformat: Intl.DateTimeFormat | undefined;
const deutschesZeitformat = (): Intl.DateTimeFormat =>
  (zeitformat ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    // h23: midnight is "00", never "24"
    hourCycle: 'h23',
  }));

export interface DeutscheZeit {
  readonly jahr: string;
  readonly monat: string;
  readonly tag: string;
  readonly stunde: string;
  readonly minute: string;
  readonly sekunde: string;
}

/**
 * Calendar and clock parts of an instant in German time (Europe/Berlin),
 * zero-padded: the office works in Rheine, so a CLI on a UTC server or a
 * laptop abroad stamps the same time as Excel on an office desk.
 */
export function deutscheZeit(d: Date): DeutscheZeit {
  const teile = deutschesZeitformat().formatToParts(d);
  const teil = (t: Intl.DateTimeFormatPartTypes): string => teile.find((p) => p.type === t)?.value ?? '';
  return { jahr: teil('year'), monat: teil('month'), tag: teil('day'), stunde: teil('hour'), minute: teil('minute'), sekunde: teil('second') };
}

/**
 * The day as ISO yyyy-mm-dd in German time, like the "Berechnet am" stamps:
 * a CLI on a UTC server at 00:30 German time must not file the figures
 * under the previous day.
 */
export function deutscherTag(d: Date): string {
  const z = deutscheZeit(d);
  return `${z.jahr}-${z.monat}-${z.tag}`;
}

/** "25.11.2026, 15:49 Uhr" in German time, independent of the machine's time zone. */
export function zeitstempel(d: Date): string {
  const z = deutscheZeit(d);
  return `${z.tag}.${z.monat}.${z.jahr}, ${z.stunde}:${z.minute} Uhr`;
}

// The task pane's forms, kept apart from the sheets' and the CLI's: the pane shows the
// browser's local time and Intl's percent (with a non-breaking space, so "93 %" never wraps).
let paneDatumZeit: Intl.DateTimeFormat | undefined;
let paneProzent: Intl.NumberFormat | undefined;

/** "25.11.2026, 15:49" in the local time of the browser (the task pane). */
export function datumZeit(d: Date): string {
  return (paneDatumZeit ??= new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short' })).format(d);
}

/** 0.934 → "93 %" with a non-breaking space (the task pane); null → "–" */
export function prozentImAufgabenbereich(wert: number | null): string {
  return wert === null ? '–' : (paneProzent ??= new Intl.NumberFormat('de-DE', { style: 'percent', maximumFractionDigits: 0 })).format(wert);
}
