/**
 * What "Neues Berichtsjahr anlegen" needs from the outside world: reading
 * the open workbook, building next year's file and opening it in Excel (or
 * offering it as a download). The section depends only on this interface,
 * so tests pass a fake.
 */
import type { RawWorkbook } from '../../domain/model';
import { inExcelOeffnen, kannNeueMappeOeffnen, offeneMappe } from '../neueMappe';
import { dateiHerunterladen } from '../netzwerk/herunterladen';
import type { JahresmappeErstellt, JahreswechselVorschau } from './vorschau';

export type { JahresmappeErstellt, JahreswechselVorschau };

export interface JahreswechselGateway {
  /** read and validate the open workbook; what the rollover would do (writes nothing) */
  vorschau(): Promise<JahreswechselVorschau>;
  /** read the open workbook again and build next year's workbook (.xlsx bytes; the open workbook is not changed) */
  jahresmappeBauen(jahr: number): Promise<JahresmappeErstellt>;
  /** whether Excel can open a new workbook from a file (ExcelApi 1.8) */
  kannNeueMappeOeffnen(): boolean;
  /** open the .xlsx as a new, unsaved Excel workbook */
  inExcelOeffnen(inhalt: Uint8Array): Promise<void>;
  /** offer the .xlsx as a browser download */
  herunterladen(datei: string, inhalt: Uint8Array): void;
}

/** The gateway inside Excel. The rules and the exceljs writer are loaded on first use. */
export class OfficeJahreswechselGateway implements JahreswechselGateway {
  constructor(private readonly jetzt: () => Date = () => new Date()) {}

  async vorschau(): Promise<JahreswechselVorschau> {
    const raw = await this.offeneMappe();
    const { vorschauAusMappe } = await import(/* webpackChunkName: "jahreswechsel" */ './vorschau');
    return vorschauAusMappe(raw);
  }

  async jahresmappeBauen(jahr: number): Promise<JahresmappeErstellt> {
    const raw = await this.offeneMappe();
    const { jahresmappeBauen } = await import(/* webpackChunkName: "jahreswechsel-erstellen" */ './jahresmappeBauen');
    return jahresmappeBauen(raw, jahr, this.jetzt());
  }

  kannNeueMappeOeffnen(): boolean {
    return kannNeueMappeOeffnen();
  }

  inExcelOeffnen(inhalt: Uint8Array): Promise<void> {
    return inExcelOeffnen(inhalt, 'die Arbeitsmappe des neuen Berichtsjahrs');
  }

  herunterladen(datei: string, inhalt: Uint8Array): void {
    dateiHerunterladen(datei, inhalt);
  }

  private offeneMappe(): Promise<RawWorkbook> {
    return offeneMappe();
  }
}
