import { createFakeExcel } from './testing/fakeExcel';
import { einrichten, dropdownQuelle } from './einrichten';
import { DATA_SHEETS, PREPARED_ROWS } from '../workbook/layout';
import { TABLES, TABLE_ORDER } from '../domain/schema';

describe('einrichten', () => {
  test('leere Arbeitsmappe: alle Blätter, Tabellen, Kopfzeilen, Vorlagezeilen', async () => {
    const fx = createFakeExcel();
    const r = await einrichten(fx.context);
    expect(fx.syncs()).toBe(4);
    for (const s of DATA_SHEETS) expect(fx.modell.blaetter.map((b) => b.name)).toContain(s.name);
    for (const k of TABLE_ORDER) {
      const t = fx.tabelle(TABLES[k].name);
      expect(t).toBeDefined();
      expect(t?.kopf).toEqual(TABLES[k].columns.map((c) => c.header));
      expect(t?.tabelle.blatt).toBe(TABLES[k].sheet);
    }
    expect(fx.tabelle('tblHandlungsfelder')?.zeilen).toHaveLength(8);
    expect(fx.tabelle('tblHandlungsfelder')?.zeilen[0].slice(0, 2)).toEqual([1, 'Sprachförderung']);
    expect(fx.tabelle('tblEinstellungen')?.zeilen).toEqual([
      ['Berichtsjahr', 2026],
      ['Ampel grün ab', 0.9],
      ['Ampel gelb ab', 0.6],
    ]);
    expect(fx.tabelle('tblEinstellungen')?.tabelle.spalte).toBe(6);
    expect(r.angelegt).toContain('Tabelle tblArbeitsplanung (Blatt Arbeitsplanung)');
    // dropdowns
    expect(fx.zelle('Arbeitsplanung', 'D2')?.gueltigkeit).toEqual({ list: { inCellDropDown: true, source: 'Maßnahme,Wirkung' } });
    expect(fx.zelle('Arbeitsplanung', `D${1 + PREPARED_ROWS}`)?.gueltigkeit?.list?.source).toBe('Maßnahme,Wirkung');
    expect(fx.zelle('Ziele', 'A2')?.gueltigkeit?.list?.source).toBe('=INDIRECT("tblHandlungsfelder[HF-Nr]")');
    expect(fx.zelle('Kennzahlen', 'B2')?.gueltigkeit?.list?.source).toBe('=INDIRECT("tblZiele[Handlungsziel-ID]")');
    // number formats
    expect(fx.zelle('Kennzahlen', 'G2')?.zahlenformat).toBe('#,##0.##');
    expect(fx.zelle('Kennzahlen', 'I2')?.zahlenformat).toBe('DD.MM.YYYY');
    expect(fx.zelle('Arbeitsplanung', 'B2')?.zahlenformat).toBe('0');
    // conditional format
    const cfs = fx.blatt('Arbeitsplanung').bedingteFormate;
    expect(cfs.map((c) => [c.typ, c.formel, c.fuellung])).toEqual([
      ['Custom', '=$D2="Maßnahme"', '#DDEBF7'],
      ['Custom', '=$D2="Wirkung"', '#E2EFDA'],
    ]);
    expect(fx.blatt('Arbeitsplanung').fixierteZeilen).toBe(1);
    expect(fx.blatt('Arbeitsplanung').spaltenbreiten.get(5)).toBeGreaterThan(100);
  });

  test('zweimal ausführen ändert nichts', async () => {
    const fx = createFakeExcel();
    await einrichten(fx.context);
    const vorher = fx.schnappschuss();
    const r = await einrichten(fx.context);
    expect(r.angelegt).toEqual([]);
    expect(fx.schnappschuss()).toBe(vorher);
  });

  test('dropdownQuelle', () => {
    expect(dropdownQuelle('"a,b"')).toBe('a,b');
    expect(dropdownQuelle('INDIRECT("t[x]")')).toBe('=INDIRECT("t[x]")');
  });
});
