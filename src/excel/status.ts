/**
 * Arbeitsmappen-Status for the task pane's start view: which sheets, tables
 * and headers of SPEC §2 exist (workbook/layoutStatus.ts), and when the KPIs
 * were last refreshed. 1 sync (everything by name, see lesen.ts); no data rows are read.
 */
import { layoutStatus, type LayoutStatus } from '../workbook/layoutStatus';
import { leseTabellen } from './lesen';
import { KPI_STAND_EIGENSCHAFT } from './stand';
import { officeUnterstuetzt, verfuegbar, type IstUnterstuetzt } from './requirements';

export interface ArbeitsmappenStatus extends LayoutStatus {
  /** when the KPI sheets were last computed, if known */
  readonly letzteKpiAktualisierung: Date | null;
}

export async function arbeitsmappenStatus(
  context: Excel.RequestContext,
  optionen: { unterstuetzt?: IstUnterstuetzt } = {},
): Promise<ArbeitsmappenStatus> {
  const unterstuetzt = optionen.unterstuetzt ?? officeUnterstuetzt;
  let stand: Excel.CustomProperty | null = null;
  const raw = await leseTabellen(context, {
    unterstuetzt,
    mitDaten: () => false,
    vorSync1: () => {
      if (verfuegbar('dokumentEigenschaften', unterstuetzt)) {
        stand = context.workbook.properties.custom.getItemOrNullObject(KPI_STAND_EIGENSCHAFT);
        stand.load('value');
      }
    },
  });
  const p = stand as Excel.CustomProperty | null;
  let letzte: Date | null = null;
  if (p && !p.isNullObject) {
    const d = new Date(String(p.value));
    letzte = Number.isNaN(d.getTime()) ? null : d;
  }
  const l = layoutStatus(raw);
  return { layoutVollstaendig: l.layoutVollstaendig, fehlend: l.fehlend, letzteKpiAktualisierung: letzte, tabellen: l.tabellen, berechneteBlaetter: l.berechneteBlaetter };
}
