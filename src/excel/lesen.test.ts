/**
 * leseArbeitsmappe against office-addin-mock (load-before-read enforced by
 * the mock) and against the in-memory fake; sync counts equal for 10 and
 * 10,000 rows.
 */
import { OfficeMockObject } from 'office-addin-mock';
import { leseArbeitsmappe, leseTabellen, planeLeseBloecke, zellwert, ohneLeereEndzeilen } from './lesen';
import { createFakeExcel } from './testing/fakeExcel';
import { beispielSaat } from './testing/saat';
import { berechneKpi, pruefen } from '../domain';
import { parseAdresse } from '../domain/adresse';

type Zelle = string | number | boolean;

/** A workbook of office-addin-mock objects; context.sync syncs every mock handed out. */
function mockArbeitsmappe(tabellen: { name: string; blatt: string; kopf: string[]; zeilen: Zelle[][]; typen?: string[][] }[]) {
  const mocks: OfficeMockObject[] = [];
  const mock = (daten: object): OfficeMockObject => {
    const m = new OfficeMockObject(daten);
    mocks.push(m);
    return m;
  };
  const aufrufe: string[] = [];
  const blaetter = [...new Set(tabellen.map((t) => t.blatt))];
  const blattMock = (name: string) => ({
    getRange: (adresse: string) => {
      aufrufe.push(`${name}!${adresse}`);
      const b = parseAdresse(adresse);
      const t = tabellen.find((x) => x.blatt === name)!;
      // data rows start at worksheet row 2 in these fixtures
      const zeilen = t.zeilen.slice(b.zeile - 2, b.zeile - 2 + b.zeilen);
      const typen = (t.typen ?? t.zeilen.map((r) => r.map((v) => (v === '' ? 'Empty' : typeof v === 'number' ? 'Double' : 'String')))).slice(b.zeile - 2, b.zeile - 2 + b.zeilen);
      return mock({ values: zeilen, valueTypes: typen });
    },
  });
  const sammlung = (items: object[], extra: object = {}) =>
    mock({
      items,
      ...extra,
      // office-addin-mock cannot follow "items/name" paths into arrays: load the items themselves
      load(this: OfficeMockObject) {
        OfficeMockObject.prototype.load.call(this, 'items');
        return this;
      },
    });
  const worksheets = sammlung(
    blaetter.map((name) => ({ name })),
    { getItem: (name: string) => blattMock(name) },
  );
  const typenVon = (t: (typeof tabellen)[number]) => t.typen ?? t.zeilen.map((r) => r.map((v) => (v === '' ? 'Empty' : typeof v === 'number' ? 'Double' : 'String')));
  const kopfZeile = (t: (typeof tabellen)[number]) => mock({ values: [t.kopf], rowIndex: 0, columnIndex: 0, columnCount: t.kopf.length });
  const koerper = (t: (typeof tabellen)[number]) =>
    mock({
      rowCount: Math.max(1, t.zeilen.length),
      columnCount: t.kopf.length,
      rowIndex: 1,
      columnIndex: 0,
      values: t.zeilen,
      valueTypes: typenVon(t),
      getRowsBelow: (n: number) => {
        aufrufe.push(`${t.blatt} ${n} Zeilen darunter`);
        return mock({ values: Array.from({ length: n }, () => t.kopf.map(() => '')) });
      },
    });
  const nullObjekt: Record<string, unknown> = { isNullObject: true, load: () => nullObjekt, getRow: () => nullObjekt, getRowsBelow: () => nullObjekt };
  const tables = sammlung(
    tabellen.map((t) => ({
      name: t.name,
      worksheet: { name: t.blatt },
      getHeaderRowRange: () => kopfZeile(t),
      getDataBodyRange: () => mock({ rowCount: Math.max(1, t.zeilen.length), columnCount: t.kopf.length, rowIndex: 1, columnIndex: 0 }),
    })),
    {
      getItemOrNullObject: (n: string) => {
        const t = tabellen.find((x) => x.name.toLowerCase() === n.toLowerCase());
        if (!t) return { isNullObject: true, load: () => undefined, getRange: () => nullObjekt, getDataBodyRange: () => nullObjekt };
        return { isNullObject: false, load: () => undefined, getRange: () => ({ getRow: () => kopfZeile(t) }), getDataBodyRange: () => koerper(t) };
      },
      getItem: (n: string) => {
        const t = tabellen.find((x) => x.name === n)!;
        return { getHeaderRowRange: () => kopfZeile(t), getDataBodyRange: () => mock({ rowCount: Math.max(1, t.zeilen.length), columnCount: t.kopf.length, rowIndex: 1, columnIndex: 0 }) };
      },
    },
  );
  let syncs = 0;
  const context = {
    // plain: workbook.name counts as loaded
    workbook: { worksheets, tables, name: 'Netzwerk Sprache.xlsx', load: () => undefined },
    sync: async () => {
      syncs++;
      for (const m of mocks) await m.sync();
    },
  };
  return { context: context as unknown as Excel.RequestContext, syncs: () => syncs, aufrufe };
}

function arbeitsplanung(n: number): Zelle[][] {
  return Array.from({ length: n }, (_, i) => [`A${i + 1}`, 1, '1.1', 'Maßnahme', `Beschreibung ${i + 1}`, '', 'hoch', 'Amt', 'Q1', 'geplant', 'nein', '']);
}
const KOPF = ['Nr', 'HF-Nr', 'Handlungsziel-ID', 'Art', 'Beschreibung', 'Bezug', 'Priorität', 'Verantwortlich', 'Zeitraum', 'Status', 'Standardmaßnahme', 'Bemerkung'];

describe('leseArbeitsmappe mit office-addin-mock', () => {
  test('Tabellen nach Name, Kopf und Werte; Fehlerzellen als {error}; leere als null', async () => {
    const zeilen: Zelle[][] = [
      ['A1', 1, '1.1', 'Maßnahme', 'Text', '', 'hoch', 'Amt', 'Q1', 'geplant', 'nein', ''],
      ['A2', '#REF!', '1.1', 'Wirkung', 'Text 2', 'A1', '', '', '', '', '', ''],
      ['', '', '', '', '', '', '', '', '', '', '', ''],
    ];
    const typen = zeilen.map((r) => r.map((v) => (v === '' ? 'Empty' : v === '#REF!' ? 'Error' : typeof v === 'number' ? 'Double' : 'String')));
    const m = mockArbeitsmappe([
      { name: 'tblArbeitsplanung', blatt: 'Arbeitsplanung', kopf: KOPF, zeilen, typen },
      { name: 'tblFremd', blatt: 'Sonstiges', kopf: ['X'], zeilen: [['y']] },
    ]);
    const raw = await leseArbeitsmappe(m.context);
    expect(raw.sheets).toEqual(['Arbeitsplanung', 'Sonstiges']);
    expect(raw.source).toBe('Netzwerk Sprache.xlsx');
    const t = raw.tables.find((x) => x.name === 'tblArbeitsplanung')!;
    expect(t.sheet).toBe('Arbeitsplanung');
    expect(t.headerRow).toBe(1);
    expect(t.firstColumn).toBe(1);
    expect(t.headers).toEqual(KOPF);
    expect(t.rows).toHaveLength(2); // trailing blank row dropped
    expect(t.rows[0][1]).toBe(1);
    expect(t.rows[1][1]).toEqual({ error: '#REF!' });
    expect(t.rows[1][6]).toBeNull();
    // foreign tables: headers only, no data read
    const fremd = raw.tables.find((x) => x.name === 'tblFremd')!;
    expect(fremd.headers).toEqual(['X']);
    expect(fremd.rows).toEqual([]);
    // the contract table by name with its data and the rows below it (data typed outside it) in one
    // request; the foreign table's header row in a second one
    expect(m.aufrufe).toEqual(['Arbeitsplanung 50 Zeilen darunter']);
    expect(m.syncs()).toBe(2);
  });

  test('gleich viele syncs für 10 und 10.000 Zeilen', async () => {
    const klein = mockArbeitsmappe([{ name: 'tblArbeitsplanung', blatt: 'Arbeitsplanung', kopf: KOPF, zeilen: arbeitsplanung(10) }]);
    const gross = mockArbeitsmappe([{ name: 'tblArbeitsplanung', blatt: 'Arbeitsplanung', kopf: KOPF, zeilen: arbeitsplanung(10_000) }]);
    const spyK = jest.spyOn(klein.context, 'sync');
    const spyG = jest.spyOn(gross.context, 'sync');
    const rk = await leseArbeitsmappe(klein.context);
    const rg = await leseArbeitsmappe(gross.context);
    expect(rk.tables[0].rows).toHaveLength(10);
    expect(rg.tables[0].rows).toHaveLength(10_000);
    expect(rg.tables[0].rows[9999][0]).toBe('A10000');
    expect(spyG.mock.calls.length).toBe(spyK.mock.calls.length);
    // one request: the contract tables are asked for by name
    expect(spyK.mock.calls.length).toBe(1);
  });
});

describe('leseArbeitsmappe mit der Fälschung', () => {
  test('Beispielplan: alle Tabellen, ohne Fehler prüfbar', async () => {
    const fx = createFakeExcel(beispielSaat());
    const raw = await leseArbeitsmappe(fx.context);
    expect(raw.source).toBe('Arbeitsplanung-2026.xlsx');
    expect(raw.tables.map((t) => t.name).sort()).toEqual(
      ['tblArbeitsplanung', 'tblCheckliste', 'tblEinstellungen', 'tblHandlungsfelder', 'tblKennzahlen', 'tblZeitreihe', 'tblZiele'].sort(),
    );
    expect(raw.tables.find((t) => t.name === 'tblEinstellungen')).toMatchObject({ sheet: 'Stammdaten', headerRow: 1, firstColumn: 6 });
    const { plan, findings } = pruefen(raw);
    expect(plan).not.toBeNull();
    expect(findings.filter((f) => f.schwere === 'Fehler')).toEqual([]);
    // the sample's Zeitreihe 2025 gives the Vorjahr in the add-in as on the CLI
    expect(berechneKpi(plan!).kennzahlen.filter((k) => k.vorjahr !== null).length).toBeGreaterThan(20);
    // one request: every contract table by name (getItemOrNullObject)
    expect(fx.syncs()).toBe(1);
  });

  test('Antwort über 5 MB: gestuft gelesen (Daten in Blöcken), gleiches Ergebnis', async () => {
    const saat = beispielSaat(2_000);
    const lang = 'ä'.repeat(1_500);
    const gross = {
      ...saat,
      tabellen: saat.tabellen!.map((t) => (t.name === 'tblArbeitsplanung' ? { ...t, zeilen: t.zeilen.map((r) => r.map((v, i) => (i === 11 ? lang : v))) } : t)),
    };
    const fx = createFakeExcel(gross);
    const raw = await leseArbeitsmappe(fx.context);
    // the one-request read is refused (ResponsePayloadSizeLimitExceeded), the staged read takes several
    expect(fx.syncs()).toBeGreaterThan(3);
    const ap = raw.tables.find((t) => t.name === 'tblArbeitsplanung')!;
    expect(ap.rows).toHaveLength(2_000);
    expect(ap.rows[1_999][11]).toBe(lang);
  });

  test('Tabelle am Blattende: die Zeilen darunter gibt es nicht, gestuft gelesen', async () => {
    const fx = createFakeExcel({ tabellen: [{ name: 'tblZiele', blatt: 'Ziele', zeile: 1_048_570, kopf: ['HF-Nr', 'Herausforderung', 'Leitziel', 'Handlungsziel-ID', 'Handlungsziel'], zeilen: [[1, 'h', 'l', '1.1', 'z']] }] });
    const raw = await leseArbeitsmappe(fx.context);
    expect(raw.tables[0].rows).toEqual([[1, 'h', 'l', '1.1', 'z']]);
    expect(fx.syncs()).toBe(3);
  });

  test('Fehlerwerte und Zusatzspalten', async () => {
    const fx = createFakeExcel({
      tabellen: [{ name: 'tblZiele', blatt: 'Ziele', kopf: ['HF-Nr', 'Herausforderung', 'Leitziel', 'Handlungsziel-ID', 'Handlungsziel', 'Notiz'], zeilen: [[{ error: '#NV' }, 'h', 'l', '1.1', 'z', 'privat']] }],
    });
    const raw = await leseArbeitsmappe(fx.context);
    expect(raw.tables[0].headers[5]).toBe('Notiz');
    expect(raw.tables[0].rows[0]).toEqual([{ error: '#NV' }, 'h', 'l', '1.1', 'z', 'privat']);
  });

  test('Daten unter der Tabelle: direkt darunter erweitert Excel die Tabelle, nach einer Leerzeile gemeldet, ohne weiteren sync', async () => {
    const fx = createFakeExcel(beispielSaat(3));
    const vorher = await leseArbeitsmappe(fx.context);
    const ap = vorher.tables.find((t) => t.name === 'tblArbeitsplanung')!;
    const unten = ap.headerRow + ap.rows.length + 1;
    const ws = fx.context.workbook.worksheets.getItem('Arbeitsplanung');
    ws.getRange(`A${unten}:D${unten}`).values = [['X1', 1, '1.1', 'Maßnahme']];
    ws.getRange(`A${unten + 2}:E${unten + 2}`).values = [['X2', 1, '1.1', 'Maßnahme', 'b']];
    // a single cell (a note, a sum) is no record
    ws.getRange(`E${unten + 3}`).values = [['Summe']];
    await fx.context.sync();
    const syncs = fx.syncs();
    const raw = await leseArbeitsmappe(fx.context);
    expect(fx.syncs() - syncs).toBe(1);
    const neu = raw.tables.find((t) => t.name === 'tblArbeitsplanung')!;
    // the row directly below joined the table (AutoExpansion); the one after the empty row did not
    expect(neu.rows).toHaveLength(ap.rows.length + 1);
    expect(neu.zeilenDarunter).toEqual([unten + 2]);
    expect(raw.tables.find((t) => t.name === 'tblZiele')!.zeilenDarunter).toBeUndefined();
    const w = pruefen(raw).findings.filter((f) => f.regel === 'DATEN_UNTER_TABELLE');
    expect(w).toEqual([expect.objectContaining({ schwere: 'Warnung', blatt: 'Arbeitsplanung', zelle: `A${unten + 2}` })]);
    expect(w[0].meldung).toContain(`Zeile ${unten + 2} unter der Tabelle „tblArbeitsplanung“`);
    expect(w[0].meldung).toContain('Tabellenentwurf › Tabellengröße ändern');
  });

  test('Hooks landen in denselben syncs', async () => {
    const fx = createFakeExcel(beispielSaat(50));
    let gesehen: string[] = [];
    await leseTabellen(fx.context, {
      vorSync1: () => undefined,
      vorSync2: (stand) => {
        gesehen = [...stand.tabellen.keys()];
      },
    });
    expect(gesehen).toContain('tblKennzahlen');
    expect(fx.syncs()).toBe(3);
  });
});

describe('reine Helfer', () => {
  test('planeLeseBloecke', () => {
    expect(planeLeseBloecke(0, 12)).toEqual([]);
    expect(planeLeseBloecke(10, 10, { blockZellen: 30 })).toEqual([
      { start: 0, anzahl: 3 },
      { start: 3, anzahl: 3 },
      { start: 6, anzahl: 3 },
      { start: 9, anzahl: 1 },
    ]);
  });
  test('zellwert und ohneLeereEndzeilen', () => {
    expect(zellwert('#DIV/0!', 'Error')).toEqual({ error: '#DIV/0!' });
    expect(zellwert('', 'Empty')).toBeNull();
    expect(zellwert(46000, 'Double')).toBe(46000);
    expect(ohneLeereEndzeilen([[1], [null], [2], [null]])).toEqual([[1], [null], [2]]);
  });
});

describe('Antwortgröße: lange Texte', () => {
  test('eine Antwort über 5 MB wird in kleineren Blöcken gelesen (ResponsePayloadSizeLimitExceeded)', async () => {
    const lang = 'ä'.repeat(1_500);
    const zeilen = Array.from({ length: 2_000 }, (_, i) => [`A${i + 1}`, 1, '1.1', 'Maßnahme', lang, '', 'hoch', 'X', '2026', 'offen', '', lang]);
    const fx = createFakeExcel({ tabellen: [{ name: 'tblArbeitsplanung', blatt: 'Arbeitsplanung', kopf: KOPF, zeilen }] });
    // the fake enforces Excel's limit in bytes
    const alles = fx.context.workbook.worksheets.getItem('Arbeitsplanung').getRange('A1:L2001').load('values');
    await expect(fx.context.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    void alles;
    const raw = await leseArbeitsmappe(fx.context);
    const t = raw.tables.find((x) => x.name === 'tblArbeitsplanung')!;
    expect(t.rows).toHaveLength(2_000);
    expect(t.rows[1999][0]).toBe('A2000');
    expect(t.rows[1000][4]).toBe(lang);
  });
});

describe('Ergebniszeile', () => {
  test('wird nie als Datenzeile gelesen', async () => {
    const fx = createFakeExcel({
      tabellen: [{ name: 'tblArbeitsplanung', blatt: 'Arbeitsplanung', kopf: KOPF, zeilen: [['A1', 1, '1.1', 'Maßnahme', 'x', '', 'hoch', 'X', '2026', 'offen', '', '']], summenzeile: ['Summe', 1] }],
    });
    const raw = await leseArbeitsmappe(fx.context);
    expect(raw.tables[0].rows.map((r) => r[0])).toEqual(['A1']);
  });
});

describe('Die Fälschung lädt streng wie Office.js', () => {
  test('Einträge einer Sammlung haben nur die geladenen Eigenschaften', async () => {
    const fx = createFakeExcel(beispielSaat());
    const blaetter = fx.context.workbook.worksheets.load('items/name');
    const tabellen = fx.context.workbook.tables.load('items/name,items/worksheet/name');
    await fx.context.sync();
    expect(blaetter.items[0].name).toBe('Stammdaten');
    expect(() => blaetter.items[0].visibility).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    expect(tabellen.items[0].worksheet.name).toBe('Stammdaten');
    expect(() => tabellen.items[0].showHeaders).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    expect(() => tabellen.items[0].worksheet.visibility).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    // "items" alone loads every scalar property of the items
    const alle = fx.context.workbook.worksheets.load('items');
    await fx.context.sync();
    expect(alle.items[0].visibility).toBe('Visible');
  });
});
