/**
 * Opening a network workbook built in the browser as a NEW Excel workbook
 * (Excel.createWorkbook, ExcelApi 1.8). The file itself is built elsewhere
 * (src/xlsx/netzwerkMappe.ts, same writer as the CLI). Needs no
 * RequestContext: createWorkbook is a global of the Excel namespace.
 */
import { officeUnterstuetzt, type IstUnterstuetzt } from './requirements';

/** Excel.createWorkbook(base64) */
export const NEUE_MAPPE_ANFORDERUNG = { set: 'ExcelApi', version: '1.8' } as const;

export function kannNeueMappeOeffnen(unterstuetzt: IstUnterstuetzt = officeUnterstuetzt): boolean {
  return unterstuetzt(NEUE_MAPPE_ANFORDERUNG.set, NEUE_MAPPE_ANFORDERUNG.version);
}

/** Base64 of the file bytes, in slices so large files do not overflow the argument list. */
export function alsBase64(bytes: Uint8Array): string {
  let binaer = '';
  const STUECK = 0x8000;
  for (let i = 0; i < bytes.length; i += STUECK) binaer += String.fromCharCode(...bytes.subarray(i, i + STUECK));
  return btoa(binaer);
}

export type MappeErstellen = (base64: string) => Promise<void>;

const officeMappeErstellen: MappeErstellen = (base64) => Excel.createWorkbook(base64);

/** Opens the .xlsx `bytes` as a new, unsaved workbook window (the user saves it where it belongs). */
export async function neueMappeOeffnen(bytes: Uint8Array, erstellen: MappeErstellen = officeMappeErstellen): Promise<void> {
  await erstellen(alsBase64(bytes));
}
