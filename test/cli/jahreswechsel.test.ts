/**
 * `jahreswechsel` (SPEC §6) on real files: the sample 2026 with mixed
 * statuses, a row without status and user columns → 2027 → 2028, every rule
 * checked row by row against the input, the Zeitreihe of both years,
 * `vorjahr` in `kpi --json`, idempotence, refusals and an unchanged input.
 */
import { readFileSync } from 'fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { RawTable, RawValue } from '../../src/domain/model';
import { TABLES, type TableKey } from '../../src/domain/schema';
import { beispielTabellen } from '../../src/workbook/beispiel';
import { schreibeVorlage } from '../../src/xlsx';
import { ladeArbeitsmappe } from '../../src/cli/dateiLaden';
import { speichereArbeitsmappe } from '../../src/cli/speichern';
import { cli, hash, tempOrdner } from '../xlsx/hilfen';
import { rohdatenAusMappe } from '../../src/workbook/rohdaten';

const tmp = tempOrdner();
afterAll(() => tmp.weg());
const ALT = tmp.datei('plan-2026.xlsx');
const NEU = tmp.datei('plan-2027.xlsx');
const NEU28 = tmp.datei('plan-2028.xlsx');
const NOTIZ = 'Notiz des Netzwerks';

type Zeile = Record<string, RawValue>;

/** Rows of a table as header → value objects (contract and user columns). */
async function tabelle(pfad: string, key: TableKey): Promise<Zeile[]> {
  const raw = rohdatenAusMappe(await ladeArbeitsmappe(pfad), 'x.xlsx');
  const t = raw.tables.find((x) => x.name === TABLES[key].name) as RawTable | undefined;
  if (!t) return [];
  return t.rows
    .filter((r) => r.some((v) => v !== null && v !== ''))
    .map((r) => Object.fromEntries(t.headers.map((h, i) => [h, r[i] ?? null])));
}

const leer = (v: RawValue): boolean => v === null || v === '';
const zeit = (v: RawValue): number | null => (v instanceof Date ? v.getTime() : null);

beforeAll(async () => {
  const t = beispielTabellen();
  const spalten = TABLES.arbeitsplanung.columns.map((c) => c.header);
  const st = spalten.indexOf('Status');
  // a row without status (open) and a Standardmaßnahme already „umgesetzt“
  const ohneStatus = [...t.arbeitsplanung[0]];
  ohneStatus[0] = '1-99';
  ohneStatus[st] = null;
  t.arbeitsplanung.push(ohneStatus);
  const standard = t.arbeitsplanung.find((r) => r[spalten.indexOf('Standardmaßnahme')] === 'ja') as RawValue[];
  standard[st] = 'umgesetzt';
  // a user column on two tables, with a value on every row
  const ap = t.arbeitsplanung.map((r, i) => [...r, `AP-Notiz ${i}`]);
  const kz = t.kennzahlen.map((r, i) => [...r, `KZ-Notiz ${i}`]);
  const wb = new ExcelJS.Workbook();
  schreibeVorlage(wb, { ...t, arbeitsplanung: ap, kennzahlen: kz }, { arbeitsplanung: [NOTIZ], kennzahlen: [NOTIZ] });
  await speichereArbeitsmappe(wb, ALT);
}, 60000);

describe('jahreswechsel 2026 → 2027 → 2028', () => {
  let vorher: string;
  let json: { jahr: number; uebernommen: Record<string, unknown>[]; abgeschlossen: Record<string, unknown>[] };

  beforeAll(async () => {
    vorher = hash(ALT);
    const r = await cli('jahreswechsel', ALT, '--aus', NEU, '--json');
    expect(r.err).toMatch(/Jahreswechsel 2026 → 2027 geschrieben/);
    expect(r.code).toBe(0);
    json = JSON.parse(r.out);
  }, 60000);

  it('leaves the input unchanged (hash)', () => {
    expect(hash(ALT)).toBe(vorher);
  });

  it('prints the JSON of SPEC §6', () => {
    expect(Object.keys(json)).toEqual(['jahr', 'uebernommen', 'abgeschlossen']);
    expect(json.jahr).toBe(2027);
    for (const r of [...json.uebernommen, ...json.abgeschlossen]) expect(Object.keys(r)).toEqual(['tabelle', 'schluessel', 'meldung']);
  });

  it('carries open rows and Standardmaßnahmen, closes the rest (row by row, Nr and other cells kept)', async () => {
    const alt = await tabelle(ALT, 'arbeitsplanung');
    const neu = await tabelle(NEU, 'arbeitsplanung');
    const offen = (z: Zeile) => z['Standardmaßnahme'] === 'ja' || ['geplant', 'begonnen', 'verschoben', null].includes(z.Status as string | null);
    const massnahmeOffen = new Map(alt.filter((z) => z.Art === 'Maßnahme').map((z) => [z.Nr, offen(z)]));
    const erwartet = alt.filter((z) => offen(z) && !(z.Art === 'Wirkung' && z['Standardmaßnahme'] !== 'ja' && massnahmeOffen.get(z.Bezug) === false));
    expect(neu.map((z) => z.Nr)).toEqual(erwartet.map((z) => z.Nr));
    // the sample has all cases
    expect(alt.some((z) => z.Status === 'verschoben')).toBe(true);
    expect(alt.some((z) => z.Art === 'Wirkung' && z.Status === 'begonnen' && massnahmeOffen.get(z.Bezug) === false)).toBe(true);
    expect(neu.map((z) => z.Nr)).toContain('1-99');
    neu.forEach((z, i) => {
      const a = erwartet[i];
      const status = a['Standardmaßnahme'] === 'ja' || a.Status === 'verschoben' ? 'geplant' : a.Status;
      expect(z).toEqual({ ...a, Status: status });
    });
    expect(neu.filter((z) => z['Standardmaßnahme'] === 'ja').every((z) => z.Status === 'geplant')).toBe(true);
    expect(neu.every((z) => typeof z[NOTIZ] === 'string' && String(z[NOTIZ]).startsWith('AP-Notiz'))).toBe(true);
    const nichtGetragen = alt.filter((z) => !erwartet.includes(z)).map((z) => z.Nr);
    expect(json.abgeschlossen.filter((r) => r.tabelle === 'tblArbeitsplanung').map((r) => r.schluessel)).toEqual(nichtGetragen);
    expect(json.uebernommen.filter((r) => r.tabelle === 'tblArbeitsplanung').map((r) => r.schluessel)).toEqual(erwartet.map((z) => z.Nr));
  });

  it('keeps Handlungsfelder and Ziele, sets the Berichtsjahr, keeps the thresholds', async () => {
    for (const k of ['handlungsfelder', 'ziele'] as const) expect(await tabelle(NEU, k)).toEqual(await tabelle(ALT, k));
    const e = await tabelle(NEU, 'einstellungen');
    expect(e).toEqual((await tabelle(ALT, 'einstellungen')).map((z) => (z.Einstellung === 'Berichtsjahr' ? { ...z, Wert: 2027 } : z)));
  });

  it('Checkliste: frame kept, assessment of the year empty', async () => {
    const alt = await tabelle(ALT, 'checkliste');
    const neu = await tabelle(NEU, 'checkliste');
    expect(neu).toEqual(alt.map((z) => ({ ...z, Einschätzung: null, Anpassungsbedarf: null, 'Nächste Schritte': null })));
    expect(alt.some((z) => !leer(z.Einschätzung))).toBe(true);
  });

  it('Kennzahlen: every row, Istwert/Stichtag/Begründung empty, user column kept', async () => {
    const alt = await tabelle(ALT, 'kennzahlen');
    const neu = await tabelle(NEU, 'kennzahlen');
    expect(neu).toEqual(alt.map((z) => ({ ...z, Istwert: null, Stichtag: null, Begründung: null })));
    expect(neu[0][NOTIZ]).toBe('KZ-Notiz 0');
  });

  it('Zeitreihe: the 2025 rows plus one row per Kennzahl for 2026', async () => {
    const altZr = await tabelle(ALT, 'zeitreihe');
    const kz = await tabelle(ALT, 'kennzahlen');
    const neu = await tabelle(NEU, 'zeitreihe');
    expect(altZr.length).toBeGreaterThan(20);
    expect(altZr.every((z) => z.Jahr === 2025)).toBe(true);
    expect(neu.filter((z) => z.Jahr === 2025)).toEqual(altZr);
    const z2026 = neu.filter((z) => z.Jahr === 2026);
    expect(z2026.map((z) => z['Kennzahl-ID'])).toEqual(kz.map((k) => k['Kennzahl-ID']));
    z2026.forEach((z, i) => {
      expect(z.Istwert).toEqual(kz[i].Istwert);
      expect(z.Zielwert).toEqual(kz[i].Zielwert);
      expect(zeit(z.Stichtag)).toEqual(zeit(kz[i].Stichtag));
    });
  });

  it('the new workbook has no Fehler, the sheet Jahreswechsel, the carried KPI Verlauf and placeholders', async () => {
    const r = await cli('pruefen', NEU);
    expect(r.code).toBe(0);
    const wb = await ladeArbeitsmappe(NEU);
    const namen = wb.worksheets.map((w) => w.name);
    expect(namen).toEqual(['Stammdaten', 'Ziele', 'Arbeitsplanung', 'Checkliste', 'Kennzahlen', 'Zeitreihe', 'KPI Übersicht', 'KPI Handlungsziele', 'Umsetzungsbericht', 'KPI Verlauf', 'Jahreswechsel']);
    expect(String(wb.getWorksheet('KPI Übersicht')!.getCell('A2').value)).toMatch(/^Noch nicht berechnet für das Berichtsjahr 2027/);
    const jw = wb.getWorksheet('Jahreswechsel')!;
    expect(jw.getCell('A1').value).toBe('Jahreswechsel 2026 → 2027');
    const texte: string[] = [];
    jw.eachRow((row) => texte.push(row.values ? (row.values as unknown[]).map(String).join('|') : ''));
    // a closed row names its old address
    expect(texte.join('\n')).toMatch(/tblArbeitsplanung\|1-02\|abgeschlossen\|.*umgesetzt.*\|Arbeitsplanung!A3/);
  });

  it('kpi --json of 2027 carries vorjahr = the Istwert 2026', async () => {
    const kz = await tabelle(ALT, 'kennzahlen');
    const r = await cli('kpi', NEU, '--json');
    expect(r.code).toBe(0);
    const k = JSON.parse(r.out) as { berichtsjahr: number; kennzahlen: { id: string; vorjahr: number | null; zielerreichung: number | null }[] };
    expect(k.berichtsjahr).toBe(2027);
    expect(k.kennzahlen.map((x) => x.vorjahr)).toEqual(kz.map((z) => (typeof z.Istwert === 'number' ? z.Istwert : null)));
    expect(k.kennzahlen.every((x) => x.zielerreichung === null)).toBe(true);
    // and in 2026 the Vorjahr comes from the sample's 2025 rows
    const r26 = JSON.parse((await cli('kpi', ALT, '--json')).out) as typeof k;
    const zr = await tabelle(ALT, 'zeitreihe');
    const k1 = r26.kennzahlen.find((x) => zr.some((z) => z['Kennzahl-ID'] === x.id && typeof z.Istwert === 'number'))!;
    expect(k1.vorjahr).toBe(zr.find((z) => z['Kennzahl-ID'] === k1.id)!.Istwert);
  });

  it('a second run gives the same content', async () => {
    const zweit = tmp.datei('plan-2027-b.xlsx');
    expect((await cli('jahreswechsel', ALT, '--aus', zweit)).code).toBe(0);
    const teile = async (p: string) => {
      const zip = await JSZip.loadAsync(readFileSync(p));
      const out: Record<string, string> = {};
      for (const n of Object.keys(zip.files).sort()) if (!zip.files[n].dir) out[n] = await zip.files[n].async('string');
      return out;
    };
    expect(await teile(zweit)).toEqual(await teile(NEU));
  });

  it('2027 → 2028: Zeitreihe holds 2025, 2026 and 2027; rerun on 2027 adds nothing twice', async () => {
    // the networks report 2027 values
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(NEU);
    const ws = wb.getWorksheet('Kennzahlen')!;
    const kopf = (ws.getRow(1).values as unknown[]).map(String);
    const ist = kopf.indexOf('Istwert');
    const werte: number[] = [];
    for (let r = 2; r <= 1 + (await tabelle(NEU, 'kennzahlen')).length; r++) {
      ws.getCell(r, ist).value = r * 3;
      werte.push(r * 3);
    }
    const mit2027 = tmp.datei('plan-2027-ist.xlsx');
    await wb.xlsx.writeFile(mit2027);
    const r = await cli('jahreswechsel', mit2027, '--aus', NEU28, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).jahr).toBe(2028);
    const zr = await tabelle(NEU28, 'zeitreihe');
    const kz = (await tabelle(NEU28, 'kennzahlen')).length;
    expect(zr.filter((z) => z.Jahr === 2027).map((z) => z.Istwert)).toEqual(werte);
    expect(zr.filter((z) => z.Jahr === 2026)).toHaveLength(kz);
    expect(zr.filter((z) => z.Jahr === 2025).length).toBeGreaterThan(20);
    const k = JSON.parse((await cli('kpi', NEU28, '--json')).out) as { kennzahlen: { vorjahr: number | null }[] };
    expect(k.kennzahlen.map((x) => x.vorjahr)).toEqual(werte);
    // --jahr 2029 from 2027 names the year, the 2027 rows are not doubled
    const r29 = await cli('jahreswechsel', mit2027, '--aus', tmp.datei('plan-2029.xlsx'), '--jahr', '2029');
    expect(r29.code).toBe(0);
    expect((await tabelle(tmp.datei('plan-2029.xlsx'), 'einstellungen')).find((z) => z.Einstellung === 'Berichtsjahr')!.Wert).toBe(2029);
    expect((await tabelle(tmp.datei('plan-2029.xlsx'), 'zeitreihe')).filter((z) => z.Jahr === 2027)).toHaveLength(kz);
  });
});

describe('jahreswechsel: refusals and first year', () => {
  it('refuses an existing --aus without --force (exit 2), replaces it with --force', async () => {
    const ziel = tmp.datei('vorhanden.xlsx');
    expect((await cli('jahreswechsel', ALT, '--aus', ziel)).code).toBe(0);
    const h = hash(ziel);
    const r = await cli('jahreswechsel', ALT, '--aus', ziel);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/existiert bereits.*--force/);
    expect(hash(ziel)).toBe(h);
    expect((await cli('jahreswechsel', ALT, '--aus', ziel, '--force')).code).toBe(0);
  });

  it.each([
    ['2026', /liegt nicht nach dem Berichtsjahr 2026/],
    ['2020', /liegt nicht nach dem Berichtsjahr 2026/],
    ['nächstes', /keine Jahreszahl/],
  ])('--jahr %s → exit 2 with a German message, nothing written', async (jahr, meldung) => {
    const ziel = tmp.datei(`jahr-${jahr}.xlsx`);
    const r = await cli('jahreswechsel', ALT, '--aus', ziel, '--jahr', jahr);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(meldung);
    expect(() => readFileSync(ziel)).toThrow();
  });

  it('refuses --aus equal to the input (exit 2) and a missing --aus', async () => {
    const h = hash(ALT);
    expect((await cli('jahreswechsel', ALT, '--aus', ALT, '--force')).code).toBe(2);
    expect(hash(ALT)).toBe(h);
    const r = await cli('jahreswechsel', ALT);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--aus <neu.xlsx>/);
  });

  it('a workbook with Fehler: findings printed (JSON with --json), exit 1, nothing written', async () => {
    const kaputt = tmp.datei('kaputt.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(ALT);
    // a duplicate Zeitreihe row is a Fehler at its cell
    const ws = wb.getWorksheet('Zeitreihe')!;
    ws.getCell('A3').value = ws.getCell('A2').value;
    await wb.xlsx.writeFile(kaputt);
    const ziel = tmp.datei('aus-kaputt.xlsx');
    const r = await cli('jahreswechsel', kaputt, '--aus', ziel, '--json');
    expect(r.code).toBe(1);
    const befunde = JSON.parse(r.out) as { fehler: { blatt: string; zelle: string; meldung: string }[] };
    expect(befunde.fehler).toContainEqual(expect.objectContaining({ blatt: 'Zeitreihe', zelle: 'B3' }));
    expect(() => readFileSync(ziel)).toThrow();
  });

  it('a workbook without tblZeitreihe (first year) is valid and gets the table', async () => {
    const ohne = tmp.datei('ohne-zeitreihe.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(ALT);
    wb.removeWorksheet(wb.getWorksheet('Zeitreihe')!.id);
    await wb.xlsx.writeFile(ohne);
    expect((await cli('pruefen', ohne)).code).toBe(0);
    const ziel = tmp.datei('aus-ohne.xlsx');
    expect((await cli('jahreswechsel', ohne, '--aus', ziel)).code).toBe(0);
    const zr = await tabelle(ziel, 'zeitreihe');
    expect(zr).toHaveLength((await tabelle(ALT, 'kennzahlen')).length);
    expect(zr.every((z) => z.Jahr === 2026)).toBe(true);
  });

  it('--help is German, names the exit codes and gives an example', async () => {
    const r = await cli('jahreswechsel', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Aufruf: integrationsmonitor jahreswechsel <alt.xlsx> --aus <neu.xlsx>/);
    expect(r.out).toMatch(/Exit-Codes/);
    expect(r.out).toMatch(/Beispiel:\n {2}integrationsmonitor jahreswechsel Arbeitsplanung-2026.xlsx --aus Arbeitsplanung-2027.xlsx/);
  });
});
