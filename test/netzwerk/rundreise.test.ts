/**
 * Round trip on real files: vorlage (sample) → aufteilen into 8 network
 * workbooks → edits through exceljs as network leads make them in Excel →
 * zusammenfuehren → checks on the written workbook.
 */
import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { hatFehler, pruefen, type RawValue, type RawWorkbook } from '../../src/domain';
import { TABLES, TABLE_ORDER } from '../../src/domain/schema';
import { beispielTabellen } from '../../src/workbook/beispiel';
import { schreibeVorlage } from '../../src/xlsx';
import { ladeArbeitsmappe } from '../../src/cli/dateiLaden';
import { speichereArbeitsmappe } from '../../src/cli/speichern';
import { verb as aufteilenVerb } from '../../src/cli/aufteilen';
import { fuehreAus } from '../../src/cli/main';
import { verb as zusammenfuehrenVerb } from '../../src/cli/zusammenfuehren';
import type { Io } from '../../src/cli/common';
import { rohdatenAusMappe } from '../../src/workbook/rohdaten';

const JETZT = new Date(Date.UTC(2026, 10, 25, 10, 0));
const aufteilen = { run: (args: string[], io: Io) => fuehreAus(aufteilenVerb, args, io, () => JETZT) };
const zusammenfuehren = { run: (args: string[], io: Io) => fuehreAus(zusammenfuehrenVerb, args, io, () => JETZT) };

function sammler(): Io & { o: string[]; e: string[] } {
  const o: string[] = [];
  const e: string[] = [];
  return { o, e, out: (t) => o.push(t), err: (t) => e.push(t) };
}

interface Modell {
  name: string;
  tableRef: string;
  autoFilterRef?: string;
}

function tabelle(wb: ExcelJS.Workbook, name: string): { ws: ExcelJS.Worksheet; m: Modell } {
  for (const ws of wb.worksheets) {
    for (const t of ws.getTables() as unknown as ExcelJS.Table[]) {
      const m = ((t as unknown as { table?: Modell }).table ?? t) as Modell;
      if (m.name === name) return { ws, m };
    }
  }
  throw new Error(`Tabelle ${name} fehlt`);
}

function bereich(ref: string): { top: number; bottom: number; right: number } {
  const m = /^A(\d+):([A-Z]+)(\d+)$/.exec(ref);
  if (!m) throw new Error(ref);
  return { top: Number(m[1]), bottom: Number(m[3]), right: m[2].charCodeAt(0) - 64 };
}

/** A user overtypes one cell of the row with key `key` (first column). */
function setze(wb: ExcelJS.Workbook, name: string, key: string, header: string, wert: ExcelJS.CellValue): void {
  const { ws, m } = tabelle(wb, name);
  const b = bereich(m.tableRef);
  let col = 0;
  for (let c = 1; c <= b.right; c++) if (ws.getCell(b.top, c).value === header) col = c;
  for (let r = b.top + 1; r <= b.bottom; r++) {
    if (String(ws.getCell(r, 1).value) === key) {
      ws.getCell(r, col).value = wert;
      return;
    }
  }
  throw new Error(`${key} fehlt in ${name}`);
}

/** A user types a row directly below the table; Excel grows the table. */
function haengeAn(wb: ExcelJS.Workbook, name: string, werte: ExcelJS.CellValue[]): void {
  const { ws, m } = tabelle(wb, name);
  const b = bereich(m.tableRef);
  let r = b.bottom;
  while (r > b.top && ws.getRow(r).values.length === 0) r--;
  const ziel = r + 1;
  werte.forEach((v, i) => {
    ws.getCell(ziel, i + 1).value = v;
  });
  if (ziel > b.bottom) {
    m.tableRef = m.tableRef.replace(/\d+$/, String(ziel));
    if (m.autoFilterRef) m.autoFilterRef = m.tableRef;
  }
}

async function bearbeite(pfad: string, edit: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(pfad);
  edit(wb);
  await wb.xlsx.writeFile(pfad);
}

async function roh(pfad: string): Promise<RawWorkbook> {
  return rohdatenAusMappe(await ladeArbeitsmappe(pfad), path.basename(pfad));
}

function tabellenVon(raw: RawWorkbook): Record<string, { headers: readonly string[]; rows: (readonly RawValue[])[] }> {
  const out: Record<string, { headers: readonly string[]; rows: (readonly RawValue[])[] }> = {};
  for (const k of TABLE_ORDER) {
    const t = raw.tables.find((x) => x.name === TABLES[k].name);
    if (!t) throw new Error(k);
    out[k] = { headers: t.headers, rows: [...t.rows] };
  }
  return out;
}

async function sha(pfad: string): Promise<string> {
  return createHash('sha256').update(await fs.readFile(pfad)).digest('hex');
}

describe('aufteilen → bearbeiten → zusammenfuehren mit echten Dateien', () => {
  let dir: string;
  let gesamt: string;
  let ordner: string;
  let dateien: string[];
  let neu: string;
  let jsonOut: { neu: C[]; geaendert: C[]; konflikte: C[]; abgelehnt: C[] };
  let exitCode: number;
  let vorher: Map<string, string>;
  type C = { datei: string; tabelle: string | null; schluessel: string | null; spalte: string | null; gesamt: unknown; netzwerk: unknown; meldung: string };

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'netzwerk-'));
    gesamt = path.join(dir, 'gesamt.xlsx');
    ordner = path.join(dir, 'netzwerke');
    neu = path.join(dir, 'neu.xlsx');
    const wb = new ExcelJS.Workbook();
    schreibeVorlage(wb, beispielTabellen());
    await speichereArbeitsmappe(wb, gesamt);

    const io = sammler();
    expect(await aufteilen.run([gesamt, ordner], io)).toBe(0);
    dateien = (await fs.readdir(ordner)).sort().map((f) => path.join(ordner, f));

    const hf = (n: number): string => {
      const d = dateien.find((f) => path.basename(f).startsWith(`HF${n}-`));
      if (!d) throw new Error(`HF${n}`);
      return d;
    };
    await bearbeite(hf(1), (w) => {
      setze(w, 'tblCheckliste', '1.3', 'Umsetzungsstand', 'erreicht');
      setze(w, 'tblKennzahlen', 'K1.1.1', 'Istwert', 7);
    });
    await bearbeite(hf(2), (w) => {
      setze(w, 'tblArbeitsplanung', '2-05', 'Status', 'umgesetzt');
      setze(w, 'tblKennzahlen', 'K2.2.2', 'Istwert', 150);
      haengeAn(w, 'tblKennzahlen', ['K2.2.3', '2.2', 'Teilnehmende Elterncafés', 'Personen', 'Output', null, 60, 45, new Date(Date.UTC(2026, 9, 31)), 'Familienzentrum', 'Kita-Leitung', null]);
    });
    await bearbeite(hf(3), (w) => {
      setze(w, 'tblArbeitsplanung', '3-06', 'Status', 'begonnen');
      setze(w, 'tblKennzahlen', 'K3.2.2', 'Istwert', 7);
      haengeAn(w, 'tblArbeitsplanung', ['3-11', 3, '3.2', 'Maßnahme', '=SUMME(A1)', null, 'mittel', 'Jobcenter', 'Q3', 'geplant', 'nein', '-5 Teilnehmende']);
      haengeAn(w, 'tblArbeitsplanung', ['3-12', 5, '5.1', 'Maßnahme', 'Gehört zu Handlungsfeld 5', null, 'hoch', 'Ehrenamtsbüro', 'Q1', 'geplant', 'nein', null]);
      haengeAn(w, 'tblCheckliste', ['3.3', 'Geflüchtete Frauen', 'Coaching-Stunden', 'Jobcenter, Frauenberatung', 'nicht begonnen', null, 'keiner', 'Konzept bis Q2']);
    });
    // the steering group changes the same Kennzahl K2.2.2 after the export
    await bearbeite(gesamt, (w) => setze(w, 'tblKennzahlen', 'K2.2.2', 'Zielwert', 200));

    vorher = new Map();
    for (const f of [gesamt, ...dateien]) vorher.set(f, await sha(f));
    const io2 = sammler();
    exitCode = await zusammenfuehren.run([gesamt, ...dateien, '--aus', neu, '--json'], io2);
    jsonOut = JSON.parse(io2.o.join(''));
  }, 120000);

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('aufteilen writes 8 network files with a hidden origin sheet', async () => {
    expect(dateien.map((f) => path.basename(f))).toEqual([
      'HF1-Sprachfoerderung.xlsx',
      'HF2-Kita-Schule-Bildung.xlsx',
      'HF3-Ausbildung-Arbeitsmarktzugang-Wirtschaft.xlsx',
      'HF4-Wohnen-und-dezentrales-Unterbringungskonzept.xlsx',
      'HF5-Buergerschaftliches-Engagement-und-Partizipation.xlsx',
      'HF6-Gesundheit-Praevention-psychologische-Unterstuetzung.xlsx',
      'HF7-Interkulturelle-Oeffnung-von-Verwaltung-und-Organisationen.xlsx',
      'HF8-Professionalisierung-und-Steuerung.xlsx',
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(dateien[3]);
    expect(wb.getWorksheet('_Herkunft')?.state).toBe('veryHidden');
    const r = rohdatenAusMappe(wb, 'HF4');
    const ap = r.tables.find((t) => t.name === 'tblArbeitsplanung');
    expect(ap?.rows.length).toBeGreaterThan(0);
    expect(ap?.rows.every((row) => row[1] === 4)).toBe(true);
    expect(r.tables.find((t) => t.name === 'tblHandlungsfelder')?.rows).toHaveLength(8);
    expect(pruefen(r).findings.filter((f) => f.schwere === 'Fehler')).toEqual([]);
  });

  it('refuses to overwrite network files without --force', async () => {
    const io = sammler();
    expect(await aufteilen.run([gesamt, ordner], io)).toBe(2);
    expect(io.e.join('')).toMatch(/--force/);
  });

  it('reports every change, the conflict and the rejected row (exit 1)', () => {
    expect(exitCode).toBe(1);
    const kurz = (c: C) => [c.datei.slice(0, 3), c.tabelle, c.schluessel, c.spalte, c.gesamt, c.netzwerk];
    expect(jsonOut.neu.map(kurz)).toEqual([
      ['HF2', 'tblKennzahlen', 'K2.2.3', null, null, null],
      ['HF3', 'tblArbeitsplanung', '3-11', null, null, null],
      ['HF3', 'tblCheckliste', '3.3', null, null, null],
    ]);
    expect(jsonOut.geaendert.map(kurz)).toEqual([
      ['HF1', 'tblCheckliste', '1.3', 'Umsetzungsstand', 'in Umsetzung', 'erreicht'],
      ['HF1', 'tblKennzahlen', 'K1.1.1', 'Istwert', 8, 7],
      ['HF2', 'tblArbeitsplanung', '2-05', 'Status', 'geplant', 'umgesetzt'],
      ['HF3', 'tblArbeitsplanung', '3-06', 'Status', 'geplant', 'begonnen'],
      ['HF3', 'tblKennzahlen', 'K3.2.2', 'Istwert', null, 7],
    ]);
    expect(jsonOut.konflikte.map(kurz)).toEqual([['HF2', 'tblKennzahlen', 'K2.2.2', 'Istwert', null, 150]]);
    expect(jsonOut.abgelehnt.map(kurz)).toEqual([['HF3', 'tblArbeitsplanung', '3-12', 'HF-Nr', null, 5]]);
    expect(jsonOut.abgelehnt[0].meldung).toMatch(/Handlungsfeld 5.*Handlungsfeld 3/);
    for (const c of [...jsonOut.neu, ...jsonOut.geaendert, ...jsonOut.konflikte, ...jsonOut.abgelehnt]) {
      expect(Object.keys(c)).toEqual(['datei', 'tabelle', 'schluessel', 'spalte', 'gesamt', 'netzwerk', 'meldung']);
    }
  });

  it('changes exactly these cells and rows in the written workbook, nothing else', async () => {
    const g = tabellenVon(await roh(gesamt));
    const n = tabellenVon(await roh(neu));
    const setzeErwartet = (k: string, key: string, header: string, wert: RawValue) => {
      const t = g[k];
      const i = t.rows.findIndex((r) => r[0] === key);
      const row = [...t.rows[i]];
      row[t.headers.indexOf(header)] = wert;
      t.rows[i] = row;
    };
    setzeErwartet('checkliste', '1.3', 'Umsetzungsstand', 'erreicht');
    setzeErwartet('kennzahlen', 'K1.1.1', 'Istwert', 7);
    setzeErwartet('arbeitsplanung', '2-05', 'Status', 'umgesetzt');
    setzeErwartet('arbeitsplanung', '3-06', 'Status', 'begonnen');
    setzeErwartet('kennzahlen', 'K3.2.2', 'Istwert', 7);
    g.kennzahlen.rows.push(['K2.2.3', '2.2', 'Teilnehmende Elterncafés', 'Personen', 'Output', null, 60, 45, new Date(Date.UTC(2026, 9, 31)), 'Familienzentrum', 'Kita-Leitung', null]);
    g.arbeitsplanung.rows.push(['3-11', 3, '3.2', 'Maßnahme', '=SUMME(A1)', null, 'mittel', 'Jobcenter', 'Q3', 'geplant', 'nein', '-5 Teilnehmende']);
    g.checkliste.rows.push(['3.3', 'Geflüchtete Frauen', 'Coaching-Stunden', 'Jobcenter, Frauenberatung', 'nicht begonnen', null, 'keiner', 'Konzept bis Q2']);
    expect(n).toEqual(g);
    // the steering value of the conflicting row is kept
    const k = n.kennzahlen.rows.find((r) => r[0] === 'K2.2.2');
    expect(k?.[6]).toBe(200);
    expect(k?.[7]).toBeNull();
  });

  it('keeps formula-like text as text and writes the Änderungsprotokoll', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(neu);
    const ws = wb.getWorksheet('Arbeitsplanung');
    let zeile = 0;
    ws?.eachRow((r, i) => {
      if (r.getCell(1).value === '3-11') zeile = i;
    });
    expect(ws?.getCell(zeile, 5).type).toBe(ExcelJS.ValueType.String);
    expect(ws?.getCell(zeile, 12).value).toBe('-5 Teilnehmende');
    const zip = await JSZip.loadAsync(await fs.readFile(neu));
    for (const name of Object.keys(zip.files).filter((f) => f.startsWith('xl/worksheets/sheet'))) {
      expect(await zip.file(name)?.async('string')).not.toMatch(/<f>SUMME/);
    }
    const p = wb.getWorksheet('Änderungsprotokoll');
    expect(p).toBeDefined();
    const texte: string[] = [];
    p?.eachRow((r) => r.eachCell((c) => texte.push(String(c.value))));
    expect(texte).toContain('Konflikt');
    expect(texte).toContain('Abgelehnt');
    expect(texte.join('\n')).toMatch(/K2\.2\.2/);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Stammdaten', 'Ziele', 'Arbeitsplanung', 'Checkliste', 'Kennzahlen', 'Zeitreihe', 'Änderungsprotokoll']);
  });

  it('the merged workbook passes pruefen', async () => {
    expect(hatFehler(pruefen(await roh(neu)).findings)).toBe(false);
  });

  it('leaves all input files byte-identical', async () => {
    for (const [f, h] of vorher) expect(await sha(f)).toBe(h);
  });

  it('re-running the merge on its own output changes nothing', async () => {
    const neu2 = path.join(dir, 'neu2.xlsx');
    const io = sammler();
    expect(await zusammenfuehren.run([neu, ...dateien, '--aus', neu2, '--json'], io)).toBe(1);
    const j = JSON.parse(io.o.join(''));
    expect(j.neu).toEqual([]);
    expect(j.geaendert).toEqual([]);
    expect(j.konflikte).toHaveLength(1);
    expect(j.abgelehnt).toHaveLength(1);
    expect(tabellenVon(await roh(neu2))).toEqual(tabellenVon(await roh(neu)));
  });

  it('exit 2 for an unreadable file, and --aus may not be an input', async () => {
    const kaputt = path.join(dir, 'kaputt.xlsx');
    await fs.writeFile(kaputt, 'kein Excel');
    const io = sammler();
    const ziel = path.join(dir, 'nie.xlsx');
    expect(await zusammenfuehren.run([gesamt, kaputt, '--aus', ziel], io)).toBe(2);
    expect(io.e.join('')).toMatch(/kaputt\.xlsx/);
    await expect(fs.stat(ziel)).rejects.toThrow();
    await expect(zusammenfuehren.run([gesamt, dateien[0], '--aus', gesamt], sammler())).rejects.toThrow(/Eingabedatei/);
  });

  it('a clean merge exits 0', async () => {
    const io = sammler();
    expect(await zusammenfuehren.run([gesamt, dateien[0], '--aus', path.join(dir, 'eins.xlsx')], io)).toBe(0);
    expect(io.o.join('\n')).toMatch(/2 geänderte Zelle/);
  });
});
