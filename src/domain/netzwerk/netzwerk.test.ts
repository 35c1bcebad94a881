import type { RawTable, RawValue, RawWorkbook } from '../model';
import { TABLES, TABLE_ORDER, type PflichtTabelle, type TableKey } from '../schema';
import { anzeigeWert, wertZuJson } from './werte';
import {
  aufteilen,
  fnv1a64,
  herkunftAlsTabellen,
  HERKUNFT_INFO_TABELLE,
  HERKUNFT_ZEILEN_TABELLE,
  kanonisch,
  leseHerkunft,
  netzwerkDateiname,
  zusammenfuehren,
  zusammenfuehrenExitCode,
  type Herkunft,
  type NetzwerkExport,
  type Tabelle,
  type Tabellen,
} from './index';

const H = (key: TableKey): string[] => TABLES[key].columns.map((c) => c.header);

function raw(tabellen: Tabellen, herkunft?: Herkunft, source = 'gesamt.xlsx'): RawWorkbook {
  const tables: RawTable[] = TABLE_ORDER.map((k) => ({
    name: TABLES[k].name,
    sheet: TABLES[k].sheet,
    headerRow: 1,
    firstColumn: 1,
    headers: tabellen[k].headers,
    rows: tabellen[k].rows,
  }));
  if (herkunft) {
    const m = herkunftAlsTabellen(herkunft);
    tables.push({ name: HERKUNFT_INFO_TABELLE, sheet: '_Herkunft', headerRow: 1, firstColumn: 1, ...m.info });
    tables.push({ name: HERKUNFT_ZEILEN_TABELLE, sheet: '_Herkunft', headerRow: 1, firstColumn: 4, ...m.zeilen });
  }
  return { sheets: [], tables, source };
}

function gesamtTabellen(): Record<PflichtTabelle, { headers: string[]; rows: RawValue[][] }> {
  return {
    handlungsfelder: {
      headers: H('handlungsfelder'),
      rows: [
        [1, 'Sprachförderung', 'Netzwerk Sprache', 'A. Muster'],
        [3, 'Ausbildung, Arbeitsmarktzugang, Wirtschaft', 'Netzwerk Arbeit', 'B. Muster'],
      ],
    },
    einstellungen: { headers: H('einstellungen'), rows: [['Berichtsjahr', 2026], ['Ampel grün ab', 0.9], ['Ampel gelb ab', 0.6]] },
    ziele: {
      headers: H('ziele'),
      rows: [
        [1, 'H1', 'L1', '1.1', 'Ziel 1.1'],
        [3, 'H3', 'L3', '3.1', 'Ziel 3.1'],
        [3, 'H3', 'L3', '3.2', 'Ziel 3.2'],
      ],
    },
    arbeitsplanung: {
      headers: [...H('arbeitsplanung'), 'Notiz Steuerung'],
      rows: [
        ['A-1-01', 1, '1.1', 'Maßnahme', 'Sprachkurs', null, 'hoch', 'VHS', 'ganzjährig', 'begonnen', 'nein', null, 'x'],
        ['A-3-01', 3, '3.1', 'Maßnahme', 'Jobmesse', null, 'hoch', 'Jobcenter', 'Q2', 'geplant', 'nein', null, null],
        ['A-3-02', 3, '3.2', 'Wirkung', 'Mehr Ausbildungen', 'A-3-01', null, null, 'Q4', 'geplant', 'nein', null, null],
      ],
    },
    checkliste: {
      headers: H('checkliste'),
      rows: [
        ['1.1', 'Neuzugewanderte', 'VHS', 'Schulen', 'in Umsetzung', null, 'keiner', null],
        ['3.1', 'Jugendliche', 'Jobcenter', 'IHK', 'nicht begonnen', null, 'keiner', null],
      ],
    },
    kennzahlen: {
      headers: H('kennzahlen'),
      rows: [
        ['K-1-01', '1.1', 'Teilnehmende', 'Personen', 'Output', 0, 100, 40, new Date(Date.UTC(2026, 5, 30)), 'VHS', null, null],
        ['K-3-01', '3.1', 'Besucher Jobmesse', 'Personen', 'Output', null, 200, null, null, null, null, null],
        ['K-3-02', '3.2', 'Ausbildungsverträge', 'Anzahl', 'Outcome', 10, 20, null, null, null, null, null],
      ],
    },
  };
}

/** Network file = export, as the network lead edits it. */
function bearbeite(exp: NetzwerkExport, edit: (t: Record<TableKey, RawValue[][]>) => void, datei = 'HF3.xlsx'): { datei: string; raw: RawWorkbook } {
  const t = {} as Record<TableKey, RawValue[][]>;
  for (const k of TABLE_ORDER) t[k] = exp.tabellen[k].rows.map((r) => [...r]);
  edit(t);
  const tabellen = {} as Record<TableKey, Tabelle>;
  for (const k of TABLE_ORDER) tabellen[k] = { headers: exp.tabellen[k].headers, rows: t[k] };
  return { datei, raw: raw(tabellen, exp.herkunft, datei) };
}

const META = { quelle: 'gesamt.xlsx', exportiertAm: new Date(Date.UTC(2026, 0, 15, 9, 30)) };

describe('fnv1a64', () => {
  it('matches the published FNV-1a 64 test vectors', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });
  it('hashes non-ASCII text by its UTF-8 bytes', () => {
    expect(fnv1a64('Maßnahme')).not.toBe(fnv1a64('Massnahme'));
    expect(fnv1a64('ä')).toBe(fnv1a64('\u00e4'));
  });
});

describe('kanonisch', () => {
  it('treats a Date and its Excel serial as the same date in a date column', () => {
    expect(kanonisch(new Date(Date.UTC(2026, 5, 30)), 'date')).toBe(kanonisch(46203, 'date'));
    expect(kanonisch('30.06.2026', 'date')).toBe('d:2026-06-30');
  });
  it('treats empty text like an empty cell and trims text', () => {
    expect(kanonisch('  ')).toBe(kanonisch(null));
    expect(kanonisch(' a ')).toBe(kanonisch('a'));
    expect(kanonisch('5', 'number')).toBe(kanonisch(5, 'number'));
    expect(kanonisch('5')).not.toBe(kanonisch(5));
  });
  it('treats a formula without cached result like an empty cell (its value is unknown)', () => {
    expect(kanonisch({ formelOhneErgebnis: true }, 'number')).toBe(kanonisch(null, 'number'));
    expect(anzeigeWert({ formelOhneErgebnis: true })).toBeNull();
    expect(wertZuJson({ formelOhneErgebnis: true })).toBeNull();
  });
});

describe('aufteilen', () => {
  it('takes shared Stammdaten and only the rows of the HF, with extra columns', () => {
    const exp = aufteilen(raw(gesamtTabellen()), 3, META);
    expect(exp.handlungsfeld).toBe('Ausbildung, Arbeitsmarktzugang, Wirtschaft');
    expect(exp.tabellen.handlungsfelder.rows).toHaveLength(2);
    expect(exp.tabellen.einstellungen.rows).toHaveLength(3);
    expect(exp.tabellen.ziele.rows.map((r) => r[3])).toEqual(['3.1', '3.2']);
    expect(exp.tabellen.arbeitsplanung.rows.map((r) => r[0])).toEqual(['A-3-01', 'A-3-02']);
    expect(exp.tabellen.arbeitsplanung.headers).toContain('Notiz Steuerung');
    expect(exp.tabellen.checkliste.rows.map((r) => r[0])).toEqual(['3.1']);
    expect(exp.tabellen.kennzahlen.rows.map((r) => r[0])).toEqual(['K-3-01', 'K-3-02']);
    expect(exp.herkunft.zeilen).toHaveLength(2 + 3 + 2 + 2 + 1 + 2);
    expect(exp.herkunft.exportiertAm).toBe('2026-01-15T09:30:00.000Z');
  });

  it('refuses a workbook with duplicate keys, naming the table', () => {
    const t = gesamtTabellen();
    t.kennzahlen = { ...t.kennzahlen, rows: [...t.kennzahlen.rows, t.kennzahlen.rows[1]] };
    expect(() => aufteilen(raw(t), 3, META)).toThrow(/tblKennzahlen.*doppelte „Kennzahl-ID“: K-3-01/);
  });

  it('refuses an HF that is not in tblHandlungsfelder', () => {
    expect(() => aufteilen(raw(gesamtTabellen()), 5, META)).toThrow(/Handlungsfeld 5 steht nicht/);
  });

  it('stores a marker that reads back identically, dates included', () => {
    const exp = aufteilen(raw(gesamtTabellen()), 1, META);
    const back = leseHerkunft(raw(exp.tabellen, exp.herkunft), 'HF1.xlsx');
    expect(back).toEqual(exp.herkunft);
    const k = back?.zeilen.find((z) => z.schluessel === 'K-1-01');
    expect(k?.werte.Stichtag).toEqual(new Date(Date.UTC(2026, 5, 30)));
  });

  it('names files after the HF without umlauts or punctuation', () => {
    expect(netzwerkDateiname(3, 'Ausbildung, Arbeitsmarktzugang, Wirtschaft')).toBe('HF3-Ausbildung-Arbeitsmarktzugang-Wirtschaft.xlsx');
    expect(netzwerkDateiname(6, 'Gesundheit, Prävention, psychologische Unterstützung')).toBe('HF6-Gesundheit-Praevention-psychologische-Unterstuetzung.xlsx');
  });
});

describe('zusammenfuehren', () => {
  const gesamt = raw(gesamtTabellen());
  const exp3 = aufteilen(gesamt, 3, META);

  it('changes nothing for an untouched network file', () => {
    const r = zusammenfuehren(gesamt, [bearbeite(exp3, () => undefined)]);
    expect(r.aenderungen).toEqual({ neu: [], geaendert: [], konflikte: [], abgelehnt: [] });
    expect(r.betroffen).toEqual([]);
    expect(r.tabellen.arbeitsplanung.rows).toEqual(gesamtTabellen().arbeitsplanung.rows);
  });

  it('takes over cells changed only in the network and adds new rows', () => {
    const datei = bearbeite(exp3, (t) => {
      t.arbeitsplanung[0][9] = 'umgesetzt';
      t.kennzahlen[0][7] = 180;
      t.arbeitsplanung.push(['A-3-03', 3, '3.2', 'Maßnahme', '=SUMME(A1)', null, 'mittel', 'IHK', 'Q3', 'geplant', 'nein', '-5 Teilnehmende', null]);
    });
    const r = zusammenfuehren(gesamt, [datei]);
    expect(r.aenderungen.geaendert).toEqual([
      expect.objectContaining({ datei: 'HF3.xlsx', tabelle: 'tblArbeitsplanung', schluessel: 'A-3-01', spalte: 'Status', gesamt: 'geplant', netzwerk: 'umgesetzt' }),
      expect.objectContaining({ tabelle: 'tblKennzahlen', schluessel: 'K-3-01', spalte: 'Istwert', gesamt: null, netzwerk: 180 }),
    ]);
    expect(r.aenderungen.neu).toEqual([expect.objectContaining({ schluessel: 'A-3-03', spalte: null, gesamt: null, netzwerk: null })]);
    expect(r.aenderungen.konflikte).toEqual([]);
    expect(r.aenderungen.abgelehnt).toEqual([]);
    const ap = r.tabellen.arbeitsplanung.rows;
    expect(ap[1][9]).toBe('umgesetzt');
    expect(ap[3].slice(0, 12)).toEqual(['A-3-03', 3, '3.2', 'Maßnahme', '=SUMME(A1)', null, 'mittel', 'IHK', 'Q3', 'geplant', 'nein', '-5 Teilnehmende']);
    expect(ap[0]).toEqual(gesamtTabellen().arbeitsplanung.rows[0]);
    expect(r.zellen).toEqual([
      { tabelle: 'arbeitsplanung', zeile: 1, spalte: 9, wert: 'umgesetzt' },
      { tabelle: 'kennzahlen', zeile: 1, spalte: 7, wert: 180 },
    ]);
    expect(r.neueZeilen).toHaveLength(1);
    expect(r.betroffen).toEqual(['arbeitsplanung', 'kennzahlen']);
    expect(zusammenfuehrenExitCode(r.aenderungen)).toBe(0);
  });

  it('is idempotent: merging the same file into the result changes nothing', () => {
    const datei = bearbeite(exp3, (t) => {
      t.arbeitsplanung[0][9] = 'umgesetzt';
      t.kennzahlen.push(['K-3-03', '3.1', 'Praktika', 'Anzahl', 'Output', null, 15, 3, null, null, null, null]);
    });
    const eins = zusammenfuehren(gesamt, [datei]);
    const zwei = zusammenfuehren(raw(eins.tabellen), [datei]);
    expect(zwei.aenderungen).toEqual({ neu: [], geaendert: [], konflikte: [], abgelehnt: [] });
    expect(zwei.tabellen).toEqual(eins.tabellen);
  });

  it('reports a row changed on both sides as conflict and keeps the steering value', () => {
    const g = gesamtTabellen();
    g.kennzahlen.rows[2][6] = 25; // steering changed Zielwert of K-3-02 after the export
    const datei = bearbeite(exp3, (t) => {
      t.kennzahlen[1][7] = 14; // network enters Istwert of K-3-02
    });
    const r = zusammenfuehren(raw(g), [datei]);
    expect(r.aenderungen.konflikte).toEqual([
      expect.objectContaining({ tabelle: 'tblKennzahlen', schluessel: 'K-3-02', spalte: 'Istwert', gesamt: null, netzwerk: 14 }),
    ]);
    expect(r.aenderungen.konflikte[0].meldung).toMatch(/„Zielwert“/);
    expect(r.tabellen.kennzahlen.rows[2][7]).toBeNull();
    expect(r.tabellen.kennzahlen.rows[2][6]).toBe(25);
    expect(zusammenfuehrenExitCode(r.aenderungen)).toBe(1);
  });

  it('does not call the same edit on both sides a conflict', () => {
    const g = gesamtTabellen();
    g.arbeitsplanung.rows[1][9] = 'begonnen';
    const datei = bearbeite(exp3, (t) => {
      t.arbeitsplanung[0][9] = 'begonnen';
    });
    const r = zusammenfuehren(raw(g), [datei]);
    expect(r.aenderungen).toEqual({ neu: [], geaendert: [], konflikte: [], abgelehnt: [] });
  });

  it('rejects rows of another HF, unknown goals, settings and deletions', () => {
    const datei = bearbeite(exp3, (t) => {
      t.arbeitsplanung.push(['A-3-09', 1, '1.1', 'Maßnahme', 'Falsches HF', null, 'hoch', 'X', 'Q1', 'geplant', 'nein', null, null]);
      t.kennzahlen.push(['K-3-09', '9.9', 'Unbekannt', 'Anzahl', 'Output', null, 5, null, null, null, null, null]);
      t.einstellungen[0][1] = 2030;
      t.checkliste.splice(0, 1);
      t.arbeitsplanung[0][1] = 1; // moving an own row to another HF
    });
    const r = zusammenfuehren(gesamt, [datei]);
    const ab = r.aenderungen.abgelehnt;
    expect(ab.map((a) => [a.tabelle, a.schluessel, a.spalte])).toEqual([
      ['tblEinstellungen', 'Berichtsjahr', null],
      ['tblArbeitsplanung', 'A-3-01', 'HF-Nr'],
      ['tblArbeitsplanung', 'A-3-09', 'HF-Nr'],
      ['tblCheckliste', '3.1', null],
      ['tblKennzahlen', 'K-3-09', 'Handlungsziel-ID'],
    ]);
    expect(ab[2]).toMatchObject({ netzwerk: 1, gesamt: null });
    expect(ab[2].meldung).toMatch(/Arbeitsplanung!B4.*Handlungsfeld 1.*Handlungsfeld 3/);
    expect(r.tabellen).toEqual(zusammenfuehren(gesamt, []).tabellen);
    expect(r.neueZeilen).toEqual([]);
  });

  it('accepts a new goal of the network and Kennzahlen that refer to it', () => {
    const datei = bearbeite(exp3, (t) => {
      t.ziele.push([3, 'H3', 'L3', '3.3', 'Neues Ziel']);
      t.kennzahlen.push(['K-3-10', '3.3', 'Neu', 'Anzahl', 'Output', null, 5, null, null, null, null, null]);
    });
    const r = zusammenfuehren(gesamt, [datei]);
    expect(r.aenderungen.neu.map((n) => n.schluessel)).toEqual(['3.3', 'K-3-10']);
    expect(r.aenderungen.abgelehnt).toEqual([]);
  });

  it('rejects a workbook without origin marker as a whole', () => {
    const r = zusammenfuehren(gesamt, [{ datei: 'fremd.xlsx', raw: raw(gesamtTabellen(), undefined, 'fremd.xlsx') }]);
    expect(r.aenderungen.abgelehnt).toEqual([
      expect.objectContaining({ datei: 'fremd.xlsx', tabelle: null, schluessel: null, meldung: expect.stringMatching(/Herkunftsblatt fehlt/) }),
    ]);
  });

  it('compares dates by meaning (Office.js serial vs exceljs Date)', () => {
    const exp1 = aufteilen(gesamt, 1, META);
    const datei = bearbeite(exp1, (t) => {
      t.kennzahlen[0][8] = 46203; // the same 30.06.2026 as a serial number
    });
    expect(zusammenfuehren(gesamt, [datei]).aenderungen.geaendert).toEqual([]);
  });

  it('a second file of the same HF conflicts with what the first one changed', () => {
    const a = bearbeite(exp3, (t) => {
      t.arbeitsplanung[0][9] = 'umgesetzt';
    }, 'a.xlsx');
    const b = bearbeite(exp3, (t) => {
      t.arbeitsplanung[0][9] = 'verschoben';
    }, 'b.xlsx');
    const r = zusammenfuehren(gesamt, [a, b]);
    expect(r.aenderungen.geaendert).toHaveLength(1);
    expect(r.aenderungen.konflikte).toEqual([expect.objectContaining({ datei: 'b.xlsx', gesamt: 'umgesetzt', netzwerk: 'verschoben' })]);
    expect(r.hinweise.join()).toMatch(/beide zu Handlungsfeld 3/);
  });
});

describe('extra columns of the steering workbook', () => {
  it('are left out with nurVertragsspalten and do not turn network edits into conflicts', () => {
    const g = gesamtTabellen();
    g.arbeitsplanung.rows[1][12] = 'nur Steuerung';
    const gesamt = raw(g);
    const exp = aufteilen(gesamt, 3, { ...META, nurVertragsspalten: true });
    expect(exp.tabellen.arbeitsplanung.headers).not.toContain('Notiz Steuerung');
    const datei = bearbeite(exp, (t) => {
      t.arbeitsplanung[0][9] = 'umgesetzt';
    });
    const r = zusammenfuehren(gesamt, [datei]);
    expect(r.aenderungen.konflikte).toEqual([]);
    expect(r.aenderungen.geaendert).toHaveLength(1);
    expect(r.tabellen.arbeitsplanung.rows[1][12]).toBe('nur Steuerung');
  });
});

describe('merging the same network file again after further edits', () => {
  it('takes over only the new edits; cells merged before are no steering change', () => {
    const g = gesamtTabellen();
    const gesamt = raw(g);
    const exp = aufteilen(gesamt, 3, META);
    const runde1 = bearbeite(exp, (t) => {
      t.kennzahlen[0][7] = 120; // K-3-01 Istwert
    });
    const eins = zusammenfuehren(gesamt, [runde1]);
    expect(eins.aenderungen.geaendert).toHaveLength(1);
    const runde2 = bearbeite(exp, (t) => {
      t.kennzahlen[0][7] = 120;
      t.kennzahlen[0][9] = 'Jobcenter-Statistik'; // same row, another cell, later
    });
    const zwei = zusammenfuehren(raw(eins.tabellen), [runde2]);
    expect(zwei.aenderungen.konflikte).toEqual([]);
    expect(zwei.aenderungen.geaendert.map((a) => [a.schluessel, a.spalte])).toEqual([['K-3-01', 'Datenquelle']]);
  });

  it('still reports a conflict when the steering group changed another cell of that row', () => {
    const g = gesamtTabellen();
    g.kennzahlen.rows[1][6] = 250; // steering: Zielwert of K-3-01
    const exp = aufteilen(raw(gesamtTabellen()), 3, META);
    const datei = bearbeite(exp, (t) => {
      t.kennzahlen[0][7] = 120;
    });
    const r = zusammenfuehren(raw(g), [datei]);
    expect(r.aenderungen.konflikte.map((a) => [a.schluessel, a.spalte])).toEqual([['K-3-01', 'Istwert']]);
  });
});

describe('origin marker with very long texts', () => {
  it('spreads a snapshot over several cells (Excel keeps at most 32,767 characters per cell)', () => {
    const g = gesamtTabellen();
    g.arbeitsplanung.rows[1][4] = 'x'.repeat(70000);
    const exp = aufteilen(raw(g), 3, META);
    const tabellen = herkunftAlsTabellen(exp.herkunft);
    expect(tabellen.zeilen.headers).toEqual(['Tabelle', 'Schlüssel', 'Fingerabdruck', 'Werte', 'Werte 2', 'Werte 3']);
    for (const r of tabellen.zeilen.rows) for (const v of r) expect(typeof v === 'string' ? v.length : 0).toBeLessThan(32767);
    expect(leseHerkunft(raw(exp.tabellen, exp.herkunft), 'HF3.xlsx')).toEqual(exp.herkunft);
  });
});
