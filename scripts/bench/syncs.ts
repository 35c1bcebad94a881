/**
 * context.sync() calls and request sizes per add-in action, measured on the
 * in-memory Excel of src/excel/testing (D's fake) seeded with the benchmark
 * plan at each size. A sync ends one Office.js request; its payload is
 * estimated from the data matrices written in that batch (JSON, as Office.js
 * sends them) plus a flat allowance per logged API call.
 */
import { berechneKpi, pruefen } from '../../src/domain';
import type { RawValue, RawWorkbook } from '../../src/domain/model';
import { TABLES, TABLE_ORDER, type TableKey } from '../../src/domain/schema';
import { aufteilen, herkunftAlsTabellen, HERKUNFT_INFO_TABELLE, HERKUNFT_ZEILEN_TABELLE, type NetzwerkDatei } from '../../src/domain/netzwerk';
import { arbeitsmappenStatus, einrichten, kpiAktualisieren, leseArbeitsmappe } from '../../src/excel';
import { netzwerkVorschau, uebernehmen } from '../../src/excel/netzwerk';
import { createFakeExcel, type FakeExcel } from '../../src/excel/testing/fakeExcel';
import { checklisteSpeichern } from '../../src/excel/testing/aktionen';
import { saatAusTabellen } from '../../src/excel/testing/saat';
import { PRO_AUFRUF_BYTES } from '../../src/excel/bloecke';
import { benchTabellen } from './daten';
import { runde } from './messen';

export interface AktionsGroesse {
  zeilen: number;
  syncs: number;
  /** largest single request (one sync) in KB, estimated */
  groessterSyncKB: number;
  /** largest single matrix write (values/numberFormat/rows.add) in KB */
  groessterSchreibKB: number;
  summeKB: number;
  apiAufrufe: number;
  /** of them: defined names for screen readers (one per header block of the computed sheets) */
  namenAufrufe: number;
  /** largest response (values loaded by one sync) in KB */
  groessteAntwortKB: number;
  /** the most frequent API call of the action (from the fake's log, addresses removed) */
  haeufigsterAufruf: { aufruf: string; anzahl: number } | null;
}

export interface AktionsMessung {
  aktion: string;
  /** goal: one read, and one write if the action writes */
  zielSyncs: number;
  proGroesse: AktionsGroesse[];
  konstant: boolean;
  /** the goal met at every size */
  zielErreicht: boolean;
  fehler?: string;
}

export interface Grenze {
  /** largest size measured whose writes still fit one request (the goal of 2 syncs) */
  letzteImZiel: AktionsGroesse;
  /** smallest size measured that needs more (null: none up to GRENZE_BIS) */
  ersteMitMehr: AktionsGroesse | null;
  /** resolution of the search in rows */
  schritt: number;
}

/** the measured action: a second refresh of an unchanged plan (the sheets, names and charts exist) */
export const KPI_ERNEUT = 'KPIs aktualisieren, erneut (Plan unverändert)';

/** KPIs aktualisieren: at most this many API calls at 10,000 rows */
export const ZIEL_KPI_AUFRUFE_BEI_10000 = 1_000;

export interface SyncMessung {
  hinweis: string;
  aktionen: AktionsMessung[];
  /** KPIs aktualisieren: from which Arbeitsplanung size on the writes need a further request (sync) */
  grenzprobe: Grenze | { fehler: string };
}

/** search range and resolution of the limit probe */
export const GRENZE_AB = 1_000;
export const GRENZE_BIS = 30_000;
export const GRENZE_SCHRITT = 250;
const KPI_ZIEL_SYNCS = 2;

/** bytes assumed for one logged API call besides its data — the same figure the write planner uses */
const PRO_AUFRUF = PRO_AUFRUF_BYTES;

interface Zaehler {
  laufend: number;
  /** values read since the last sync: the response of that sync */
  antwort: number;
  groessteAntwort: number;
  gelesen: WeakSet<object>;
  groesster: number;
  einzelGroesster: number;
  summe: number;
  protokollStand: number;
}

let aktiv: Zaehler | null = null;

function matrixBytes(v: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(v ?? null));
  } catch {
    // cyclic values cannot be sent by Office.js either; count them as one call
    return PRO_AUFRUF;
  }
}

function notiere(bytes: number): void {
  if (!aktiv) return;
  aktiv.laufend += bytes;
  aktiv.summe += bytes;
  aktiv.einzelGroesster = Math.max(aktiv.einzelGroesster, bytes);
}

let instrumentiert = false;

/** Wraps the fake's data-carrying setters once, so every write reports its size. */
function instrumentiere(fx: FakeExcel): void {
  if (instrumentiert) return;
  instrumentiert = true;
  const blatt = fx.modell.blaetter[0]?.name ?? 'Tabelle1';
  const range = fx.context.workbook.worksheets.getItem(blatt).getRange('A1');
  const proto = Object.getPrototypeOf(range) as object;
  for (const name of ['values', 'numberFormat', 'formulas']) {
    const d = Object.getOwnPropertyDescriptor(proto, name);
    if (!d?.set) continue;
    const set = d.set;
    const get = d.get;
    Object.defineProperty(proto, name, {
      ...d,
      set(this: unknown, v: unknown) {
        notiere(matrixBytes(v));
        set.call(this, v);
      },
      get(this: object) {
        const v: unknown = get?.call(this);
        // each loaded range counts once toward the response of the sync that delivered it
        if (aktiv && !aktiv.gelesen.has(this)) {
          aktiv.gelesen.add(this);
          aktiv.antwort += matrixBytes(v);
          aktiv.groessteAntwort = Math.max(aktiv.groessteAntwort, aktiv.antwort);
        }
        return v;
      },
    });
  }
  // the address list of a RangeAreas call is data of the request too
  const ws = fx.context.workbook.worksheets.getItem(blatt);
  const wsProto = Object.getPrototypeOf(ws) as { getRanges?: (a: string) => unknown };
  const getRanges = wsProto.getRanges;
  if (getRanges) {
    wsProto.getRanges = function (this: unknown, a: string) {
      notiere(Buffer.byteLength(a));
      return getRanges.call(this, a);
    };
  }
  const tabelle = fx.modell.tabellen[0];
  if (tabelle) {
    const t = fx.context.workbook.tables.getItem(tabelle.name);
    for (const sammlung of [t.rows, t.columns]) {
      const p = Object.getPrototypeOf(sammlung) as { add?: (...a: unknown[]) => unknown };
      const add = p.add;
      if (!add) continue;
      p.add = function (this: unknown, ...args: unknown[]) {
        notiere(matrixBytes(args[1]));
        return add.apply(this, args);
      };
    }
  }
}

function haeufigster(protokoll: readonly string[]): { aufruf: string; anzahl: number } | null {
  const n = new Map<string, number>();
  for (const p of protokoll) {
    const k = p.replace(/![$A-Z]+\d+(:[$A-Z]+\d+)?/g, '').replace(/\s*\(\d+\)$/, '').trim();
    n.set(k, (n.get(k) ?? 0) + 1);
  }
  let best: { aufruf: string; anzahl: number } | null = null;
  for (const [aufruf, anzahl] of n) if (!best || anzahl > best.anzahl) best = { aufruf, anzahl };
  return best;
}

/** Runs one action on a fresh fake and returns its syncs and request sizes. */
async function miss(fx: FakeExcel, zeilen: number, aktion: (fx: FakeExcel) => Promise<unknown>): Promise<AktionsGroesse> {
  instrumentiere(fx);
  const z: Zaehler = { laufend: 0, antwort: 0, groessteAntwort: 0, gelesen: new WeakSet(), groesster: 0, einzelGroesster: 0, summe: 0, protokollStand: fx.protokoll.length };
  const ctx = fx.context as unknown as { sync: () => Promise<void> };
  const sync = ctx.sync;
  ctx.sync = async () => {
    const aufrufe = fx.protokoll.length - z.protokollStand;
    z.protokollStand = fx.protokoll.length;
    const batch = z.laufend + aufrufe * PRO_AUFRUF;
    z.summe += aufrufe * PRO_AUFRUF;
    z.groesster = Math.max(z.groesster, batch);
    z.laufend = 0;
    z.antwort = 0;
    z.gelesen = new WeakSet();
    return sync();
  };
  const vorher = fx.syncs();
  const start = fx.protokoll.length;
  aktiv = z;
  try {
    await aktion(fx);
  } finally {
    aktiv = null;
    ctx.sync = sync;
  }
  // writes queued after the last sync would be lost in Office.js; count them as a request anyway
  const rest = z.laufend + (fx.protokoll.length - z.protokollStand) * PRO_AUFRUF;
  z.groesster = Math.max(z.groesster, rest);
  return {
    zeilen,
    syncs: fx.syncs() - vorher,
    groessterSyncKB: runde(z.groesster / 1024, 1),
    groessterSchreibKB: runde(z.einzelGroesster / 1024, 1),
    summeKB: runde(z.summe / 1024, 1),
    apiAufrufe: fx.protokoll.length - start,
    namenAufrufe: fx.protokoll.slice(start).filter((p) => p.startsWith('NamedItem')).length,
    groessteAntwortKB: runde(z.groessteAntwort / 1024, 1),
    haeufigsterAufruf: haeufigster(fx.protokoll.slice(start)),
  };
}

const immer = (): boolean => true;
const JETZT = new Date(Date.UTC(2026, 10, 25, 12, 0, 0));

/** What the task pane hands to uebernehmen: the HF-3 network file, edited (one status, one Istwert, one new row). */
async function netzwerkDatei(fx: FakeExcel): Promise<NetzwerkDatei> {
  const raw = await leseArbeitsmappe(fx.context);
  const exp = aufteilen({ ...raw, source: 'gesamt.xlsx' }, 3, { quelle: 'gesamt.xlsx', exportiertAm: JETZT, nurVertragsspalten: true });
  const t = {} as Record<TableKey, RawValue[][]>;
  for (const k of TABLE_ORDER) t[k] = exp.tabellen[k].rows.map((r) => [...r]);
  const ap = exp.tabellen.arbeitsplanung.headers;
  const kz = exp.tabellen.kennzahlen.headers;
  const massnahme = t.arbeitsplanung.find((r) => r[ap.indexOf('Art')] === 'Maßnahme');
  if (massnahme) massnahme[ap.indexOf('Status')] = massnahme[ap.indexOf('Status')] === 'umgesetzt' ? 'begonnen' : 'umgesetzt';
  if (t.kennzahlen[0]) t.kennzahlen[0][kz.indexOf('Istwert')] = 77;
  const ziel = t.ziele[0]?.[TABLES.ziele.columns.findIndex((c) => c.header === 'Handlungsziel-ID')] ?? '3.1';
  t.arbeitsplanung.push(['N-3-1', 3, ziel, 'Maßnahme', 'Neue Maßnahme aus dem Netzwerk', null, 'mittel', 'Jobcenter', 'Q3', 'geplant', 'nein', null]);
  const tables = TABLE_ORDER.map((k) => ({ name: TABLES[k].name, sheet: TABLES[k].sheet, headerRow: 1, firstColumn: 1, headers: exp.tabellen[k].headers, rows: t[k] }));
  const marker = herkunftAlsTabellen(exp.herkunft);
  const raw2: RawWorkbook = {
    sheets: [],
    tables: [...tables, { name: HERKUNFT_INFO_TABELLE, sheet: '_Herkunft', headerRow: 1, firstColumn: 1, ...marker.info }, { name: HERKUNFT_ZEILEN_TABELLE, sheet: '_Herkunft', headerRow: 1, firstColumn: 4, ...marker.zeilen }],
    source: 'HF3.xlsx',
  };
  return { datei: 'HF3.xlsx', raw: raw2 };
}

type Aktion = { name: string; ziel: number; leer?: boolean; lauf: (fx: FakeExcel) => Promise<unknown>; vorbereiten?: (fx: FakeExcel) => Promise<unknown> };

function messung(aktion: string, ziel: number, proGroesse: AktionsGroesse[], fehler?: string): AktionsMessung {
  const konstant = !fehler && new Set(proGroesse.map((p) => p.syncs)).size === 1;
  return { aktion, zielSyncs: ziel, proGroesse, konstant, zielErreicht: konstant && proGroesse.every((p) => p.syncs <= ziel), fehler };
}

async function kpiBei(zeilen: number): Promise<AktionsGroesse> {
  const fx = createFakeExcel(saatAusTabellen(benchTabellen(zeilen)));
  return miss(fx, zeilen, (f) => kpiAktualisieren(f.context, JETZT, { unterstuetzt: immer }));
}

/**
 * KPIs aktualisieren at growing sizes: the first size whose writes no longer
 * fit one request (~4 MB) and need a further sync. Steps of 2,000 rows, then
 * halving down to GRENZE_SCHRITT rows.
 */
async function sucheGrenze(): Promise<Grenze> {
  let gut = await kpiBei(GRENZE_AB);
  if (gut.syncs > KPI_ZIEL_SYNCS) throw new Error(`schon bei ${GRENZE_AB} Zeilen ${gut.syncs} Syncs`);
  let schlecht: AktionsGroesse | null = null;
  for (let n = GRENZE_AB + 2000; n <= GRENZE_BIS; n += 2000) {
    const m = await kpiBei(n);
    if (m.syncs > KPI_ZIEL_SYNCS) {
      schlecht = m;
      break;
    }
    gut = m;
  }
  while (schlecht && schlecht.zeilen - gut.zeilen > GRENZE_SCHRITT) {
    const mitte = Math.round((gut.zeilen + schlecht.zeilen) / 2 / GRENZE_SCHRITT) * GRENZE_SCHRITT;
    if (mitte <= gut.zeilen || mitte >= schlecht.zeilen) break;
    const m = await kpiBei(mitte);
    if (m.syncs > KPI_ZIEL_SYNCS) schlecht = m;
    else gut = m;
  }
  return { letzteImZiel: gut, ersteMitMehr: schlecht, schritt: GRENZE_SCHRITT };
}

export async function messeSyncs(groessen: readonly number[], optionen: { grenzprobe?: boolean } = {}): Promise<SyncMessung> {
  const aktionen: Aktion[] = [
    { name: 'Einrichten (leere Mappe)', ziel: 2, leer: true, lauf: (fx) => einrichten(fx.context, { unterstuetzt: immer }) },
    { name: 'Einrichten (Mappe mit Daten)', ziel: 2, lauf: (fx) => einrichten(fx.context, { unterstuetzt: immer }) },
    {
      name: 'Prüfen',
      ziel: 1,
      lauf: async (fx) => {
        const r = pruefen(await leseArbeitsmappe(fx.context));
        if (r.plan) berechneKpi(r.plan);
      },
    },
    { name: 'Status (Startansicht)', ziel: 1, lauf: (fx) => arbeitsmappenStatus(fx.context, { unterstuetzt: immer }) },
    { name: 'KPIs aktualisieren', ziel: KPI_ZIEL_SYNCS, lauf: (fx) => kpiAktualisieren(fx.context, JETZT, { unterstuetzt: immer }) },
    {
      name: KPI_ERNEUT,
      ziel: KPI_ZIEL_SYNCS,
      vorbereiten: (fx) => kpiAktualisieren(fx.context, JETZT, { unterstuetzt: immer }),
      lauf: (fx) => kpiAktualisieren(fx.context, JETZT, { unterstuetzt: immer }),
    },
    { name: 'Checkliste speichern (Handlungsziel 1.1)', ziel: 2, lauf: checklisteSpeichern },
  ];
  const ergebnisse: AktionsMessung[] = [];
  const saaten = new Map(groessen.map((g) => [g, saatAusTabellen(benchTabellen(g))]));
  for (const a of aktionen) {
    const proGroesse: AktionsGroesse[] = [];
    let fehler: string | undefined;
    for (const g of groessen) {
      try {
        const fx = createFakeExcel(a.leer ? {} : saaten.get(g));
        if (a.vorbereiten) await a.vorbereiten(fx);
        proGroesse.push(await miss(fx, g, a.lauf));
      } catch (e) {
        fehler = `${g} Zeilen: ${e instanceof Error ? e.message : String(e)}`;
        break;
      }
    }
    ergebnisse.push(messung(a.name, a.ziel, proGroesse, fehler));
  }

  // Übernehmen: the network file is prepared outside the measurement (the task pane parses it in the browser)
  for (const vorschau of [true, false]) {
    const proGroesse: AktionsGroesse[] = [];
    let fehler: string | undefined;
    for (const g of groessen) {
      try {
        const datei = await netzwerkDatei(createFakeExcel(saaten.get(g)));
        const fx = createFakeExcel(saaten.get(g));
        const optionen = { jetzt: JETZT, unterstuetzt: immer, gesamtName: 'gesamt.xlsx' };
        proGroesse.push(await miss(fx, g, () => (vorschau ? netzwerkVorschau(fx.context, [datei], optionen) : uebernehmen(fx.context, [datei], optionen))));
      } catch (e) {
        fehler = `${g} Zeilen: ${e instanceof Error ? e.message : String(e)}`;
        break;
      }
    }
    ergebnisse.push(messung(vorschau ? 'Übernehmen, Vorschau (Netzwerkdatei HF 3)' : 'Übernehmen (Netzwerkdatei HF 3)', vorschau ? 1 : 2, proGroesse, fehler));
  }

  let grenzprobe: Grenze | { fehler: string };
  try {
    grenzprobe = optionen.grenzprobe === false ? { fehler: 'nicht gemessen' } : await sucheGrenze();
  } catch (e) {
    grenzprobe = { fehler: e instanceof Error ? e.message : String(e) };
  }

  return {
    grenzprobe,
    hinweis:
      `Gemessen am In-Memory-Excel aus src/excel/testing (jede Aktion auf einer frisch befüllten Mappe). „Syncs“ zählt context.sync(); eine Anfrage ist alles zwischen zwei Syncs. Anfragegröße geschätzt wie im Schreibplan (src/excel/bloecke.ts): JSON der geschriebenen Matrizen (values, numberFormat, rows.add) und Adresslisten plus ${PRO_AUFRUF} Byte je API-Aufruf (jede gesetzte Eigenschaft, jeder Methodenaufruf); Antwortgröße: JSON der nach einem Sync gelesenen Wertematrizen. Excel im Web lehnt Anfragen und Antworten über 5 MB ab (RichApi.Error wegen zu großer Nutzlast, siehe https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins); auch viele kleine Formatierungs- oder Verbundaufrufe zählen dazu.`,
    aktionen: ergebnisse,
  };
}
