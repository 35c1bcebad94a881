/**
 * The workbook of a new Berichtsjahr as .xlsx bytes, from the old workbook
 * as read: the rollover of src/domain/jahreswechsel.ts, the data sheets of
 * the template with the carried rows, the computed sheets with their charts.
 * Browser-safe, so the CLI and the task pane build the same file.
 */
import ExcelJS from 'exceljs';
import { pruefen } from '../domain';
import { jahreswechsel, type JahreswechselErgebnis } from '../domain/jahreswechsel';
import type { Finding, Plan, RawWorkbook } from '../domain/model';
import { neuesJahrBlaetter } from '../workbook/berechneteBlaetter';
import type { JahreswechselMeta } from '../workbook/jahreswechselSheet';
import { diagrammeEinfuegen } from './diagramme';
import { rohdatenAusMappe } from '../workbook/rohdaten';
import { schreibeGrid, schreibeVorlage } from './schreiben';

export interface NeueJahresmappe {
  readonly ergebnis: JahreswechselErgebnis;
  readonly inhalt: Uint8Array;
  /** findings of the new workbook (it must not bring Fehler of its own) */
  readonly pruefung: readonly Finding[];
}

/** Midnight (UTC) of the local day: the same stamp for every run of a day, so a second run gives the same file content. */
function tagesAnfang(d: Date): Date {
  return new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()));
}

/** `alt` and `plan` are a workbook without Fehler and its plan (the caller checks); `ziel` names the new file for messages. */
export async function baueJahresmappe(
  alt: RawWorkbook,
  plan: Plan,
  jahr: number,
  meta: JahreswechselMeta & { readonly ziel: string },
): Promise<NeueJahresmappe> {
  const ergebnis = jahreswechsel(alt, plan, jahr);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Integrationsmonitor';
  wb.title = `Integrationskonzept – Arbeitsplanung ${jahr}`;
  wb.created = wb.modified = tagesAnfang(meta.erstelltAm);
  const t = ergebnis.tabellen;
  const keys = Object.keys(t) as (keyof typeof t)[];
  schreibeVorlage(
    wb,
    Object.fromEntries(keys.map((k) => [k, t[k].rows])),
    Object.fromEntries(keys.map((k) => [k, t[k].zusatz])),
  );
  const grids = neuesJahrBlaetter(ergebnis, alt, meta);
  for (const g of grids) schreibeGrid(wb, g);
  const pruefung = pruefen(rohdatenAusMappe(wb, meta.ziel)).findings;
  const inhalt = await diagrammeEinfuegen(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), grids);
  return { ergebnis, inhalt, pruefung };
}
