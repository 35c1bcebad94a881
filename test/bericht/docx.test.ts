/**
 * The Word Umsetzungsbericht built from the sample plan, read back as a
 * package: Word's heading styles carry the structure, every table repeats
 * its header row, the language is de-DE, the title is in the document
 * properties, no empty paragraphs are used for spacing, the figures equal
 * the KPI result and special characters survive. python-docx, where
 * installed, reads the file as an independent reader.
 */
import { execFileSync, spawnSync } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { JSDOM } from 'jsdom';
import JSZip from 'jszip';
import {
  berechneKpi,
  pruefen,
  TABLE_ORDER,
  TABLES,
  type Plan,
} from '../../src/domain';
import { umsetzungsbericht, type Umsetzungsbericht } from '../../src/domain/bericht';
import type { KpiResult } from '../../src/domain/model';
import { umsetzungsberichtDocx } from '../../src/dokument';
import { alsRohmappe, beispielTabellen, vorlageTabellen } from '../../src/workbook/beispiel';
import { AMPEL_LABEL, COLORS } from '../../src/workbook/layout';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const SONDER = 'Sprachkurs <Stufe A1> & „Café“ mit "Eltern"';
/** A Bemerkung typed with Alt+Enter, with a control character XML does not allow. */
const MEHRZEILIG = 'Erste Zeile\nZweite\u0007 Zeile';


/** The sample plan, one Handlungsziel text with XML special characters, one Vorjahr value. */
function beispiel(): { plan: Plan; kpi: KpiResult; bericht: Umsetzungsbericht } {
  const t = beispielTabellen();
  const spalte = TABLES.ziele.columns.findIndex((c) => c.header === 'Handlungsziel');
  t.ziele[0][spalte] = SONDER;
  const bemerkung = TABLES.arbeitsplanung.columns.findIndex((c) => c.header === 'Bemerkung');
  const standard = TABLES.arbeitsplanung.columns.findIndex((c) => c.header === 'Standardmaßnahme');
  t.arbeitsplanung.find((r) => r[standard] !== 'ja')![bemerkung] = MEHRZEILIG;
  const { plan: gelesen } = pruefen(alsRohmappe(t, 'beispiel.xlsx', TABLE_ORDER));
  if (!gelesen) throw new Error('Beispielplan nicht lesbar');
  const k = gelesen.kennzahlen[0];
  const plan: Plan = {
    ...gelesen,
    zeitreihe: [
      {
        kennzahlId: k.id,
        jahr: gelesen.einstellungen.berichtsjahr - 1,
        istwert: 1234.5,
        zielwert: null,
        stichtag: null,
        ref: { sheet: 'Zeitreihe', row: 2 },
      },
    ],
  };
  const kpi = berechneKpi(plan);
  return { plan, kpi, bericht: umsetzungsbericht(plan, kpi) };
}

const parser = new new JSDOM('').window.DOMParser();
function xml(text: string): Document {
  const d = parser.parseFromString(text, 'application/xml');
  const fehler = d.getElementsByTagName('parsererror');
  if (fehler.length > 0) throw new Error(`XML nicht wohlgeformt: ${fehler[0].textContent}`);
  return d;
}
const alle = (e: Document | Element, name: string): Element[] => Array.from(e.getElementsByTagNameNS(W, name));
const kinder = (e: Element, name: string): Element[] =>
  Array.from(e.children).filter((c) => c.namespaceURI === W && c.localName === name);
const text = (e: Element): string =>
  alle(e, 't')
    .map((t) => t.textContent ?? '')
    .join('');
const stil = (p: Element): string | null =>
  kinder(p, 'pPr')[0]?.getElementsByTagNameNS(W, 'pStyle')[0]?.getAttributeNS(W, 'val') ?? null;
const wAttr = (e: Element | undefined, name: string): string | null => e?.getAttributeNS(W, name) ?? null;
const prozent = (x: number | null): string => (x === null ? '–' : `${Math.round(x * 100)} %`);

interface Paket {
  zip: JSZip;
  dokument: Document;
  body: Element;
  teile: Record<string, string>;
}

async function paket(bytes: Uint8Array): Promise<Paket> {
  const zip = await JSZip.loadAsync(bytes);
  const teile: Record<string, string> = {};
  for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n)))
    teile[name] = await zip.file(name)!.async('string');
  const dokument = xml(teile['word/document.xml']);
  return { zip, dokument, body: alle(dokument, 'body')[0], teile };
}

describe('Umsetzungsbericht als Word-Dokument', () => {
  const { kpi, bericht } = beispiel();
  const meta = { berechnetAm: new Date(Date.UTC(2026, 11, 2, 9, 30)), quelle: 'Arbeitsplanung-2026.xlsx' };
  let p: Paket;
  let bytes: Uint8Array;

  beforeAll(async () => {
    bytes = await umsetzungsberichtDocx(bericht, meta);
    p = await paket(bytes);
  });

  it('every XML part of the package is well-formed', () => {
    expect(Object.keys(p.teile).length).toBeGreaterThan(5);
    for (const [name, inhalt] of Object.entries(p.teile)) expect(() => xml(inhalt)).not.toThrow(new RegExp(name));
  });

  it('uses Title, Heading1 per Handlungsfeld and Heading2 per Handlungsziel (Word heading styles)', () => {
    const absaetze = kinder(p.body, 'p');
    const mitStil = (s: string): string[] => absaetze.filter((a) => stil(a) === s).map(text);
    expect(mitStil('Title')).toEqual([`Umsetzungsbericht ${bericht.berichtsjahr} – Integrationskonzept der Stadt Rheine`]);
    const h1 = mitStil('Heading1');
    for (const hf of bericht.handlungsfelder) expect(h1).toContain(`Handlungsfeld ${hf.hf}: ${hf.name}`);
    const h2 = mitStil('Heading2');
    const ziele = bericht.handlungsfelder.flatMap((h) => h.ziele);
    expect(h2).toEqual(ziele.map((z) => `Handlungsziel ${z.id}: ${z.handlungsziel}`));
    // Handlungsfelder in HF order, each Handlungsziel under its own Handlungsfeld
    const folge = absaetze.filter((a) => stil(a) === 'Heading1' || stil(a) === 'Heading2').map(text);
    for (const hf of bericht.handlungsfelder) {
      const start = folge.indexOf(`Handlungsfeld ${hf.hf}: ${hf.name}`);
      hf.ziele.forEach((z, i) => expect(folge[start + 1 + i]).toBe(`Handlungsziel ${z.id}: ${z.handlungsziel}`));
    }
    // the styles exist with outline levels, so the navigation pane and a table of contents find them
    const styles = xml(p.teile['word/styles.xml']);
    const stilDef = (id: string): Element | undefined => alle(styles, 'style').find((s) => wAttr(s, 'styleId') === id);
    // Word's built-in names, so Word (and screen readers) take them as its own heading styles
    expect(wAttr(alle(stilDef('Heading1')!, 'name')[0], 'val')).toBe('heading 1');
    expect(wAttr(alle(stilDef('Heading2')!, 'name')[0], 'val')).toBe('heading 2');
    expect(wAttr(alle(stilDef('Heading1')!, 'outlineLvl')[0], 'val')).toBe('0');
    expect(wAttr(alle(stilDef('Heading2')!, 'outlineLvl')[0], 'val')).toBe('1');
    // body text is hyphenated (German, narrow columns), headings are not
    expect(alle(xml(p.teile['word/settings.xml']), 'autoHyphenation')).toHaveLength(1);
    for (const id of ['Title', 'Heading1', 'Heading2']) {
      const pPr = alle(stilDef(id)!, 'pPr')[0];
      const namen = Array.from(pPr.children).map((c) => c.localName);
      expect(namen).toContain('suppressAutoHyphens');
      // schema order: keepNext/keepLines before, spacing after
      expect(namen.indexOf('suppressAutoHyphens')).toBeLessThan(namen.indexOf('spacing'));
    }
  });

  it('every table repeats a bold header row on each page', () => {
    const tabellen = alle(p.dokument, 'tbl');
    // overview, one per HF, Kennzahlen and Maßnahmen per Handlungsziel, Standardmaßnahmen
    expect(tabellen.length).toBeGreaterThan(bericht.handlungsfelder.length + 2);
    for (const t of tabellen) {
      const [kopf, ...rest] = kinder(t, 'tr');
      expect(alle(kopf, 'tblHeader')).toHaveLength(1);
      for (const r of alle(kopf, 'r')) expect(alle(r, 'b').length).toBeGreaterThan(0);
      for (const z of rest) expect(alle(z, 'tblHeader')).toHaveLength(0);
    }
  });

  it('document language de-DE, title and creator in the core properties', () => {
    const styles = xml(p.teile['word/styles.xml']);
    const lang = alle(alle(styles, 'rPrDefault')[0], 'lang')[0];
    expect(wAttr(lang, 'val')).toBe('de-DE');
    // the chart texts too (npm docx writes them as en-US)
    for (const [name, inhalt] of Object.entries(p.teile)) expect(`${name}: ${inhalt}`).not.toContain('en-US');
    expect(p.teile['word/charts/chart1.xml']).toContain('<c:lang val="de-DE"/>');
    const core = xml(p.teile['docProps/core.xml']);
    const dc = 'http://purl.org/dc/elements/1.1/';
    expect(core.getElementsByTagNameNS(dc, 'title')[0].textContent).toBe(
      `Umsetzungsbericht ${bericht.berichtsjahr} – Integrationskonzept der Stadt Rheine`,
    );
    expect(core.getElementsByTagNameNS(dc, 'creator')[0].textContent).toBe('Integrationsmonitor');
    expect(core.getElementsByTagNameNS(dc, 'description')[0].textContent).toContain('Arbeitsplanung-2026.xlsx');
  });

  it('A4 landscape page', () => {
    const pgSz = alle(p.dokument, 'pgSz')[0];
    expect([wAttr(pgSz, 'w'), wAttr(pgSz, 'h'), wAttr(pgSz, 'orient')]).toEqual(['16838', '11906', 'landscape']);
  });

  it('no empty paragraphs for spacing: every body paragraph has text or a chart', () => {
    expect(p.teile['word/document.xml']).not.toMatch(/<w:p\/>|<w:p>\s*<\/w:p>/);
    for (const a of kinder(p.body, 'p')) {
      const hatZeichnung =
        a.getElementsByTagNameNS('http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'drawing').length > 0;
      expect(hatZeichnung || text(a).trim().length > 0).toBe(true);
    }
  });

  it('the overview shows every Handlungsfeld with the figures of the KPI result', () => {
    const ueberblick = alle(p.dokument, 'tbl')[0];
    const zeilen = kinder(ueberblick, 'tr').slice(1);
    expect(zeilen).toHaveLength(kpi.handlungsfelder.length + 1);
    kpi.handlungsfelder.forEach((h, i) => {
      const zellen = kinder(zeilen[i], 'tc').map(text);
      expect(zellen[0]).toBe(String(h.hf));
      expect(zellen[2]).toBe(prozent(h.zielerreichung));
      expect(zellen[3]).toBe(AMPEL_LABEL[h.ampel]);
      expect(zellen[4]).toBe(prozent(h.umsetzungsquote));
      expect(zellen.slice(5).map(Number)).toEqual([
        h.massnahmen,
        h.umgesetzt,
        h.begonnen,
        h.geplant,
        h.verschoben,
        h.entfallen,
        h.wirkungen,
      ]);
    });
    const gesamt = kinder(zeilen[zeilen.length - 1], 'tc').map(text);
    expect(gesamt[1]).toBe('Gesamt');
    expect(gesamt[2]).toBe(prozent(kpi.gesamt.zielerreichung));
  });

  it('Ampel as a word with cell shading; Maßnahmen and Wirkungen shaded as in Anlage 2', () => {
    const zellen = alle(p.dokument, 'tc');
    const fuellung = (c: Element): string | null => wAttr(alle(c, 'shd')[0], 'fill');
    for (const [ampel, farbe] of [
      ['gruen', COLORS.gruen],
      ['gelb', COLORS.gelb],
      ['rot', COLORS.rot],
    ] as const) {
      const mit = zellen.filter((c) => text(c) === AMPEL_LABEL[ampel]);
      expect(mit.length).toBeGreaterThan(0);
      for (const c of mit) expect(fuellung(c)).toBe(farbe);
    }
    const art = (wort: string): Element[] => zellen.filter((c) => text(c) === wort);
    expect(art('Maßnahme').length).toBe(kpi.gesamt.massnahmen);
    expect(art('Wirkung').length).toBe(kpi.gesamt.wirkungen);
    for (const c of art('Maßnahme')) expect(fuellung(c)).toBe(COLORS.massnahme);
    for (const c of art('Wirkung')) expect(fuellung(c)).toBe(COLORS.wirkung);
  });

  it('Kennzahlen tables show Vorjahr, German numbers and „–“ for missing values', () => {
    const k = bericht.handlungsfelder[0].ziele[0].kennzahlen[0];
    const tabelle = alle(p.dokument, 'tbl').find((t) => kinder(t, 'tr').some((r) => text(kinder(r, 'tc')[0]) === k.id))!;
    const kopf = kinder(kinder(tabelle, 'tr')[0], 'tc').map((c) => text(c).replace(/\u00AD/g, ''));
    expect(kopf).toEqual(
      expect.arrayContaining(['Ausgangswert', 'Zielwert', 'Istwert', 'Vorjahr', 'Zielerreichung', 'Ampel', 'Begründung']),
    );
    const zeile = kinder(tabelle, 'tr').find((r) => text(kinder(r, 'tc')[0]) === k.id)!;
    const zelle = (h: string): string => text(kinder(zeile, 'tc')[kopf.indexOf(h)]);
    expect(zelle('Vorjahr')).toBe('1.234,5');
    expect(zelle('Zielerreichung')).toBe(prozent(k.zielerreichung));
    expect(zelle('Ausgangswert')).toBe(k.ausgangswert === null ? '–' : k.ausgangswert.toLocaleString('de-DE'));
    // a Kennzahl without Vorjahr shows the dash
    const andere = bericht.handlungsfelder[0].ziele[0].kennzahlen[1] ?? bericht.handlungsfelder[0].ziele[1].kennzahlen[0];
    const zeile2 = alle(p.dokument, 'tr').find((r) => text(kinder(r, 'tc')[0]) === andere.id)!;
    expect(text(kinder(zeile2, 'tc')[kopf.indexOf('Vorjahr')])).toBe('–');
  });

  it('text with < & " is escaped and reads back unchanged', () => {
    expect(p.teile['word/document.xml']).toContain('&lt;Stufe A1&gt; &amp; „Café“');
    const h2 = kinder(p.body, 'p')
      .filter((a) => stil(a) === 'Heading2')
      .map(text);
    expect(h2).toContain(`Handlungsziel ${bericht.handlungsfelder[0].ziele[0].id}: ${SONDER}`);
  });

  it('a line break in a cell stays a line break; characters XML forbids are dropped', () => {
    const zelle = alle(p.dokument, 'tc').find((c) => text(c).startsWith('Erste Zeile'))!;
    expect(text(zelle)).toBe('Erste ZeileZweite Zeile');
    expect(alle(zelle, 'br')).toHaveLength(1);
    expect(p.teile['word/document.xml']).not.toContain('\u0007');
  });

  it('two native charts with a text alternative naming every value', () => {
    const charts = Object.keys(p.teile).filter((n) => /^word\/charts\/chart\d+\.xml$/.test(n));
    expect(charts).toHaveLength(2);
    expect(p.teile['[Content_Types].xml']).toContain('/word/charts/chart1.xml');
    const docPr = Array.from(
      p.dokument.getElementsByTagNameNS('http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing', 'docPr'),
    );
    expect(docPr).toHaveLength(2);
    const [ziel, massnahmen] = docPr.map((d) => d.getAttribute('descr') ?? '');
    expect(docPr.map((d) => d.getAttribute('title'))).toEqual([
      'Zielerreichung je Handlungsfeld',
      'Maßnahmen nach Status je Handlungsfeld',
    ]);
    for (const h of kpi.handlungsfelder) {
      expect(ziel).toContain(`HF ${h.hf} `);
      expect(ziel).toContain(h.zielerreichung === null ? 'keine Daten' : prozent(h.zielerreichung));
      expect(massnahmen).toContain(`${h.umgesetzt} umgesetzt`);
    }
    // the chart's cached values are the KPI result
    const c1 = xml(p.teile[charts[0]]);
    const werte = Array.from(c1.getElementsByTagNameNS('http://schemas.openxmlformats.org/drawingml/2006/chart', 'val'))[0];
    const pts = Array.from(werte.getElementsByTagNameNS('http://schemas.openxmlformats.org/drawingml/2006/chart', 'v')).map((v) =>
      Number(v.textContent),
    );
    expect(pts).toEqual(kpi.handlungsfelder.filter((h) => h.zielerreichung !== null).map((h) => h.zielerreichung));
  });

  it('closing note names every Standardmaßnahme', () => {
    const alleTexte = alle(p.dokument, 'tc').map(text);
    expect(bericht.standardmassnahmen.length).toBeGreaterThan(0);
    for (const s of bericht.standardmassnahmen) expect(alleTexte).toContain(s.nr);
    const h1 = kinder(p.body, 'p')
      .filter((a) => stil(a) === 'Heading1')
      .map(text);
    expect(h1[h1.length - 1]).toBe('Hinweis: Standardmaßnahmen');
  });

  it('the empty template gives a complete document too (no figures yet)', async () => {
    const { plan } = pruefen(alsRohmappe(vorlageTabellen(), 'beispiel.xlsx', TABLE_ORDER));
    const leer = umsetzungsbericht(plan!, berechneKpi(plan!));
    const q = await paket(await umsetzungsberichtDocx(leer, meta));
    for (const inhalt of Object.values(q.teile)) expect(() => xml(inhalt)).not.toThrow();
    const h1 = kinder(q.body, 'p')
      .filter((a) => stil(a) === 'Heading1')
      .map(text);
    expect(h1).toHaveLength(leer.handlungsfelder.length + 2);
    expect(text(q.body)).toContain('Für dieses Handlungsfeld sind keine Handlungsziele erfasst.');
    expect(text(q.body)).toContain('In der Arbeitsplanung sind keine Standardmaßnahmen gekennzeichnet.');
    // no empty charts: a sentence instead
    expect(Object.keys(q.teile).filter((n) => n.startsWith('word/charts/'))).toEqual([]);
    expect(text(q.body)).toContain('Ein Diagramm der Zielerreichung folgt, sobald Istwerte erfasst sind.');
  });

  const python = '/usr/bin/python3';
  const hatPythonDocx = spawnSync(python, ['-c', 'import docx'], { stdio: 'ignore' }).status === 0;
  (hatPythonDocx ? it : it.skip)('python-docx reads the file and finds the headings', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'im-docx-'));
    try {
      const datei = path.join(dir, 'bericht.docx');
      await fs.writeFile(datei, bytes);
      const skript =
        'import docx, json, sys\n' +
        'd = docx.Document(sys.argv[1])\n' +
        'print(json.dumps({"titel": d.core_properties.title, "h": [[p.style.name, p.text] for p in d.paragraphs if p.style.name.startswith(("Heading", "Title"))], "tabellen": len(d.tables)}))\n';
      const aus = JSON.parse(execFileSync(python, ['-c', skript, datei], { encoding: 'utf8' })) as {
        titel: string;
        h: [string, string][];
        tabellen: number;
      };
      expect(aus.titel).toContain(`Umsetzungsbericht ${bericht.berichtsjahr}`);
      const h1 = aus.h.filter(([s]) => s === 'Heading 1').map(([, t]) => t);
      const h2 = aus.h.filter(([s]) => s === 'Heading 2').map(([, t]) => t);
      for (const hf of bericht.handlungsfelder) expect(h1).toContain(`Handlungsfeld ${hf.hf}: ${hf.name}`);
      expect(h2).toHaveLength(bericht.handlungsfelder.reduce((s, h) => s + h.ziele.length, 0));
      expect(aus.tabellen).toBe(alle(p.dokument, 'tbl').length);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
