/**
 * An in-memory fake of the Office.js Excel API surface this project uses,
 * for unit tests (office-addin-mock cannot express RangeAreas, dynamic
 * ranges or tables), the task-pane tests and the browser end-to-end run.
 *
 * Model: sheets with sparse cells (value, number format, visual format,
 * validation), tables positioned on sheets (header/body live in the cells),
 * conditional formats, charts, protection, page layout, custom properties.
 *
 * Proxy behaviour follows Office.js where it matters for correctness:
 * - reading a property needs `load(...)` and a following `context.sync()`,
 *   otherwise it throws like Office.js ("PropertyNotLoaded");
 * - `isNullObject` is readable only after a sync;
 * - writes apply immediately (same end state as Office.js applying the
 *   queued batch in order at sync);
 * - `range.values = …` interprets strings like typing: a leading apostrophe
 *   stores text, "=…" stores a formula (value unevaluated, recorded in `formel`).
 * Every sync is counted; API calls are logged in `protokoll`.
 */
import { type FakeHost, Kontext, versionMindestens } from './kontext';
import { type FakeArbeitsmappe, type FakeBlatt, type FakeTabelle, type FakeWert, type FakeZelle, fakeBlock, key, neueZelle, neuesBlatt, zellText } from './modell';
import { FakeWorkbook } from './workbook';
import { rechteckAdresse } from '../../../domain/adresse';

export type { FakeArbeitsmappe, FakeBedingtesFormat, FakeBlatt, FakeDiagramm, FakeTabelle, FakeWert, FakeZelle, FakeZellFormat } from './modell';
export { FakeOfficeFehler, MAX_NUTZLAST_BYTES, fakeBlock } from './modell';
export { versionMindestens, type FakeHost } from './kontext';

export interface FakeTabellenSaat {
  readonly name: string;
  readonly blatt: string;
  /** 1-based header row / first column (default 1 / 1) */
  readonly zeile?: number;
  readonly spalte?: number;
  readonly kopf: readonly string[];
  readonly zeilen: readonly (readonly FakeWert[])[];
  /** totals row below the body (shown), e.g. ['Summe', null, …] */
  readonly summenzeile?: readonly FakeWert[];
}

export interface FakeSaat {
  readonly name?: string;
  /** sheets in order (sheets of seeded tables are added automatically) */
  readonly blaetter?: readonly string[];
  readonly tabellen?: readonly FakeTabellenSaat[];
  readonly eigenschaften?: Readonly<Record<string, unknown>>;
  /**
   * Number-like text assigned through range.values becomes a number, as in
   * Excel (cells formatted "@" keep text). Recommended for new tests.
   */
  readonly zahlenErkennen?: boolean;
  /**
   * Highest ExcelApi requirement set of the simulated host (e.g. '1.4', the
   * manifest's minimum): members of later sets throw ApiNotFound, as on an
   * old Excel. Default: everything supported.
   */
  readonly apiVersion?: string;
  /** host whose differences are simulated (default 'web'), see FakeHost */
  readonly host?: FakeHost;
  /**
   * Deleting rows of a table while a filter is active: 'fehler' (default)
   * throws InsertDeleteConflict, 'wirkungslos' leaves the rows in place
   * without an error — Excel has been seen doing either.
   */
  readonly gefiltertLoeschen?: 'fehler' | 'wirkungslos';
}

export interface FakeExcel {
  /** pass this wherever an Excel.RequestContext is expected */
  readonly context: Excel.RequestContext;
  readonly modell: FakeArbeitsmappe;
  /** API calls in order, e.g. "Range.values KPI Übersicht!A1:O20" */
  readonly protokoll: string[];
  syncs(): number;
  /** isSetSupported of the simulated host (pass as `unterstuetzt` to the adapter) */
  unterstuetzt(set: string, version: string): boolean;
  blatt(name: string): FakeBlatt;
  /** values of a block as Office.js would return them ('' for empty) */
  werte(blatt: string, adresse: string): (string | number | boolean)[][];
  zelle(blatt: string, adresse: string): FakeZelle | undefined;
  tabelle(name: string): { kopf: string[]; zeilen: (string | number | boolean)[][]; tabelle: FakeTabelle } | undefined;
  /** the whole model as plain JSON, for "running twice changes nothing" */
  schnappschuss(): string;
  /** type a value into a cell as a user would (also inside protected sheets: user edits are outside the API) */
  tippen(blatt: string, adresse: string, wert: FakeWert): void;
  /** filter a table column as a user would: only rows whose text is one of `sichtbar` stay visible */
  filtern(tabelle: string, spalte: string, sichtbar: readonly string[]): void;
  /** a user starts (true) or ends (false) editing a cell: meanwhile every sync fails with InvalidOperationInCellEditMode */
  zelleBearbeiten(an: boolean): void;
}

function wertSetzen(c: FakeZelle, w: FakeWert): void {
  delete c.fehler;
  delete c.formel;
  if (w === null) c.wert = '';
  else if (typeof w === 'object') {
    c.wert = w.error;
    c.fehler = w.error;
  } else c.wert = w;
}

export function createFakeExcel(saat: FakeSaat = {}): FakeExcel {
  const modell: FakeArbeitsmappe = {
    name: saat.name ?? 'Arbeitsplanung-2026.xlsx',
    blaetter: [],
    tabellen: [],
    eigenschaften: new Map(Object.entries(saat.eigenschaften ?? {}).map(([k2, v]) => [k2.toLowerCase(), v])),
    namen: new Map(),
    aktivesBlatt: null,
    auswahl: null,
  };
  const blattHolen = (name: string): FakeBlatt => {
    let b = modell.blaetter.find((x) => x.name === name);
    if (!b) {
      b = neuesBlatt(name);
      modell.blaetter.push(b);
    }
    return b;
  };
  for (const n of saat.blaetter ?? []) blattHolen(n);
  for (const t of saat.tabellen ?? []) {
    const b = blattHolen(t.blatt);
    const zeile = t.zeile ?? 1;
    const spalte = t.spalte ?? 1;
    t.kopf.forEach((h, i) => {
      const c = neueZelle();
      c.wert = h;
      b.zellen.set(key(zeile, spalte + i), c);
    });
    t.zeilen.forEach((r, ri) =>
      r.forEach((w, ci) => {
        if (w === null || w === '') return;
        const c = neueZelle();
        wertSetzen(c, w);
        b.zellen.set(key(zeile + 1 + ri, spalte + ci), c);
      }),
    );
    const koerper = Math.max(1, t.zeilen.length);
    t.summenzeile?.forEach((w, ci) => {
      if (w === null || w === '') return;
      const c = neueZelle();
      wertSetzen(c, w);
      b.zellen.set(key(zeile + 1 + koerper, spalte + ci), c);
    });
    modell.tabellen.push({ name: t.name, blatt: t.blatt, zeile, spalte, spalten: t.kopf.length, zeilen: koerper, stil: 'TableStyleMedium2', ...(t.summenzeile ? { summenzeile: true } : {}) });
  }
  if (modell.blaetter.length === 0) blattHolen('Tabelle1');

  const k = new Kontext(modell);
  const wb = new FakeWorkbook(k);
  k.zahlenErkennen = saat.zahlenErkennen ?? false;
  k.apiVersion = saat.apiVersion ?? null;
  k.host = saat.host ?? 'web';
  k.gefiltertLoeschen = saat.gefiltertLoeschen ?? 'fehler';
  const context = {
    workbook: wb,
    application: wb.application,
    sync: () => k.sync(),
    trackedObjects: { add: () => undefined, remove: () => undefined },
  };

  const blatt = (name: string): FakeBlatt => {
    const b = modell.blaetter.find((x) => x.name === name);
    if (!b) throw new Error(`Blatt ${name} gibt es im Modell nicht`);
    return b;
  };
  const werte = (name: string, adresse: string): (string | number | boolean)[][] => {
    const b = blatt(name);
    const bl = fakeBlock(adresse);
    const out: (string | number | boolean)[][] = [];
    for (let z = bl.zeile; z < bl.zeile + bl.zeilen; z++) {
      const r: (string | number | boolean)[] = [];
      for (let s = bl.spalte; s < bl.spalte + bl.spalten; s++) {
        const c = b.zellen.get(key(z, s));
        r.push(c ? (c.fehler ?? c.wert) : '');
      }
      out.push(r);
    }
    return out;
  };

  return {
    context: context as unknown as Excel.RequestContext,
    modell,
    protokoll: k.protokoll,
    syncs: () => k.syncs,
    unterstuetzt: (set, version) => set === 'ExcelApi' && (k.apiVersion === null || versionMindestens(k.apiVersion, version)),
    blatt,
    werte,
    zelle: (name, adresse) => {
      const bl = fakeBlock(adresse);
      return blatt(name).zellen.get(key(bl.zeile, bl.spalte));
    },
    tabelle: (name) => {
      const t = modell.tabellen.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!t) return undefined;
      const alle = werte(t.blatt, rechteckAdresse({ zeile: t.zeile, spalte: t.spalte, zeilen: t.zeilen + 1, spalten: t.spalten }));
      return { kopf: alle[0].map(String), zeilen: alle.slice(1), tabelle: t };
    },
    schnappschuss: () =>
      JSON.stringify(modell, (_k, v: unknown) => {
        if (v instanceof Map) return [...v.entries()].sort(([a], [b]) => String(a).localeCompare(String(b)));
        return v;
      }),
    tippen: (name, adresse, w) => {
      const b = blatt(name);
      const bl = fakeBlock(adresse);
      let c = b.zellen.get(key(bl.zeile, bl.spalte));
      if (!c) {
        c = neueZelle();
        b.zellen.set(key(bl.zeile, bl.spalte), c);
      }
      wertSetzen(c, w);
    },
    zelleBearbeiten: (an) => {
      k.zellbearbeitung = an;
    },
    filtern: (name, spalte, sichtbar) => {
      const t = modell.tabellen.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!t) throw new Error(`Tabelle ${name} gibt es im Modell nicht`);
      const b = blatt(t.blatt);
      let i = -1;
      for (let s = 0; s < t.spalten; s++) if (zellText(b, t.zeile, t.spalte + s).toLowerCase() === spalte.toLowerCase()) i = s;
      if (i < 0) throw new Error(`Spalte ${spalte} gibt es in ${name} nicht`);
      t.filter = [...(t.filter ?? []).filter((f) => f.spalte !== i), { spalte: i, werte: [...sichtbar] }];
    },
  };
}
