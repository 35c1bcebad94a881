/**
 * "Netzwerkdateien übernehmen" in the open steering workbook (Office.js).
 *
 * The network files are parsed in the browser (task pane) into RawWorkbooks;
 * this module reads the open workbook, runs the domain merge, backs up every
 * table it is about to change, writes only the changed cells and the new rows
 * (co-authoring friendly: no table is rebuilt) and rewrites the sheet
 * "Änderungsprotokoll". Undo restores the backups of the last import.
 *
 * Syncs: preview 1, import 2 (one read, one write), whatever the number of
 * rows (while the writes fit one request of ~4 MB; see bloecke.ts). The backups use the sheet format of sicherung.ts
 * (so "Letzte Sicherung wiederherstellen" understands them) but are queued
 * into the write batch instead of costing two syncs per table.
 */
import { pruefen } from '../domain';
import type { RawTable, RawValue, RawWorkbook } from '../domain/model';
import { isCellError, isFormelOhneErgebnis } from '../domain/model';
import { SHEETS, TABLES, type TableKey } from '../domain/schema';
import { zusammenfuehren, type NetzwerkDatei, type ZusammenfuehrenErgebnis } from '../domain/netzwerk';
import { aenderungsprotokollGrid } from '../workbook/herkunft';
import { alsExcelWert, Anfrage, schreibeWerteInBloecke, zeilenBytes, type ZellWert } from './bloecke';
import { leseTabellen, type LeseStand } from './lesen';
import { officeUnterstuetzt, verfuegbar, type IstUnterstuetzt } from './requirements';
import { GridSchreiber } from './schreiben';
import {
  freierName,
  letzteSicherungWiederherstellen,
  SICHERUNG_DATEN_ZEILE,
  SICHERUNG_KENNUNG,
  sicherungsblaetter,
  sicherungsName,
} from './sicherung';
import { bereichsAdresse } from '../domain/adresse';

/** Cell E1 of a backup sheet made by an import: groups the backups of one import for undo. */
export const IMPORT_KENNUNG = 'Netzwerkimport';
const RUECKGAENGIG = 'rückgängig gemacht';

export interface UebernahmeOptionen {
  readonly jetzt?: Date;
  readonly unterstuetzt?: IstUnterstuetzt;
  /** name of the open workbook for the report (default "geöffnete Arbeitsmappe") */
  readonly gesamtName?: string;
}

export interface Pruefung {
  readonly fehler: number;
  readonly warnungen: number;
}

export interface UebernahmeVorschau extends ZusammenfuehrenErgebnis {
  /** validation of the merged result (computed in memory) */
  readonly pruefung: Pruefung;
}

export interface UebernahmeErgebnis extends UebernahmeVorschau {
  /** names of the hidden backup sheets (one per changed table) */
  readonly sicherungen: readonly string[];
  /** false when nothing needed writing (only the Änderungsprotokoll was rewritten) */
  readonly geschrieben: boolean;
}

interface Gelesen {
  readonly raw: RawWorkbook;
  readonly stand: LeseStand;
  /** contract table name → data body rows and whether the totals row is shown */
  readonly koerper: Map<string, { readonly rowCount: number; readonly showTotals: boolean }>;
}

/** Read the open workbook in one sync (see lesen.ts); `vorab`/`nach` fold a writer's loads into it. */
async function lese(
  context: Excel.RequestContext,
  gesamtName: string,
  extra: { readonly vorab?: () => void; readonly nach?: (stand: LeseStand) => void } = {},
  unterstuetzt?: IstUnterstuetzt,
): Promise<Gelesen> {
  const koerper = new Map<string, { rowCount: number; showTotals: boolean }>();
  let stand: LeseStand | null = null;
  const raw = await leseTabellen(context, {
    unterstuetzt,
    vorSync1: extra.vorab,
    nachLesen: (s) => {
      stand = s;
      for (const key of Object.keys(TABLES) as TableKey[]) {
        const b = s.bereiche?.get(TABLES[key].name);
        // with a totals row the row below the body is taken: new rows then go through rows.add
        if (b) koerper.set(TABLES[key].name, { rowCount: b.koerperZeilen, showTotals: b.summenzeile });
      }
      extra.nach?.(s);
    },
  });
  if (!stand) throw new Error('Die Arbeitsmappe konnte nicht gelesen werden.');
  return { raw: { ...raw, source: gesamtName }, stand, koerper };
}

function mitTabellen(raw: RawWorkbook, erg: ZusammenfuehrenErgebnis): RawWorkbook {
  const nachName = new Map<string, TableKey>((Object.keys(TABLES) as TableKey[]).map((k) => [TABLES[k].name, k]));
  return {
    ...raw,
    tables: raw.tables.map((t): RawTable => {
      const key = nachName.get(t.name);
      return key && key !== 'zeitreihe' ? { ...t, headers: erg.tabellen[key].headers, rows: erg.tabellen[key].rows } : t;
    }),
  };
}

function pruefeErgebnis(raw: RawWorkbook, erg: ZusammenfuehrenErgebnis): Pruefung {
  const { findings } = pruefen(mitTabellen(raw, erg));
  const fehler = findings.filter((f) => f.schwere === 'Fehler').length;
  return { fehler, warnungen: findings.length - fehler };
}

function zellWert(v: RawValue | string): ZellWert {
  return isCellError(v) ? v.error : v;
}

function excelWert(v: RawValue): string | number | boolean {
  return alsExcelWert(zellWert(v));
}

const istLeer = (v: RawValue): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '') || isFormelOhneErgebnis(v);

/**
 * Columns of a new row to write, as runs of adjacent columns (pure): the
 * contract columns of the table, plus a workbook's own extra column only
 * where the row brings a value for it. An empty extra column is left alone,
 * so Excel's calculated columns (formulas the steering group added) fill
 * the new row instead of being overwritten with an empty value.
 */
export function neueZeilenLaeufe(
  key: TableKey,
  headers: readonly string[],
  zeile: readonly RawValue[],
): { von: number; anzahl: number }[] {
  const vertrag = new Set(TABLES[key].columns.map((c) => c.header.toLowerCase()));
  const spalten = headers.map(
    (h, i) =>
      vertrag.has(
        String(h ?? '')
          .trim()
          .toLowerCase(),
      ) || !istLeer(zeile[i] ?? null),
  );
  const laeufe: { von: number; anzahl: number }[] = [];
  for (let i = 0; i < spalten.length; i++) {
    if (!spalten[i]) continue;
    const letzter = laeufe[laeufe.length - 1];
    if (letzter && letzter.von + letzter.anzahl === i) letzter.anzahl++;
    else laeufe.push({ von: i, anzahl: 1 });
  }
  return laeufe;
}

/** Preview: what an import would change, without writing anything. 1 sync. */
export async function netzwerkVorschau(
  context: Excel.RequestContext,
  dateien: readonly NetzwerkDatei[],
  optionen: UebernahmeOptionen = {},
): Promise<UebernahmeVorschau> {
  const { raw } = await lese(context, optionen.gesamtName ?? 'geöffnete Arbeitsmappe', undefined, optionen.unterstuetzt);
  const erg = zusammenfuehren(raw, dateien);
  return { ...erg, pruefung: pruefeErgebnis(raw, erg) };
}

/**
 * Import network files into the open workbook: read, merge, back up the
 * affected tables, write changed cells and new rows, rewrite the
 * Änderungsprotokoll. 2 syncs whatever the row count.
 */
export async function uebernehmen(
  context: Excel.RequestContext,
  dateien: readonly NetzwerkDatei[],
  optionen: UebernahmeOptionen = {},
): Promise<UebernahmeErgebnis> {
  const jetzt = optionen.jetzt ?? new Date();
  const unterstuetzt = optionen.unterstuetzt ?? officeUnterstuetzt;
  const gesamtName = optionen.gesamtName ?? 'geöffnete Arbeitsmappe';
  const schreiber = new GridSchreiber(context, { unterstuetzt });
  const protokoll = [SHEETS.aenderungsprotokoll];
  const { raw, stand, koerper } = await lese(
    context,
    gesamtName,
    { vorab: () => schreiber.vorab(protokoll), nach: (s) => schreiber.nachLesen(s, protokoll) },
    unterstuetzt,
  );
  const erg = zusammenfuehren(raw, dateien);
  const pruefung = pruefeErgebnis(raw, erg);
  // one request budget for all writes below, the change report included (Excel on the web: ≤ 5 MB per request)
  const anfrage = new Anfrage(() => context.sync());

  // 1. backups, queued first so they copy the state before the writes below
  const belegt = new Set(stand.blaetter);
  const basis = sicherungsName(jetzt);
  const importId = `${IMPORT_KENNUNG} ${jetzt.toISOString()}`;
  const sicherungen: string[] = [];
  const mitKopie = verfuegbar('sicherungKopieren', unterstuetzt);
  for (const key of erg.betroffen) {
    const t = raw.tables.find((x) => x.name === TABLES[key].name);
    if (!t) continue;
    const name = freierName(basis, belegt);
    belegt.add(name);
    sicherungen.push(name);
    await anfrage.platz(500, 4);
    const ws = context.workbook.worksheets.add(name);
    ws.getRange('A1:E1').values = [
      [
        SICHERUNG_KENNUNG,
        t.name,
        jetzt.toISOString(),
        'Vom Integrationsmonitor vor „Netzwerkdateien übernehmen“ angelegt. Rückgängig im Aufgabenbereich mit „Rückgängig“.',
        importId,
      ],
    ];
    if (mitKopie) {
      ws.getRange(`A${SICHERUNG_DATEN_ZEILE}`).copyFrom(
        context.workbook.tables.getItem(t.name).getRange(),
        'Values' as Excel.RangeCopyType,
      );
    } else {
      // without copyFrom: the values just read (dates as serials, as Excel stores them),
      // in payload-sized blocks (a sync only between blocks of very large tables)
      const breite = Math.max(1, t.headers.length);
      await schreibeWerteInBloecke({
        ziel: (start, anzahl) => ws.getRange(bereichsAdresse(SICHERUNG_DATEN_ZEILE + start, 1, anzahl, breite)),
        werte: [t.headers, ...t.rows].map((r) => r.map(zellWert)),
        sync: () => context.sync(),
        anfrage,
      });
    }
    ws.visibility = 'Hidden' as Excel.SheetVisibility;
  }

  // 2. changed cells of existing rows, one small range each (no table rewrite)
  for (const z of erg.zellen) {
    const t = raw.tables.find((x) => x.name === TABLES[z.tabelle].name);
    if (!t) continue;
    const wert = excelWert(z.wert);
    await anfrage.platz(zeilenBytes([wert]));
    const ws = context.workbook.worksheets.getItem(t.sheet);
    ws.getRange(bereichsAdresse(t.headerRow + 1 + z.zeile, t.firstColumn + z.spalte, 1, 1)).values = [[wert]];
  }

  // 3. new rows: first into blank rows at the table's end, the rest below the table (resized over them).
  // Only contract columns (and extra columns the row has a value for) are written, so a
  // calculated column of the steering group keeps its formula in the new rows.
  for (const key of erg.betroffen) {
    const neue = erg.neueZeilen.filter((n) => n.tabelle === key).map((n) => n.werte);
    if (neue.length === 0) continue;
    const t = raw.tables.find((x) => x.name === TABLES[key].name);
    if (!t) continue;
    const frei = Math.max(0, (koerper.get(t.name)?.rowCount ?? t.rows.length) - t.rows.length);
    const ws = context.workbook.worksheets.getItem(t.sheet);
    // blank rows already carry the calculated columns' formulas: write runs of columns, row groups with the same runs together
    const inLeere = neue.slice(0, frei);
    for (let i = 0; i < inLeere.length;) {
      const laeufe = neueZeilenLaeufe(key, t.headers, inLeere[i]);
      const muster = JSON.stringify(laeufe);
      let j = i;
      while (j + 1 < inLeere.length && JSON.stringify(neueZeilenLaeufe(key, t.headers, inLeere[j + 1])) === muster) j++;
      for (const l of laeufe) {
        const block = inLeere.slice(i, j + 1).map((r) => r.slice(l.von, l.von + l.anzahl).map((v) => excelWert(v ?? null)));
        await anfrage.platz(zeilenBytes(block));
        ws.getRange(bereichsAdresse(t.headerRow + 1 + t.rows.length + i, t.firstColumn + l.von, j - i + 1, l.anzahl)).values =
          block;
      }
      i = j + 1;
    }
    // rows.add needs the full width: null leaves a cell to Excel (a calculated column fills it)
    const rest = neue.slice(frei).map((r) => {
      const schreiben = new Set(
        neueZeilenLaeufe(key, t.headers, r).flatMap((l) => Array.from({ length: l.anzahl }, (_, k) => l.von + k)),
      );
      return t.headers.map((_, c) => (schreiben.has(c) ? excelWert(r[c] ?? null) : null));
    });
    if (rest.length > 0) {
      await anfrage.platz(zeilenBytes(rest), 2);
      const k = koerper.get(t.name);
      if (k && verfuegbar('tabelleAnpassen', unterstuetzt) && !k.showTotals) {
        const tab = context.workbook.tables.getItem(t.name);
        // values directly below the table, then the table resized over them: TableRowCollection.add is a known
        // cause of co-authoring conflicts; null leaves a cell to Excel (a calculated column fills it)
        const unten = t.headerRow + 1 + (koerper.get(t.name)?.rowCount ?? t.rows.length);
        ws.getRange(bereichsAdresse(unten, t.firstColumn, rest.length, t.headers.length)).values = rest as (string | number | boolean)[][];
        tab.resize(ws.getRange(bereichsAdresse(t.headerRow, t.firstColumn, unten - t.headerRow + rest.length, t.headers.length)));
      } else {
        // without Table.resize (ExcelApi 1.13) or with a totals row; the typings omit null, Office.js accepts it in 2-D arrays
        context.workbook.tables.getItem(t.name).rows.add(undefined, rest as (string | number | boolean)[][]);
      }
    }
  }

  // 4. the change report, in the same request budget
  await schreiber.schreiben(
    [
      aenderungsprotokollGrid(erg.aenderungen, {
        erstelltAm: jetzt,
        gesamt: gesamtName,
        dateien: dateien.map((d) => d.datei),
        pruefung,
        hinweise: erg.hinweise,
      }),
    ],
    anfrage.bytes,
  );
  await context.sync();
  return { ...erg, pruefung, sicherungen, geschrieben: erg.betroffen.length > 0 };
}

export interface ImportRueckgaengig {
  /** tables restored from their backup */
  readonly tabellen: readonly string[];
  readonly sicherungen: readonly string[];
  /** German notes, e.g. that a table's filter was cleared */
  readonly hinweise?: readonly string[];
}

/**
 * Undo the last import: restore every table from the backup that import
 * made. Refuses when a table has a newer backup from another action (that
 * would undo more than the import). 2 + 4 per restored table syncs.
 */
export async function letztenImportRueckgaengig(context: Excel.RequestContext): Promise<ImportRueckgaengig> {
  const blaetter = context.workbook.worksheets;
  blaetter.load('items/name');
  await context.sync();
  const kandidaten = sicherungsblaetter(blaetter.items.map((b) => b.name));
  const koepfe = kandidaten.map((n) => {
    const r = context.workbook.worksheets.getItem(n).getRange('A1:E1');
    r.load('values');
    return { n, r };
  });
  await context.sync();
  const info = koepfe
    .map(({ n, r }) => ({ n, r, zeile: (r.values[0] ?? []).map((v) => String(v ?? '')) }))
    .filter((x) => x.zeile[0] === SICHERUNG_KENNUNG);
  const letzter = info.find((x) => x.zeile[4].startsWith(IMPORT_KENNUNG));
  if (!letzter) throw new Error('Es gibt keinen Import von Netzwerkdateien, der rückgängig gemacht werden könnte.');
  const id = letzter.zeile[4];
  if (id.endsWith(RUECKGAENGIG)) throw new Error('Der letzte Import von Netzwerkdateien wurde bereits rückgängig gemacht.');
  const gruppe = info.filter((x) => x.zeile[4] === id);
  for (const g of gruppe) {
    const neuer = info.find((x) => x.zeile[1].toLowerCase() === g.zeile[1].toLowerCase());
    if (neuer && neuer.n !== g.n) {
      throw new Error(
        `Nach dem Import wurde die Tabelle ${g.zeile[1]} noch einmal gesichert („${neuer.n}“). Der Import kann nicht mehr als Ganzes rückgängig gemacht werden; bitte einzelne Sicherungen über „Letzte Sicherung wiederherstellen“ zurückholen.`,
      );
    }
  }
  const tabellen: string[] = [];
  const hinweise: string[] = [];
  for (const [i, g] of gruppe.entries()) {
    // mark the import as undone together with the last restore's writes
    if (i === gruppe.length - 1)
      for (const x of gruppe) context.workbook.worksheets.getItem(x.n).getRange('E1').values = [[`${id} – ${RUECKGAENGIG}`]];
    const w = await letzteSicherungWiederherstellen(context, g.zeile[1]);
    tabellen.push(w.tabelle);
    hinweise.push(...w.hinweise);
  }
  return { tabellen, sicherungen: gruppe.map((g) => g.n), hinweise };
}
