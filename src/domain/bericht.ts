/**
 * The Umsetzungsbericht as data: per Handlungsfeld an overview and
 * each Handlungsziel with its Kennzahlen, Maßnahmen and Wirkungen.
 * Standardmaßnahmen are not part of the report (SPEC §1); they are listed
 * separately for the footnote.
 */
import { entwicklung, type Entwicklung } from './kpi';
import type { Ampel, ChecklisteZeile, HandlungsfeldKpi, Kennzahl, KpiResult, Plan, PlanZeile, Zaehlung } from './model';

/** The Kennzahl's own fields as read from tblKennzahlen (same types as in the plan). */
type KennzahlAngaben = Pick<
  Kennzahl,
  'id' | 'name' | 'einheit' | 'ebene' | 'ausgangswert' | 'zielwert' | 'istwert' | 'stichtag' | 'begruendung' | 'datenquelle'
>;

export interface BerichtKennzahl extends KennzahlAngaben {
  /** uncapped, as per Kennzahl in SPEC §4 */
  readonly zielerreichung: number | null;
  readonly ampel: Ampel;
  /** Istwert of the Berichtsjahr − 1 from tblZeitreihe (SPEC §4) */
  readonly vorjahr: number | null;
  readonly entwicklung: Entwicklung | null;
}

export interface BerichtZiel {
  readonly id: string;
  readonly handlungsziel: string;
  readonly herausforderung: string;
  readonly leitziel: string;
  readonly zielerreichung: number | null;
  readonly ampel: Ampel;
  readonly kennzahlen: readonly BerichtKennzahl[];
  /** non-standard Maßnahmen, table order */
  readonly massnahmen: readonly PlanZeile[];
  /** non-standard Wirkungen, table order */
  readonly wirkungen: readonly PlanZeile[];
  readonly checkliste: ChecklisteZeile | null;
}

export interface BerichtHandlungsfeld {
  readonly hf: number;
  readonly name: string;
  readonly netzwerk: string;
  readonly netzwerkleitung: string;
  readonly kpi: HandlungsfeldKpi;
  readonly ziele: readonly BerichtZiel[];
}

export interface BerichtStandardmassnahme {
  readonly nr: string;
  readonly hf: number | null;
  readonly handlungszielId: string;
  readonly beschreibung: string;
}

export interface Umsetzungsbericht {
  readonly berichtsjahr: number;
  /** latest Stichtag of any Kennzahl (ISO), null when none is given */
  readonly stichtag: string | null;
  readonly handlungsfelder: readonly BerichtHandlungsfeld[];
  readonly gesamt: Zaehlung;
  /** Standardmaßnahmen, not part of the report; for the footnote */
  readonly standardmassnahmen: readonly BerichtStandardmassnahme[];
  /** some Kennzahl has a Vorjahr (from the second year on): reports show the Vorjahr columns */
  readonly mitVorjahr: boolean;
}

/**
 * Builds the report model from a validated plan and its KPIs. Handlungsfelder
 * in HF-Nr order (as in kpi.handlungsfelder), Handlungsziele and rows in
 * table order.
 */
export function umsetzungsbericht(plan: Plan, kpi: KpiResult): Umsetzungsbericht {
  const zielKpi = new Map(kpi.handlungsziele.map((h) => [h.id, h] as const));

  const kennzahlenJeZiel = new Map<string, BerichtKennzahl[]>();
  let stichtag: string | null = null;
  plan.kennzahlen.forEach((k, i) => {
    // kpi.kennzahlen is parallel to plan.kennzahlen (table order); fall back to the id.
    const kk = kpi.kennzahlen[i];
    const wert = kk && kk.id === k.id ? kk : kpi.kennzahlen.find((x) => x.id === k.id);
    if (k.stichtag !== null && (stichtag === null || k.stichtag > stichtag)) stichtag = k.stichtag;
    const list = kennzahlenJeZiel.get(k.zielId) ?? [];
    list.push({
      id: k.id,
      name: k.name,
      einheit: k.einheit,
      ebene: k.ebene,
      ausgangswert: k.ausgangswert,
      zielwert: k.zielwert,
      istwert: k.istwert,
      stichtag: k.stichtag,
      zielerreichung: wert?.zielerreichung ?? null,
      ampel: wert?.ampel ?? 'keine_daten',
      vorjahr: wert?.vorjahr ?? null,
      entwicklung: entwicklung(k, wert?.vorjahr ?? null),
      begruendung: k.begruendung,
      datenquelle: k.datenquelle,
    });
    kennzahlenJeZiel.set(k.zielId, list);
  });

  const zeilenJeZiel = new Map<string, PlanZeile[]>();
  const standardmassnahmen: BerichtStandardmassnahme[] = [];
  for (const r of plan.arbeitsplanung) {
    if (r.standard) {
      standardmassnahmen.push({ nr: r.nr, hf: r.hf, handlungszielId: r.zielId, beschreibung: r.beschreibung });
      continue;
    }
    const list = zeilenJeZiel.get(r.zielId) ?? [];
    list.push(r);
    zeilenJeZiel.set(r.zielId, list);
  }
  const checkliste = new Map(plan.checkliste.map((c) => [c.zielId, c] as const));
  const hfInfo = new Map(plan.handlungsfelder.map((h) => [h.nr, h] as const));

  const handlungsfelder: BerichtHandlungsfeld[] = kpi.handlungsfelder.map((hk) => {
    const info = hfInfo.get(hk.hf);
    const ziele: BerichtZiel[] = plan.ziele
      .filter((z) => z.hf === hk.hf)
      .map((z) => {
        const zk = zielKpi.get(z.id);
        const zeilen = zeilenJeZiel.get(z.id) ?? [];
        return {
          id: z.id,
          handlungsziel: z.handlungsziel,
          herausforderung: z.herausforderung,
          leitziel: z.leitziel,
          zielerreichung: zk?.zielerreichung ?? null,
          ampel: zk?.ampel ?? 'keine_daten',
          kennzahlen: kennzahlenJeZiel.get(z.id) ?? [],
          massnahmen: zeilen.filter((r) => r.art === 'Maßnahme'),
          wirkungen: zeilen.filter((r) => r.art === 'Wirkung'),
          checkliste: checkliste.get(z.id) ?? null,
        };
      });
    return {
      hf: hk.hf,
      name: info?.name ?? `Handlungsfeld ${hk.hf}`,
      netzwerk: info?.netzwerk ?? '',
      netzwerkleitung: info?.netzwerkleitung ?? '',
      kpi: hk,
      ziele,
    };
  });

  const mitVorjahr = kpi.kennzahlen.some((k) => k.vorjahr !== null);
  return { berichtsjahr: kpi.berichtsjahr, stichtag, handlungsfelder, gesamt: kpi.gesamt, standardmassnahmen, mitVorjahr };
}
