/**
 * Writing the Umsetzungsbericht as .docx or .pdf: the Word document comes
 * from src/dokument; the PDF is that document converted by LibreOffice
 * (`soffice`), tagged so screen readers get its structure, and PDF/A-2b.
 * Every file is written via a temporary file next to the target and
 * renamed, so a failed run never leaves half a report.
 */
import { execFile } from 'child_process';
import { constants as fsKonstanten, promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Umsetzungsbericht } from '../domain/bericht';
import { umsetzungsberichtDocx } from '../dokument';
import type { BerichtMeta } from '../workbook/berichtSheet';
import { DateiFehler } from '../xlsx';
import { speichereDatei } from './speichern';
import { AufrufFehler, PROGRAMM } from './common';

/**
 * Tagged PDF (structure tags for screen readers) that is also PDF/A-2b for
 * the archive, via the JSON filter options of LibreOffice ≥ 7.4. Part 2, not
 * 1: PDF/A-1 forbids transparency. LibreOffice keeps the same structure tree
 * with PDF/A (checked against the tagged-only export).
 */
export const PDF_FILTER =
  'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"},"SelectPdfVersion":{"type":"long","value":"2"}}';
const SOFFICE_ZEIT_MS = 180_000;

/** Where the LibreOffice installers put `soffice` when it is not on PATH (Windows, macOS). */
function installationsOrte(env: NodeJS.ProcessEnv, plattform: NodeJS.Platform): string[] {
  if (plattform === 'win32')
    return [env.ProgramFiles, env['ProgramFiles(x86)']]
      .filter((o): o is string => Boolean(o))
      .map((o) => path.win32.join(o, 'LibreOffice', 'program', 'soffice.com'));
  if (plattform === 'darwin') return ['/Applications/LibreOffice.app/Contents/MacOS/soffice'];
  return [];
}

async function ausfuehrbar(p: string): Promise<boolean> {
  try {
    await fs.access(p, fsKonstanten.X_OK);
    return (await fs.stat(p)).isFile();
  } catch {
    return false;
  }
}

/** The first `soffice` on PATH (Windows: soffice.com/.exe), else in the installer's folder, or null. */
export async function findeSoffice(
  env: NodeJS.ProcessEnv = process.env,
  plattform: NodeJS.Platform = process.platform,
): Promise<string | null> {
  const namen = plattform === 'win32' ? ['soffice.com', 'soffice.exe'] : ['soffice'];
  const ordner = (env.PATH ?? env.Path ?? '').split(path.delimiter).filter(Boolean);
  const kandidaten = [...ordner.flatMap((o) => namen.map((n) => path.join(o, n))), ...installationsOrte(env, plattform)];
  for (const k of kandidaten) if (await ausfuehrbar(k)) return k;
  return null;
}

/** Message when a PDF is asked for and LibreOffice is missing: how to get the PDF anyway. */
export function ohneSofficeMeldung(datei: string, aus: string): string {
  const docx = aus.replace(/\.pdf$/i, '.docx');
  return (
    `Für den PDF-Bericht wird LibreOffice benötigt, das Programm „soffice“ wurde aber nicht gefunden. ` +
    `So entsteht das PDF: den Bericht als Word-Datei schreiben („${PROGRAMM} bericht "${datei}" --aus "${docx}"“), ` +
    `die .docx-Datei in Word öffnen und über Datei › Speichern unter › PDF speichern. ` +
    `Oder LibreOffice installieren (so, dass „soffice“ im Suchpfad PATH liegt) und den Aufruf wiederholen.`
  );
}

/** Checks before any work that a PDF can be made; throws the German message otherwise. */
export async function pruefePdfMoeglich(datei: string, aus: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const soffice = await findeSoffice(env);
  if (!soffice) throw new AufrufFehler(ohneSofficeMeldung(datei, aus));
  return soffice;
}

export async function schreibeBerichtDocx(b: Umsetzungsbericht, meta: BerichtMeta, aus: string): Promise<void> {
  await speichereDatei(aus, await umsetzungsberichtDocx(b, meta));
}

function starte(programm: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<{ ok: boolean; text: string }> {
  return new Promise((resolve) => {
    execFile(programm, [...args], { env, timeout: SOFFICE_ZEIT_MS, windowsHide: true }, (fehler, stdout, stderr) =>
      resolve({ ok: !fehler, text: `${stderr}${stdout}`.trim() || (fehler?.message ?? '') }),
    );
  });
}

/**
 * Writes the Word document to a temporary folder, converts it with
 * LibreOffice and moves the PDF to `aus`. A profile of its own keeps the
 * conversion working while the user has LibreOffice open.
 */
export async function schreibeBerichtPdf(
  b: Umsetzungsbericht,
  meta: BerichtMeta,
  aus: string,
  soffice: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'integrationsmonitor-pdf-'));
  try {
    const name = path.basename(aus).replace(/\.pdf$/i, '') || 'Umsetzungsbericht';
    const docx = path.join(tmp, `${name}.docx`);
    await fs.writeFile(docx, await umsetzungsberichtDocx(b, meta));
    const profil = pathToFileURL(path.join(tmp, 'profil')).href;
    const lauf = await starte(
      soffice,
      [`-env:UserInstallation=${profil}`, '--headless', '--norestore', '--convert-to', PDF_FILTER, '--outdir', tmp, docx],
      env,
    );
    const pdf = path.join(tmp, `${name}.pdf`);
    const daten = await fs.readFile(pdf).catch(() => null);
    if (!daten || daten.length === 0)
      throw new DateiFehler(
        'schreiben',
        aus,
        `LibreOffice konnte den Bericht nicht in PDF umwandeln${lauf.text ? ` (${lauf.text.split('\n')[0]})` : ''}. ` +
          `Bitte den Bericht als .docx schreiben und in Word über Datei › Speichern unter › PDF speichern.`,
      );
    await speichereDatei(aus, daten);
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
}
