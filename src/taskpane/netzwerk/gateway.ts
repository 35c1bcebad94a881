/**
 * What the "Netzwerkdateien übernehmen" view needs from the outside world:
 * parsing picked files in the browser and the Office.js import. The view
 * depends only on this interface, so tests and the demo pass a fake.
 */
import type { NetzwerkDatei } from '../../domain/netzwerk';
import type { ImportRueckgaengig, UebernahmeErgebnis, UebernahmeVorschau } from '../../excel/netzwerk';

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
    return Excel.run((context) => netzwerkVorschau(context, dateien));
  }

  async uebernehmen(dateien: readonly NetzwerkDatei[]): Promise<UebernahmeErgebnis> {
    const { uebernehmen } = await import(/* webpackChunkName: "excel-netzwerk" */ '../../excel/netzwerk');
    return Excel.run((context) => uebernehmen(context, dateien, { jetzt: this.jetzt() }));
  }

  async rueckgaengig(): Promise<ImportRueckgaengig> {
    const { letztenImportRueckgaengig } = await import(/* webpackChunkName: "excel-netzwerk" */ '../../excel/netzwerk');
    return Excel.run((context) => letztenImportRueckgaengig(context));
  }
}
