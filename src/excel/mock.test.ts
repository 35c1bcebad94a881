import { vorlageTabellen } from '../workbook/beispiel';
/**
 * The write paths against office-addin-mock objects: every range, sheet,
 * chart and table the adapter touches is an OfficeMockObject seeded with the
 * members the adapter calls, and every write is read back from the mocks.
 * (The in-memory fake in testing/ covers the same functions with a workbook
 * model; these tests pin the exact Office.js calls.)
 */
import { schreibeGrids } from './schreiben';
import { einrichten } from './einrichten';
import type { Grid, GridCell } from '../workbook/grid';
import { ALLE_TABELLEN, TABLES } from '../domain/schema';
import { officeMockArbeitsmappe } from './testing/officeMock';
import { beispielSaat } from './testing/saat';
import { kpiAktualisieren, KPI_STAND_EIGENSCHAFT } from './kpi';
import { arbeitsmappenStatus } from './status';
import { sicherungAnlegen } from './sicherung';

type Rec = Record<string, unknown>;

const mockExcel = () => officeMockArbeitsmappe();

function mockBeispiel(zeilen?: number) {
  const saat = beispielSaat(zeilen);
  return officeMockArbeitsmappe(
    saat.tabellen!.map((t) => ({
      ...t,
      zeilen: t.zeilen.map((r) => r.map((v) => (v === null || typeof v === 'object' ? '' : v))),
    })),
  );
}

function grid(n: number): Grid {
  const rows: GridCell[][] = [
    [{ v: 'Titel', s: 'titel' }],
    [
      { v: 'HF', s: 'kopf' },
      { v: 'Wert', s: 'kopf' },
    ],
  ];
  for (let i = 0; i < n; i++)
    rows.push([
      { v: `HF ${i}`, s: 'text' },
      { v: i / n, s: 'prozent' },
    ]);
  rows.push([{ v: '+49 5971', s: 'hinweis' }]);
  return {
    sheet: 'KPI Übersicht',
    columnWidths: [10, 12],
    rows,
    merges: ['A1:B1'],
    freezeRows: 2,
    print: { landscape: true, paper: 'A4', fitToWidth: true, repeatRows: [2, 2] },
    charts: [
      { name: 'D1', title: 'Zielerreichung', beschreibung: 'Balken je HF', type: 'bar', dataRange: `A2:B${2 + n}`, anchor: 'D2', width: 300, height: 200 },
    ],
  };
}

/** The values grid(3) writes: the phone number keeps its text prefix. */
const WERTE_VON_GRID_3 = [
  ['Titel', ''],
  ['HF', 'Wert'],
  ['HF 0', 0],
  ['HF 1', 1 / 3],
  ['HF 2', 2 / 3],
  ["'+49 5971", ''],
];

describe('schreibeGrids (office-addin-mock)', () => {
  test('neues Blatt ohne Suche (ExcelApi unter 1.9): eine Werte-Zuweisung, Formate je Bereich, Layout, Diagramm, Schutz', async () => {
    const m = mockExcel();
    await schreibeGrids(m.context, [grid(3)], { unterstuetzt: (_s, v) => Number(v.split('.')[1]) < 9 });
    expect(m.syncs()).toBe(3);
    expect([...m.blaetter.keys()]).toEqual(['KPI Übersicht']);
    const [werte] = m.finde('KPI Übersicht', 'A1:B6');
    expect(werte.values).toEqual(WERTE_VON_GRID_3);
    // number formats only where not General: one range per rectangle of equal format, before the values
    expect(werte.numberFormat).not.toEqual(expect.any(Array));
    expect(m.finde('KPI Übersicht', 'B3:B5')[0].numberFormat).toEqual([['0%'], ['0%'], ['0%']]);
    // styles one range per rectangle (titel, kopf, text, prozent, hinweis), no address lists
    expect(m.flaechen).toEqual([]);
    const formatiert = (a: string) => m.finde('KPI Übersicht', a).map((r) => r.format as { fill?: { color?: string }; font?: { bold?: boolean } });
    for (const a of ['A1', 'A2:B2', 'A3:A5', 'A6', 'B3:B5']) expect(formatiert(a).some((f) => f.font?.bold !== undefined || f.fill?.color !== undefined || f !== undefined)).toBe(true);
    // each property on its own range of the cells sharing it
    expect(formatiert('A2:B2').find((f) => f.fill?.color)?.fill?.color).toBe('#1F4E78');
    expect(formatiert('A2:B2').some((f) => f.font?.bold === true)).toBe(true);
    expect((m.finde('KPI Übersicht', 'B:B')[0].format as { columnWidth: number }).columnWidth).toBeCloseTo(66.75);
    expect(m.aufrufe).toEqual(
      expect.arrayContaining([
        'merge KPI Übersicht!A1:B1',
        'freeze KPI Übersicht 2',
        'chart.add BarClustered KPI Übersicht!A2:B5',
        'chart.pos D2',
      ]),
    );
    expect(m.aufrufe.find((a) => a.startsWith('protect'))).toBe(
      'protect KPI Übersicht {"allowFormatColumns":true,"allowFormatRows":true,"allowAutoFilter":true,"allowSort":true}',
    );
  });

  test('neues Blatt mit Suche: erst Marken, dann je Stil eine Suche, dann die Werte; Rahmen mit einer Teilsuche', async () => {
    const m = mockExcel();
    await schreibeGrids(m.context, [grid(3)]);
    expect(m.syncs()).toBe(3);
    const werte = m.geschrieben().filter((w) => w.blatt === 'KPI Übersicht');
    // markers first: one per style, „§R…“ for the styles with borders
    expect(werte[0].werte).toEqual([
      ['§0', ''],
      ['§R1', '§R1'],
      ['§R2', '§R3'],
      ['§R2', '§R3'],
      ['§R2', '§R3'],
      ['§4', ''],
    ]);
    // then the values over the same cells, last
    expect(werte[werte.length - 1]).toEqual({
      blatt: 'KPI Übersicht',
      adresse: 'A1:B6',
      werte: WERTE_VON_GRID_3,
    });
    // one search for all bordered cells, one per style with further properties
    expect(m.flaechen.map((f) => f.adressen)).toEqual(['findAll §R', 'findAll §0', 'findAll §R1', 'findAll §R2', 'findAll §R3', 'findAll §4']);
    const format = (a: string) => m.flaechen.find((f) => f.adressen === a)!.m.format as { fill: { color?: string }; font: { bold?: boolean; size?: number }; wrapText?: boolean };
    expect(format('findAll §R1').fill.color).toBe('#1F4E78');
    expect(format('findAll §R1').font.bold).toBe(true);
    expect(format('findAll §0').font.size).toBe(16);
    expect(m.aufrufe).toEqual(expect.arrayContaining(['screen', 'titel KPI Übersicht $2:$2', 'merge KPI Übersicht!A1:B1']));
    const ws = m.blaetter.get('KPI Übersicht')! as { pageLayout: { orientation: string; paperSize: string; zoom: object } };
    expect(ws.pageLayout).toMatchObject({ orientation: 'Landscape', paperSize: 'A4', zoom: { horizontalFitToPages: 1 } });
    expect(ws.pageLayout.zoom).toEqual({ horizontalFitToPages: 1 }); // no undocumented verticalFitToPages value
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
    const werte = gross.geschrieben().filter((w) => w.blatt === 'KPI Übersicht' && w.adresse === 'A1:B10003');
    expect(werte[werte.length - 1].werte[10001]).toEqual(['HF 9999', 0.9999]);
  });
});

describe('einrichten (office-addin-mock), leere Arbeitsmappe', () => {
  test('Blätter, Tabellen mit Kopf und Vorlage, Dropdowns, Formate, bedingte Formatierung; 2 syncs', async () => {
    const m = mockExcel();
    const r = await einrichten(m.context);
    expect(m.syncs()).toBe(2);
    expect([...m.blaetter.keys()]).toEqual(['Stammdaten', 'Ziele', 'Arbeitsplanung', 'Checkliste', 'Kennzahlen', 'Zeitreihe']);
    expect(m.neueTabellen.map((t) => t.name)).toEqual(ALLE_TABELLEN.map((k) => TABLES[k].name));
    expect(m.neueTabellen.map((t) => t.quelle)).toEqual([
      'Stammdaten!A1:D9',
      'Stammdaten!F1:G4',
      'Ziele!A1:E2',
      'Arbeitsplanung!A1:L2',
      'Checkliste!A1:H2',
      'Kennzahlen!A1:L2',
      'Zeitreihe!A1:E2',
    ]);
    // validation and formats on the table's own rows only (no prepared rows below the table: co-authoring)
    const ende = (k: 'zeitreihe' | 'arbeitsplanung' | 'kennzahlen') => 1 + Math.max(1, vorlageTabellen()[k].length);
    const jahr = m.finde('Zeitreihe', `B2:B${ende('zeitreihe')}`)[0] as { dataValidation: { rule: unknown } };
    expect(jahr.dataValidation.rule).toEqual({ wholeNumber: { formula1: 2000, formula2: 2100, operator: 'Between' } });
    expect(m.neueTabellen.every((t) => t.kopf === true && t.style === 'TableStyleMedium2')).toBe(true);
    expect(m.finde('Stammdaten', 'F1:G4')[0].values).toEqual([
      ['Einstellung', 'Wert'],
      ['Berichtsjahr', 2026],
      ['Ampel grün ab', 0.9],
      ['Ampel gelb ab', 0.6],
    ]);
    expect((m.finde('Ziele', 'A1:E2')[0].values as unknown[][])[0]).toEqual(TABLES.ziele.columns.map((c) => c.header));
    const art = m.finde('Arbeitsplanung', `D2:D${ende('arbeitsplanung')}`)[0] as { dataValidation: { rule: unknown } };
    expect(art.dataValidation.rule).toEqual({ list: { inCellDropDown: true, source: 'Maßnahme,Wirkung' } });
    expect(m.aufrufe).toContain(`dv.clear Arbeitsplanung!D2:D${ende('arbeitsplanung')}`);
    const stichtag = m.finde('Kennzahlen', `I2:I${ende('kennzahlen')}`)[0] as { numberFormat: string[][] };
    expect(stichtag.numberFormat).toHaveLength(ende('kennzahlen') - 1);
    expect(stichtag.numberFormat[0]).toEqual(['DD.MM.YYYY']);
    const cfBereich = m.finde('Arbeitsplanung', `A2:L${ende('arbeitsplanung')}`)[0] as unknown as {
      cfs: { custom: { rule: { formula: string }; format: { fill: { color: string } } } }[];
    };
    expect(cfBereich.cfs.map((c) => [c.custom.rule.formula, c.custom.format.fill.color])).toEqual([
      ['=$D2="Maßnahme"', '#DDEBF7'],
      ['=$D2="Wirkung"', '#E2EFDA'],
    ]);
    expect(m.aufrufe).toContain('freeze Arbeitsplanung 1');
    expect(r.angelegt).toContain('Blatt „Kennzahlen“');
  });
});

describe('kpiAktualisieren (office-addin-mock)', () => {
  test('Beispielplan: liest, rechnet, schreibt vier berechnete Blätter in 2 syncs', async () => {
    const m = mockBeispiel();
    const jetzt = new Date(2026, 10, 25, 15, 30);
    const r = await kpiAktualisieren(m.context, jetzt);
    expect(r.kpi).not.toBeNull();
    expect(m.syncs()).toBe(2);
    expect(m.aufrufe.filter((a) => a.startsWith('worksheets.add'))).toEqual([
      'worksheets.add KPI Übersicht',
      'worksheets.add KPI Handlungsziele',
      'worksheets.add Umsetzungsbericht',
      'worksheets.add KPI Verlauf',
    ]);
    // the last values written from A1 (after the style markers)
    const titel = m.geschrieben().filter((w) => w.blatt === 'KPI Übersicht' && /^A1:/.test(w.adresse)).pop()!;
    expect(titel.werte[0][0]).toBe('KPI Übersicht – Arbeitsplanung 2026');
    expect(m.eigenschaften.get(KPI_STAND_EIGENSCHAFT)).toBe(jetzt.toISOString());
    expect(m.aufrufe.filter((a) => a.startsWith('protect')).length).toBe(4);
    expect(m.aufrufe.filter((a) => a.startsWith('chart.add')).length).toBeGreaterThanOrEqual(2);
  });

  // one range per styled rectangle (no host-dependent address lists): at 10,000 rows the writes need a second request
  test('2 syncs für 10 und für 10.000 Zeilen', async () => {
    const klein = mockBeispiel(10);
    const gross = mockBeispiel(10_000);
    const spyK = jest.spyOn(klein.context, 'sync');
    const spyG = jest.spyOn(gross.context, 'sync');
    const rk = await kpiAktualisieren(klein.context, new Date(2026, 10, 25));
    const rg = await kpiAktualisieren(gross.context, new Date(2026, 10, 25));
    expect(rk.kpi).not.toBeNull();
    expect(rg.kpi).not.toBeNull();
    expect(spyK.mock.calls.length).toBe(2);
    expect(spyG.mock.calls.length).toBe(2);
  });
});

describe('arbeitsmappenStatus und sicherungAnlegen (office-addin-mock)', () => {
  test('Status des Beispielplans: vollständig, 1 sync', async () => {
    const m = mockBeispiel();
    const s = await arbeitsmappenStatus(m.context);
    expect(s.layoutVollstaendig).toBe(true);
    expect(s.fehlend).toEqual([]);
    expect(s.letzteKpiAktualisierung).toBeNull();
    expect(m.syncs()).toBe(1);
  });

  test('Sicherung: verstecktes Blatt, Kennung, Kopie der Werte per copyFrom', async () => {
    const m = mockBeispiel();
    const s = await sicherungAnlegen(m.context, 'tblKennzahlen', { jetzt: new Date(Date.UTC(2026, 10, 25, 14, 30, 12)) });
    expect(m.syncs()).toBe(2);
    expect(s.blatt).toBe('Sicherung 2026-11-25 153012');
    expect((m.finde(s.blatt, 'A1:D1')[0].values as unknown[][])[0].slice(0, 2)).toEqual([
      'Sicherung der Tabelle',
      'tblKennzahlen',
    ]);
    expect(m.aufrufe.find((a) => a.startsWith('copyFrom'))).toMatch(
      /^copyFrom Values Kennzahlen!A1:L\d+ → Sicherung 2026-11-25 153012!A3$/,
    );
    expect((m.blaetter.get(s.blatt) as Rec).visibility).toBe('Hidden');
  });
});
