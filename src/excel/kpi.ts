/**
 * KPIs aktualisieren: read the workbook → domain `pruefen` → stop with the
 * findings if there is any Fehler (nothing is written) → `berechneKpi` →
 * build the computed sheets → write them in place.
 *
 * Syncs: 2 whatever the row count — one read, one write — while the writes
 * fit one request of ~4 MB (each further ~4 MB one more, reported in
 * `anfrage`); the loads the writer needs (protection, chart names of the
 * computed sheets, by name) ride along with the read.
 */
import { berechneKpi, hatFehler, pruefen } from '../domain';
import type { Finding, KpiResult } from '../domain/model';
import { BERECHNETE_BLAETTER, type BerechnetesBlatt, type BlattEingabe } from '../workbook/berechneteBlaetter';
import { leseTabellen } from './lesen';
import { GridSchreiber, type GridErgebnis } from './schreiben';
import { officeUnterstuetzt, verfuegbar, type IstUnterstuetzt } from './requirements';

/** Custom document property holding the ISO time of the last refresh. */
import { KPI_STAND_EIGENSCHAFT } from './stand';

export { KPI_STAND_EIGENSCHAFT };

export interface KpiErgebnis {
  /** null when the workbook has Fehler: then nothing was written */
  readonly kpi: KpiResult | null;
  readonly findings: readonly Finding[];
  readonly berechnetAm: Date;
  /** sheets written (empty when nothing was written) */
  readonly geschrieben: readonly GridErgebnis[];
  /** estimated size of the largest write request and the syncs added because the writes exceeded one request */
  readonly anfrage: { readonly groessteBytes: number; readonly zusaetzlicheSyncs: number };
}

export interface KpiOptionen {
  readonly unterstuetzt?: IstUnterstuetzt;
  /** overrides the sheet list (tests, partial refresh) */
  readonly blaetter?: readonly BerechnetesBlatt[];
  /** name shown as "computed from"; default: the workbook name */
  readonly quelle?: string;
}

export async function kpiAktualisieren(context: Excel.RequestContext, now: Date, optionen: KpiOptionen = {}): Promise<KpiErgebnis> {
  const unterstuetzt = optionen.unterstuetzt ?? officeUnterstuetzt;
  const blaetter = optionen.blaetter ?? BERECHNETE_BLAETTER;
  const schreiber = new GridSchreiber(context, { unterstuetzt });
  const namen = blaetter.map((b) => b.blatt);
  const raw = await leseTabellen(context, {
    unterstuetzt,
    vorSync1: () => schreiber.vorab(namen),
    nachLesen: (stand) => schreiber.nachLesen(stand, namen),
  });
  const quelle = optionen.quelle ?? raw.source ?? 'diese Arbeitsmappe';
  const { plan, findings } = pruefen({ ...raw, source: quelle });
  if (!plan || hatFehler(findings)) return { kpi: null, findings, berechnetAm: now, geschrieben: [], anfrage: { groessteBytes: 0, zusaetzlicheSyncs: 0 } };

  const kpi = berechneKpi(plan);
  const eingabe: BlattEingabe = { plan, kpi, meta: { berechnetAm: now, quelle }, raw };
  const grids = blaetter.map((b) => b.bauen(eingabe));
  const geschrieben = await schreiber.mitSchutzHinweis(async () => {
    const g = await schreiber.schreiben(grids);
    if (verfuegbar('dokumentEigenschaften', unterstuetzt)) {
      context.workbook.properties.custom.add(KPI_STAND_EIGENSCHAFT, now.toISOString());
    }
    await context.sync();
    return g;
  });
  return { kpi, findings, berechnetAm: now, geschrieben, anfrage: { groessteBytes: schreiber.groessteAnfrage, zusaetzlicheSyncs: schreiber.zusaetzlicheSyncs } };
}
