/**
 * Verlauf: the history of Zielerreichung and Umsetzungsquote, one row per
 * Handlungsfeld and one "Gesamt" row per refresh date. A second
 * refresh on the same day replaces that day's rows, so the history never
 * holds duplicates.
 */
import type { KpiResult, Plan, RawTable, RawValue, Zaehlung } from './model';
import { massnahmenZaehlung } from './kpi';
import { leseDatum, leseZahl, leseText, normalisiert } from './values';
import { deutscherTag } from './format';

/** Header text of the Gesamt row's HF-Nr cell. */
export const VERLAUF_GESAMT = 'Gesamt';

/** Columns of tblVerlauf, in sheet order. Read back by header text. */
export const VERLAUF_SPALTEN = [
  'Datum',
  'HF-Nr',
  'Handlungsfeld',
  'Zielerreichung',
  'Umsetzungsquote',
  'Maßnahmen',
  'umgesetzt',
  'begonnen',
  'geplant',
  'verschoben',
  'entfallen',
  'Wirkungen',
  'Kennzahlen',
  'Kennzahlen mit Istwert',
] as const;

export interface VerlaufZeile {
  /** ISO yyyy-mm-dd of the refresh day */
  readonly datum: string;
  /** null for the Gesamt row */
  readonly hf: number | null;
  readonly handlungsfeld: string;
  readonly zielerreichung: number | null;
  readonly umsetzungsquote: number | null;
  readonly massnahmen: number | null;
  readonly umgesetzt: number | null;
  readonly begonnen: number | null;
  readonly geplant: number | null;
  readonly verschoben: number | null;
  readonly entfallen: number | null;
  readonly wirkungen: number | null;
  readonly kennzahlen: number | null;
  readonly kennzahlenMitDaten: number | null;
}

/** ISO day → Date at UTC midnight, the form adapters write as a plain date cell. */
export function datumAlsZelle(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function zeile(datum: string, hf: number | null, name: string, z: Zaehlung, kennzahlen: number, mitDaten: number): VerlaufZeile {
  return {
    datum,
    hf,
    handlungsfeld: name,
    zielerreichung: z.zielerreichung,
    umsetzungsquote: z.umsetzungsquote,
    ...massnahmenZaehlung(z),
    wirkungen: z.wirkungen,
    kennzahlen,
    kennzahlenMitDaten: mitDaten,
  };
}

/**
 * Appends today's rows (one per HF in kpi order, then Gesamt) to the
 * history. Rows of the same day are replaced; the result is sorted by date
 * (stable, so the HF order within a day is kept).
 * `plan` supplies the Handlungsfeld names; without it rows say "HF n".
 */
export function verlaufFortschreiben(
  bisher: readonly VerlaufZeile[],
  kpi: KpiResult,
  datum: Date,
  plan?: Pick<Plan, 'handlungsfelder'>,
): VerlaufZeile[] {
  const tag = deutscherTag(datum);
  const namen = new Map((plan?.handlungsfelder ?? []).map((h) => [h.nr, h.name] as const));
  const kennzahlenJeHf = new Map<number, { n: number; mitDaten: number }>();
  let n = 0;
  let mitDaten = 0;
  for (const h of kpi.handlungsziele) {
    n += h.kennzahlen;
    mitDaten += h.kennzahlenMitDaten;
    if (h.hf === null) continue;
    const c = kennzahlenJeHf.get(h.hf) ?? { n: 0, mitDaten: 0 };
    c.n += h.kennzahlen;
    c.mitDaten += h.kennzahlenMitDaten;
    kennzahlenJeHf.set(h.hf, c);
  }
  const neu: VerlaufZeile[] = kpi.handlungsfelder.map((h) => {
    const c = kennzahlenJeHf.get(h.hf) ?? { n: 0, mitDaten: 0 };
    return zeile(tag, h.hf, namen.get(h.hf) ?? `HF ${h.hf}`, h, c.n, c.mitDaten);
  });
  neu.push(zeile(tag, null, VERLAUF_GESAMT, kpi.gesamt, n, mitDaten));

  const rest = bisher.filter((z) => z.datum !== tag);
  return [...rest, ...neu]
    .map((z, i) => ({ z, i }))
    .sort((a, b) => (a.z.datum < b.z.datum ? -1 : a.z.datum > b.z.datum ? 1 : a.i - b.i))
    .map((x) => x.z);
}

/**
 * Reads the existing Verlauf back from tblVerlauf (columns by header text,
 * extra columns ignored). Rows without a readable date are skipped: the
 * sheet is tool-owned, so such rows can only be leftovers of manual edits.
 */
export function verlaufAusTabelle(t: RawTable | undefined): VerlaufZeile[] {
  if (!t) return [];
  const idx = new Map<string, number>();
  t.headers.forEach((h, i) => {
    const key = normalisiert(String(h ?? ''));
    if (!idx.has(key)) idx.set(key, i);
  });
  const zelle = (row: readonly RawValue[], header: string): RawValue => {
    const i = idx.get(normalisiert(header));
    return i === undefined ? null : (row[i] ?? null);
  };
  const zahl = (row: readonly RawValue[], header: string): number | null => leseZahl(zelle(row, header)).wert;

  const out: VerlaufZeile[] = [];
  for (const row of t.rows) {
    const datum = leseDatum(zelle(row, 'Datum')).wert;
    if (datum === null) continue;
    const hfText = leseText(zelle(row, 'HF-Nr')).wert;
    const hf = normalisiert(hfText) === normalisiert(VERLAUF_GESAMT) ? null : zahl(row, 'HF-Nr');
    if (hf === null && normalisiert(hfText) !== normalisiert(VERLAUF_GESAMT)) continue;
    out.push({
      datum,
      hf,
      handlungsfeld: leseText(zelle(row, 'Handlungsfeld')).wert,
      zielerreichung: zahl(row, 'Zielerreichung'),
      umsetzungsquote: zahl(row, 'Umsetzungsquote'),
      massnahmen: zahl(row, 'Maßnahmen'),
      umgesetzt: zahl(row, 'umgesetzt'),
      begonnen: zahl(row, 'begonnen'),
      geplant: zahl(row, 'geplant'),
      verschoben: zahl(row, 'verschoben'),
      entfallen: zahl(row, 'entfallen'),
      wirkungen: zahl(row, 'Wirkungen'),
      kennzahlen: zahl(row, 'Kennzahlen'),
      kennzahlenMitDaten: zahl(row, 'Kennzahlen mit Istwert'),
    });
  }
  return out;
}
