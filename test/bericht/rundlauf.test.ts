/**
 * Round trip of the reporting cycle with real files: sample → Istwerte filled
 * by exceljs as a user would → `kpi --aus` → `bericht` → the figures in the
 * report equal `kpi --json`; Verlauf appends per day and replaces same-day rows.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
// every file the CLI writes passes the package check
import { cli, hash } from '../xlsx/hilfen';
import { AMPEL_LABEL } from '../../src/workbook/layout';




/**
 * A table's area found the way a user sees it: the header row holding
 * `kopfText`, data down to the last non-empty row. (Touching exceljs'
 * getTables() before writing makes exceljs write stale table values back.)
 */
function tabelle(
  wb: ExcelJS.Workbook,
  sheet: string,
  kopfText: string,
): { ws: ExcelJS.Worksheet; spalte: (h: string) => number; erste: number; letzte: number } {
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`Blatt ${sheet} fehlt`);
  let kopf = 0;
  for (let r = 1; r <= 10 && !kopf; r++) if (ws.getRow(r).getCell(1).value === kopfText) kopf = r;
  if (!kopf) throw new Error(`Kopfzeile mit ${kopfText} fehlt`);
  const spalte = (h: string): number => {
    let found = 0;
    ws.getRow(kopf).eachCell((c, col) => {
      if (c.value === h && !found) found = col;
    });
    if (!found) throw new Error(`Spalte ${h} fehlt`);
    return found;
  };
  let letzte = kopf;
  while (ws.getRow(letzte + 1).getCell(1).value !== null && ws.getRow(letzte + 1).getCell(1).value !== undefined) letzte++;
  return { ws, spalte, erste: kopf + 1, letzte };
}

describe('Berichtszyklus mit Dateien', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'im-bericht-'));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('sample → Istwerte → kpi --aus → bericht: report figures equal kpi --json', async () => {
    const beispiel = path.join(dir, 'beispiel.xlsx');
    expect((await cli('vorlage', beispiel, '--beispiel')).code).toBe(0);

    // A network lead fills the missing Istwerte and one Begründung in Excel.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(beispiel);
    const k = tabelle(wb, 'Kennzahlen', 'Kennzahl-ID');
    let gefuellt = 0;
    for (let r = k.erste; r <= k.letzte; r++) {
      const ist = k.ws.getCell(r, k.spalte('Istwert'));
      const ziel = k.ws.getCell(r, k.spalte('Zielwert')).value;
      if ((ist.value === null || ist.value === undefined || ist.value === '') && typeof ziel === 'number') {
        ist.value = ziel / 2;
        k.ws.getCell(r, k.spalte('Begründung')).value = 'Start verzögert, Daten erst ab Q3.';
        gefuellt++;
      }
    }
    expect(gefuellt).toBeGreaterThan(0);
    const gefuellteDatei = path.join(dir, 'gefuellt.xlsx');
    await wb.xlsx.writeFile(gefuellteDatei);
    const vorher = hash(gefuellteDatei);

    const json = await cli('kpi', gefuellteDatei, '--json');
    expect(json.code).toBe(0);
    const kpi = JSON.parse(json.out) as {
      handlungsziele: { kennzahlen: number; kennzahlenMitDaten: number }[];
      berichtsjahr: number;
      kennzahlen: { id: string; zielerreichung: number | null; ampel: keyof typeof AMPEL_LABEL; vorjahr: number | null }[];
      handlungsfelder: {
        hf: number;
        zielerreichung: number | null;
        ampel: keyof typeof AMPEL_LABEL;
        umsetzungsquote: number | null;
        massnahmen: number;
        umgesetzt: number;
        begonnen: number;
        geplant: number;
        verschoben: number;
        entfallen: number;
        wirkungen: number;
      }[];
      gesamt: { zielerreichung: number | null; umsetzungsquote: number | null; massnahmen: number };
    };

    // every Kennzahl now has an Istwert, as typed in by exceljs
    expect(kpi.kennzahlen.every((x) => x.zielerreichung !== null)).toBe(true);
    expect(kpi.handlungsziele.every((h) => h.kennzahlen === h.kennzahlenMitDaten)).toBe(true);

    const mitKpi = path.join(dir, 'mit-kpi.xlsx');
    expect((await cli('kpi', gefuellteDatei, '--aus', mitKpi)).code).toBe(0);
    const berichtDatei = path.join(dir, 'bericht.xlsx');
    const vorBericht = hash(mitKpi);
    const b = await cli('bericht', mitKpi, '--aus', berichtDatei);
    expect(hash(mitKpi)).toBe(vorBericht);
    expect(b.err).toBe('');
    expect(b.code).toBe(0);
    expect(b.out).toContain('Umsetzungsbericht 2026 geschrieben');
    expect(hash(gefuellteDatei)).toBe(vorher);

    const rb = new ExcelJS.Workbook();
    await rb.xlsx.readFile(berichtDatei);
    expect(rb.worksheets.map((w) => w.name)).toEqual(['Umsetzungsbericht']);
    const ws = rb.worksheets[0];
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.paperSize).toBe(9);

    // Overview: the first row per HF number in column A after the "Überblick" heading.
    const ueberblick: Map<number, ExcelJS.Row> = new Map();
    const kennzahlZeilen = new Map<string, ExcelJS.Row>();
    let gesamt: ExcelJS.Row | undefined;
    ws.eachRow((row) => {
      const a = row.getCell(1).value;
      if (typeof a === 'number' && !ueberblick.has(a)) ueberblick.set(a, row);
      if (typeof a === 'string' && /^K\d/.test(a)) kennzahlZeilen.set(a, row);
      if (!gesamt && row.getCell(2).value === 'Gesamt') gesamt = row;
    });
    expect(ueberblick.size).toBe(kpi.handlungsfelder.length);
    for (const hf of kpi.handlungsfelder) {
      const row = ueberblick.get(hf.hf) as ExcelJS.Row;
      const v = (c: number) => row.getCell(c).value;
      expect(v(3)).toBe(hf.zielerreichung);
      expect(v(4)).toBe(AMPEL_LABEL[hf.ampel]);
      expect(v(5)).toBe(hf.umsetzungsquote);
      expect([v(6), v(7), v(8), v(9), v(10), v(11), v(12)]).toEqual([
        hf.massnahmen,
        hf.umgesetzt,
        hf.begonnen,
        hf.geplant,
        hf.verschoben,
        hf.entfallen,
        hf.wirkungen,
      ]);
    }
    expect(gesamt?.getCell(3).value).toBe(kpi.gesamt.zielerreichung);
    expect(gesamt?.getCell(5).value).toBe(kpi.gesamt.umsetzungsquote);
    expect(gesamt?.getCell(6).value).toBe(kpi.gesamt.massnahmen);

    expect(kennzahlZeilen.size).toBe(kpi.kennzahlen.length);
    // the sample has a Zeitreihe 2025: Vorjahr (G) and Veränderung (I) beside the Istwert (H)
    expect(kpi.kennzahlen.some((kz) => kz.vorjahr !== null)).toBe(true);
    for (const kz of kpi.kennzahlen) {
      const row = kennzahlZeilen.get(kz.id) as ExcelJS.Row;
      expect(row.getCell(7).value).toBe(kz.vorjahr);
      expect(row.getCell(11).value).toBe(kz.zielerreichung);
      expect(row.getCell(12).value).toBe(AMPEL_LABEL[kz.ampel]);
    }
  });

  it('kpi --aus continues the Verlauf: new day appended, same day replaced', async () => {
    const beispiel = path.join(dir, 'v.xlsx');
    expect((await cli('vorlage', beispiel, '--beispiel')).code).toBe(0);
    const eins = path.join(dir, 'v1.xlsx');
    expect((await cli('kpi', beispiel, '--aus', eins)).code).toBe(0);

    const verlaufZeilen = async (p: string): Promise<{ datum: unknown; hf: unknown }[]> => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(p);
      const t = tabelle(wb, 'KPI Verlauf', 'Datum');
      const out: { datum: unknown; hf: unknown }[] = [];
      for (let r = t.erste; r <= t.letzte; r++)
        out.push({ datum: t.ws.getCell(r, t.spalte('Datum')).value, hf: t.ws.getCell(r, t.spalte('HF-Nr')).value });
      return out;
    };
    const z1 = await verlaufZeilen(eins);
    expect(z1.map((z) => z.hf)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 'Gesamt']);

    // Same day again: replaced, not duplicated.
    const zwei = path.join(dir, 'v2.xlsx');
    expect((await cli('kpi', eins, '--aus', zwei)).code).toBe(0);
    expect(await verlaufZeilen(zwei)).toHaveLength(9);

    // Pretend the first refresh happened on an earlier day: a new refresh appends.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(zwei);
    const t = tabelle(wb, 'KPI Verlauf', 'Datum');
    for (let r = t.erste; r <= t.letzte; r++) t.ws.getCell(r, t.spalte('Datum')).value = new Date(Date.UTC(2026, 0, 5));
    const alt = path.join(dir, 'v-alt.xlsx');
    await wb.xlsx.writeFile(alt);
    const drei = path.join(dir, 'v3.xlsx');
    expect((await cli('kpi', alt, '--aus', drei)).code).toBe(0);
    const z3 = await verlaufZeilen(drei);
    expect(z3).toHaveLength(18);
    expect(z3[0].datum).toEqual(new Date(Date.UTC(2026, 0, 5)));
    expect((z3[9].datum as Date).getTime()).toBeGreaterThan((z3[0].datum as Date).getTime());
  });

  it('kpi --aus renames the old sheet „Verlauf“ of an earlier version to „KPI Verlauf“ and keeps its history', async () => {
    const beispiel = path.join(dir, 'u.xlsx');
    expect((await cli('vorlage', beispiel, '--beispiel')).code).toBe(0);
    const eins = path.join(dir, 'u1.xlsx');
    const erster = await cli('kpi', beispiel, '--aus', eins);
    expect(erster.code).toBe(0);
    expect(erster.out).toContain(
      'Blätter „KPI Übersicht“, „KPI Handlungsziele“, „Umsetzungsbericht“ und „KPI Verlauf“ (mit Diagrammen) geschrieben',
    );
    // a workbook as the earlier version wrote it: the history sheet named „Verlauf“, refreshed on an earlier day
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(eins);
    const t = tabelle(wb, 'KPI Verlauf', 'Datum');
    for (let r = t.erste; r <= t.letzte; r++) t.ws.getCell(r, t.spalte('Datum')).value = new Date(Date.UTC(2026, 0, 5));
    t.ws.name = 'Verlauf';
    const alt = path.join(dir, 'u-alt.xlsx');
    await wb.xlsx.writeFile(alt);
    const vorher = hash(alt);

    const neu = path.join(dir, 'u-neu.xlsx');
    expect((await cli('kpi', alt, '--aus', neu)).code).toBe(0);
    expect(hash(alt)).toBe(vorher);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(neu);
    expect(wb2.worksheets.map((w) => w.name)).not.toContain('Verlauf');
    const t2 = tabelle(wb2, 'KPI Verlauf', 'Datum');
    expect(t2.letzte - t2.erste + 1).toBe(18);
    expect(t2.ws.getCell(t2.erste, t2.spalte('Datum')).value).toEqual(new Date(Date.UTC(2026, 0, 5)));
  });

  it('fehlend reports per Handlungsfeld with network; exit 0 like pruefen (no Fehler), vollstaendig false', async () => {
    const beispiel = path.join(dir, 'f.xlsx');
    expect((await cli('vorlage', beispiel, '--beispiel')).code).toBe(0);
    const vorher = hash(beispiel);
    const r = await cli('fehlend', beispiel, '--json');
    expect(hash(beispiel)).toBe(vorher);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as {
      vollstaendig: boolean;
      vollstaendigkeit: number;
      handlungsfelder: { hf: number; netzwerk: string; angaben: { art: string; meldung: string }[] }[];
    };
    expect(j.vollstaendig).toBe(false);
    expect(j.vollstaendigkeit).toBeGreaterThan(0);
    expect(j.vollstaendigkeit).toBeLessThan(1);
    expect(j.handlungsfelder).toHaveLength(8);
    expect(j.handlungsfelder[0].netzwerk).not.toBe('');
    expect(j.handlungsfelder.flatMap((h) => h.angaben.map((a) => a.art))).toContain('ohneIstwert');
    const text = await cli('fehlend', beispiel);
    expect(text.out).toContain('Vollständigkeit');
    expect(text.out).toContain('Netzwerkleitung');
  });

  it('bericht: German usage errors and unreadable files exit 2 without a stack trace', async () => {
    const fehlt = await cli('bericht', path.join(dir, 'gibtsnicht.xlsx'), '--aus', path.join(dir, 'x.xlsx'));
    expect(fehlt.code).toBe(2);
    expect(fehlt.err).not.toMatch(/\bat .*\.ts:\d+/);
    const ohneAus = await cli('bericht', path.join(dir, 'f.xlsx'));
    expect(ohneAus.code).toBe(2);
    expect(ohneAus.err).toContain('--aus');
    const aufSich = await cli('bericht', path.join(dir, 'f.xlsx'), '--aus', path.join(dir, 'f.xlsx'));
    expect(aufSich.code).toBe(2);
    expect(aufSich.err).toContain('Eingabedatei');
    const hilfe = await cli('bericht', '--help');
    expect(hilfe.code).toBe(0);
    expect(hilfe.out).toContain('Standardmaßnahmen');
    expect((await cli('fehlend', '--help')).out).toContain('Netzwerkleitung');
  });
});
