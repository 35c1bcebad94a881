/**
 * The only way the task pane talks to the workbook. The React views depend on
 * this interface, not on Office.js, so they run unchanged against Excel
 * (officeGateway.ts); tests, demo.html and the browser end-to-end run use the
 * same Office gateway on the in-memory fake of the Excel API (demo/demoExcel.ts).
 */
import type { Probe } from '../excel/selbsttest';
import type { Finding, KpiResult } from '../domain/model';

export interface ArbeitsmappenStatus {
  /** all sheets and tables of SPEC §2 are present */
  readonly layoutVollstaendig: boolean;
  /** German descriptions of what is missing, e.g. "Tabelle tblKennzahlen (Blatt Kennzahlen)" */
  readonly fehlend: readonly string[];
  /** when the KPI sheets were last computed, if ever */
  readonly letzteKpiAktualisierung: Date | null;
}

export interface EinrichtenErgebnis {
  /** German descriptions of what was created; empty when the layout was complete */
  readonly angelegt: readonly string[];
  /** German notes on what could not be done and why (e.g. occupied cells: that table was not created) */
  readonly hinweise: readonly string[];
  /** names of the hidden backup sheets made before columns were added to filled tables */
  readonly sicherungen: readonly string[];
}

export interface PruefErgebnis {
  readonly findings: readonly Finding[];
  readonly geprueftAm: Date;
}

export interface KpiErgebnis {
  /** null when the workbook has Fehler: then nothing was written */
  readonly kpi: KpiResult | null;
  readonly findings: readonly Finding[];
  readonly berechnetAm: Date;
}

export type BerichtFormat = 'docx' | 'html';

/** The Umsetzungsbericht as a file for download. */
export interface BerichtDatei {
  readonly format: BerichtFormat;
  /** e.g. "Umsetzungsbericht-2026.docx" */
  readonly name: string;
  readonly mime: string;
  /** the .docx bytes or the web page's text */
  readonly inhalt: Uint8Array | string;
  readonly berichtsjahr: number;
  readonly handlungsfelder: number;
  /** not part of the report, named in its closing note */
  readonly standardmassnahmen: number;
}

export interface BerichtErgebnis {
  /** null when the workbook has Fehler: then no report was built */
  readonly datei: BerichtDatei | null;
  readonly findings: readonly Finding[];
  readonly erstelltAm: Date;
}

/** Progress of a longer action: German step text and share done (0…1). */
export type Fortschritt = (schritt: string, anteil: number) => void;

export interface ArbeitsmappeGateway {
  status(): Promise<ArbeitsmappenStatus>;
  einrichten(): Promise<EinrichtenErgebnis>;
  pruefen(): Promise<PruefErgebnis>;
  kpiAktualisieren(fortschritt?: Fortschritt): Promise<KpiErgebnis>;
  /** build the Umsetzungsbericht from the workbook's current data (reads only, writes nothing) */
  berichtErstellen(format: BerichtFormat): Promise<BerichtErgebnis>;
  /** offer a file as a browser download */
  herunterladen(datei: string, inhalt: Uint8Array | string, mime: string): void;
  /** select blatt!zelle in the workbook (zelle empty: activate the sheet) */
  waehleZelle(blatt: string, zelle: string): Promise<void>;
  /** probes of the host's behaviour and the plain-text report (absent: the Start view offers no Selbsttest) */
  selbsttest?(): Promise<SelbsttestErgebnis>;
}

export interface SelbsttestErgebnis {
  readonly proben: readonly Probe[];
  /** plain text for „Bericht kopieren“ */
  readonly bericht: string;
}

/**
 * An error for the user: a German sentence saying what went wrong and what
 * to do. Gateways translate every failure (Office.js included) into this.
 */
export class BenutzerFehler extends Error {
  constructor(
    message: string,
    /** what the user can do about it */
    readonly hinweis: string,
    /** technical detail (error code) shown small, for support */
    readonly technisch?: string,
  ) {
    super(message);
    this.name = 'BenutzerFehler';
  }
}
