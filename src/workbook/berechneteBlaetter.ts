/**
 * Which computed sheets each action builds, in workbook order: the KPI
 * refresh (add-in and `kpi --aus`), `vorlage`, `bericht` and the year
 * rollover. Every sheet of COMPUTED_SHEETS has its builder here; adding a
 * sheet means adding it to the schema and one entry to BAUER.
 */
import { umsetzungsbericht, type Umsetzungsbericht } from '../domain/bericht';
import type { JahreswechselErgebnis } from '../domain/jahreswechsel';
import type { KpiResult, Plan, RawWorkbook } from '../domain/model';
import { COMPUTED_SHEETS, SHEETS, VERLAUF_TABELLE, type BerechnetesBlattName } from '../domain/schema';
import { verlaufAusTabelle } from '../domain/verlauf';
import { umsetzungsberichtGrid, type BerichtMeta } from './berichtSheet';
import type { Grid } from './grid';
import { jahreswechselGrid, type JahreswechselMeta } from './jahreswechselSheet';
import { kpiHandlungszieleGrid, kpiUebersichtGrid, platzhalterGrid, type KpiMeta } from './kpiSheets';
import { fortgeschriebenerVerlaufGrid, verlaufGrid } from './verlaufSheet';
import { datumDeutsch, deutscherTag } from '../domain/format';

/** What a refresh builds its sheets from. */
export interface BlattEingabe {
  readonly plan: Plan;
  readonly kpi: KpiResult;
  readonly meta: KpiMeta;
  /** everything read, e.g. the previous tblVerlauf rows */
  readonly raw: RawWorkbook;
}

/** A computed sheet a refresh rebuilds. */
export interface BerechnetesBlatt {
  readonly blatt: BerechnetesBlattName;
  readonly bauen: (e: BlattEingabe) => Grid;
}

const BAUER: Readonly<Record<BerechnetesBlattName, (e: BlattEingabe) => Grid>> = {
  [SHEETS.kpiUebersicht]: (e) => kpiUebersichtGrid(e.plan, e.kpi, e.meta),
  [SHEETS.kpiHandlungsziele]: (e) => kpiHandlungszieleGrid(e.plan, e.kpi, e.meta),
  [SHEETS.umsetzungsbericht]: (e) => umsetzungsberichtGrid(umsetzungsbericht(e.plan, e.kpi), e.meta),
  // continues the workbook's tblVerlauf (same-day rows replaced)
  [SHEETS.verlauf]: (e) => fortgeschriebenerVerlaufGrid(e.plan, e.kpi, e.meta, e.raw),
};

/** The sheets of a KPI refresh (add-in) and of `kpi --aus`. */
export const BERECHNETE_BLAETTER: readonly BerechnetesBlatt[] = COMPUTED_SHEETS.map((blatt) => ({ blatt, bauen: BAUER[blatt] }));

export function aktualisierteBlaetter(e: BlattEingabe): Grid[] {
  return BERECHNETE_BLAETTER.map((b) => b.bauen(e));
}

/** A fresh template: every computed sheet says how it gets its content. */
export function vorlageBlaetter(): Grid[] {
  return COMPUTED_SHEETS.map((blatt) => platzhalterGrid(blatt));
}

/** `bericht --aus bericht.xlsx`: the Umsetzungsbericht alone. */
export function berichtBlaetter(bericht: Umsetzungsbericht, meta: BerichtMeta): Grid[] {
  return [umsetzungsberichtGrid(bericht, meta)];
}

/**
 * A new Berichtsjahr: the KPI sheets say that nothing has been computed for
 * it yet, the KPI Verlauf of the old workbook runs on, and the sheet
 * Jahreswechsel lists what was carried and closed.
 */
export function neuesJahrBlaetter(e: JahreswechselErgebnis, alt: RawWorkbook, meta: JahreswechselMeta): Grid[] {
  const verlauf = verlaufAusTabelle(alt.tables.find((t) => t.name.toLowerCase() === VERLAUF_TABELLE.toLowerCase()));
  const grids = COMPUTED_SHEETS.map((blatt) =>
    blatt === SHEETS.verlauf
      ? verlaufGrid(verlauf, {
          berechnetAm: meta.erstelltAm,
          quelle: meta.quelle,
          stand: `Verlauf bis ${e.altesJahr}, übernommen am ${datumDeutsch(deutscherTag(meta.erstelltAm))} aus „${meta.quelle}“; die nächste KPI-Aktualisierung setzt ihn fort.`,
        })
      : platzhalterGrid(blatt, e.jahr),
  );
  grids.push(jahreswechselGrid(e, meta));
  return grids;
}
