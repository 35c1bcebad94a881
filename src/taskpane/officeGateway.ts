/**
 * The gateway inside Excel: every call is one Excel.run batch that uses the
 * Office.js adapter in src/excel (the adapter keeps the number of
 * context.sync() calls constant). The adapter modules are imported on first
 * use, so the pane paints before the KPI and layout writers are loaded.
 * Errors are turned into German BenutzerFehler by the caller
 * (useArbeitsmappe → alsBenutzerFehler).
 */
import { pruefeAnforderungen } from '../excel/requirements';
import type {
  ArbeitsmappeGateway,
  ArbeitsmappenStatus,
  BerichtErgebnis,
  BerichtFormat,
  EinrichtenErgebnis,
  Fortschritt,
  KpiErgebnis,
  PruefErgebnis,
} from './gateway';
import { BenutzerFehler, type SelbsttestErgebnis } from './gateway';
import { dateiHerunterladen } from './netzwerk/herunterladen';

/** German notices for ExcelApi sets this Excel lacks (shown at the top of the pane). */
export function anforderungsHinweise(): string[] {
  return pruefeAnforderungen().map((f) => f.meldung);
}

/** The pane's minimum: without it no action can run (the manifest declares the same set). */
function pruefePflicht(): void {
  const pflicht = pruefeAnforderungen().filter((f) => f.pflicht);
  if (pflicht.length > 0) {
    throw new BenutzerFehler(pflicht[0].meldung, 'Bitte verwenden Sie Microsoft 365, Excel 2016 oder neuer oder Excel im Web.');
  }
}

export class OfficeGateway implements ArbeitsmappeGateway {
  constructor(private readonly jetzt: () => Date = () => new Date()) {}

  async status(): Promise<ArbeitsmappenStatus> {
    pruefePflicht();
    const { arbeitsmappenStatus } = await import(/* webpackChunkName: "excel-status" */ '../excel/status');
    return Excel.run((context) => arbeitsmappenStatus(context));
  }

  async einrichten(): Promise<EinrichtenErgebnis> {
    pruefePflicht();
    const { einrichten } = await import(/* webpackChunkName: "excel-einrichten" */ '../excel/einrichten');
    return Excel.run((context) => einrichten(context));
  }

  async pruefen(): Promise<PruefErgebnis> {
    pruefePflicht();
    const [{ leseArbeitsmappe }, { pruefen }] = await Promise.all([
      import(/* webpackChunkName: "excel-lesen" */ '../excel/lesen'),
      import(/* webpackChunkName: "domain" */ '../domain'),
    ]);
    const raw = await Excel.run((context) => leseArbeitsmappe(context));
    return { findings: pruefen(raw).findings, geprueftAm: this.jetzt() };
  }

  async kpiAktualisieren(fortschritt?: Fortschritt): Promise<KpiErgebnis> {
    pruefePflicht();
    fortschritt?.('Programmteile werden geladen …', 0.1);
    const { kpiAktualisieren } = await import(/* webpackChunkName: "excel-kpi" */ '../excel/kpi');
    fortschritt?.('Arbeitsmappe wird gelesen, KPIs werden berechnet und geschrieben …', 0.3);
    const r = await Excel.run((context) => kpiAktualisieren(context, this.jetzt()));
    fortschritt?.('Fertig', 1);
    return { kpi: r.kpi, findings: r.findings, berechnetAm: r.berechnetAm };
  }

  async berichtErstellen(format: BerichtFormat): Promise<BerichtErgebnis> {
    pruefePflicht();
    const [{ leseArbeitsmappe }, { berichtBauen }] = await Promise.all([
      import(/* webpackChunkName: "excel-lesen" */ '../excel/lesen'),
      import(/* webpackChunkName: "bericht" */ './kpi/berichtBauen'),
    ]);
    const raw = await Excel.run((context) => leseArbeitsmappe(context));
    return berichtBauen(raw, format, this.jetzt());
  }

  herunterladen(datei: string, inhalt: Uint8Array | string, mime: string): void {
    dateiHerunterladen(datei, inhalt, document, mime);
  }

  async selbsttest(): Promise<SelbsttestErgebnis> {
    const { selbsttest, selbsttestBericht } = await import(/* webpackChunkName: "excel-selbsttest" */ '../excel/selbsttest');
    const excel = globalThis as unknown as { Excel?: { createWorkbook?: unknown } };
    const proben = await Excel.run((context) => selbsttest(context, { neueMappeMoeglich: () => typeof excel.Excel?.createWorkbook === 'function' }));
    // host facts for the report; outside Office (demo) they are unknown
    const office = typeof Office !== 'undefined' ? Office : undefined;
    const diag = office?.context?.diagnostics;
    const umgebung = {
      Host: String(diag?.host ?? 'unbekannt'),
      Plattform: String(diag?.platform ?? 'unbekannt'),
      'Office-Version': String(diag?.version ?? 'unbekannt'),
      Oberflächensprache: String(office?.context?.displayLanguage ?? 'unbekannt'),
    };
    return { proben, bericht: selbsttestBericht(proben, umgebung) };
  }

  async waehleZelle(blatt: string, zelle: string): Promise<void> {
    const { waehleZelle } = await import(/* webpackChunkName: "excel-navigation" */ '../excel/navigation');
    await Excel.run((context) => waehleZelle(context, blatt, zelle));
  }
}
