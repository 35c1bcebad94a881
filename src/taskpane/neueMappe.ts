/**
 * A workbook the pane built in the browser goes to the user as a new Excel
 * workbook (Excel.createWorkbook, ExcelApi 1.8) or, where Excel cannot, as a
 * download — shared by „Netzwerkdatei erstellen“ and „Neues Berichtsjahr
 * anlegen“. Also the one way these features read the open workbook.
 */
import type { RawWorkbook } from '../domain/model';
import { kannNeueMappeOeffnen as anforderungErfuellt } from '../excel/neueMappe';
import { BenutzerFehler } from './gateway';

export function kannNeueMappeOeffnen(): boolean {
  // createWorkbook is a global of the Excel namespace; the demo's fake API lacks it
  return typeof Excel !== 'undefined' && typeof Excel.createWorkbook === 'function' && anforderungErfuellt();
}

/** Opens `inhalt` as a new, unsaved workbook; `was` names it in the German message, e.g. „die Netzwerkdatei“. */
export async function inExcelOeffnen(inhalt: Uint8Array, was: string): Promise<void> {
  const { neueMappeOeffnen } = await import(/* webpackChunkName: "excel-netzwerk" */ '../excel/neueMappe');
  try {
    await neueMappeOeffnen(inhalt);
  } catch (e) {
    throw new BenutzerFehler(
      `Excel konnte ${was} nicht als neue Arbeitsmappe öffnen.`,
      'Bitte die Datei stattdessen herunterladen und in Excel öffnen (Schaltfläche „Herunterladen“).',
      e instanceof Error ? e.message : String(e),
    );
  }
}

/** Every table of the open workbook with its rows (the reading of Prüfen). */
export async function offeneMappe(): Promise<RawWorkbook> {
  const { leseArbeitsmappe } = await import(/* webpackChunkName: "excel-netzwerk" */ '../excel/lesen');
  return Excel.run((context) => leseArbeitsmappe(context));
}
