/**
 * KPI rules of SPEC §4. Pure functions over a Plan; numbers unrounded.
 */
import type {
  Ampel,
  Einstellungen,
  HandlungsfeldKpi,
  HandlungszielKpi,
  Kennzahl,
  KennzahlKpi,
  KpiResult,
  Plan,
  PlanZeile,
  Zaehlung,
} from './model';
import { zahlDeutsch } from './format';

/**
 * Tolerance for threshold comparisons: (19−10)/(20−10) must be grün at 0.9
 * even if floating point yields 0.8999999999999999.
 */
const EPS = 1e-9;

/** Uncapped Zielerreichung of one Kennzahl; null without Istwert/Zielwert or when undefined (I/0). */
export function zielerreichung(k: {
  readonly ausgangswert: number | null;
  readonly zielwert: number | null;
  readonly istwert: number | null;
}): number | null {
  const { ausgangswert: a, zielwert: z, istwert: i } = k;
  if (i === null || z === null) return null;
  const wert = a !== null && a !== z ? (i - a) / (z - a) : i / z;
  return Number.isFinite(wert) ? wert : null;
}

export function ampelFuer(wert: number | null, e: Einstellungen): Ampel {
  if (wert === null || !Number.isFinite(wert)) return 'keine_daten';
  if (wert + EPS >= e.ampelGruen) return 'gruen';
  if (wert + EPS >= e.ampelGelb) return 'gelb';
  return 'rot';
}

/** The capped value used for aggregation only (0…1). */
export function gekappt(wert: number): number {
  return Math.min(1, Math.max(0, wert));
}

function mittelwert(werte: readonly number[]): number | null {
  if (werte.length === 0) return null;
  let s = 0;
  for (const w of werte) s += w;
  return s / werte.length;
}

interface Zaehler {
  massnahmen: number;
  umgesetzt: number;
  begonnen: number;
  geplant: number;
  verschoben: number;
  entfallen: number;
  wirkungen: number;
  standardmassnahmen: number;
}

const neuerZaehler = (): Zaehler => ({
  massnahmen: 0,
  umgesetzt: 0,
  begonnen: 0,
  geplant: 0,
  verschoben: 0,
  entfallen: 0,
  wirkungen: 0,
  standardmassnahmen: 0,
});

function zaehle(z: Zaehler, r: PlanZeile): void {
  if (r.standard) {
    z.standardmassnahmen++;
    return;
  }
  if (r.art === 'Maßnahme') {
    z.massnahmen++;
    if (r.status !== null) z[r.status]++;
  } else if (r.art === 'Wirkung') {
    z.wirkungen++;
  }
}

/** The Maßnahmen counts of a Zaehlung, in the field order of SPEC §5 (massnahmen, then by Status). */
export type MassnahmenZaehlung = Pick<Zaehlung, 'massnahmen' | 'umgesetzt' | 'begonnen' | 'geplant' | 'verschoben' | 'entfallen'>;

/**
 * Picks the Maßnahmen counts in SPEC order, so every place that prints or
 * stores them (JSON, Verlauf, report tables) lists the same fields the same way.
 */
export function massnahmenZaehlung(z: MassnahmenZaehlung): MassnahmenZaehlung {
  return {
    massnahmen: z.massnahmen,
    umgesetzt: z.umgesetzt,
    begonnen: z.begonnen,
    geplant: z.geplant,
    verschoben: z.verschoben,
    entfallen: z.entfallen,
  };
}

function abschluss(z: Zaehler, wert: number | null, ohneMassnahme: number, e: Einstellungen): Zaehlung {
  const nenner = z.massnahmen - z.entfallen;
  // Field order as in SPEC §5, so JSON.stringify prints them in that order.
  return {
    zielerreichung: wert,
    ampel: ampelFuer(wert, e),
    ...massnahmenZaehlung(z),
    umsetzungsquote: nenner > 0 ? z.umgesetzt / nenner : null,
    wirkungen: z.wirkungen,
    standardmassnahmen: z.standardmassnahmen,
    handlungszieleOhneMassnahme: ohneMassnahme,
  };
}

/** Whether a row counts as a (non-standard) Maßnahme for "Handlungsziel ohne Maßnahme". */
export function istZaehlbareMassnahme(r: PlanZeile): boolean {
  return !r.standard && r.art === 'Maßnahme';
}

export function kennzahlKpi(k: Kennzahl, e: Einstellungen, vorjahr: number | null = null): KennzahlKpi {
  const wert = zielerreichung(k);
  return { id: k.id, handlungszielId: k.zielId, zielerreichung: wert, ampel: ampelFuer(wert, e), vorjahr };
}

/** How a Kennzahl moved since the Vorjahr: the change with sign, and whether that is progress. */
export interface Entwicklung {
  readonly veraenderung: number;
  readonly trend: 'besser' | 'schlechter' | 'unverändert';
}

/**
 * Istwert − Vorjahr; better means towards the Zielwert: for a falling target
 * (Zielwert below Ausgangswert) fewer is better, otherwise more.
 */
export function entwicklung(k: Pick<Kennzahl, 'ausgangswert' | 'zielwert' | 'istwert'>, vorjahr: number | null): Entwicklung | null {
  if (k.istwert === null || vorjahr === null) return null;
  const veraenderung = k.istwert - vorjahr;
  const sinkend = k.ausgangswert !== null && k.zielwert !== null && k.zielwert < k.ausgangswert;
  const richtung = (sinkend ? -1 : 1) * veraenderung;
  return { veraenderung, trend: richtung > 0 ? 'besser' : richtung < 0 ? 'schlechter' : 'unverändert' };
}

/** „+12 (besser)“, „−3,5 (schlechter)“, „±0“; „–“ without a Vorjahr or Istwert. */
export function entwicklungText(e: Entwicklung | null): string {
  if (!e) return '–';
  const vorzeichen = e.veraenderung > 0 ? '+' : e.veraenderung < 0 ? '−' : '±';
  const zahl = `${vorzeichen}${zahlDeutsch(Math.round(Math.abs(e.veraenderung) * 100) / 100)}`;
  return e.trend === 'unverändert' ? zahl : `${zahl} (${e.trend})`;
}

/** Istwert per Kennzahl-ID for the year before the Berichtsjahr (SPEC §4 `vorjahr`). */
export function vorjahrWerte(plan: Plan): Map<string, number> {
  const jahr = plan.einstellungen.berichtsjahr - 1;
  const werte = new Map<string, number>();
  for (const z of plan.zeitreihe ?? []) {
    if (z.jahr === jahr && z.istwert !== null && !werte.has(z.kennzahlId)) werte.set(z.kennzahlId, z.istwert);
  }
  return werte;
}

export function berechneKpi(plan: Plan): KpiResult {
  const e = plan.einstellungen;

  const vorjahr = vorjahrWerte(plan);
  const kennzahlen = plan.kennzahlen.map((k) => kennzahlKpi(k, e, vorjahr.get(k.id) ?? null));

  // Capped values per Handlungsziel-ID (only Kennzahlen with a value).
  const gekappteWerte = new Map<string, number[]>();
  const anzahl = new Map<string, number>();
  plan.kennzahlen.forEach((k, i) => {
    anzahl.set(k.zielId, (anzahl.get(k.zielId) ?? 0) + 1);
    const w = kennzahlen[i].zielerreichung;
    if (w !== null) {
      const list = gekappteWerte.get(k.zielId) ?? [];
      list.push(gekappt(w));
      gekappteWerte.set(k.zielId, list);
    }
  });

  const mitMassnahme = new Set<string>();
  for (const r of plan.arbeitsplanung) if (istZaehlbareMassnahme(r)) mitMassnahme.add(r.zielId);

  const handlungsziele: HandlungszielKpi[] = plan.ziele.map((z) => {
    const werte = gekappteWerte.get(z.id) ?? [];
    const wert = mittelwert(werte);
    return {
      id: z.id,
      hf: z.hf,
      zielerreichung: wert,
      ampel: ampelFuer(wert, e),
      kennzahlen: anzahl.get(z.id) ?? 0,
      kennzahlenMitDaten: werte.length,
    };
  });

  const zaehlerJeHf = new Map<number, Zaehler>();
  const gesamtZaehler = neuerZaehler();
  for (const r of plan.arbeitsplanung) {
    zaehle(gesamtZaehler, r);
    if (r.hf === null) continue;
    let z = zaehlerJeHf.get(r.hf);
    if (!z) {
      z = neuerZaehler();
      zaehlerJeHf.set(r.hf, z);
    }
    zaehle(z, r);
  }

  const hfListe = [...plan.handlungsfelder].sort((a, b) => a.nr - b.nr);
  const handlungsfelder: HandlungsfeldKpi[] = hfListe.map((hf) => {
    const ziele = handlungsziele.filter((h) => h.hf === hf.nr);
    const wert = mittelwert(ziele.map((h) => h.zielerreichung).filter((w): w is number => w !== null));
    const ohne = plan.ziele.filter((z) => z.hf === hf.nr && !mitMassnahme.has(z.id)).length;
    return { hf: hf.nr, ...abschluss(zaehlerJeHf.get(hf.nr) ?? neuerZaehler(), wert, ohne, e) };
  });

  const gesamtWert = mittelwert(handlungsziele.map((h) => h.zielerreichung).filter((w): w is number => w !== null));
  const gesamtOhne = plan.ziele.filter((z) => !mitMassnahme.has(z.id)).length;

  return {
    berichtsjahr: e.berichtsjahr,
    schwellen: { gruen: e.ampelGruen, gelb: e.ampelGelb },
    kennzahlen,
    handlungsziele,
    handlungsfelder,
    gesamt: abschluss(gesamtZaehler, gesamtWert, gesamtOhne, e),
  };
}
