/**
 * "Fehlende Angaben": what is still missing before an Umsetzungsbericht can
 * be made. Grouped by Handlungsfeld with its network and network
 * leads, so the steering group knows whom to ask.
 */
import { istZaehlbareMassnahme } from './kpi';
import type { Ampel, KpiResult, Plan } from './model';
import { ortVon } from './befunde';
import { SHEETS } from './schema';
import { spaltenBuchstabe } from './adresse';

export type FehlendArt =
  'ohneHandlungsziel' | 'ohneCheckliste' | 'ohneKennzahl' | 'ohneMassnahme' | 'ohneIstwert' | 'rotOhneBegruendung';

export const FEHLEND_ARTEN: readonly FehlendArt[] = [
  'ohneHandlungsziel',
  'ohneCheckliste',
  'ohneKennzahl',
  'ohneMassnahme',
  'ohneIstwert',
  'rotOhneBegruendung',
];

/** German labels, for the CLI, the task pane and JSON readers. */
export const FEHLEND_TITEL: Readonly<Record<FehlendArt, string>> = {
  ohneHandlungsziel: 'Handlungsfeld ohne Handlungsziel',
  ohneCheckliste: 'Handlungsziel ohne Checkliste',
  ohneKennzahl: 'Handlungsziel ohne Kennzahl',
  ohneMassnahme: 'Handlungsziel ohne Maßnahme',
  ohneIstwert: 'Kennzahl ohne Istwert',
  rotOhneBegruendung: 'Ampel rot ohne Begründung',
};

export interface FehlendeAngabe {
  readonly art: FehlendArt;
  readonly handlungszielId: string;
  /** only for ohneIstwert / rotOhneBegruendung */
  readonly kennzahlId: string | null;
  /** where to fill it in; empty zelle when a row is missing altogether */
  readonly blatt: string;
  readonly zelle: string;
  readonly meldung: string;
}

export type FehlendAnzahl = Readonly<Record<FehlendArt, number>>;

export interface FehlendHandlungsfeld {
  /** null: Handlungsziele whose HF-Nr is not in tblHandlungsfelder */
  readonly hf: number | null;
  readonly handlungsfeld: string;
  readonly netzwerk: string;
  readonly netzwerkleitung: string;
  readonly handlungsziele: number;
  readonly kennzahlen: number;
  readonly anzahl: FehlendAnzahl;
  /** satisfied checks / all checks (0…1); null when there is nothing to check */
  readonly vollstaendigkeit: number | null;
  readonly angaben: readonly FehlendeAngabe[];
}

export interface FehlendeAngabenBericht {
  readonly berichtsjahr: number;
  /** true when nothing is missing */
  readonly vollstaendig: boolean;
  readonly handlungsfelder: readonly FehlendHandlungsfeld[];
  readonly gesamt: {
    readonly handlungsziele: number;
    readonly kennzahlen: number;
    readonly anzahl: FehlendAnzahl;
    readonly vollstaendigkeit: number | null;
  };
}

const leereAnzahl = (): Record<FehlendArt, number> => ({
  ohneHandlungsziel: 0,
  ohneCheckliste: 0,
  ohneKennzahl: 0,
  ohneMassnahme: 0,
  ohneIstwert: 0,
  rotOhneBegruendung: 0,
});

interface Gruppe {
  hf: number | null;
  handlungsfeld: string;
  netzwerk: string;
  netzwerkleitung: string;
  handlungsziele: number;
  kennzahlen: number;
  geprueft: number;
  anzahl: Record<FehlendArt, number>;
  angaben: FehlendeAngabe[];
}

/** Column letter of a Kennzahlen header where the table was read (template layout as fallback). */
function kennzahlSpalte(plan: Plan, header: string): string {
  return spaltenBuchstabe(ortVon(plan, 'kennzahlen').spalten[header] ?? 1);
}

/**
 * Collects the missing data. Checks counted for the completeness figure:
 * per Handlungsfeld 1 (has Handlungsziele), per Handlungsziel 3
 * (Checkliste, Kennzahl, Maßnahme), per Kennzahl 1 (Istwert) and per red
 * Kennzahl 1 more (Begründung).
 *
 * Cell addresses point where the Kennzahl was read.
 */
export function fehlendeAngaben(plan: Plan, kpi: KpiResult): FehlendeAngabenBericht {
  const gruppen = new Map<number | null, Gruppe>();
  const hfSortiert = [...plan.handlungsfelder].sort((a, b) => a.nr - b.nr);
  for (const hf of hfSortiert) {
    gruppen.set(hf.nr, {
      hf: hf.nr,
      handlungsfeld: hf.name,
      netzwerk: hf.netzwerk,
      netzwerkleitung: hf.netzwerkleitung,
      handlungsziele: 0,
      kennzahlen: 0,
      geprueft: 0,
      anzahl: leereAnzahl(),
      angaben: [],
    });
  }
  const gruppeVon = (hf: number | null): Gruppe => {
    const key = hf !== null && gruppen.has(hf) ? hf : null;
    let g = gruppen.get(key);
    if (!g) {
      g = {
        hf: null,
        handlungsfeld: 'Ohne gültiges Handlungsfeld',
        netzwerk: '',
        netzwerkleitung: '',
        handlungsziele: 0,
        kennzahlen: 0,
        geprueft: 0,
        anzahl: leereAnzahl(),
        angaben: [],
      };
      gruppen.set(null, g);
    }
    return g;
  };
  const melde = (g: Gruppe, a: FehlendeAngabe): void => {
    g.anzahl[a.art]++;
    g.angaben.push(a);
  };

  const mitCheckliste = new Set(plan.checkliste.map((c) => c.zielId));
  const mitMassnahme = new Set(plan.arbeitsplanung.filter(istZaehlbareMassnahme).map((r) => r.zielId));
  const kennzahlenJeZiel = new Map<string, number>();
  for (const k of plan.kennzahlen) kennzahlenJeZiel.set(k.zielId, (kennzahlenJeZiel.get(k.zielId) ?? 0) + 1);
  const hfJeZiel = new Map<string, number | null>();
  for (const z of plan.ziele) hfJeZiel.set(z.id, z.hf);

  for (const z of plan.ziele) {
    const g = gruppeVon(z.hf);
    g.handlungsziele++;
    g.geprueft += 3;
    const ziel = `Handlungsziel ${z.id}`;
    if (!mitCheckliste.has(z.id)) {
      melde(g, {
        art: 'ohneCheckliste',
        handlungszielId: z.id,
        kennzahlId: null,
        blatt: SHEETS.checkliste,
        zelle: '',
        meldung: `${ziel}: keine Zeile in der Checkliste. Bitte eine Zeile mit Handlungsziel-ID ${z.id} im Blatt ${SHEETS.checkliste} anlegen und ausfüllen.`,
      });
    }
    if (!kennzahlenJeZiel.has(z.id)) {
      melde(g, {
        art: 'ohneKennzahl',
        handlungszielId: z.id,
        kennzahlId: null,
        blatt: SHEETS.kennzahlen,
        zelle: '',
        meldung: `${ziel}: keine Kennzahl. Bitte mindestens eine Kennzahl mit Zielwert im Blatt ${SHEETS.kennzahlen} anlegen.`,
      });
    }
    if (!mitMassnahme.has(z.id)) {
      melde(g, {
        art: 'ohneMassnahme',
        handlungszielId: z.id,
        kennzahlId: null,
        blatt: SHEETS.arbeitsplanung,
        zelle: '',
        meldung: `${ziel}: keine Maßnahme in der Arbeitsplanung (Standardmaßnahmen zählen nicht). Bitte eine Maßnahme planen.`,
      });
    }
  }

  // A Handlungsfeld without any Handlungsziel has nothing to report on.
  for (const g of gruppen.values()) {
    if (g.hf === null) continue;
    g.geprueft++;
    if (g.handlungsziele === 0) {
      melde(g, {
        art: 'ohneHandlungsziel',
        handlungszielId: '',
        kennzahlId: null,
        blatt: SHEETS.ziele,
        zelle: '',
        meldung: `Handlungsfeld ${g.hf} (${g.handlungsfeld || 'ohne Namen'}): keine Handlungsziele erfasst. Bitte die Handlungsziele im Blatt ${SHEETS.ziele} eintragen.`,
      });
    }
  }

  const istCol = kennzahlSpalte(plan, 'Istwert');
  const begrCol = kennzahlSpalte(plan, 'Begründung');

  plan.kennzahlen.forEach((k, i) => {
    const g = gruppeVon(hfJeZiel.get(k.zielId) ?? null);
    g.kennzahlen++;
    g.geprueft++;
    const was = `Kennzahl ${k.id} (${k.name || 'ohne Bezeichnung'}, Handlungsziel ${k.zielId})`;
    if (k.istwert === null) {
      melde(g, {
        art: 'ohneIstwert',
        handlungszielId: k.zielId,
        kennzahlId: k.id,
        blatt: k.ref.sheet,
        zelle: `${istCol}${k.ref.row}`,
        meldung: `${k.ref.sheet}!${istCol}${k.ref.row}: ${was} hat noch keinen Istwert. Bitte den Istwert eintragen.`,
      });
    }
    // kpi.kennzahlen is in table order, parallel to plan.kennzahlen.
    const ampel: Ampel | undefined =
      kpi.kennzahlen[i]?.id === k.id ? kpi.kennzahlen[i].ampel : kpi.kennzahlen.find((x) => x.id === k.id)?.ampel;
    if (ampel === 'rot') {
      g.geprueft++;
      if (k.begruendung.trim() === '') {
        melde(g, {
          art: 'rotOhneBegruendung',
          handlungszielId: k.zielId,
          kennzahlId: k.id,
          blatt: k.ref.sheet,
          zelle: `${begrCol}${k.ref.row}`,
          meldung: `${k.ref.sheet}!${begrCol}${k.ref.row}: ${was} steht auf Rot, aber eine Begründung fehlt. Bitte kurz begründen, warum das Ziel nicht erreicht wird.`,
        });
      }
    }
  });

  const summe = (a: Record<FehlendArt, number>): number => FEHLEND_ARTEN.reduce((s, art) => s + a[art], 0);
  const quote = (geprueft: number, fehlend: number): number | null => (geprueft === 0 ? null : (geprueft - fehlend) / geprueft);

  const liste = [...gruppen.values()].sort((a, b) => (a.hf ?? Number.MAX_SAFE_INTEGER) - (b.hf ?? Number.MAX_SAFE_INTEGER));
  const gesamtAnzahl = leereAnzahl();
  let gesamtGeprueft = 0;
  for (const g of liste) {
    for (const art of FEHLEND_ARTEN) gesamtAnzahl[art] += g.anzahl[art];
    gesamtGeprueft += g.geprueft;
  }
  const handlungsfelder: FehlendHandlungsfeld[] = liste.map((g) => ({
    hf: g.hf,
    handlungsfeld: g.handlungsfeld,
    netzwerk: g.netzwerk,
    netzwerkleitung: g.netzwerkleitung,
    handlungsziele: g.handlungsziele,
    kennzahlen: g.kennzahlen,
    anzahl: g.anzahl,
    vollstaendigkeit: quote(g.geprueft, summe(g.anzahl)),
    angaben: g.angaben,
  }));
  const fehlendGesamt = summe(gesamtAnzahl);
  return {
    berichtsjahr: kpi.berichtsjahr,
    vollstaendig: fehlendGesamt === 0,
    handlungsfelder,
    gesamt: {
      handlungsziele: plan.ziele.length,
      kennzahlen: plan.kennzahlen.length,
      anzahl: gesamtAnzahl,
      vollstaendigkeit: quote(gesamtGeprueft, fehlendGesamt),
    },
  };
}
