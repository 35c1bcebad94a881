/**
 * Opening a workbook file in Node (CLI): read the bytes, then the shared
 * loader in src/xlsx/laden.ts, which the task pane uses for picked files.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import type ExcelJS from 'exceljs';
import { DateiFehler } from '../xlsx/fehler';
import { ladeMappe, pruefeDateikopf } from '../xlsx/laden';
import { parseDatenpruefungenKompakt } from '../xlsx/datenpruefungen';

try {
  // exceljs' parser class is reachable only by its path in the package (Node); the browser build keeps it inside
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  parseDatenpruefungenKompakt((require('exceljs/lib/xlsx/xform/sheet/data-validations-xform') as { prototype?: unknown }).prototype);
} catch {
  // another exceljs layout: validations are read cell by cell and compacted afterwards
}

function errnoCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && typeof (e as NodeJS.ErrnoException).code === 'string'
    ? (e as NodeJS.ErrnoException).code
    : undefined;
}

/** Reads the file bytes, turning every file-system failure into a German DateiFehler. */
export async function leseDateiBytes(pfad: string): Promise<Buffer> {
  const name = path.basename(pfad);
  let buf: Buffer;
  try {
    buf = await fs.readFile(pfad);
  } catch (e) {
    const code = errnoCode(e);
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw new DateiFehler('fehlt', pfad, `Die Datei „${pfad}“ wurde nicht gefunden. Bitte Pfad und Dateinamen prüfen.`);
    if (code === 'EISDIR')
      throw new DateiFehler('ordner', pfad, `„${pfad}“ ist ein Ordner, keine Excel-Datei. Bitte eine .xlsx-Datei angeben.`);
    if (code === 'EACCES' || code === 'EPERM' || code === 'EBUSY')
      throw new DateiFehler(
        'gesperrt',
        pfad,
        `Die Datei „${name}“ kann nicht gelesen werden (gesperrt oder keine Berechtigung). Bitte die Datei schließen bzw. die Zugriffsrechte prüfen.`,
      );
    const grund = e instanceof Error ? e.message : String(e);
    throw new DateiFehler('gesperrt', pfad, `Die Datei „${name}“ kann nicht gelesen werden. Bitte prüfen, ob sie vorhanden und zugänglich ist.`, grund);
  }
  pruefeDateikopf(buf, pfad);
  return buf;
}

/** Loads an .xlsx file into exceljs; every failure becomes a DateiFehler with a German message. */
export async function ladeArbeitsmappe(pfad: string): Promise<ExcelJS.Workbook> {
  return ladeMappe(await leseDateiBytes(pfad), pfad);
}
