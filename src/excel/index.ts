/**
 * Office.js adapter: small functions taking an Excel.RequestContext, each
 * with a constant number of context.sync() calls whatever the row count.
 * Call them inside `Excel.run(async (context) => …)`.
 */
export { leseArbeitsmappe, leseTabellen, planeLeseBloecke, standardMitDaten, istSpecTabelle, zellwert } from './lesen';
export type { LeseOptionen, LeseStand } from './lesen';
export { einrichten, dropdownQuelle } from './einrichten';
export type { EinrichtenErgebnis, EinrichtenOptionen } from './einrichten';
export { schreibeGrids, GridSchreiber, gridMatrizen, SCHUTZ_OPTIONEN, ausserhalb } from './schreiben';
export type { GridErgebnis, GridSchreibOptionen } from './schreiben';
export { kpiAktualisieren, KPI_STAND_EIGENSCHAFT } from './kpi';
export type { KpiErgebnis, KpiOptionen } from './kpi';
export { arbeitsmappenStatus } from './status';
export type { ArbeitsmappenStatus } from './status';
export type { TabellenStatus } from '../workbook/layoutStatus';
export { waehleZelle } from './navigation';
export { sicherungAnlegen, sicherungEinreihen, letzteSicherungWiederherstellen, sicherungsName, aufKopfAbbilden } from './sicherung';
export type { Sicherung, Wiederherstellung } from './sicherung';
export { planeBloecke, schreibeWerteInBloecke, alsExcelWert, siehtAusWieZahl, MAX_BLOCK_BYTES, MAX_STAPEL_BYTES } from './bloecke';
export type { Block, ZellWert } from './bloecke';
export { stilRechtecke, formatAnwenden } from './formate';
export { breiteInPunkten, excelSeriennummer } from './einheiten';
export {
  ANFORDERUNGEN,
  MINDEST_VERSION,
  HOECHSTE_VERSION,
  pruefeAnforderungen,
  verfuegbar,
  officeUnterstuetzt,
} from './requirements';
export type { Funktion, Anforderung, FehlendeFunktion, IstUnterstuetzt } from './requirements';
