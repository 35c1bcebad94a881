/**
 * What the "Netzwerkdateien übernehmen" view needs from the outside world:
 * parsing picked files in the browser and the Office.js import. The view
 * depends only on this interface, so tests and the demo pass a fake.
 */
import type { NetzwerkDatei } from '../../domain/netzwerk';
import type { ImportRueckgaengig, UebernahmeErgebnis, UebernahmeVorschau } from '../../excel/netzwerk';
import { BenutzerFehler } from '../gateway';

export type { ImportRueckgaengig, UebernahmeErgebnis, UebernahmeVorschau };

export interface NetzwerkGateway {
  /** parse the picked .xlsx files in the browser (throws a German message per unreadable file) */
  leseDateien(dateien: readonly File[]): Promise<NetzwerkDatei[]>;
  /** what an import would change; writes nothing */
  vorschau(dateien: readonly NetzwerkDatei[]): Promise<UebernahmeVorschau>;
  /** import into the open workbook (backup first, then write, then Änderungsprotokoll) */
  uebernehmen(dateien: readonly NetzwerkDatei[]): Promise<UebernahmeErgebnis>;
  /** restore the tables changed by the last import */
  rueckgaengig(): Promise<ImportRueckgaengig>;
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
}
