/**
 * Saving files (Node only; the browser-safe writers are in src/xlsx/schreiben.ts).
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import type ExcelJS from 'exceljs';
import { DateiFehler } from '../xlsx/fehler';

/** Writes the workbook to `pfad` via a temporary file, so a failed write never leaves half a file. */
export async function speichereArbeitsmappe(wb: ExcelJS.Workbook, pfad: string): Promise<void> {
  await speichereDatei(pfad, async () => Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

/**
 * Writes `inhalt` (bytes or UTF-8 text, or a function producing them) to
 * `pfad` via a temporary file in the same folder and a rename, so readers
 * never see half a file and a failed write keeps the old one.
 */
export async function speichereDatei(
  pfad: string,
  inhalt: string | Uint8Array | (() => Promise<string | Uint8Array>),
): Promise<void> {
  const name = path.basename(pfad);
  const tmp = path.join(path.dirname(pfad), `.${name}.${process.pid}.tmp`);
  try {
    const daten = typeof inhalt === 'function' ? await inhalt() : inhalt;
    await fs.writeFile(tmp, daten);
    await fs.rename(tmp, pfad);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    const code = typeof e === 'object' && e !== null ? (e as NodeJS.ErrnoException).code : undefined;
    const grund =
      code === 'ENOENT'
        ? 'der Ordner existiert nicht'
        : code === 'EISDIR'
          ? 'unter diesem Namen gibt es einen Ordner'
          : code === 'EACCES' || code === 'EPERM' || code === 'EBUSY'
            ? 'keine Schreibberechtigung oder die Datei ist geöffnet'
            : 'der Speicherort lehnt das Schreiben ab';
    throw new DateiFehler('schreiben', pfad, `Die Datei „${pfad}“ kann nicht geschrieben werden: ${grund}.`, e instanceof Error ? e.message : String(e));
  }
}
