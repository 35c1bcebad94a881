import { createFakeExcel } from './testing/fakeExcel';
import { einrichten, dropdownQuelle } from './einrichten';
import { DATA_SHEETS, tableLayoutOf } from '../workbook/layout';
import { TABLES, TABLE_ORDER } from '../domain/schema';

describe('einrichten', () => {
  test('leere Arbeitsmappe: alle Blätter, Tabellen, Kopfzeilen, Vorlagezeilen', async () => {
    const fx = createFakeExcel();
    const r = await einrichten(fx.context);
    expect(fx.syncs()).toBe(2);
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
    // only on the table's rows: nothing below the table (co-authoring); new table rows inherit it (see below)
    const apEnde = 1 + fx.tabelle('tblArbeitsplanung')!.tabelle.zeilen;
    expect(fx.zelle('Arbeitsplanung', `D${apEnde}`)?.gueltigkeit?.list?.source).toBe('Maßnahme,Wirkung');
    expect(fx.zelle('Arbeitsplanung', `D${apEnde + 1}`)?.gueltigkeit).toBeUndefined();
    expect(fx.zelle('Ziele', 'A2')?.gueltigkeit?.list?.source).toBe('=INDIRECT("tblHandlungsfelder[HF-Nr]")');
    expect(fx.zelle('Kennzahlen', 'B2')?.gueltigkeit?.list?.source).toBe('=INDIRECT("tblZiele[Handlungsziel-ID]")');
    // number formats
    const format = (key: 'kennzahlen' | 'arbeitsplanung', header: string) => tableLayoutOf(key).columns.find((c) => c.spec.header === header)?.numberFormat ?? 'General';
    expect(fx.zelle('Kennzahlen', 'G2')?.zahlenformat).toBe(format('kennzahlen', 'Zielwert'));
    expect(fx.zelle('Kennzahlen', 'I2')?.zahlenformat).toBe('DD.MM.YYYY');
    expect(fx.zelle('Kennzahlen', `A${1 + fx.tabelle('tblKennzahlen')!.tabelle.zeilen}`)?.zahlenformat).toBe(format('kennzahlen', 'Kennzahl-ID'));
    expect(fx.zelle('Arbeitsplanung', 'B2')?.zahlenformat).toBe('0');
    // key columns centred so an integer HF-Nr does not run into the text beside it; text keeps the default
    expect(fx.zelle('Stammdaten', 'A2')?.format.horizontal).toBe('Center');
    expect(fx.zelle('Ziele', 'A2')?.format.horizontal).toBe('Center');
    expect(fx.zelle('Ziele', 'D2')?.format.horizontal).toBe('Center');
    expect(fx.zelle('Arbeitsplanung', 'A2')?.format.horizontal).toBe('Center');
    expect(fx.zelle('Arbeitsplanung', `B${apEnde}`)?.format.horizontal).toBe('Center');
    expect(fx.zelle('Arbeitsplanung', 'E2')?.format.horizontal).toBeUndefined();
    expect(fx.zelle('Stammdaten', 'B2')?.format.horizontal).toBeUndefined();
    expect(fx.zelle('Stammdaten', 'A1')?.format.horizontal).toBeUndefined();
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
    const syncs = fx.syncs();
    const r = await einrichten(fx.context);
    expect(r.angelegt).toEqual([]);
    expect(fx.schnappschuss()).toBe(vorher);
    // the CF rules already there: their formulas are read (one sync more), so none is added twice
    expect(fx.syncs() - syncs).toBe(3);
  });

  test('dropdownQuelle', () => {
    expect(dropdownQuelle('"a,b"')).toBe('a,b');
    expect(dropdownQuelle('INDIRECT("t[x]")')).toBe('=INDIRECT("t[x]")');
  });
});

describe('einrichten auf vorhandenen Daten', () => {
  const KOPF_AP = TABLES.arbeitsplanung.columns.map((c) => c.header);

  test('fehlende Kopfzeilen werden rechts angehängt, Daten und Zusatzspalten bleiben', async () => {
    const ohneBemerkung = KOPF_AP.filter((h) => h !== 'Bemerkung' && h !== 'Bezug');
    const fx = createFakeExcel({
      tabellen: [
        {
          name: 'tblArbeitsplanung',
          blatt: 'Arbeitsplanung',
          kopf: [...ohneBemerkung, 'Eigene Notiz'],
          zeilen: [['M1', 1, '1.1', 'Maßnahme', 'Kurs', 'hoch', 'VHS', 'Q1', 'geplant', 'nein', 'privat']],
        },
        { name: 'tblHandlungsfelder', blatt: 'Stammdaten', kopf: ['HF-Nr', 'Handlungsfeld', 'Netzwerk', 'Netzwerkleitung'], zeilen: [[3, 'Eigenes HF', 'N', 'L']] },
      ],
    });
    // something to the right of the table must move, not be overwritten
    fx.tippen('Arbeitsplanung', 'M2', 'Nebenrechnung');
    const r = await einrichten(fx.context);
    expect(r.angelegt).toEqual(expect.arrayContaining(['Spalte „Bezug“ in tblArbeitsplanung', 'Spalte „Bemerkung“ in tblArbeitsplanung']));
    const t = fx.tabelle('tblArbeitsplanung')!;
    expect(t.kopf).toEqual([...ohneBemerkung, 'Eigene Notiz', 'Bezug', 'Bemerkung']);
    expect(t.zeilen[0].slice(0, 11)).toEqual(['M1', 1, '1.1', 'Maßnahme', 'Kurs', 'hoch', 'VHS', 'Q1', 'geplant', 'nein', 'privat']);
    expect(fx.werte('Arbeitsplanung', 'O2')).toEqual([['Nebenrechnung']]);
    // the table was backed up before its structure changed
    expect(r.sicherungen).toHaveLength(1);
    expect(fx.werte(r.sicherungen[0], 'A4:B4')).toEqual([['M1', 1]]);
    expect(fx.blatt(r.sicherungen[0]).sichtbarkeit).toBe('Hidden');
    // existing Handlungsfelder are not replaced by the template
    expect(fx.tabelle('tblHandlungsfelder')!.zeilen).toEqual([[3, 'Eigenes HF', 'N', 'L']]);
    // dropdown follows the real position of Status (column I here)
    expect(fx.zelle('Arbeitsplanung', 'I2')?.gueltigkeit?.list?.source).toBe('geplant,begonnen,umgesetzt,verschoben,entfallen');
    // CF formula uses the real Art column
    expect(fx.blatt('Arbeitsplanung').bedingteFormate.map((c) => c.formel)).toEqual(['=$D2="Maßnahme"', '=$D2="Wirkung"']);
    const vorher = fx.schnappschuss();
    await einrichten(fx.context);
    expect(fx.schnappschuss()).toBe(vorher);
  });

  test('belegter Bereich: Hinweis statt Überschreiben', async () => {
    const fx = createFakeExcel({ blaetter: ['Ziele'] });
    fx.tippen('Ziele', 'B1', 'Meine alte Liste');
    const r = await einrichten(fx.context);
    expect(fx.tabelle('tblZiele')).toBeUndefined();
    expect(fx.werte('Ziele', 'B1')).toEqual([['Meine alte Liste']]);
    expect(r.hinweise[0]).toContain('Blatt „Ziele“, Bereich A1:E1');
    expect(r.hinweise[0]).toContain('tblZiele');
  });

  test('vorhandene Liste mit passenden Kopfzeilen wird zur Tabelle', async () => {
    const fx = createFakeExcel({ blaetter: ['Ziele'] });
    ['HF-Nr', 'Herausforderung', 'Leitziel', 'Handlungsziel-ID', 'Handlungsziel'].forEach((h, i) => fx.tippen('Ziele', `${'ABCDE'[i]}1`, h));
    fx.tippen('Ziele', 'A2', 1);
    fx.tippen('Ziele', 'D2', '1.1');
    fx.tippen('Ziele', 'D3', '1.2');
    await einrichten(fx.context);
    const t = fx.tabelle('tblZiele')!;
    expect(t.zeilen).toHaveLength(2);
    expect(t.zeilen[1][3]).toBe('1.2');
  });

  test('gleich viele syncs für 10 und 10.000 Zeilen', async () => {
    const saat = (n: number) => ({
      tabellen: [
        {
          name: 'tblArbeitsplanung',
          blatt: 'Arbeitsplanung',
          kopf: KOPF_AP,
          zeilen: Array.from({ length: n }, (_, i) => [`M${i}`, 1, '1.1', i % 2 ? 'Wirkung' : 'Maßnahme', 'x', '', 'hoch', 'A', 'Q1', 'geplant', 'nein', '']),
        },
      ],
    });
    const klein = createFakeExcel(saat(10));
    const gross = createFakeExcel(saat(10_000));
    const spyK = jest.spyOn(klein.context, 'sync');
    const spyG = jest.spyOn(gross.context, 'sync');
    await einrichten(klein.context);
    await einrichten(gross.context);
    expect(spyK.mock.calls.length).toBe(2);
    expect(spyG.mock.calls.length).toBe(spyK.mock.calls.length);
    // formats cover all 10,000 rows, not only the prepared 500
    expect(gross.zelle('Arbeitsplanung', 'D10001')?.gueltigkeit?.list?.source).toBe('Maßnahme,Wirkung');
    expect(gross.zelle('Arbeitsplanung', 'B10001')?.zahlenformat).toBe('0');
    expect(gross.tabelle('tblArbeitsplanung')!.zeilen).toHaveLength(10_000);
  });
});

describe('einrichten: Tabelle auf anderem Blatt', () => {
  test('Formate gehen auf das Blatt, auf dem die Tabelle steht', async () => {
    const kopf = TABLES.kennzahlen.columns.map((c) => c.header);
    const fx = createFakeExcel({ tabellen: [{ name: 'tblKennzahlen', blatt: 'Meine Zahlen', zeile: 3, spalte: 2, kopf, zeilen: [['K1', '1.1', 'x', 'Anzahl', 'Output', 0, 10, 5, null, '', '', '']] }] });
    await einrichten(fx.context);
    expect(fx.modell.tabellen.filter((t) => t.name === 'tblKennzahlen')).toHaveLength(1);
    // Wirkungsebene is the 5th column: F on "Meine Zahlen" (table starts in B3)
    expect(fx.zelle('Meine Zahlen', 'F4')?.gueltigkeit?.list?.source).toBe('Output,Outcome,Impact');
    expect(fx.zelle('Kennzahlen', 'E2')?.gueltigkeit).toBeUndefined();
  });
});

describe('einrichten: Blattname in anderer Schreibweise', () => {
  it('uses a sheet "ziele" as the sheet Ziele (Excel compares sheet names case-insensitively) instead of adding a second one', async () => {
    const x = createFakeExcel({ blaetter: ['ziele', 'ARBEITSPLANUNG'] });
    const e = await einrichten(x.context, { unterstuetzt: () => true });
    expect(e.angelegt).not.toContain('Blatt „Ziele“');
    expect(x.modell.blaetter.filter((b) => b.name.toLowerCase() === 'ziele')).toHaveLength(1);
    expect(x.tabelle('tblZiele')?.tabelle.blatt).toBe('ziele');
    expect(x.tabelle('tblArbeitsplanung')?.tabelle.blatt).toBe('ARBEITSPLANUNG');
  });
});

describe('einrichten: Spaltennamen wie Excel ohne Groß-/Kleinschreibung', () => {
  test('„status“ und „ Bemerkung\u00a0“ sind die Spalten Status und Bemerkung: nichts angehängt, keine Sicherung, auch beim zweiten Lauf', async () => {
    const kopf = TABLES.arbeitsplanung.columns.map((c) => (c.header === 'Status' ? 'status' : c.header === 'Bemerkung' ? ' Bemerkung\u00a0' : c.header));
    const fx = createFakeExcel({
      tabellen: [{ name: 'tblArbeitsplanung', blatt: 'Arbeitsplanung', kopf, zeilen: [['M1', 1, '1.1', 'Maßnahme', 'x', '', 'hoch', 'A', 'Q1', 'geplant', 'nein', '']] }],
    });
    for (let lauf = 0; lauf < 2; lauf++) {
      const r = await einrichten(fx.context);
      expect(r.angelegt.filter((a) => a.includes('Spalte'))).toEqual([]);
      expect(fx.tabelle('tblArbeitsplanung')!.kopf).toHaveLength(kopf.length);
      expect(fx.modell.blaetter.filter((b) => b.name.startsWith('Sicherung'))).toEqual([]);
    }
  });

  test('die Fälschung: eine Spalte „Status“ neben „status“ heißt wie in Excel „Status2“', () => {
    const fx = createFakeExcel({ tabellen: [{ name: 'tblX', blatt: 'X', kopf: ['status'], zeilen: [['a']] }] });
    fx.context.workbook.tables.getItem('tblX').columns.add(null as unknown as number, undefined, 'Status');
    expect(fx.tabelle('tblX')!.kopf).toEqual(['status', 'Status2']);
  });
});

describe('einrichten: Blatt- und Arbeitsmappenschutz', () => {
  test('die Fälschung verweigert auf geschützten Blättern Datenüberprüfung, bedingte Formate, Formate, rows.add und resize', async () => {
    const fx = createFakeExcel({ tabellen: [{ name: 'tblX', blatt: 'X', kopf: ['a'], zeilen: [['1']] }] });
    fx.blatt('X').geschuetzt = true;
    const ws = fx.context.workbook.worksheets.getItem('X');
    const code = { code: 'AccessDenied' };
    // queued calls: the call succeeds, the request fails at the next sync (as in Office.js) and changes nothing
    ws.getRange('A2').dataValidation.rule = { list: { inCellDropDown: true, source: 'a' } };
    await expect(fx.context.sync()).rejects.toMatchObject(code);
    expect(fx.zelle('X', 'A2')?.gueltigkeit).toBeUndefined();
    ws.getRange('A2').format.fill.color = '#FF0000';
    await expect(fx.context.sync()).rejects.toMatchObject(code);
    expect(fx.zelle('X', 'A2')?.format.fill).toBeUndefined();
    expect(() => ws.getRange('A2').conditionalFormats.add('Custom' as Excel.ConditionalFormatType)).toThrow(expect.objectContaining(code));
    expect(() => fx.context.workbook.tables.getItem('tblX').rows.add(undefined, [['2']])).toThrow(expect.objectContaining(code));
    expect(() => fx.context.workbook.tables.getItem('tblX').resize(ws.getRange('A1:A3'))).toThrow(expect.objectContaining(code));
    fx.modell.strukturGeschuetzt = true;
    expect(() => fx.context.workbook.worksheets.add('Neu')).toThrow(expect.objectContaining(code));
    expect(() => (ws.visibility = 'Hidden' as Excel.SheetVisibility)).toThrow(expect.objectContaining(code));
  });

  test('geschütztes Eingabeblatt: deutsche Meldung mit Blatt und Ausweg, nichts geändert', async () => {
    const fx = createFakeExcel();
    await einrichten(fx.context);
    fx.blatt('Arbeitsplanung').geschuetzt = true;
    fx.blatt('Arbeitsplanung').schutzOptionen = {};
    const vorher = fx.schnappschuss();
    await expect(einrichten(fx.context)).rejects.toThrow('Das Blatt „Arbeitsplanung“ ist geschützt. Bitte den Blattschutz aufheben (Überprüfen › Blattschutz aufheben)');
    expect(fx.schnappschuss()).toBe(vorher);
  });

  test('geschützte Arbeitsmappenstruktur: Meldung, wenn Blätter fehlen; eingerichtete Mappe läuft weiter', async () => {
    const leer = createFakeExcel();
    leer.modell.strukturGeschuetzt = true;
    await expect(einrichten(leer.context)).rejects.toThrow('Die Arbeitsmappenstruktur ist geschützt');
    const fertig = createFakeExcel();
    await einrichten(fertig.context);
    fertig.modell.strukturGeschuetzt = true;
    await expect(einrichten(fertig.context)).resolves.toBeDefined();
  });
});

describe('einrichten: Datenüberprüfung nur auf den Tabellenspalten', () => {
  test('keine Regel unterhalb der Tabelle; neue Tabellenzeilen erben sie', async () => {
    const fx = createFakeExcel();
    await einrichten(fx.context);
    const t = fx.tabelle('tblArbeitsplanung')!.tabelle;
    const unten = t.zeile + t.zeilen + 1;
    const b = fx.blatt('Arbeitsplanung');
    const darunter = [...b.zellen.entries()].filter(([k, c]) => Number(k.split(',')[0]) >= unten && c.gueltigkeit);
    expect(darunter).toEqual([]);
    fx.context.workbook.tables.getItem('tblArbeitsplanung').rows.add(undefined, [new Array(t.spalten).fill(null)]);
    expect(fx.zelle('Arbeitsplanung', `D${unten}`)?.gueltigkeit?.list?.source).toBe('Maßnahme,Wirkung');
  });
});

describe('einrichten: alte Auswahllisten unterhalb der Tabelle', () => {
  test('werden entfernt (frühere Versionen legten sie auf 500 vorbereitete Zeilen)', async () => {
    const fx = createFakeExcel();
    await einrichten(fx.context);
    const t = fx.tabelle('tblArbeitsplanung')!.tabelle;
    const unten = t.zeile + t.zeilen + 5;
    fx.context.workbook.worksheets.getItem('Arbeitsplanung').getRange(`D${unten}`).dataValidation.rule = { list: { inCellDropDown: true, source: 'Maßnahme,Wirkung' } };
    await einrichten(fx.context);
    expect(fx.zelle('Arbeitsplanung', `D${unten}`)?.gueltigkeit).toBeUndefined();
    expect(fx.zelle('Arbeitsplanung', `D${t.zeile + 1}`)?.gueltigkeit?.list?.source).toBe('Maßnahme,Wirkung');
  });
});
