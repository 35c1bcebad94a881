/**
 * Reading network workbooks in the browser (File API → the CLI's loader in
 * src/xlsx/laden.ts → exceljs) into the domain's RawWorkbook: tables by
 * name, columns by header text, formulas by their cached result. This module
 * and the loader pull in exceljs, so the pane loads them only when the user
 * picks files (dynamic imports here and in gateway.ts).
 * The reading itself is rohdatenAusMappe (src/workbook/rohdaten.ts), the CLI's reader too.
 */
import type ExcelJS from 'exceljs';
import type { NetzwerkDatei } from '../../domain/netzwerk';
import { rohdatenAusMappe } from '../../workbook/rohdaten';
import { BenutzerFehler } from '../gateway';

/** Parse one file's bytes; a German BenutzerFehler when it is no readable .xlsx. */
export async function leseNetzwerkdatei(name: string, daten: ArrayBuffer): Promise<NetzwerkDatei> {
  // same chunk as this module, so it arrives with it
  const { ladeMappe } = await import(/* webpackChunkName: "netzwerk-dateien" */ '../../xlsx/laden');
  let wb: ExcelJS.Workbook;
  try {
    wb = await ladeMappe(daten, name);
  } catch (e) {
    // a library's own error text never reaches the message, only the technical hint
    const technisch = (e as { technisch?: unknown } | null)?.technisch;
    throw new BenutzerFehler(
      `Die Datei „${name}“ kann nicht gelesen werden.`,
      'Bitte nur Netzwerkdateien im Format „Excel-Arbeitsmappe (*.xlsx)“ auswählen (nicht kennwortgeschützt, nicht .xls/.csv).',
      `${e instanceof Error ? e.message : String(e)}${typeof technisch === 'string' ? ` (${technisch})` : ''}`,
    );
  }
  return { datei: name, raw: rohdatenAusMappe(wb, name) };
}

export async function leseDateien(dateien: readonly File[]): Promise<NetzwerkDatei[]> {
  const out: NetzwerkDatei[] = [];
  for (const f of dateien) out.push(await leseNetzwerkdatei(f.name, await f.arrayBuffer()));
  return out;
}
