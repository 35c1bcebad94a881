/**
 * An in-memory workbook behind the gateway interface, for component tests,
 * the demo page and the browser end-to-end run. It uses the real domain
 * (pruefen, berechneKpi) so the pane shows real findings and KPIs; only
 * Excel itself is simulated.
 */
import { berechneKpi, hatFehler, pruefen } from '../../domain';
import type { RawTable, RawWorkbook } from '../../domain/model';
import { COMPUTED_SHEETS, type TableKey } from '../../domain/schema';
import { beispielTabellen, vorlageTabellen, type Tabellen } from '../../workbook/beispiel';
import { DATA_SHEETS, address, tableLayoutOf } from '../../workbook/layout';
import { berichtBauen } from '../kpi/berichtBauen';
import type {
  ArbeitsmappeGateway,
  ArbeitsmappenStatus,
  BerichtErgebnis,
  BerichtFormat,
  EinrichtenErgebnis,
  Fortschritt,
  KpiErgebnis,
  PruefErgebnis,
} from '../gateway';
import { BenutzerFehler } from '../gateway';
import type { JahresmappeErstellt, JahreswechselGateway, JahreswechselVorschau } from '../jahreswechsel/gateway';
import { bauVoraussetzungen, erstelltAus, jahreswechsel, vorschauAusMappe } from '../jahreswechsel/vorschau';
import { fehlendeTeile } from '../status';
import { spaltenIndex, type Fehlerstelle } from './demoExcel';

/** An Office.js-like error (code + message) the fake can be told to throw once. */
export class FakeOfficeFehler extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface FakeOptionen {
  /** tables that do not exist yet (Einrichten creates them) */
  readonly fehlendeTabellen?: readonly TableKey[];
  /** wrong values written into the sample data */
  readonly fehler?: readonly Fehlerstelle[];
  /** simulated Excel latency per call in ms (0 in unit tests) */
  readonly latenzMs?: number;
  /** clock, so tests get fixed timestamps */
  readonly jetzt?: () => Date;
}

export class FakeGateway implements ArbeitsmappeGateway {
  /** every cell selection the pane asked for, e.g. "Arbeitsplanung!D4" */
  readonly auswahl: string[] = [];
  /** every gateway call in order, for assertions */
  readonly aufrufe: string[] = [];
  /** every file offered for download */
  readonly downloads: { datei: string; inhalt: Uint8Array | string; mime: string }[] = [];
  private readonly tabellen: Partial<Tabellen>;
  private readonly blaetter: string[];
  private letzteKpi: Date | null = null;
  private naechsterFehler: FakeOfficeFehler | null = null;
  private readonly fehler: readonly Fehlerstelle[];
  private readonly latenzMs: number;
  private readonly jetzt: () => Date;

  constructor(optionen: FakeOptionen = {}) {
    const fehlend = new Set(optionen.fehlendeTabellen ?? []);
    const daten = beispielTabellen();
    this.fehler = optionen.fehler ?? [];
    for (const f of this.fehler) daten[f.tabelle][f.zeile][spaltenIndex(f.tabelle, f.spalte)] = f.falsch;
    this.tabellen = {};
    for (const key of Object.keys(daten) as TableKey[]) if (!fehlend.has(key)) this.tabellen[key] = daten[key];
    // A sheet exists when one of its tables does (a user may have deleted a whole sheet).
    this.blaetter = DATA_SHEETS.filter((s) => s.tables.some((t) => this.tabellen[t.spec.key])).map((s) => s.name);
    this.latenzMs = optionen.latenzMs ?? 0;
    this.jetzt = optionen.jetzt ?? (() => new Date());
  }

  /** The next gateway call fails with this Office.js error code (tests of the error display). */
  scheitereBeimNaechstenAufruf(code: string, message = 'Simulierter Fehler'): void {
    this.naechsterFehler = new FakeOfficeFehler(code, message);
  }

  /** Simulates the user correcting the planted errors in Excel. */
  korrigiereFehler(): void {
    for (const f of this.fehler) {
      const t = this.tabellen[f.tabelle];
      if (t) t[f.zeile][spaltenIndex(f.tabelle, f.spalte)] = f.richtig;
    }
  }

  /** The A1 address of a planted error, e.g. "Arbeitsplanung!D4". */
  static adresse(f: Fehlerstelle): string {
    const l = tableLayoutOf(f.tabelle);
    return `${l.spec.sheet}!${address(l.headerRow + 1 + f.zeile, l.firstColumn + spaltenIndex(f.tabelle, f.spalte))}`;
  }

  rohdaten(): RawWorkbook {
    const tables: RawTable[] = [];
    for (const key of Object.keys(this.tabellen) as TableKey[]) {
      const rows = this.tabellen[key];
      if (!rows) continue;
      const l = tableLayoutOf(key);
      tables.push({
        name: l.spec.name,
        sheet: l.spec.sheet,
        headerRow: l.headerRow,
        firstColumn: l.firstColumn,
        headers: l.spec.columns.map((c) => c.header),
        rows: rows.map((r) => [...r]),
      });
    }
    return { sheets: [...this.blaetter], tables, source: 'Demo-Arbeitsmappe.xlsx' };
  }

  private async aufruf(name: string): Promise<void> {
    this.aufrufe.push(name);
    if (this.latenzMs > 0) await new Promise((r) => setTimeout(r, this.latenzMs));
    const f = this.naechsterFehler;
    if (f) {
      this.naechsterFehler = null;
      throw f;
    }
  }

  async status(): Promise<ArbeitsmappenStatus> {
    await this.aufruf('status');
    const fehlend = fehlendeTeile(this.rohdaten());
    return { layoutVollstaendig: fehlend.length === 0, fehlend, letzteKpiAktualisierung: this.letzteKpi };
  }

  async einrichten(): Promise<EinrichtenErgebnis> {
    await this.aufruf('einrichten');
    const vorlage = vorlageTabellen();
    const angelegt: string[] = [];
    for (const s of DATA_SHEETS) {
      if (!this.blaetter.includes(s.name)) {
        this.blaetter.push(s.name);
        angelegt.push(`Blatt „${s.name}“`);
      }
      for (const t of s.tables) {
        if (this.tabellen[t.spec.key]) continue;
        this.tabellen[t.spec.key] = vorlage[t.spec.key].map((r) => [...r]);
        angelegt.push(`Tabelle ${t.spec.name} (Blatt „${s.name}“)`);
      }
    }
    return { angelegt, hinweise: [], sicherungen: [] };
  }

  async pruefen(): Promise<PruefErgebnis> {
    await this.aufruf('pruefen');
    return { findings: pruefen(this.rohdaten()).findings, geprueftAm: this.jetzt() };
  }

  async kpiAktualisieren(fortschritt?: Fortschritt): Promise<KpiErgebnis> {
    await this.aufruf('kpiAktualisieren');
    fortschritt?.('Arbeitsmappe wird gelesen …', 0.2);
    const { plan, findings } = pruefen(this.rohdaten());
    const berechnetAm = this.jetzt();
    if (!plan || hatFehler(findings)) return { kpi: null, findings, berechnetAm };
    fortschritt?.('KPIs werden berechnet …', 0.5);
    const kpi = berechneKpi(plan);
    if (this.latenzMs > 0) await new Promise((r) => setTimeout(r, this.latenzMs));
    fortschritt?.('KPI-Blätter werden geschrieben …', 0.8);
    for (const s of COMPUTED_SHEETS) if (!this.blaetter.includes(s)) this.blaetter.push(s);
    this.letzteKpi = berechnetAm;
    return { kpi, findings, berechnetAm };
  }

  async berichtErstellen(format: BerichtFormat): Promise<BerichtErgebnis> {
    await this.aufruf('berichtErstellen');
    return berichtBauen(this.rohdaten(), format, this.jetzt());
  }

  herunterladen(datei: string, inhalt: Uint8Array | string, mime: string): void {
    this.aufrufe.push('herunterladen');
    this.downloads.push({ datei, inhalt, mime });
  }

  async waehleZelle(blatt: string, zelle: string): Promise<void> {
    await this.aufruf('waehleZelle');
    if (!this.blaetter.includes(blatt)) {
      throw new FakeOfficeFehler('ItemNotFound', `Das Blatt ${blatt} gibt es nicht.`);
    }
    this.auswahl.push(zelle ? `${blatt}!${zelle}` : blatt);
  }
}

/** Bytes the fake hands out as the "built" workbook: a zip signature, enough for open/download assertions. */
export const FAKE_XLSX = new Uint8Array([80, 75, 3, 4]);

/**
 * „Neues Berichtsjahr anlegen“ on the fake workbook: the real rules
 * (pruefen, jahreswechsel) on the same tables the FakeGateway holds, so a
 * correction there shows in the next preview; only the exceljs file and
 * Excel's new window are simulated.
 */
export class FakeJahreswechselGateway implements JahreswechselGateway {
  /** every call in order, for assertions */
  readonly aufrufe: string[] = [];
  /** the bytes given to inExcelOeffnen and herunterladen */
  readonly geoeffnet: Uint8Array[] = [];
  readonly heruntergeladen: { datei: string; inhalt: Uint8Array }[] = [];

  constructor(
    private readonly mappe: FakeGateway,
    private readonly optionen: { readonly kannOeffnen?: boolean; readonly oeffnenScheitert?: boolean } = {},
  ) {}

  async vorschau(): Promise<JahreswechselVorschau> {
    this.aufrufe.push('vorschau');
    return vorschauAusMappe(this.mappe.rohdaten());
  }

  async jahresmappeBauen(jahr: number): Promise<JahresmappeErstellt> {
    this.aufrufe.push(`jahresmappeBauen ${jahr}`);
    const raw = this.mappe.rohdaten();
    const { plan, datei } = bauVoraussetzungen(raw, jahr);
    return erstelltAus(jahreswechsel(raw, plan, jahr), datei, FAKE_XLSX, []);
  }

  kannNeueMappeOeffnen(): boolean {
    return this.optionen.kannOeffnen ?? true;
  }

  async inExcelOeffnen(inhalt: Uint8Array): Promise<void> {
    this.aufrufe.push('inExcelOeffnen');
    if (this.optionen.oeffnenScheitert) {
      throw new BenutzerFehler(
        'Excel konnte die Arbeitsmappe des neuen Berichtsjahrs nicht als neue Arbeitsmappe öffnen.',
        'Bitte die Datei stattdessen herunterladen und in Excel öffnen (Schaltfläche „Herunterladen“).',
        'Simulierter Fehler',
      );
    }
    this.geoeffnet.push(inhalt);
  }

  herunterladen(datei: string, inhalt: Uint8Array): void {
    this.aufrufe.push('herunterladen');
    this.heruntergeladen.push({ datei, inhalt });
  }
}
