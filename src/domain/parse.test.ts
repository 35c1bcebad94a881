import { arbeitsmappe, GUELTIG, kopie, tabelle } from './__tests__/fixtures';
import { Befunde } from './befunde';
import { meldungOhneAdresse, pruefen } from './index';
import type { RawTable, RawValue, RawWorkbook } from './model';
import { parseArbeitsmappe } from './parse';
import { TABLES } from './schema';

const ersetze = (raw: RawWorkbook, name: string, f: (t: RawTable) => RawTable | RawTable[] | null): RawWorkbook => ({
  ...raw,
  tables: raw.tables.flatMap((t) => {
    if (t.name !== name) return [t];
    const r = f(t);
    return r === null ? [] : Array.isArray(r) ? r : [r];
  }),
});

describe('structure: tables by name, columns by header', () => {
  it('a missing table is a Fehler and no plan is returned', () => {
    const { plan, findings } = pruefen(ersetze(arbeitsmappe(), 'tblZiele', () => null));
    expect(plan).toBeNull();
    expect(findings).toEqual([
      expect.objectContaining({ schwere: 'Fehler', regel: 'TABELLE_FEHLT', blatt: 'Ziele', zelle: '', spalte: '' }),
    ]);
    expect(findings[0].meldung).toContain('Die Tabelle „tblZiele“ (erwartet auf Blatt „Ziele“) fehlt.');
  });

  it('a table turned back into a range: the data is still on its sheet, the message says how to restore it', () => {
    const { findings } = pruefen(ersetze(arbeitsmappe(), 'tblZiele', () => null));
    expect(findings[0].meldung).toContain('in einen normalen Bereich umgewandelt');
    expect(findings[0].meldung).toContain('Strg+T drücken („Tabelle hat Überschriften“ anhaken) und unter Tabellenentwurf › Tabellenname „tblZiele“ eintragen');
  });

  it('no table left at all (.xls, a tool without tables): the message says the tables were lost and how to restore them', () => {
    const raw = arbeitsmappe();
    const { findings } = pruefen({ ...raw, tables: [] });
    expect(findings.filter((f) => f.regel === 'TABELLE_FEHLT')).toHaveLength(6);
    expect(findings[0].meldung).toContain('Die Arbeitsmappe enthält gar keine Tabellen mehr');
    expect(findings[0].meldung).toContain('als .xls (Excel 97–2003)');
    expect(findings[0].meldung).toContain('Strg+T');
  });

  it('table names are case-sensitive, with a hint for a near miss', () => {
    const { plan, findings } = pruefen(ersetze(arbeitsmappe(), 'tblZiele', (t) => ({ ...t, name: 'TBLziele' })));
    expect(plan).toBeNull();
    expect(findings[0].regel).toBe('TABELLE_FEHLT');
    expect(findings[0].meldung).toContain('„TBLziele“: bitte sie in „tblZiele“ umbenennen');
  });

  it('a table name occurring twice is a Fehler', () => {
    const { plan, findings } = pruefen(ersetze(arbeitsmappe(), 'tblKennzahlen', (t) => [t, { ...t, sheet: 'Kopie', headerRow: 3, firstColumn: 2 }]));
    expect(plan).toBeNull();
    expect(findings).toEqual([expect.objectContaining({ schwere: 'Fehler', regel: 'TABELLE_DOPPELT', blatt: 'Kopie', zelle: 'B3' })]);
    expect(findings[0].meldung).toContain('„Kennzahlen“ ab A1 und „Kopie“ ab B3');
  });

  it('a table on an unexpected sheet is read with a Warnung', () => {
    const { plan, findings } = pruefen(ersetze(arbeitsmappe(), 'tblCheckliste', (t) => ({ ...t, sheet: 'Anlage 1' })));
    expect(plan).not.toBeNull();
    expect(findings).toEqual([expect.objectContaining({ schwere: 'Warnung', regel: 'TABELLE_FALSCHES_BLATT', blatt: 'Anlage 1', zelle: 'A1' })]);
    expect(plan!.checkliste).toHaveLength(3);
    expect(plan!.checkliste[0].ref).toEqual({ sheet: 'Anlage 1', row: 2 });
    // row findings on that sheet use Excel's quoted reference
    const d = kopie();
    d.checkliste[0].Umsetzungsstand = 'fertig';
    const f = pruefen(ersetze(arbeitsmappe(d), 'tblCheckliste', (t) => ({ ...t, sheet: 'Anlage 1' }))).findings;
    expect(f[1]).toMatchObject({ blatt: 'Anlage 1', zelle: 'E2', regel: 'LISTE_UNGUELTIG' });
    expect(f[1].meldung.startsWith("'Anlage 1'!E2 (Umsetzungsstand): ")).toBe(true);
    expect(meldungOhneAdresse(f[1])).toBe('„fertig“ ist kein erlaubter Wert. Bitte „nicht begonnen“, „in Umsetzung“, „erreicht“, „teilweise erreicht“ oder „nicht erreicht“ wählen.');
    expect(meldungOhneAdresse(f[0])).toBe(f[0].meldung);
  });

  it('a missing header is a Fehler naming table and expected cell', () => {
    const raw = ersetze(arbeitsmappe(), 'tblArbeitsplanung', (t) => {
      const i = t.headers.indexOf('Status');
      return { ...t, headers: t.headers.filter((_, j) => j !== i), rows: t.rows.map((r) => r.filter((_, j) => j !== i)) };
    });
    const { plan, findings } = pruefen(raw);
    expect(plan).toBeNull();
    expect(findings).toEqual([
      expect.objectContaining({ schwere: 'Fehler', regel: 'KOPF_FEHLT', blatt: 'Arbeitsplanung', zelle: 'J1', spalte: 'Status' }),
    ]);
    expect(findings[0].meldung).toContain('In Tabelle „tblArbeitsplanung“ fehlt die Spalte „Status“ (Kopfzeile 1');
  });

  it('a header differing only in case/whitespace is accepted with a Warnung', () => {
    const raw = ersetze(arbeitsmappe(), 'tblKennzahlen', (t) => ({ ...t, headers: t.headers.map((h) => (h === 'Istwert' ? '  istwert ' : h)) }));
    const { plan, findings } = pruefen(raw);
    expect(findings).toEqual([expect.objectContaining({ schwere: 'Warnung', regel: 'KOPF_ABWEICHEND', blatt: 'Kennzahlen', zelle: 'H1', spalte: 'Istwert' })]);
    expect(plan!.kennzahlen[0].istwert).toBe(95);
  });

  it('headers with surrounding spaces match silently', () => {
    const raw = ersetze(arbeitsmappe(), 'tblZiele', (t) => ({ ...t, headers: t.headers.map((h) => ` ${h} `) }));
    expect(pruefen(raw).findings).toEqual([]);
  });

  it('finds columns by header, not position: reordered and extra columns', () => {
    const spec = TABLES.arbeitsplanung;
    const headers = ['Notiz', ...[...spec.columns.map((c) => c.header)].reverse(), 'Extra'];
    const base = tabelle('arbeitsplanung', GUELTIG.arbeitsplanung);
    const rows = base.rows.map((r) => ['frei', ...[...r].reverse(), 'x']);
    const d = kopie();
    const raw = ersetze(arbeitsmappe(d), 'tblArbeitsplanung', (t) => ({ ...t, headers, rows, firstColumn: 3, headerRow: 5 }));
    const { plan, findings } = pruefen(raw);
    expect(findings).toEqual([]);
    expect(plan!.arbeitsplanung.map((r) => r.nr)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5']);
    expect(plan!.arbeitsplanung[0].ref.row).toBe(6);
    // a finding points at the real column and row
    rows[1][headers.indexOf('Art')] = 'falsch';
    const f = pruefen(ersetze(arbeitsmappe(d), 'tblArbeitsplanung', (t) => ({ ...t, headers, rows, firstColumn: 3, headerRow: 5 }))).findings;
    expect(f).toEqual([expect.objectContaining({ regel: 'LISTE_UNGUELTIG', zelle: 'L7', spalte: 'Art' })]);
    expect(headers.indexOf('Art')).toBe(9); // column 3 + 9 = 12 = L
  });

  it('skips completely blank rows but keeps the real row numbers', () => {
    const raw = ersetze(arbeitsmappe(), 'tblArbeitsplanung', (t) => ({
      ...t,
      rows: [t.rows[0], t.headers.map(() => null), t.headers.map(() => '  '), ...t.rows.slice(1)].map((r, i) =>
        i === 3 ? r.map((v, j) => (t.headers[j] === 'Art' ? 'Unsinn' : v)) : r,
      ),
    }));
    const { plan, findings } = pruefen(raw);
    expect(plan!.arbeitsplanung).toHaveLength(5);
    expect(plan!.arbeitsplanung[1].ref.row).toBe(5);
    expect(findings).toEqual([expect.objectContaining({ regel: 'LISTE_UNGUELTIG', zelle: 'D5' })]);
  });

  it('a row with content only in extra user columns is skipped', () => {
    const raw = ersetze(arbeitsmappe(), 'tblKennzahlen', (t) => ({
      ...t,
      headers: [...t.headers, 'Notiz', 'Hilfsformel'],
      rows: [...t.rows.map((r) => [...r, 'ok', 1]), [...t.headers.map((): RawValue => null), 'nur eine Notiz', 0]],
    }));
    const { plan, findings } = pruefen(raw);
    expect(findings).toEqual([]);
    expect(plan!.kennzahlen).toHaveLength(3);
  });

  it('an error value alone makes a row a data row', () => {
    const raw = ersetze(arbeitsmappe(), 'tblCheckliste', (t) => ({ ...t, rows: [...t.rows, t.headers.map((h) => (h === 'Zielgruppe' ? { error: '#NV' } : null))] }));
    const { findings } = pruefen(raw);
    expect(findings.map((f) => `${f.regel}@${f.zelle}`)).toEqual(['PFLICHTFELD@A5', 'EXCEL_FEHLERWERT@B5']);
  });

  it('short rows (fewer cells than headers) read as empty cells', () => {
    const raw = ersetze(arbeitsmappe(), 'tblCheckliste', (t) => ({ ...t, rows: t.rows.map((r) => r.slice(0, 1)) }));
    const { plan, findings } = pruefen(raw);
    expect(findings).toEqual([]);
    expect(plan!.checkliste[0].zielgruppe).toBe('');
  });

  it('reports all missing tables at once', () => {
    const { plan, findings } = pruefen({ sheets: [], tables: [] });
    expect(plan).toBeNull();
    expect(findings.map((f) => f.meldung.match(/„(tbl\w+)“/)?.[1])).toEqual([
      'tblHandlungsfelder',
      'tblEinstellungen',
      'tblZiele',
      'tblArbeitsplanung',
      'tblCheckliste',
      'tblKennzahlen',
    ]);
  });
});

describe('values in the plan', () => {
  it('reads the valid fixture into the plan model', () => {
    const { plan } = pruefen(arbeitsmappe());
    expect(plan!.einstellungen).toEqual({ berichtsjahr: 2026, ampelGruen: 0.9, ampelGelb: 0.6 });
    expect(plan!.handlungsfelder[0]).toEqual({
      nr: 1,
      name: 'Sprachförderung',
      netzwerk: 'Netzwerk Sprache',
      netzwerkleitung: 'A. Beispiel, B. Muster',
      ref: { sheet: 'Stammdaten', row: 2 },
    });
    expect(plan!.arbeitsplanung[4]).toMatchObject({ nr: 'A5', standard: true, art: 'Maßnahme', status: 'umgesetzt' });
    expect(plan!.arbeitsplanung[0]).toMatchObject({ standard: false, zeitraum: 'Q1', prioritaet: 'hoch' });
    expect(plan!.arbeitsplanung[1]).toMatchObject({ standard: false, status: null, bezug: 'A1' });
    expect(plan!.kennzahlen[1]).toMatchObject({ ausgangswert: 40, zielwert: 20, istwert: 30, ebene: 'Outcome' });
    expect(plan!.orte?.einstellungen).toEqual({ sheet: 'Stammdaten', headerRow: 1, spalten: { Einstellung: 6, Wert: 7 } });
    expect(plan!.source).toBe('test.xlsx');
  });

  it.each<[unknown, number]>([
    ['90 %', 0.9],
    ['90%', 0.9],
    ['0,85', 0.85],
    ['0.85', 0.85],
    [0.95, 0.95],
    ['100 %', 1],
  ])('Ampel grün ab %p → %p', (wert, n) => {
    const d = kopie();
    d.einstellungen[1].Wert = wert as number;
    const { plan, findings } = pruefen(arbeitsmappe(d));
    expect(findings.filter((f) => f.regel.startsWith('EINSTELLUNG'))).toEqual([]);
    expect(plan!.einstellungen.ampelGruen).toBe(n);
  });

  it('invalid thresholds fall back to the defaults (plan stays usable) with a Fehler', () => {
    const d = kopie();
    d.einstellungen[1].Wert = 0.5; // gelb 0.6 > grün 0.5
    const { plan, findings } = pruefen(arbeitsmappe(d));
    expect(findings.map((f) => f.regel)).toContain('EINSTELLUNG_UNGUELTIG');
    expect(plan!.einstellungen).toEqual({ berichtsjahr: 2026, ampelGruen: 0.9, ampelGelb: 0.6 });
  });

  it('missing Einstellungen rows give defaults and Warnungen only', () => {
    const d = kopie();
    d.einstellungen = [{ Einstellung: 'Berichtsjahr', Wert: '2027' }];
    const { plan, findings } = pruefen(arbeitsmappe(d));
    expect(plan!.einstellungen).toEqual({ berichtsjahr: 2027, ampelGruen: 0.9, ampelGelb: 0.6 });
    expect(findings.map((f) => [f.schwere, f.regel])).toEqual([
      ['Warnung', 'EINSTELLUNG_FEHLT'],
      ['Warnung', 'EINSTELLUNG_FEHLT'],
    ]);
  });

  it('the task pane / other callers can parse without validating', () => {
    const b = new Befunde();
    const r = parseArbeitsmappe(arbeitsmappe(), b);
    expect(r.plan).not.toBeNull();
    expect(b.anzahl).toBe(0);
  });
});

describe('formula cells without a cached result', () => {
  const FORMEL: RawValue = { formelOhneErgebnis: true };
  const TEXT = 'Die Zelle enthält eine Formel ohne gespeichertes Ergebnis. Bitte die Datei einmal in Excel öffnen und speichern, damit das Ergebnis berechnet wird.';

  it('an Istwert formula without result reads as empty, with a Warnung naming the cell', () => {
    const d = kopie();
    d.kennzahlen[0] = { ...d.kennzahlen[0], Istwert: FORMEL };
    const { plan, findings } = pruefen(arbeitsmappe(d));
    expect(plan!.kennzahlen[0].istwert).toBeNull();
    expect(findings).toEqual([expect.objectContaining({ schwere: 'Warnung', regel: 'FORMEL_OHNE_ERGEBNIS', blatt: 'Kennzahlen', zelle: 'H2', spalte: 'Istwert' })]);
    expect(findings[0].meldung).toBe(`Kennzahlen!H2 (Istwert): ${TEXT}`);
  });

  it('text, list and date columns warn the same way; a row of only such formulas is skipped', () => {
    const d = kopie();
    d.arbeitsplanung[0] = { ...d.arbeitsplanung[0], Beschreibung: FORMEL, Status: FORMEL };
    d.kennzahlen[2] = { ...d.kennzahlen[2], Stichtag: FORMEL };
    const raw = arbeitsmappe(d);
    const kz = raw.tables.find((t) => t.name === 'tblKennzahlen')!;
    const mitFormelzeile = { ...raw, tables: raw.tables.map((t) => (t === kz ? { ...kz, rows: [...kz.rows, kz.headers.map(() => FORMEL)] } : t)) };
    const { plan, findings } = pruefen(mitFormelzeile);
    expect(plan!.kennzahlen).toHaveLength(3);
    expect(plan!.kennzahlen[2].stichtag).toBeNull();
    const formel = findings.filter((f) => f.regel === 'FORMEL_OHNE_ERGEBNIS').map((f) => `${f.blatt}!${f.zelle}`);
    expect(formel).toEqual(['Arbeitsplanung!E2', 'Arbeitsplanung!J2', 'Kennzahlen!I4']);
    expect(findings.every((f) => f.regel !== 'FORMEL_OHNE_ERGEBNIS' || f.schwere === 'Warnung')).toBe(true);
  });

  it('an Einstellungen value without result falls back to the default and says why', () => {
    const d = kopie();
    d.einstellungen[1] = { ...d.einstellungen[1], Wert: FORMEL };
    const { plan, findings } = pruefen(arbeitsmappe(d));
    expect(plan!.einstellungen.ampelGruen).toBe(0.9);
    expect(findings).toEqual([expect.objectContaining({ schwere: 'Warnung', regel: 'FORMEL_OHNE_ERGEBNIS', blatt: 'Stammdaten', zelle: 'G3', spalte: 'Wert' })]);
    expect(findings[0].meldung).toContain(`${TEXT} Bis dahin gilt der Standardwert 0,9.`);
  });
});
