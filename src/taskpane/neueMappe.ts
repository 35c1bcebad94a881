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

/** A workbook built in the pane and what became of it. */
export interface Erstellt<T> {
  readonly datei: T;
  /** opened as a new Excel workbook (false: download offered instead) */
  readonly geoeffnet: boolean;
  /** false when Excel lacks ExcelApi 1.8 */
  readonly moeglich: boolean;
}

/**
 * Opens a built workbook in Excel where Excel can. When opening fails the
 * file stays on offer for download, and the error comes back with it so the
 * view can show both.
 */
export async function oeffnenOderAnbieten<T extends { readonly inhalt: Uint8Array }>(
  g: { kannNeueMappeOeffnen(): boolean; inExcelOeffnen(inhalt: Uint8Array): Promise<void> },
  datei: T,
): Promise<{ readonly erstellt: Erstellt<T>; readonly fehler: unknown }> {
  const moeglich = g.kannNeueMappeOeffnen();
  if (!moeglich) return { erstellt: { datei, geoeffnet: false, moeglich }, fehler: null };
  try {
    await g.inExcelOeffnen(datei.inhalt);
    return { erstellt: { datei, geoeffnet: true, moeglich }, fehler: null };
  } catch (e) {
    return { erstellt: { datei, geoeffnet: false, moeglich }, fehler: e };
  }
}
