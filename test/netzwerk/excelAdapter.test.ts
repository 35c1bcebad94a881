/**
 * The Office.js import (src/excel/netzwerk.ts) against an in-memory Excel:
 * constant sync count for 10 and 10,000 rows, only changed cells and new
 * rows written, formula-like text kept as text, backups and undo.
 */
import { TABLES, TABLE_ORDER, type TableKey } from '../../src/domain/schema';
import type { RawTable, RawValue, RawWorkbook } from '../../src/domain/model';
import { aufteilen, herkunftAlsTabellen, HERKUNFT_INFO_TABELLE, HERKUNFT_ZEILEN_TABELLE, type NetzwerkDatei } from '../../src/domain/netzwerk';
import { DATA_SHEETS } from '../../src/workbook/layout';
import { beispielTabellen } from '../../src/workbook/beispiel';
import { leseArbeitsmappe } from '../../src/excel';
import { excelSeriennummer } from '../../src/excel/adresse';
import { SICHERUNG_KENNUNG } from '../../src/excel/sicherung';
import { letztenImportRueckgaengig, netzwerkVorschau, uebernehmen } from '../../src/excel/netzwerk';
import { FakeMappe } from './fakeExcel';

const JETZT = new Date(Date.UTC(2026, 10, 25, 14, 0, 0));
const alle = (): boolean => true;

function steuerungsMappe(zusatzZeilen: number): FakeMappe {
  const m = new FakeMappe();
  const daten = beispielTabellen();
  for (let i = 1; i <= zusatzZeilen; i++) {
    daten.arbeitsplanung.push([`X-${String(i).padStart(5, '0')}`, 3, '3.1', 'Maßnahme', `Zusatzmaßnahme ${i}`, null, 'mittel', 'Jobcenter', 'Q1', 'geplant', 'nein', null]);
  }
  for (const sheet of DATA_SHEETS) {
    for (const t of sheet.tables) {
      const kopf = t.columns.map((c) => c.spec.header);
      const zeilen = daten[t.spec.key].map((r) => r.map((v) => (v instanceof Date ? excelSeriennummer(v) : (v as string | number | boolean | null))));
      m.legeTabelleAn(sheet.name, t.spec.name, kopf, zeilen, t.firstColumn);
    }
  }
  return m;
}

/** What the task pane hands over: a network file of HF 3 as parsed in the browser, edited by the network. */
async function netzwerkDatei(m: FakeMappe): Promise<NetzwerkDatei> {
  const raw = await leseArbeitsmappe(m.context());
  const exp = aufteilen({ ...raw, source: 'gesamt.xlsx' }, 3, { quelle: 'gesamt.xlsx', exportiertAm: JETZT, nurVertragsspalten: true });
  const t = {} as Record<TableKey, RawValue[][]>;
  for (const k of TABLE_ORDER) t[k] = exp.tabellen[k].rows.map((r) => [...r]);
  const ap = exp.tabellen.arbeitsplanung.headers;
  const kz = exp.tabellen.kennzahlen.headers;
  t.arbeitsplanung.find((r) => r[0] === '3-06')![ap.indexOf('Status')] = 'begonnen';
  t.kennzahlen.find((r) => r[0] === 'K3.2.2')![kz.indexOf('Istwert')] = 7;
  t.arbeitsplanung.push(['3-11', 3, '3.2', 'Maßnahme', '=SUMME(A1)', null, 'mittel', 'Jobcenter', 'Q3', 'geplant', 'nein', '-5 Teilnehmende']);
  t.arbeitsplanung.push(['3-12', 5, '5.1', 'Maßnahme', 'Gehört zu HF 5', null, 'hoch', 'Ehrenamtsbüro', 'Q1', 'geplant', 'nein', null]);
  const tables: RawTable[] = TABLE_ORDER.map((k) => ({ name: TABLES[k].name, sheet: TABLES[k].sheet, headerRow: 1, firstColumn: 1, headers: exp.tabellen[k].headers, rows: t[k] }));
  const marker = herkunftAlsTabellen(exp.herkunft);
  tables.push({ name: HERKUNFT_INFO_TABELLE, sheet: '_Herkunft', headerRow: 1, firstColumn: 1, ...marker.info });
  tables.push({ name: HERKUNFT_ZEILEN_TABELLE, sheet: '_Herkunft', headerRow: 1, firstColumn: 4, ...marker.zeilen });
  const raw2: RawWorkbook = { sheets: [], tables, source: 'HF3.xlsx' };
  return { datei: 'HF3.xlsx', raw: raw2 };
}

async function importiere(zusatz: number): Promise<{ m: FakeMappe; syncs: number; vorschauSyncs: number; erg: Awaited<ReturnType<typeof uebernehmen>> }> {
  const m = steuerungsMappe(zusatz);
  const datei = await netzwerkDatei(m);
  m.syncs = 0;
  const vorschau = await netzwerkVorschau(m.context(), [datei]);
  const vorschauSyncs = m.syncs;
  expect(vorschau.aenderungen.geaendert).toHaveLength(2);
  m.syncs = 0;
  const erg = await uebernehmen(m.context(), [datei], { jetzt: JETZT, unterstuetzt: alle, gesamtName: 'Arbeitsplanung-2026.xlsx' });
  return { m, syncs: m.syncs, vorschauSyncs, erg };
}

function zeileMit(m: FakeMappe, tabelle: string, key: string): (string | number | boolean)[] {
  const r = m.tabellenWerte(tabelle).find((z) => z[0] === key);
  if (!r) throw new Error(`${key} fehlt`);
  return r;
}

describe('uebernehmen (Office.js)', () => {
  it('needs the same small number of syncs for 10 and 10,000 rows', async () => {
    const klein = await importiere(10);
    const gross = await importiere(10000);
    expect(klein.syncs).toBe(gross.syncs);
    expect(klein.syncs).toBeLessThanOrEqual(4);
    expect(klein.vorschauSyncs).toBe(gross.vorschauSyncs);
    expect(klein.vorschauSyncs).toBeLessThanOrEqual(3);
    expect(gross.m.tabellenWerte('tblArbeitsplanung')).toHaveLength(74 + 10000 + 1);
  });

  it('writes changed cells and new rows, keeps formula-like text as text, rejects the wrong HF', async () => {
    const { m, erg } = await importiere(10);
    expect(erg.aenderungen.neu.map((n) => n.schluessel)).toEqual(['3-11']);
    expect(erg.aenderungen.abgelehnt.map((n) => n.schluessel)).toEqual(['3-12']);
    expect(erg.pruefung.fehler).toBe(0);
    const kopf = TABLES.arbeitsplanung.columns.map((c) => c.header);
    expect(zeileMit(m, 'tblArbeitsplanung', '3-06')[kopf.indexOf('Status')]).toBe('begonnen');
    expect(zeileMit(m, 'tblKennzahlen', 'K3.2.2')[7]).toBe(7);
    const neu = zeileMit(m, 'tblArbeitsplanung', '3-11');
    expect(neu[4]).toBe('=SUMME(A1)');
    expect(neu[11]).toBe('-5 Teilnehmende');
    const t = m.tabelle('tblArbeitsplanung');
    const blatt = m.blatt('Arbeitsplanung');
    // stored as text, not as a formula object
    expect(blatt.get(t.top + t.bodyRows, 5)).toBe('=SUMME(A1)');
    expect(m.tabellenWerte('tblArbeitsplanung').some((r) => r[0] === '3-12')).toBe(false);
    expect(m.blaetter.some((b) => b.name === 'Änderungsprotokoll')).toBe(true);
  });

  it('backs up exactly the changed tables on hidden sheets before writing', async () => {
    const { m, erg } = await importiere(10);
    expect(erg.betroffen).toEqual(['arbeitsplanung', 'kennzahlen']);
    expect(erg.sicherungen).toHaveLength(2);
    const [s1, s2] = erg.sicherungen.map((n) => m.blatt(n));
    expect([s1.visibility, s2.visibility]).toEqual(['Hidden', 'Hidden']);
    expect([s1.wert('A1'), s1.wert('B1'), s2.wert('B1')]).toEqual([SICHERUNG_KENNUNG, 'tblArbeitsplanung', 'tblKennzahlen']);
    // the backup holds the state before the import: 3-06 still "geplant", no 3-11
    const werte = s1.getUsedRange().values.slice(2);
    const status = werte[0].indexOf('Status');
    expect(werte.find((r) => r[0] === '3-06')?.[status]).toBe('geplant');
    expect(werte.some((r) => r[0] === '3-11')).toBe(false);
  });

  it('undo restores both tables and can only be done once', async () => {
    const m = steuerungsMappe(10);
    const vorher = { ap: m.tabellenWerte('tblArbeitsplanung'), kz: m.tabellenWerte('tblKennzahlen') };
    const datei = await netzwerkDatei(m);
    await uebernehmen(m.context(), [datei], { jetzt: JETZT, unterstuetzt: alle });
    expect(m.tabellenWerte('tblArbeitsplanung')).not.toEqual(vorher.ap);
    const r = await letztenImportRueckgaengig(m.context());
    expect([...r.tabellen].sort()).toEqual(['tblArbeitsplanung', 'tblKennzahlen']);
    expect(m.tabellenWerte('tblArbeitsplanung')).toEqual(vorher.ap);
    expect(m.tabellenWerte('tblKennzahlen')).toEqual(vorher.kz);
    await expect(letztenImportRueckgaengig(m.context())).rejects.toThrow(/bereits rückgängig/);
  });

  it('importing the same file twice changes nothing the second time', async () => {
    const m = steuerungsMappe(10);
    const datei = await netzwerkDatei(m);
    await uebernehmen(m.context(), [datei], { jetzt: JETZT, unterstuetzt: alle });
    const danach = m.tabellenWerte('tblArbeitsplanung');
    const zwei = await uebernehmen(m.context(), [datei], { jetzt: new Date(JETZT.getTime() + 60000), unterstuetzt: alle });
    expect(zwei.aenderungen.neu).toEqual([]);
    expect(zwei.aenderungen.geaendert).toEqual([]);
    expect(zwei.geschrieben).toBe(false);
    expect(zwei.sicherungen).toEqual([]);
    expect(m.tabellenWerte('tblArbeitsplanung')).toEqual(danach);
  });
});
