/**
 * The write paths against office-addin-mock objects: every range, sheet,
 * chart and table the adapter touches is an OfficeMockObject seeded with the
 * members the adapter calls, and every write is read back from the mocks.
 * (The in-memory fake in testing/ covers the same functions with a workbook
 * model; these tests pin the exact Office.js calls.)
 */
import { OfficeMockObject } from 'office-addin-mock';
import { schreibeGrids } from './schreiben';
import { einrichten } from './einrichten';
import type { Grid, GridCell } from '../workbook/grid';
import { TABLES, TABLE_ORDER } from '../domain/schema';

type Rec = Record<string, unknown>;

function mockExcel() {
  const bereiche: { blatt: string; adresse: string; m: Rec }[] = [];
  const flaechen: { blatt: string; adressen: string; m: Rec }[] = [];
  const blaetter = new Map<string, Rec>();
  const tabellen: Rec[] = [];
  const aufrufe: string[] = [];
  let syncs = 0;

  const format = () => ({
    font: {},
    fill: {},
    borders: { getItem: (kante: string) => ({ kante }) },
  });
  const bereich = (blatt: string, adresse: string): Rec => {
    const m = new OfficeMockObject({
      address: adresse,
      format: format(),
      dataValidation: { clear: () => aufrufe.push(`dv.clear ${blatt}!${adresse}`) },
      conditionalFormats: {
        add: (typ: string) => {
          const cf = new OfficeMockObject({ type: typ, custom: { rule: {}, format: { fill: {} } } }) as unknown as Rec;
          aufrufe.push(`cf.add ${typ} ${blatt}!${adresse}`);
          (m as unknown as { cfs: Rec[] }).cfs.push(cf);
          return cf;
        },
      },
      merge: () => aufrufe.push(`merge ${blatt}!${adresse}`),
      unmerge: () => undefined,
      clear: () => aufrufe.push(`clear ${blatt}!${adresse}`),
    }) as unknown as Rec;
    (m as unknown as { cfs: Rec[] }).cfs = [];
    // plain field: the mock's own `address` is (correctly) unreadable without load + sync
    (m as unknown as { ort: string }).ort = adresse;
    bereiche.push({ blatt, adresse, m });
    return m;
  };
  const blatt = (name: string): Rec => {
    const ws = new OfficeMockObject({
      name,
      getRange: (a?: string) => bereich(name, a ?? '*'),
      getRanges: (a: string) => {
        const m = new OfficeMockObject({ format: format() }) as unknown as Rec;
        flaechen.push({ blatt: name, adressen: a, m });
        return m;
      },
      freezePanes: { freezeRows: (n: number) => aufrufe.push(`freeze ${name} ${n}`), unfreeze: () => aufrufe.push(`unfreeze ${name}`) },
      pageLayout: { setPrintTitleRows: (r: string) => aufrufe.push(`titel ${name} ${r}`) },
      horizontalPageBreaks: { add: (a: string) => aufrufe.push(`umbruch ${name} ${a}`), removePageBreaks: () => undefined },
      charts: {
        add: (typ: string, quelle: Rec) => {
          aufrufe.push(`chart.add ${typ} ${String(quelle.ort)}`);
          return new OfficeMockObject({ title: {}, setPosition: (p: string) => aufrufe.push(`chart.pos ${p}`) });
        },
      },
      protection: { protect: (o: object) => aufrufe.push(`protect ${name} ${JSON.stringify(o)}`), unprotect: () => aufrufe.push(`unprotect ${name}`) },
      tables: {
        add: (quelle: Rec, kopf: boolean) => {
          const t = new OfficeMockObject({}) as unknown as Rec;
          Object.assign(t, { quelle: String(quelle.ort), kopf });
          tabellen.push(t);
          return t;
        },
      },
    }) as unknown as Rec;
    blaetter.set(name, ws);
    return ws;
  };
  const sammlung = (extra: object) =>
    new OfficeMockObject({
      items: [],
      ...extra,
      load(this: OfficeMockObject) {
        OfficeMockObject.prototype.load.call(this, 'items');
        return this;
      },
    });
  const worksheets = sammlung({ add: (n: string) => blatt(n), getItem: (n: string) => blaetter.get(n) });
  const tables = sammlung({});
  const context = {
    workbook: {
      worksheets,
      tables,
      application: {
        suspendScreenUpdatingUntilNextSync: () => aufrufe.push('screen'),
        suspendApiCalculationUntilNextSync: () => aufrufe.push('calc'),
      },
    },
    sync: async () => {
      syncs++;
      await worksheets.sync();
      await tables.sync();
    },
  };
  const finde = (b: string, a: string) => bereiche.filter((x) => x.blatt === b && x.adresse === a).map((x) => x.m);
  return { context: context as unknown as Excel.RequestContext, syncs: () => syncs, aufrufe, bereiche, flaechen, blaetter, tabellen, finde };
}

function grid(n: number): Grid {
  const rows: GridCell[][] = [[{ v: 'Titel', s: 'titel' }], [{ v: 'HF', s: 'kopf' }, { v: 'Wert', s: 'kopf' }]];
  for (let i = 0; i < n; i++) rows.push([{ v: `HF ${i}`, s: 'text' }, { v: i / n, s: 'prozent' }]);
  rows.push([{ v: '+49 5971', s: 'hinweis' }]);
  return {
    sheet: 'KPI Übersicht',
    columnWidths: [10, 12],
    rows,
    merges: ['A1:B1'],
    freezeRows: 2,
    print: { landscape: true, paper: 'A4', fitToWidth: true, repeatRows: [2, 2] },
    charts: [{ name: 'D1', title: 'Zielerreichung', type: 'bar', dataRange: `A2:B${2 + n}`, anchor: 'D2', width: 300, height: 200 }],
  };
}

describe('schreibeGrids (office-addin-mock)', () => {
  test('neues Blatt: eine Werte-Zuweisung, Formate je Stil, Layout, Diagramm, Schutz', async () => {
    const m = mockExcel();
    await schreibeGrids(m.context, [grid(3)]);
    expect(m.syncs()).toBe(3);
    expect([...m.blaetter.keys()]).toEqual(['KPI Übersicht']);
    const [werte] = m.finde('KPI Übersicht', 'A1:B6');
    expect(werte.values).toEqual([
      ['Titel', ''],
      ['HF', 'Wert'],
      ['HF 0', 0],
      ['HF 1', 1 / 3],
      ['HF 2', 2 / 3],
      ["'+49 5971", ''],
    ]);
    expect((werte.numberFormat as string[][])[3]).toEqual(['General', '0%']);
    // one getRanges per style (titel, kopf, text, prozent, hinweis)
    expect(m.flaechen.map((f) => f.adressen).sort()).toEqual(['A1', 'A2:B2', 'A3:A5', 'A6', 'B3:B5'].sort());
    const kopf = m.flaechen.find((f) => f.adressen === 'A2:B2')!.m.format as { fill: { color: string }; font: { bold: boolean } };
    expect(kopf.fill.color).toBe('#1F4E78');
    expect(kopf.font.bold).toBe(true);
    expect((m.finde('KPI Übersicht', 'B:B')[0].format as { columnWidth: number }).columnWidth).toBeCloseTo(66.75);
    expect(m.aufrufe).toEqual(
      expect.arrayContaining(['screen', 'merge KPI Übersicht!A1:B1', 'freeze KPI Übersicht 2', 'titel KPI Übersicht $2:$2', 'chart.add BarClustered A2:B5', 'chart.pos D2']),
    );
    expect(m.aufrufe.find((a) => a.startsWith('protect'))).toBe(
      'protect KPI Übersicht {"allowFormatColumns":true,"allowFormatRows":true,"allowAutoFilter":true,"allowSort":true}',
    );
    const ws = m.blaetter.get('KPI Übersicht')! as { pageLayout: { orientation: string; paperSize: string; zoom: object } };
    expect(ws.pageLayout).toMatchObject({ orientation: 'Landscape', paperSize: 'A4', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
  });

  test('gleich viele syncs und API-Aufrufe für 10 und 10.000 Zeilen', async () => {
    const klein = mockExcel();
    const gross = mockExcel();
    const spyK = jest.spyOn(klein.context, 'sync');
    const spyG = jest.spyOn(gross.context, 'sync');
    await schreibeGrids(klein.context, [grid(10)]);
    await schreibeGrids(gross.context, [grid(10_000)]);
    expect(spyG.mock.calls.length).toBe(spyK.mock.calls.length);
    expect(gross.bereiche.length).toBe(klein.bereiche.length);
    expect(gross.flaechen.length).toBe(klein.flaechen.length);
    expect(gross.aufrufe.length).toBe(klein.aufrufe.length);
    expect((gross.finde('KPI Übersicht', 'A1:B10003')[0].values as unknown[][])[10001]).toEqual(['HF 9999', 0.9999]);
  });
});

describe('einrichten (office-addin-mock), leere Arbeitsmappe', () => {
  test('Blätter, Tabellen mit Kopf und Vorlage, Dropdowns, Formate, bedingte Formatierung; 4 syncs', async () => {
    const m = mockExcel();
    const r = await einrichten(m.context);
    expect(m.syncs()).toBe(4);
    expect([...m.blaetter.keys()]).toEqual(['Stammdaten', 'Ziele', 'Arbeitsplanung', 'Checkliste', 'Kennzahlen']);
    expect(m.tabellen.map((t) => t.name)).toEqual(TABLE_ORDER.map((k) => TABLES[k].name));
    expect(m.tabellen.map((t) => t.quelle)).toEqual(['A1:D9', 'F1:G4', 'A1:E2', 'A1:L2', 'A1:H2', 'A1:L2']);
    expect(m.tabellen.every((t) => t.kopf === true && t.style === 'TableStyleMedium2')).toBe(true);
    expect(m.finde('Stammdaten', 'F1:G4')[0].values).toEqual([
      ['Einstellung', 'Wert'],
      ['Berichtsjahr', 2026],
      ['Ampel grün ab', 0.9],
      ['Ampel gelb ab', 0.6],
    ]);
    expect((m.finde('Ziele', 'A1:E2')[0].values as unknown[][])[0]).toEqual(TABLES.ziele.columns.map((c) => c.header));
    const art = m.finde('Arbeitsplanung', 'D2:D501')[0] as { dataValidation: { rule: unknown } };
    expect(art.dataValidation.rule).toEqual({ list: { inCellDropDown: true, source: 'Maßnahme,Wirkung' } });
    expect(m.aufrufe).toContain('dv.clear Arbeitsplanung!D2:D501');
    const stichtag = m.finde('Kennzahlen', 'I2:I501')[0] as { numberFormat: string[][] };
    expect(stichtag.numberFormat).toHaveLength(500);
    expect(stichtag.numberFormat[0]).toEqual(['DD.MM.YYYY']);
    const cfBereich = m.finde('Arbeitsplanung', 'A2:L501')[0] as unknown as { cfs: { custom: { rule: { formula: string }; format: { fill: { color: string } } } }[] };
    expect(cfBereich.cfs.map((c) => [c.custom.rule.formula, c.custom.format.fill.color])).toEqual([
      ['=$D2="Maßnahme"', '#DDEBF7'],
      ['=$D2="Wirkung"', '#E2EFDA'],
    ]);
    expect(m.aufrufe).toContain('freeze Arbeitsplanung 1');
    expect(r.angelegt).toContain('Blatt „Kennzahlen“');
  });
});
