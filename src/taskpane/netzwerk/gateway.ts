/**
 * What the "Netzwerkdateien übernehmen" view needs from the outside world:
 * parsing picked files in the browser and the Office.js import. The view
 * depends only on this interface, so tests and the demo pass a fake.
 */
import type { RawWorkbook } from '../../domain/model';
import type { NetzwerkDatei } from '../../domain/netzwerk';
import { inExcelOeffnen, kannNeueMappeOeffnen, offeneMappe } from '../neueMappe';
import type { ImportRueckgaengig, UebernahmeErgebnis, UebernahmeVorschau } from '../../excel/netzwerk';
import { BenutzerFehler } from '../gateway';
import type { NetzwerkdateiErstellt } from './netzwerkdateiBauen';
import { dateiHerunterladen } from './herunterladen';

export type { ImportRueckgaengig, NetzwerkdateiErstellt, UebernahmeErgebnis, UebernahmeVorschau };

export interface NetzwerkGateway {
  /** parse the picked .xlsx files in the browser (throws a German message per unreadable file) */
  leseDateien(dateien: readonly File[]): Promise<NetzwerkDatei[]>;
  /** what an import would change; writes nothing */
  vorschau(dateien: readonly NetzwerkDatei[]): Promise<UebernahmeVorschau>;
  /** import into the open workbook (backup first, then write, then Änderungsprotokoll) */
  uebernehmen(dateien: readonly NetzwerkDatei[]): Promise<UebernahmeErgebnis>;
  /** restore the tables changed by the last import */
  rueckgaengig(): Promise<ImportRueckgaengig>;
  /** Handlungsfelder of the open workbook's tblHandlungsfelder, for the choice of a network file */
  handlungsfelder(): Promise<{ nr: number; name: string }[]>;
  /** build the network workbook of one Handlungsfeld from the open workbook (.xlsx bytes; writes nothing) */
  netzwerkdateiBauen(hf: number): Promise<NetzwerkdateiErstellt>;
  /** whether Excel can open a new workbook from a file (ExcelApi 1.8) */
  kannNeueMappeOeffnen(): boolean;
  /** open the .xlsx as a new, unsaved Excel workbook */
  inExcelOeffnen(inhalt: Uint8Array): Promise<void>;
  /** offer the .xlsx as a browser download */
  herunterladen(datei: string, inhalt: Uint8Array): void;
}

/**
 * The domain's NetzwerkFehler (open workbook lacks a table or key column)
 * carries a complete German sentence; show it as the user-facing hint
 * instead of a technical detail. Other errors pass unchanged.
 */
export function netzwerkFehlerFuerNutzer(e: unknown): unknown {
  if (e instanceof Error && e.name === 'NetzwerkFehler') {
    return new BenutzerFehler('Die geöffnete Arbeitsmappe kann nicht mit Netzwerkdateien zusammengeführt werden.', e.message);
  }
  return e;
}

/**
 * The gateway inside Excel. The exceljs reader (large) and the Office.js
 * import are loaded on first use, so the pane itself stays small.
 */
export class OfficeNetzwerkGateway implements NetzwerkGateway {
  constructor(private readonly jetzt: () => Date = () => new Date()) {}

  async leseDateien(dateien: readonly File[]): Promise<NetzwerkDatei[]> {
    const { leseDateien } = await import(/* webpackChunkName: "netzwerk-dateien" */ './dateiLesen');
    return leseDateien(dateien);
  }

  async vorschau(dateien: readonly NetzwerkDatei[]): Promise<UebernahmeVorschau> {
    const { netzwerkVorschau } = await import(/* webpackChunkName: "excel-netzwerk" */ '../../excel/netzwerk');
    return Excel.run((context) => netzwerkVorschau(context, dateien)).catch((e: unknown) => {
      throw netzwerkFehlerFuerNutzer(e);
    });
  }

  async uebernehmen(dateien: readonly NetzwerkDatei[]): Promise<UebernahmeErgebnis> {
    const { uebernehmen } = await import(/* webpackChunkName: "excel-netzwerk" */ '../../excel/netzwerk');
    return Excel.run((context) => uebernehmen(context, dateien, { jetzt: this.jetzt() })).catch((e: unknown) => {
      throw netzwerkFehlerFuerNutzer(e);
    });
  }

  async rueckgaengig(): Promise<ImportRueckgaengig> {
    const { letztenImportRueckgaengig } = await import(/* webpackChunkName: "excel-netzwerk" */ '../../excel/netzwerk');
    return Excel.run((context) => letztenImportRueckgaengig(context));
  }

  async handlungsfelder(): Promise<{ nr: number; name: string }[]> {
    const raw = await this.offeneMappe();
    const { handlungsfelderDerMappe } = await import(/* webpackChunkName: "netzwerk-erstellen" */ '../../domain/netzwerk');
    try {
      return handlungsfelderDerMappe(raw, raw.source ?? 'Arbeitsmappe');
    } catch (e) {
      throw netzwerkFehlerFuerNutzer(e);
    }
  }

  async netzwerkdateiBauen(hf: number): Promise<NetzwerkdateiErstellt> {
    const raw = await this.offeneMappe();
    const { netzwerkdateiBauen } = await import(/* webpackChunkName: "netzwerk-erstellen" */ './netzwerkdateiBauen');
    return netzwerkdateiBauen(raw, hf, this.jetzt());
  }

  kannNeueMappeOeffnen(): boolean {
    return kannNeueMappeOeffnen();
  }

  inExcelOeffnen(inhalt: Uint8Array): Promise<void> {
    return inExcelOeffnen(inhalt, 'die Netzwerkdatei');
  }

  herunterladen(datei: string, inhalt: Uint8Array): void {
    dateiHerunterladen(datei, inhalt);
  }

  private offeneMappe(): Promise<RawWorkbook> {
    return offeneMappe();
  }
}
