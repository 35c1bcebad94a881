/**
 * A workbook built from office-addin-mock objects (OfficeMockObject), for
 * tests that pin the exact Office.js calls: every range, sheet, chart and
 * table the adapter touches is a mock seeded with the members the adapter
 * uses; properties must be loaded and synced before they can be read (the
 * mock enforces that); every write stays readable on the mock.
 *
 * Reads are answered from the seeded tables (values, header, positions);
 * writes are recorded but not fed back into later reads (use createFakeExcel
 * for read-after-write behaviour).
 */
import { OfficeMockObject } from 'office-addin-mock';
import { bereichsAdresse, parseAdresse, spaltenBuchstabe } from '../../domain/adresse';

export type MockRec = Record<string, unknown>;
type Zelle = string | number | boolean;

export interface MockTabelle {
  readonly name: string;
  readonly blatt: string;
  /** 1-based header row / first column (default 1 / 1) */
  readonly zeile?: number;
  readonly spalte?: number;
  readonly kopf: readonly string[];
  readonly zeilen: readonly (readonly Zelle[])[];
}

export interface OfficeMock {
  readonly context: Excel.RequestContext;
  syncs(): number;
  /** calls without a readable mock property, e.g. "merge KPI Übersicht!A1:B1" */
  readonly aufrufe: string[];
  readonly bereiche: { blatt: string; adresse: string; m: MockRec }[];
  readonly flaechen: { blatt: string; adressen: string; m: MockRec }[];
  readonly blaetter: Map<string, MockRec>;
  /** tables created through worksheet.tables.add */
  readonly neueTabellen: MockRec[];
  readonly eigenschaften: Map<string, unknown>;
  /** ranges obtained for (blatt, adresse) */
  finde(blatt: string, adresse: string): MockRec[];
  /** ranges whose values the adapter assigned, in call order */
  geschrieben(): { blatt: string; adresse: string; werte: unknown[][] }[];
}

export function officeMockArbeitsmappe(tabellen: readonly MockTabelle[] = [], blattNamen: readonly string[] = []): OfficeMock {
  const mocks: OfficeMockObject[] = [];
  const mock = (daten: object): OfficeMockObject => {
    const m = new OfficeMockObject(daten);
    mocks.push(m);
    return m;
  };
  const bereiche: { blatt: string; adresse: string; m: MockRec }[] = [];
  const flaechen: { blatt: string; adressen: string; m: MockRec }[] = [];
  const blaetter = new Map<string, MockRec>();
  const neueTabellen: MockRec[] = [];
  const eigenschaften = new Map<string, unknown>();
  const aufrufe: string[] = [];
  let syncs = 0;

  const format = () => ({ font: {}, fill: {}, borders: { getItem: (kante: string) => ({ kante }) }, autofitRows: () => undefined });

  /** Cell value of the seeded tables at 1-based (z, s) on a sheet. */
  const zellwert = (blatt: string, z: number, s: number): Zelle => {
    for (const t of tabellen) {
      if (t.blatt !== blatt) continue;
      const z0 = t.zeile ?? 1;
      const s0 = t.spalte ?? 1;
      if (s < s0 || s >= s0 + t.kopf.length) continue;
      if (z === z0) return t.kopf[s - s0];
      const r = t.zeilen[z - z0 - 1];
      if (r && z > z0) return r[s - s0] ?? '';
    }
    return '';
  };

  const bereich = (blatt: string, adresse: string): MockRec => {
    let werte: Zelle[][] = [];
    let zeile = 1;
    let spalte = 1;
    let zeilen = 1;
    let spalten = 1;
    if (adresse !== '*' && !/^[A-Z]+:[A-Z]+$/.test(adresse)) {
      const b = parseAdresse(adresse);
      ({ zeile, spalte, zeilen, spalten } = b);
      werte = Array.from({ length: zeilen }, (_, i) => Array.from({ length: spalten }, (_, j) => zellwert(blatt, zeile + i, spalte + j)));
    }
    const cfs: MockRec[] = [];
    const m = mock({
      address: `${blatt}!${adresse}`,
      values: werte,
      valueTypes: werte.map((r) => r.map((v) => (v === '' ? 'Empty' : typeof v === 'number' ? 'Double' : 'String'))),
      rowIndex: zeile - 1,
      columnIndex: spalte - 1,
      rowCount: zeilen,
      columnCount: spalten,
      rowHidden: false,
      format: format(),
      dataValidation: { clear: () => aufrufe.push(`dv.clear ${blatt}!${adresse}`) },
      conditionalFormats: {
        items: [],
        load(this: OfficeMockObject) {
          OfficeMockObject.prototype.load.call(this, 'items');
          return this;
        },
        add: (typ: string) => {
          const cf = new OfficeMockObject({ type: typ, custom: { rule: {}, format: { fill: {} } } }) as unknown as MockRec;
          aufrufe.push(`cf.add ${typ} ${blatt}!${adresse}`);
          cfs.push(cf);
          return cf;
        },
      },
      merge: (zeilenweise?: boolean) => aufrufe.push(`merge${zeilenweise ? ' (zeilenweise)' : ''} ${blatt}!${adresse}`),
      delete: (richtung: string) => aufrufe.push(`delete ${richtung} ${blatt}!${adresse}`),
      unmerge: () => undefined,
      clear: (art?: string) => aufrufe.push(`clear ${art ?? 'All'} ${blatt}!${adresse}`),
      select: () => aufrufe.push(`select ${blatt}!${adresse}`),
      copyFrom: (q: MockRec, typ: string) => aufrufe.push(`copyFrom ${typ} ${String(q.ort)} → ${blatt}!${adresse}`),
      getRow: (i: number) => bereich(blatt, bereichsAdresse(zeile + i, spalte, 1, spalten)),
      getRowsBelow: (n = 1) => bereich(blatt, bereichsAdresse(zeile + zeilen, spalte, n, spalten)),
    }) as unknown as MockRec;
    // plain fields for the test (the mock's own address needs load + sync)
    Object.assign(m, { ort: `${blatt}!${adresse}`, cfs, saat: werte });
    bereiche.push({ blatt, adresse, m });
    return m;
  };

  const sammlung = (items: object[], extra: object) =>
    mock({
      items,
      ...extra,
      // office-addin-mock cannot follow "items/name" paths into arrays: load the items themselves
      load(this: OfficeMockObject) {
        OfficeMockObject.prototype.load.call(this, 'items');
        return this;
      },
    });

  /** `mitBlatt`: worksheet is the sheet mock (tables.getItem), else a plain {name} (collection items) */
  const tabelleMock = (t: MockTabelle, mitBlatt = false) => {
    const z0 = t.zeile ?? 1;
    const s0 = t.spalte ?? 1;
    const zeilen = Math.max(1, t.zeilen.length);
    const adr = (z: number, n: number) => bereichsAdresse(z, s0, n, t.kopf.length);
    return {
      name: t.name,
      worksheet: mitBlatt ? blatt(t.blatt) : { name: t.blatt },
      getHeaderRowRange: () => bereich(t.blatt, adr(z0, 1)),
      getDataBodyRange: () => bereich(t.blatt, adr(z0 + 1, zeilen)),
      getRange: () => bereich(t.blatt, adr(z0, zeilen + 1)),
      resize: (r: MockRec | string) => aufrufe.push(`resize ${t.name} ${typeof r === 'string' ? r : String(r.ort)}`),
      convertToRange: () => aufrufe.push(`convertToRange ${t.name}`),
      clearFilters: () => aufrufe.push(`clearFilters ${t.name}`),
      showTotals: false,
      load() {
        return this;
      },
      columns: {
        add: (_i: unknown, _v: unknown, name: string) => aufrufe.push(`columns.add ${t.name} ${name}`),
        getItemOrNullObject: (name: string) => {
          const i = t.kopf.findIndex((h) => h.toLowerCase() === name.toLowerCase());
          const spalte = spaltenBuchstabe(s0 + i);
          return i < 0
            ? { isNullObject: true, getDataBodyRange: () => ({ isNullObject: true, load: () => undefined }) }
            : { isNullObject: false, getDataBodyRange: () => bereich(t.blatt, `${spalte}${z0 + 1}:${spalte}${z0 + zeilen}`) };
        },
      },
      rows: { add: (_i: unknown, v: unknown[][]) => aufrufe.push(`rows.add ${t.name} ${v.length}`) },
    };
  };

  const blatt = (name: string): MockRec => {
    const vorhanden = blaetter.get(name);
    if (vorhanden) return vorhanden;
    const ws = mock({
      name,
      getRange: (a?: string) => bereich(name, a ?? '*'),
      getRanges: (a: string) => {
        const m = mock({ format: format() }) as unknown as MockRec;
        flaechen.push({ blatt: name, adressen: a, m });
        return m;
      },
      // the cells of one style marker (see src/excel/formate.ts), recorded as "findAll <text>"
      findAll: (text: string) => {
        const m = mock({ format: format() }) as unknown as MockRec;
        flaechen.push({ blatt: name, adressen: `findAll ${text}`, m });
        return m;
      },
      getUsedRangeOrNullObject: () => bereich(name, 'A1'),
      getRangeByIndexes: (z: number, sp: number, n: number, m: number) => bereich(name, bereichsAdresse(z + 1, sp + 1, n, m)),
      freezePanes: { freezeRows: (n: number) => aufrufe.push(`freeze ${name} ${n}`), unfreeze: () => aufrufe.push(`unfreeze ${name}`) },
      pageLayout: { setPrintTitleRows: (r: string) => aufrufe.push(`titel ${name} ${r}`), headersFooters: { defaultForAllPages: {} } },
      horizontalPageBreaks: { add: (a: string) => aufrufe.push(`umbruch ${name} ${a}`), removePageBreaks: () => aufrufe.push(`umbrueche weg ${name}`) },
      charts: {
        items: [],
        load(this: OfficeMockObject) {
          OfficeMockObject.prototype.load.call(this, 'items');
          return this;
        },
        add: (typ: string, quelle: MockRec) => {
          aufrufe.push(`chart.add ${typ} ${String(quelle.ort)}`);
          return mock({ title: {}, setPosition: (p: string) => aufrufe.push(`chart.pos ${p}`) });
        },
        getItem: (n: string) => mock({ title: {}, setData: () => aufrufe.push(`chart.setData ${n}`), setPosition: () => undefined }),
      },
      protection: {
        protected: false,
        protect: (o: object) => aufrufe.push(`protect ${name} ${JSON.stringify(o)}`),
        unprotect: () => aufrufe.push(`unprotect ${name}`),
      },
      tables: {
        add: (quelle: MockRec, kopf: boolean) => {
          const t = mock({}) as unknown as MockRec;
          Object.assign(t, { quelle: String(quelle.ort), kopf });
          neueTabellen.push(t);
          return t;
        },
      },
      activate: () => aufrufe.push(`activate ${name}`),
    }) as unknown as MockRec;
    blaetter.set(name, ws);
    return ws;
  };

  const alleBlaetter = [...new Set([...blattNamen, ...tabellen.map((t) => t.blatt)])];
  for (const n of alleBlaetter) blatt(n);
  const worksheets = sammlung(
    alleBlaetter.map((name) => ({ name })),
    {
      add: (n: string) => {
        aufrufe.push(`worksheets.add ${n}`);
        return blatt(n);
      },
      getItem: (n: string) => blatt(n),
      getItemOrNullObject: (n: string) => {
        const da = [...blaetter.keys()].find((k) => k.toLowerCase() === n.toLowerCase());
        if (da) return blatt(da);
        const leer = nullObjekt();
        return { ...leer, protection: { load: () => undefined }, charts: { load: () => undefined, items: [] }, getUsedRangeOrNullObject: () => leer };
      },
    },
  );
  // what Office.js gives for a missing item: a null object, and null objects for everything reached from it
  const nullObjekt = (): MockRec => {
    const n: MockRec = {
      isNullObject: true,
      load: () => n,
      getRow: () => n,
      getRowsBelow: () => n,
      getRange: () => n,
      getDataBodyRange: () => n,
      conditionalFormats: { load: () => undefined, items: [] },
    };
    return n;
  };
  const tables = sammlung(tabellen.map((t) => tabelleMock(t)), {
    getItem: (n: string) => tabelleMock(tabellen.find((t) => t.name === n) ?? { name: n, blatt: '?', kopf: [], zeilen: [] }, true),
    getItemOrNullObject: (n: string) => {
      const t = tabellen.find((x) => x.name.toLowerCase() === n.toLowerCase());
      return t ? { ...tabelleMock(t, true), isNullObject: false } : nullObjekt();
    },
  });
  const names = sammlung([], {
    add: (n: string, bezug: MockRec) => aufrufe.push(`names.add ${n} ${String(bezug.ort)}`),
    getItem: (n: string) => ({ delete: () => aufrufe.push(`names.delete ${n}`) }),
  });
  // a plain object holding the mocks (populate would copy nested mocks); its name counts as loaded
  const workbook = {
    names,
    name: 'Arbeitsplanung-2026.xlsx',
    load: () => undefined,
    worksheets,
    tables,
    protection: { protected: false, load: () => undefined },
    application: {
      suspendScreenUpdatingUntilNextSync: () => aufrufe.push('screen'),
      suspendApiCalculationUntilNextSync: () => aufrufe.push('calc'),
    },
    properties: {
      custom: {
        add: (k: string, v: unknown) => eigenschaften.set(k, v),
        getItemOrNullObject: (k: string) => ({ isNullObject: !eigenschaften.has(k), value: eigenschaften.get(k), load: () => undefined }),
      },
    },
  };
  const context = {
    workbook,
    sync: async () => {
      syncs++;
      for (const m of [...mocks]) await m.sync();
    },
  };
  return {
    context: context as unknown as Excel.RequestContext,
    syncs: () => syncs,
    aufrufe,
    bereiche,
    flaechen,
    blaetter,
    neueTabellen,
    eigenschaften,
    finde: (b, a) => bereiche.filter((x) => x.blatt === b && x.adresse === a).map((x) => x.m),
    geschrieben: () =>
      bereiche.filter((x) => Array.isArray(x.m.values) && x.m.values !== x.m.saat).map((x) => ({ blatt: x.blatt, adresse: x.adresse, werte: x.m.values as unknown[][] })),
  };
}
