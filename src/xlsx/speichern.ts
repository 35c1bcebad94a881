/**
 * Saving an exceljs workbook to a file (Node only; the browser-safe writers
 * are in schreiben.ts).
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import type ExcelJS from 'exceljs';
import { DateiFehler } from './fehler';

/** Writes the workbook to `pfad` via a temporary file, so a failed write never leaves half a file. */
export async function speichereArbeitsmappe(wb: ExcelJS.Workbook, pfad: string): Promise<void> {
  await speichereDatei(async () => Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer), pfad);
}

/** Writes the bytes `inhalt()` makes to `pfad` via a temporary file in the same folder (atomic rename). */
export async function speichereDatei(inhalt: () => Promise<Uint8Array>, pfad: string): Promise<void> {
  const name = path.basename(pfad);
  const tmp = path.join(path.dirname(pfad), `.${name}.${process.pid}.tmp`);
  try {
    await fs.writeFile(tmp, await inhalt());
    await fs.rename(tmp, pfad);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    const code = typeof e === 'object' && e !== null ? (e as NodeJS.ErrnoException).code : undefined;
    const grund =
      code === 'ENOENT'
        ? 'der Ordner existiert nicht'
        : code === 'EACCES' || code === 'EPERM' || code === 'EBUSY'
          ? 'keine Schreibberechtigung oder die Datei ist geöffnet'
          : e instanceof Error
            ? e.message
            : String(e);
    throw new DateiFehler('schreiben', pfad, `Die Datei „${pfad}“ kann nicht geschrieben werden: ${grund}.`);
  }
}
