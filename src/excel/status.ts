/**
 * Arbeitsmappen-Status for the task pane's start view: which sheets, tables
 * and headers of SPEC §2 exist, and when the KPIs were last refreshed.
 * 1 sync (everything by name, see lesen.ts); no data rows are read.
 */
import { TABLE_ORDER, TABLES, COMPUTED_SHEETS } from '../domain/schema';
import { leseTabellen } from './lesen';
import { KPI_STAND_EIGENSCHAFT } from './stand';
import { officeUnterstuetzt, verfuegbar, type IstUnterstuetzt } from './requirements';

export interface TabellenStatus {
  readonly tabelle: string;
  readonly blatt: string;
  /** sheet the table was found on, null when missing */
  readonly gefundenAuf: string | null;
  readonly fehlendeSpalten: readonly string[];
}

export interface ArbeitsmappenStatus {
  /** all sheets and tables of SPEC §2 are present with all headers */
  readonly layoutVollstaendig: boolean;
  /** German descriptions of what is missing, e.g. "Tabelle tblKennzahlen (Blatt Kennzahlen)" */
  readonly fehlend: readonly string[];
  /** when the KPI sheets were last computed, if known */
  readonly letzteKpiAktualisierung: Date | null;
  readonly tabellen: readonly TabellenStatus[];
  /** computed sheets already present */
  readonly berechneteBlaetter: readonly string[];
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
  const fehlend: string[] = [];
  const blaetter = new Set(raw.sheets);
  const erwarteteBlaetter = [...new Set(TABLE_ORDER.map((k) => TABLES[k].sheet))];
  for (const b of erwarteteBlaetter) if (!blaetter.has(b)) fehlend.push(`Blatt „${b}“`);
  const tabellen: TabellenStatus[] = TABLE_ORDER.map((k) => {
    const spec = TABLES[k];
    const t = raw.tables.find((x) => x.name.toLowerCase() === spec.name.toLowerCase());
    if (!t) {
      fehlend.push(`Tabelle ${spec.name} (Blatt ${spec.sheet})`);
      return { tabelle: spec.name, blatt: spec.sheet, gefundenAuf: null, fehlendeSpalten: spec.columns.map((c) => c.header) };
    }
    if (t.ohneKopfzeile) {
      // adding columns would not help: the header row itself is off
      fehlend.push(`Kopfzeile der Tabelle ${spec.name}: Kopfzeile einschalten (Tabellenentwurf › Kopfzeile)`);
      return { tabelle: spec.name, blatt: spec.sheet, gefundenAuf: t.sheet, fehlendeSpalten: [] };
    }
    const fehlendeSpalten = spec.columns.map((c) => c.header).filter((h) => !t.headers.includes(h));
    for (const h of fehlendeSpalten) fehlend.push(`Spalte „${h}“ in ${spec.name}`);
    return { tabelle: spec.name, blatt: spec.sheet, gefundenAuf: t.sheet, fehlendeSpalten };
  });
  const p = stand as Excel.CustomProperty | null;
  let letzte: Date | null = null;
  if (p && !p.isNullObject) {
    const d = new Date(String(p.value));
    letzte = Number.isNaN(d.getTime()) ? null : d;
  }
  return {
    layoutVollstaendig: fehlend.length === 0,
    fehlend,
    letzteKpiAktualisierung: letzte,
    tabellen,
    berechneteBlaetter: COMPUTED_SHEETS.filter((s) => blaetter.has(s)),
  };
}
