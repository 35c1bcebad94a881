/**
 * The only way the task pane talks to the workbook. The React views depend on
 * this interface, not on Office.js, so they run unchanged against Excel
 * (officeGateway.ts); tests, demo.html and the browser end-to-end run use the
 * same Office gateway on the in-memory fake of the Excel API (demo/demoExcel.ts).
 */
import type { Probe } from '../excel/selbsttest';
import type { ArbeitsmappenStatus as StatusDerMappe } from '../excel/status';
import type { EinrichtenErgebnis } from '../excel/einrichten';
import type { KpiErgebnis as KpiAktualisierung } from '../excel/kpi';
import type { Finding } from '../domain/model';

export type { EinrichtenErgebnis };

/** What the start view shows of the workbook's state. */
export type ArbeitsmappenStatus = Pick<StatusDerMappe, 'layoutVollstaendig' | 'fehlend' | 'letzteKpiAktualisierung'>;

export interface PruefErgebnis {
  readonly findings: readonly Finding[];
  readonly geprueftAm: Date;
}

/** What the pane shows of a KPI refresh (without the adapter's write statistics). */
export type KpiErgebnis = Pick<KpiAktualisierung, 'kpi' | 'findings' | 'berechnetAm'>;

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
