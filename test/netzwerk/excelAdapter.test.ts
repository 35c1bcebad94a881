/**
 * The Office.js import (src/excel/netzwerk.ts) against the in-memory Excel
 * of src/excel/testing (loads must be synced before reading, like Office.js):
 * constant sync count for 10 and 10,000 rows, only changed cells and new
 * rows written, formula-like text kept as text, backups and undo.
 */
import { TABLES, TABLE_ORDER, type TableKey } from '../../src/domain/schema';
import type { RawTable, RawValue, RawWorkbook } from '../../src/domain/model';
import { aufteilen, herkunftAlsTabellen, HERKUNFT_INFO_TABELLE, HERKUNFT_ZEILEN_TABELLE, type NetzwerkDatei } from '../../src/domain/netzwerk';
import { beispielTabellen } from '../../src/workbook/beispiel';
import { leseArbeitsmappe } from '../../src/excel';
import { SICHERUNG_KENNUNG } from '../../src/excel/sicherung';
import { letztenImportRueckgaengig, netzwerkVorschau, uebernehmen } from '../../src/excel/netzwerk';
import { createFakeExcel, type FakeExcel } from '../../src/excel/testing/fakeExcel';
import { saatAusTabellen } from '../../src/excel/testing/saat';

const JETZT = new Date(Date.UTC(2026, 10, 25, 14, 0, 0));
const alle = (): boolean => true;

function steuerungsMappe(zusatzZeilen: number): FakeExcel {
  const daten = beispielTabellen();
  for (let i = 1; i <= zusatzZeilen; i++) {
    daten.arbeitsplanung.push([`X-${String(i).padStart(5, '0')}`, 3, '3.1', 'Maßnahme', `Zusatzmaßnahme ${i}`, null, 'mittel', 'Jobcenter', 'Q1', 'geplant', 'nein', null]);
  }
  return createFakeExcel(saatAusTabellen(daten));
}

/** What the task pane hands over: a network file of HF 3 as parsed in the browser, edited by the network. */
async function netzwerkDatei(m: FakeExcel): Promise<NetzwerkDatei> {
  const raw = await leseArbeitsmappe(m.context);
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

async function importiere(zusatz: number): Promise<{ m: FakeExcel; syncs: number; vorschauSyncs: number; erg: Awaited<ReturnType<typeof uebernehmen>> }> {
  const m = steuerungsMappe(zusatz);
  const datei = await netzwerkDatei(m);
  const s0 = m.syncs();
  const vorschau = await netzwerkVorschau(m.context, [datei]);
  const vorschauSyncs = m.syncs() - s0;
  expect(vorschau.aenderungen.geaendert).toHaveLength(2);
  const s1 = m.syncs();
  const erg = await uebernehmen(m.context, [datei], { jetzt: JETZT, unterstuetzt: alle, gesamtName: 'Arbeitsplanung-2026.xlsx' });
  return { m, syncs: m.syncs() - s1, vorschauSyncs, erg };
}

function werteVon(m: FakeExcel, tabelle: string): (string | number | boolean)[][] {
  const t = m.tabelle(tabelle);
  if (!t) throw new Error(`${tabelle} fehlt`);
  return t.zeilen;
}

function zeileMit(m: FakeExcel, tabelle: string, key: string): (string | number | boolean)[] {
  const r = werteVon(m, tabelle).find((z) => z[0] === key);
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
    expect(werteVon(gross.m, 'tblArbeitsplanung')).toHaveLength(74 + 10000 + 1);
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
    const t = m.tabelle('tblArbeitsplanung')!.tabelle;
    // stored as text, not as a formula
    const zelle = m.zelle('Arbeitsplanung', `E${t.zeile + t.zeilen}`);
    expect(zelle?.wert).toBe('=SUMME(A1)');
    expect(zelle?.formel).toBeUndefined();
    expect(werteVon(m, 'tblArbeitsplanung').some((r) => r[0] === '3-12')).toBe(false);
    expect(m.modell.blaetter.some((b) => b.name === 'Änderungsprotokoll')).toBe(true);
    // only the changed cells and the new row were written to the data sheets, no table rewrite
    const datenSchreiben = m.protokoll.filter((p) => /^Range\.values (Arbeitsplanung|Kennzahlen)!|^TableRows\.add/.test(p));
    expect(datenSchreiben).toEqual([
      expect.stringMatching(/^Range\.values Arbeitsplanung![A-Z]+\d+$/),
      expect.stringMatching(/^Range\.values Kennzahlen!H\d+$/),
      // the new row as values directly below the table (then resized), not TableRows.add (co-authoring)
      expect.stringMatching(/^Range\.values Arbeitsplanung!A\d+:L\d+$/),
    ]);
  });

  it('backs up exactly the changed tables on hidden sheets before writing', async () => {
    const { m, erg } = await importiere(10);
    expect(erg.betroffen).toEqual(['arbeitsplanung', 'kennzahlen']);
    expect(erg.sicherungen).toHaveLength(2);
    const [s1, s2] = erg.sicherungen.map((n) => m.blatt(n));
    expect([s1.sichtbarkeit, s2.sichtbarkeit]).toEqual(['Hidden', 'Hidden']);
    expect([m.werte(s1.name, 'A1:B1')[0], m.werte(s2.name, 'B1')[0][0]]).toEqual([[SICHERUNG_KENNUNG, 'tblArbeitsplanung'], 'tblKennzahlen']);
    // the backup holds the state before the import: 3-06 still "geplant", no 3-11
    const werte = m.werte(s1.name, 'A3:L80');
    const status = werte[0].indexOf('Status');
    expect(werte.find((r) => r[0] === '3-06')?.[status]).toBe('geplant');
    expect(werte.some((r) => r[0] === '3-11')).toBe(false);
  });

  it('undo restores both tables and can only be done once', async () => {
    const m = steuerungsMappe(10);
    const vorher = { ap: werteVon(m, 'tblArbeitsplanung'), kz: werteVon(m, 'tblKennzahlen') };
    const datei = await netzwerkDatei(m);
    await uebernehmen(m.context, [datei], { jetzt: JETZT, unterstuetzt: alle });
    expect(werteVon(m, 'tblArbeitsplanung')).not.toEqual(vorher.ap);
    const r = await letztenImportRueckgaengig(m.context);
    expect([...r.tabellen].sort()).toEqual(['tblArbeitsplanung', 'tblKennzahlen']);
    expect(werteVon(m, 'tblArbeitsplanung')).toEqual(vorher.ap);
    expect(werteVon(m, 'tblKennzahlen')).toEqual(vorher.kz);
    await expect(letztenImportRueckgaengig(m.context)).rejects.toThrow(/bereits rückgängig/);
  });

  it('importing the same file twice changes nothing the second time', async () => {
    const m = steuerungsMappe(10);
    const datei = await netzwerkDatei(m);
    await uebernehmen(m.context, [datei], { jetzt: JETZT, unterstuetzt: alle });
    const danach = werteVon(m, 'tblArbeitsplanung');
    const zwei = await uebernehmen(m.context, [datei], { jetzt: new Date(JETZT.getTime() + 60000), unterstuetzt: alle });
    expect(zwei.aenderungen.neu).toEqual([]);
    expect(zwei.aenderungen.geaendert).toEqual([]);
    expect(zwei.geschrieben).toBe(false);
    expect(zwei.sicherungen).toEqual([]);
    expect(werteVon(m, 'tblArbeitsplanung')).toEqual(danach);
  });
});

describe('uebernehmen into a table that ends with blank rows', () => {
  it('fills the blank rows first instead of adding rows behind them', async () => {
    const daten = beispielTabellen();
    const m0 = createFakeExcel(saatAusTabellen(daten));
    const datei = await netzwerkDatei(m0);
    daten.arbeitsplanung.push(new Array(12).fill(null), new Array(12).fill(null));
    const m = createFakeExcel(saatAusTabellen(daten));
    const vorher = m.tabelle('tblArbeitsplanung')!.tabelle.zeilen;
    const erg = await uebernehmen(m.context, [datei], { jetzt: JETZT, unterstuetzt: alle });
    expect(erg.aenderungen.neu.map((n) => n.schluessel)).toEqual(['3-11']);
    expect(m.protokoll.some((p) => p.startsWith('TableRows.add'))).toBe(false);
    const t = m.tabelle('tblArbeitsplanung')!;
    expect(t.tabelle.zeilen).toBe(vorher);
    expect(t.zeilen[74][0]).toBe('3-11');
    expect(t.zeilen[75].every((v) => v === '')).toBe(true);
  });
});

describe('uebernehmen without Range.copyFrom (ExcelApi below 1.9)', () => {
  it('writes the backup from the values just read, still in 4 syncs, and undo works', async () => {
    const alt = (_set: string, version: string): boolean => Number(version.split('.')[1]) < 9;
    const m = steuerungsMappe(10);
    const vorher = werteVon(m, 'tblArbeitsplanung');
    const datei = await netzwerkDatei(m);
    const s0 = m.syncs();
    const erg = await uebernehmen(m.context, [datei], { jetzt: JETZT, unterstuetzt: alt });
    expect(m.syncs() - s0).toBeLessThanOrEqual(4);
    expect(m.protokoll.some((p) => p.startsWith('Range.copyFrom'))).toBe(false);
    const kopie = m.werte(erg.sicherungen[0], `A3:L${3 + vorher.length}`);
    expect(kopie[0][0]).toBe('Nr');
    expect(kopie.slice(1)).toEqual(vorher);
    await letztenImportRueckgaengig(m.context);
    expect(werteVon(m, 'tblArbeitsplanung')).toEqual(vorher);
  });
});
