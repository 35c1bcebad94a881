/**
 * One report, three renderings: the sheet (.xlsx), the web page (.html) and
 * the Word document (.docx) of the sample are read back with readers of
 * their own (exceljs, jsdom, the document's XML) and compared with
 * `kpi --json` and with the Arbeitsplanung of the input read directly:
 * every figure of every Handlungsfeld, Handlungsziel and Kennzahl is the one
 * of `kpi --json` (the sheet's numbers unrounded, the texts rounded as
 * shown), the Word charts carry the same data and the charts' text
 * alternatives (web page, Word) the same figures, no Standardmaßnahme appears
 * outside the closing note, and every other Maßnahme and Wirkung is listed
 * exactly once.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { JSDOM } from 'jsdom';
import JSZip from 'jszip';
import type { Io } from '../../src/cli/common';
import { main } from '../../src/cli/main';

type Ampel = 'gruen' | 'gelb' | 'rot' | 'keine_daten';
interface Zaehlung {
  zielerreichung: number | null;
  ampel: Ampel;
  umsetzungsquote: number | null;
  massnahmen: number;
  umgesetzt: number;
  begonnen: number;
  geplant: number;
  verschoben: number;
  entfallen: number;
  wirkungen: number;
}
interface KpiJson {
  berichtsjahr: number;
  kennzahlen: { id: string; handlungszielId: string; zielerreichung: number | null; ampel: Ampel; vorjahr: number | null }[];
  handlungsziele: { id: string; hf: number; zielerreichung: number | null; ampel: Ampel }[];
  handlungsfelder: (Zaehlung & { hf: number })[];
  gesamt: Zaehlung & { standardmassnahmen: number };
}

/** What a reader sees in a cell; `zahl` where the file stores the number itself (the sheet). */
interface Zelle {
  readonly text: string;
  readonly zahl?: number;
}
type Zeile = readonly Zelle[];

interface Fassung {
  readonly name: string;
  /** paragraphs, headings and table rows in document order */
  readonly zeilen: readonly Zeile[];
}

/** Written independently of the renderers: as a German reader expects the figures. */
const ANZEIGE_AMPEL: Record<Ampel, string> = { gruen: 'grün', gelb: 'gelb', rot: 'rot', keine_daten: 'keine Daten' };
const prozent = (x: number | null): string => (x === null ? '–' : `${Math.round(x * 100)} %`);
const zahl = (x: number | null): string =>
  x === null ? '–' : x.toLocaleString('de-DE', { maximumFractionDigits: 2, useGrouping: true });
/** header text without soft hyphens and the sheet's manual breaks („Ziel-\nerreichung“) */
const kopf = (t: string): string =>
  t
    .replace(/\u00AD/g, '')
    .replace(/-\n/g, '')
    .replace(/\s+/g, ' ')
    .trim();
const text = (z: Zeile): string => z.map((c) => c.text).join(' ');

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => void (out += `${t}\n`), err: (t) => void (err += `${t}\n`) };
  const code = await main(args, io);
  return { code, out, err };
}

async function leseXlsx(datei: string): Promise<Fassung> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(datei);
  const ws = wb.getWorksheet('Umsetzungsbericht')!;
  const zeilen: Zeile[] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const zeile: Zelle[] = [];
    let belegt = false;
    for (let c = 1; c <= ws.columnCount; c++) {
      const zelle = row.getCell(c);
      // a merged range shows its value once, in its first cell
      if (zelle.isMerged && zelle.master.address !== zelle.address) {
        zeile.push({ text: '' });
        continue;
      }
      const v = zelle.value;
      if (v === null || v === undefined || v === '') zeile.push({ text: '' });
      else if (typeof v === 'number') {
        const t = zelle.numFmt === '0%' ? prozent(v) : zahl(v);
        zeile.push({ text: t, zahl: v });
      } else if (v instanceof Date) zeile.push({ text: v.toISOString().slice(0, 10) });
      else zeile.push({ text: String(v) });
      belegt ||= zeile[zeile.length - 1].text !== '';
    }
    if (belegt) zeilen.push(zeile);
  }
  return { name: 'xlsx', zeilen };
}

async function leseHtml(datei: string): Promise<Fassung> {
  const doc = new JSDOM(await fs.readFile(datei, 'utf8')).window.document;
  const zeilen: Zeile[] = [];
  const main = doc.querySelector('main') ?? doc.body;
  for (const e of Array.from(main.querySelectorAll('h1, h2, h3, p, dt, dd, li, caption, tr'))) {
    // the charts' own texts are checked with their data tables
    if (e.closest('svg')) continue;
    if (e.tagName === 'TR')
      zeilen.push(
        Array.from(e.querySelectorAll('th, td')).map((c) => ({ text: (c.textContent ?? '').replace(/\u00AD/g, '').trim() })),
      );
    else
      zeilen.push([
        {
          text: (e.textContent ?? '')
            .replace(/\u00AD/g, '')
            .replace(/\s+/g, ' ')
            .trim(),
        },
      ]);
  }
  return { name: 'html', zeilen };
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

async function leseDocx(datei: string): Promise<{ fassung: Fassung; diagramme: Document[] }> {
  const zip = await JSZip.loadAsync(await fs.readFile(datei));
  const parser = new new JSDOM('').window.DOMParser();
  const xml = parser.parseFromString(await zip.file('word/document.xml')!.async('string'), 'application/xml');
  const t = (e: Element): string =>
    Array.from(e.getElementsByTagNameNS(W, 't'))
      .map((x) => x.textContent)
      .join('')
      .replace(/\u00AD/g, '')
      .trim();
  const body = xml.getElementsByTagNameNS(W, 'body')[0];
  const zeilen: Zeile[] = [];
  for (const e of Array.from(body.children)) {
    if (e.localName === 'p') zeilen.push([{ text: t(e) }]);
    else if (e.localName === 'tbl')
      for (const tr of Array.from(e.getElementsByTagNameNS(W, 'tr')))
        zeilen.push(Array.from(tr.getElementsByTagNameNS(W, 'tc')).map((c) => ({ text: t(c) })));
  }
  const namen = Object.keys(zip.files)
    .filter((n) => /^word\/charts\/chart\d+\.xml$/.test(n))
    .sort();
  const diagramme = await Promise.all(
    namen.map(async (n) => parser.parseFromString(await zip.file(n)!.async('string'), 'application/xml')),
  );
  return { fassung: { name: 'docx', zeilen }, diagramme };
}

/** Rows of the tables whose header row satisfies `istKopf`, each as a map header → cell. */
function tabellenZeilen(f: Fassung, istKopf: (k: string[]) => boolean, istDaten: (z: Zeile) => boolean): Map<string, Zelle>[] {
  const ergebnis: Map<string, Zelle>[] = [];
  let spalten: string[] | null = null;
  for (const z of f.zeilen) {
    const k = z.map((c) => kopf(c.text));
    if (istKopf(k)) {
      spalten = k;
      continue;
    }
    if (spalten && istDaten(z)) {
      const m = new Map<string, Zelle>();
      spalten.forEach((s, i) => {
        if (s && !m.has(s) && z[i]) m.set(s, z[i]);
      });
      ergebnis.push(m);
    } else if (z.length === 1 || z.every((c, i) => i === 0 || c.text === '' || c.text === z[0].text)) spalten = null;
  }
  return ergebnis;
}

/** The cell shows `erwartet`: the sheet's stored number exactly, the texts as displayed. */
function pruefeWert(f: Fassung, wo: string, zelle: Zelle | undefined, erwartet: number | null, art: 'prozent' | 'zahl'): void {
  expect({ wo, vorhanden: zelle !== undefined }).toEqual({ wo, vorhanden: true });
  const z = zelle!;
  if (z.zahl !== undefined) expect({ wo, wert: z.zahl }).toEqual({ wo, wert: erwartet });
  else {
    const soll = art === 'prozent' ? prozent(erwartet) : zahl(erwartet);
    expect({ wo: `${f.name} ${wo}`, text: z.text === '' && erwartet === null ? '–' : z.text }).toEqual({
      wo: `${f.name} ${wo}`,
      text: soll,
    });
  }
}

const SCHLUSS = 'Hinweis: Standardmaßnahmen';

interface Planzeile {
  nr: string;
  art: string;
  standard: boolean;
  beschreibung: string;
}

async function arbeitsplanung(datei: string): Promise<Planzeile[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(datei);
  const ws = wb.getWorksheet('Arbeitsplanung')!;
  let kopfZeile = 0;
  const spalte: Record<string, number> = {};
  ws.eachRow((row, r) => {
    if (kopfZeile) return;
    const werte = (row.values as unknown[]).map((v) => (typeof v === 'string' ? v : ''));
    if (werte.includes('Nr') && werte.includes('Standardmaßnahme')) {
      kopfZeile = r;
      werte.forEach((v, i) => v && (spalte[v] = i));
    }
  });
  expect(kopfZeile).toBeGreaterThan(0);
  const zeilen: Planzeile[] = [];
  for (let r = kopfZeile + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const wert = (s: string): string => String(row.getCell(spalte[s]).value ?? '').trim();
    if (!wert('Nr')) continue;
    zeilen.push({
      nr: wert('Nr'),
      art: wert('Art'),
      standard: wert('Standardmaßnahme') === 'ja',
      beschreibung: wert('Beschreibung'),
    });
  }
  return zeilen;
}

describe('bericht: every format has the figures of kpi --json and the same rows', () => {
  let dir: string;
  let kpi: KpiJson;
  let plan: Planzeile[];
  const fassungen: Fassung[] = [];
  let diagramme: Document[] = [];

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'im-bericht-zahlen-'));
    const beispiel = path.join(dir, 'beispiel.xlsx');
    expect((await cli('vorlage', beispiel, '--beispiel')).code).toBe(0);
    const k = await cli('kpi', beispiel, '--json');
    expect(k.code).toBe(0);
    kpi = JSON.parse(k.out) as KpiJson;
    plan = await arbeitsplanung(beispiel);
    for (const endung of ['xlsx', 'html', 'docx']) {
      const r = await cli('bericht', beispiel, '--aus', path.join(dir, `bericht.${endung}`));
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
    }
    fassungen.push(await leseXlsx(path.join(dir, 'bericht.xlsx')));
    fassungen.push(await leseHtml(path.join(dir, 'bericht.html')));
    const d = await leseDocx(path.join(dir, 'bericht.docx'));
    fassungen.push(d.fassung);
    diagramme = d.diagramme;
  }, 60_000);
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('the sample has what the checks need: Vorjahr values, Standardmaßnahmen, Wirkungen, missing values', () => {
    expect(kpi.kennzahlen.some((k) => k.vorjahr !== null)).toBe(true);
    expect(kpi.kennzahlen.some((k) => k.zielerreichung === null)).toBe(true);
    expect(plan.filter((p) => p.standard).length).toBe(kpi.gesamt.standardmassnahmen);
    expect(plan.some((p) => p.art === 'Wirkung' && !p.standard)).toBe(true);
  });

  const ZAEHLUNG: [string, keyof Zaehlung, 'prozent' | 'zahl'][] = [
    ['Zielerreichung', 'zielerreichung', 'prozent'],
    ['Umsetzungsquote', 'umsetzungsquote', 'prozent'],
    ['Maßnahmen', 'massnahmen', 'zahl'],
    ['umgesetzt', 'umgesetzt', 'zahl'],
    ['begonnen', 'begonnen', 'zahl'],
    ['geplant', 'geplant', 'zahl'],
    ['verschoben', 'verschoben', 'zahl'],
    ['entfallen', 'entfallen', 'zahl'],
    ['Wirkungen', 'wirkungen', 'zahl'],
  ];

  it.each(['xlsx', 'html', 'docx'])('%s: overview per Handlungsfeld and in total', (name) => {
    const f = fassungen.find((x) => x.name === name)!;
    const zeilen = tabellenZeilen(
      f,
      (k) => k[0] === 'HF' && k.includes('Umsetzungsquote'),
      (z) => /^\d+$/.test(z[0]?.text ?? '') || z[1]?.text === 'Gesamt',
    );
    for (const h of kpi.handlungsfelder) {
      const eigene = zeilen.filter((m) => m.get('HF')?.text === String(h.hf));
      // the overview, and in the sheet and the document again at the head of the Handlungsfeld
      expect(eigene.length).toBeGreaterThanOrEqual(1);
      for (const m of eigene) {
        for (const [spalte, feld, art] of ZAEHLUNG)
          pruefeWert(f, `HF ${h.hf} ${spalte}`, m.get(spalte), h[feld] as number | null, art);
        expect(m.get('Ampel')?.text).toBe(ANZEIGE_AMPEL[h.ampel]);
      }
    }
    const gesamt = zeilen.filter((m) => m.get('Handlungsfeld')?.text === 'Gesamt');
    expect(gesamt).toHaveLength(1);
    for (const [spalte, feld, art] of ZAEHLUNG)
      pruefeWert(f, `Gesamt ${spalte}`, gesamt[0].get(spalte), kpi.gesamt[feld] as number | null, art);
    expect(gesamt[0].get('Ampel')?.text).toBe(ANZEIGE_AMPEL[kpi.gesamt.ampel]);
  });

  it.each(['xlsx', 'html', 'docx'])('%s: every Kennzahl once, with Zielerreichung, Ampel and Vorjahr', (name) => {
    const f = fassungen.find((x) => x.name === name)!;
    const ids = new Set(kpi.kennzahlen.map((k) => k.id));
    const zeilen = tabellenZeilen(
      f,
      (k) => k[0] === 'Nr.' && k[1] === 'Kennzahl',
      (z) => ids.has(z[0]?.text ?? ''),
    );
    expect(zeilen.map((m) => m.get('Nr.')!.text)).toEqual(kpi.kennzahlen.map((k) => k.id));
    zeilen.forEach((m, i) => {
      const k = kpi.kennzahlen[i];
      pruefeWert(f, `${k.id} Zielerreichung`, m.get('Zielerreichung'), k.zielerreichung, 'prozent');
      pruefeWert(f, `${k.id} Vorjahr`, m.get('Vorjahr'), k.vorjahr, 'zahl');
      expect({ id: k.id, ampel: m.get('Ampel')?.text }).toEqual({ id: k.id, ampel: ANZEIGE_AMPEL[k.ampel] });
    });
  });

  it.each(['xlsx', 'html', 'docx'])('%s: every Handlungsziel once, with its Zielerreichung and Ampel', (name) => {
    const f = fassungen.find((x) => x.name === name)!;
    const istUeberschrift = (z: Zeile): boolean =>
      z.some((c) => /^(Handlungsziel \S+: |Handlungsfeld \d+: )/.test(c.text) || c.text === SCHLUSS);
    for (const h of kpi.handlungsziele) {
      const anfang = f.zeilen.filter((z) => z.some((c) => c.text.startsWith(`Handlungsziel ${h.id}: `)));
      expect({ id: h.id, ueberschriften: anfang.length }).toEqual({ id: h.id, ueberschriften: 1 });
      const i = f.zeilen.indexOf(anfang[0]);
      let ende = i + 1;
      while (ende < f.zeilen.length && !istUeberschrift(f.zeilen[ende])) ende++;
      const abschnitt = f.zeilen
        .slice(i + 1, ende)
        .map(text)
        .join(' ');
      const ze = /Zielerreichung:?\s+(\d+ %|–)/.exec(abschnitt);
      expect({ id: h.id, zielerreichung: ze?.[1] }).toEqual({ id: h.id, zielerreichung: prozent(h.zielerreichung) });
      const ampel = /Ampel (grün|gelb|rot|keine Daten)/.exec(abschnitt.slice(ze!.index));
      expect({ id: h.id, ampel: ampel?.[1] }).toEqual({ id: h.id, ampel: ANZEIGE_AMPEL[h.ampel] });
    }
  });

  it.each(['xlsx', 'html', 'docx'])(
    '%s: each Maßnahme and Wirkung listed exactly once; Standardmaßnahmen only in the closing note, each once',
    (name) => {
      const f = fassungen.find((x) => x.name === name)!;
      // the last one: the web page's table of contents names the note too
      const schluss = f.zeilen.map((z) => z.some((c) => c.text === SCHLUSS)).lastIndexOf(true);
      expect(schluss).toBeGreaterThan(0);
      const davor = f.zeilen.slice(0, schluss);
      const danach = f.zeilen.slice(schluss + 1);
      const textDavor = davor.map(text).join('\n');
      const enthaelt = (t: string, nr: string): boolean =>
        new RegExp(`(^|[^\\w-])${nr.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w-])`).test(t);

      for (const p of plan.filter((x) => !x.standard)) {
        const eintraege = davor.filter((z) => z[0]?.text === p.nr && z.some((c) => c.text === p.art));
        expect({ nr: p.nr, eintraege: eintraege.length }).toEqual({ nr: p.nr, eintraege: 1 });
        expect({ nr: p.nr, imSchluss: danach.some((z) => enthaelt(text(z), p.nr)) }).toEqual({ nr: p.nr, imSchluss: false });
      }
      for (const p of plan.filter((x) => x.standard)) {
        expect({ nr: p.nr, davor: enthaelt(textDavor, p.nr), beschreibung: textDavor.includes(p.beschreibung) }).toEqual({
          nr: p.nr,
          davor: false,
          beschreibung: false,
        });
        expect({ nr: p.nr, imSchluss: danach.filter((z) => enthaelt(text(z), p.nr)).length }).toEqual({ nr: p.nr, imSchluss: 1 });
      }
    },
  );

  it.each(['html', 'docx'])("%s: the charts' text alternatives name every Handlungsfeld's figures", async (name) => {
    let texte: string[];
    if (name === 'html') {
      const doc = new JSDOM(await fs.readFile(path.join(dir, 'bericht.html'), 'utf8')).window.document;
      texte = Array.from(doc.querySelectorAll('svg desc')).map((d) => d.textContent ?? '');
    } else {
      const xml = await (
        await JSZip.loadAsync(await fs.readFile(path.join(dir, 'bericht.docx')))
      )
        .file('word/document.xml')!
        .async('string');
      const doc = new new JSDOM('').window.DOMParser().parseFromString(xml, 'application/xml');
      texte = Array.from(
        doc.getElementsByTagNameNS('http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing', 'docPr'),
      ).map((d) => d.getAttribute('descr') ?? '');
    }
    expect(texte).toHaveLength(2);
    const [ziel, status] = texte;
    const zielWerte = [...ziel.matchAll(/(?:HF|Handlungsfeld) (\d+) [^:;]+: (\d+ %|–)/g)].map((m) => [Number(m[1]), m[2]]);
    expect(zielWerte).toEqual(kpi.handlungsfelder.map((h) => [h.hf, prozent(h.zielerreichung)]));
    const statusWerte = [
      ...status.matchAll(
        /(?:HF|Handlungsfeld) (\d+) [^:;]+: (?:\d+ Maßnahmen \()?(\d+) umgesetzt, (\d+) begonnen, (\d+) geplant, (\d+) verschoben, (\d+) entfallen/g,
      ),
    ].map((m) => m.slice(1).map(Number));
    expect(statusWerte).toEqual(
      kpi.handlungsfelder.map((h) => [h.hf, h.umgesetzt, h.begonnen, h.geplant, h.verschoben, h.entfallen]),
    );
  });

  it('docx: the charts carry the figures of kpi --json', () => {
    const C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
    const reihen = (d: Document) =>
      Array.from(d.getElementsByTagNameNS(C, 'ser')).map((s) => ({
        name: s.getElementsByTagNameNS(C, 'tx')[0]?.getElementsByTagNameNS(C, 'v')[0]?.textContent ?? '',
        werte: Array.from(s.getElementsByTagNameNS(C, 'val')[0].getElementsByTagNameNS(C, 'pt')).map((pt) =>
          Number(pt.getElementsByTagNameNS(C, 'v')[0].textContent),
        ),
      }));
    expect(diagramme).toHaveLength(2);
    const [ziel, status] = diagramme.map(reihen);
    expect(ziel).toEqual([{ name: 'Zielerreichung', werte: kpi.handlungsfelder.map((h) => h.zielerreichung ?? 0) }]);
    expect(status).toEqual(
      (['umgesetzt', 'begonnen', 'geplant', 'verschoben', 'entfallen'] as const).map((s) => ({
        name: s,
        werte: kpi.handlungsfelder.map((h) => h[s]),
      })),
    );
  });
});
