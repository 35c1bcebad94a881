/**
 * `bericht --aus <bericht.html>`: the page carries the figures of
 * `kpi --json`, is self-contained and accessible by structure (language,
 * headings, captioned tables with header cells, charts with a text
 * alternative), escapes user text, and is written without touching the input.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { JSDOM } from 'jsdom';
// every file the CLI writes passes the package check
import { cli, hash } from '../xlsx/hilfen';
import { berechneKpi, pruefen } from '../../src/domain';
import { arbeitsmappe } from '../../src/domain/__tests__/fixtures';
import { umsetzungsbericht, type Umsetzungsbericht } from '../../src/domain/bericht';
import type { Ampel } from '../../src/domain/model';
import { umsetzungsberichtHtml } from '../../src/workbook/berichtHtml';
import { AMPEL_LABEL } from '../../src/workbook/layout';



const prozent = (x: number | null): string => (x === null ? '–' : `${Math.round(x * 100)} %`);
/** Text as read aloud: whitespace collapsed, soft hyphens dropped. */
const txt = (e: Element | null | undefined): string =>
  (e?.textContent ?? '')
    .replace(/\u00ad/g, '')
    .replace(/\s+/g, ' ')
    .trim();

interface KpiJson {
  berichtsjahr: number;
  kennzahlen: { id: string; zielerreichung: number | null; ampel: Ampel; vorjahr: number | null }[];
  handlungsziele: { id: string; hf: number }[];
  handlungsfelder: {
    hf: number;
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
    standardmassnahmen: number;
  }[];
  gesamt: { zielerreichung: number | null; umsetzungsquote: number | null; massnahmen: number; standardmassnahmen: number };
}

/** Structural checks every rendered page must pass. */
function pruefeAufbau(html: string): Document {
  const doc = new JSDOM(html).window.document;
  expect(html.startsWith('<!doctype html>\n<html lang="de">')).toBe(true);
  expect(doc.documentElement.getAttribute('lang')).toBe('de');
  expect(doc.querySelector('meta[charset]')?.getAttribute('charset')).toBe('utf-8');
  expect(doc.querySelector('meta[name="viewport"]')?.getAttribute('content')).toContain('width=device-width');
  expect(doc.querySelectorAll('h1')).toHaveLength(1);

  // heading levels never skip one
  const ebenen = [...doc.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1]));
  ebenen.forEach((e, i) => expect(e - (ebenen[i - 1] ?? 0)).toBeLessThanOrEqual(1));

  // data tables: caption, column headers, one row header per body row, a labelled focusable scroll region
  const tabellen = [...doc.querySelectorAll('table')];
  expect(tabellen.length).toBeGreaterThan(0);
  for (const t of tabellen) {
    const cap = t.querySelector('caption');
    expect(txt(cap)).not.toBe('');
    const kopf = [...t.querySelectorAll('thead th')];
    expect(kopf.length).toBeGreaterThan(0);
    for (const th of kopf) expect(th.getAttribute('scope')).toBe('col');
    for (const tr of t.querySelectorAll('tbody tr, tfoot tr')) {
      const th = [...tr.querySelectorAll('th')];
      expect(th).toHaveLength(1);
      expect(th[0].getAttribute('scope')).toBe('row');
      expect(tr.children).toHaveLength(kopf.length);
    }
    const region = t.parentElement!;
    expect(region.getAttribute('tabindex')).toBe('0');
    expect(region.getAttribute('role')).toBe('region');
    expect(region.getAttribute('aria-labelledby')).toBe(cap!.id);
  }

  // charts: an image with a title and a description
  const svgs = [...doc.querySelectorAll('svg')];
  expect(svgs).toHaveLength(2);
  for (const s of svgs) {
    expect(s.getAttribute('role')).toBe('img');
    const ids = s.getAttribute('aria-labelledby')!.split(' ');
    expect(ids).toHaveLength(2);
    for (const id of ids) expect(txt(doc.getElementById(id))).not.toBe('');
    expect(s.querySelector('title')).not.toBeNull();
    expect(s.querySelector('desc')).not.toBeNull();
  }

  // self-contained: no external resources of any kind
  expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|<embed|@import|url\(|http:|https:|\/\//i);
  expect(doc.querySelectorAll('[src], [srcset], [data], [poster], [style*="url"]')).toHaveLength(0);
  for (const a of doc.querySelectorAll('[href]')) expect(a.getAttribute('href')).toMatch(/^#[\w-]+$/);
  for (const a of doc.querySelectorAll('a[href]')) expect(doc.getElementById(a.getAttribute('href')!.slice(1))).not.toBeNull();
  expect(doc.querySelectorAll('style')).toHaveLength(1);

  // ids are unique
  const alle = [...doc.querySelectorAll('[id]')].map((e) => e.id);
  expect(new Set(alle).size).toBe(alle.length);

  // print style
  const css = txt(doc.querySelector('style'));
  expect(css).toContain('@page { size: A4;');
  expect(css).toMatch(/@media print \{[^]*section\.hf \{ break-before: page; \}/);
  return doc;
}

describe('bericht --aus <bericht.html> with the sample plan', () => {
  let dir: string;
  let beispiel: string;
  let ziel: string;
  let kpi: KpiJson;
  let lauf: { code: number; out: string; err: string };
  let vorher: string;
  let html: string;
  let doc: Document;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'im-html-'));
    beispiel = path.join(dir, 'beispiel.xlsx');
    ziel = path.join(dir, 'bericht.html');
    expect((await cli('vorlage', beispiel, '--beispiel')).code).toBe(0);
    vorher = hash(beispiel);
    const k = await cli('kpi', beispiel, '--json');
    expect(k.code).toBe(0);
    kpi = JSON.parse(k.out) as KpiJson;
    lauf = await cli('bericht', beispiel, '--aus', ziel);
    html = await fs.readFile(ziel, 'utf8');
    doc = new JSDOM(html).window.document;
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('writes the page, leaves the input unchanged and no temporary file behind', async () => {
    expect(lauf.err).toBe('');
    expect(lauf.code).toBe(0);
    expect(lauf.out).toContain(`Umsetzungsbericht 2026 geschrieben (Webseite): ${ziel}`);
    expect(hash(beispiel)).toBe(vorher);
    expect((await fs.readdir(dir)).sort()).toEqual(['beispiel.xlsx', 'bericht.html']);
  });

  it('is a self-contained, structured German page', () => {
    pruefeAufbau(html);
    expect(html).not.toMatch(/\bsrc=/);
    expect(txt(doc.querySelector('title'))).toBe('Umsetzungsbericht 2026 – Integrationskonzept der Stadt Rheine');
    expect(txt(doc.querySelector('h1'))).toBe('Umsetzungsbericht 2026 – Integrationskonzept der Stadt Rheine');
    expect(txt(doc.querySelector('header'))).toMatch(/Berichtsjahr 2026 · Stichtag der Kennzahlen: \d\d\.\d\d\.2026/);
    expect(txt(doc.querySelector('header'))).toContain('aus „beispiel.xlsx“');
  });

  it('orders the headings: overview, each Handlungsfeld with its Handlungsziele, Standardmaßnahmen last', () => {
    const h = [...doc.querySelectorAll('h2, h3')].map((e) => `${e.tagName}:${txt(e).split(':')[0]}`);
    const erwartet = ['H2:Inhalt', 'H2:Überblick nach Handlungsfeldern'];
    for (const hf of kpi.handlungsfelder) {
      erwartet.push(`H2:Handlungsfeld ${hf.hf}`);
      for (const z of kpi.handlungsziele.filter((x) => x.hf === hf.hf)) erwartet.push(`H3:Handlungsziel ${z.id}`);
    }
    erwartet.push('H2:Hinweis');
    expect(h).toEqual(erwartet);
  });

  it('shows the figures of kpi --json in the overview', () => {
    const tabelle = doc.getElementById('ueberblick-tabelle')!.closest('table')!;
    const kopf = [...tabelle.querySelectorAll('thead th')].map(txt);
    const zeilen = [...tabelle.querySelectorAll('tbody tr')];
    expect(zeilen).toHaveLength(kpi.handlungsfelder.length);
    kpi.handlungsfelder.forEach((hf, i) => {
      const zellen = [...zeilen[i].children].map(txt);
      const wert = (k: string): string => zellen[kopf.indexOf(k)];
      expect(wert('HF')).toBe(String(hf.hf));
      expect(wert('Zielerreichung')).toBe(prozent(hf.zielerreichung));
      expect(wert('Ampel')).toBe(AMPEL_LABEL[hf.ampel]);
      expect(wert('Umsetzungsquote')).toBe(prozent(hf.umsetzungsquote));
      for (const s of ['umgesetzt', 'begonnen', 'geplant', 'verschoben', 'entfallen'] as const)
        expect(wert(s)).toBe(String(hf[s]));
      expect(wert('Maßnahmen')).toBe(String(hf.massnahmen));
      expect(wert('Wirkungen')).toBe(String(hf.wirkungen));
    });
    const gesamt = [...tabelle.querySelectorAll('tfoot tr')[0].children].map(txt);
    expect(gesamt[kopf.indexOf('Zielerreichung')]).toBe(prozent(kpi.gesamt.zielerreichung));
    expect(gesamt[kopf.indexOf('Umsetzungsquote')]).toBe(prozent(kpi.gesamt.umsetzungsquote));
    expect(gesamt[kopf.indexOf('Maßnahmen')]).toBe(String(kpi.gesamt.massnahmen));
  });

  it('lists every Kennzahl with Zielerreichung, Ampel as a word and Vorjahr', () => {
    const zeilen = new Map<string, { zellen: string[]; kopf: string[]; ampel: Element | null }>();
    for (const t of doc.querySelectorAll('table')) {
      if (!txt(t.querySelector('caption')).startsWith('Kennzahlen zu Handlungsziel')) continue;
      const kopf = [...t.querySelectorAll('thead th')].map(txt);
      for (const tr of t.querySelectorAll('tbody tr')) {
        const zellen = [...tr.children].map(txt);
        zeilen.set(zellen[0], { zellen, kopf, ampel: tr.querySelector('.ampel') });
      }
    }
    expect([...zeilen.keys()]).toEqual(kpi.kennzahlen.map((k) => k.id));
    for (const k of kpi.kennzahlen) {
      const z = zeilen.get(k.id)!;
      const wert = (h: string): string => z.zellen[z.kopf.indexOf(h)];
      expect(wert('Zielerreichung')).toBe(prozent(k.zielerreichung));
      expect(wert('Ampel')).toBe(AMPEL_LABEL[k.ampel]);
      expect(z.ampel?.className).toBe(`ampel ampel-${k.ampel}`);
      if (k.vorjahr === null) expect(wert('Vorjahr')).toBe('–');
    }
  });

  it('gives both charts the figures as text and refers to the overview table', () => {
    const [ziel, status] = [...doc.querySelectorAll('figure')];
    const zielText = txt(ziel.querySelector('desc'));
    for (const hf of kpi.handlungsfelder)
      expect(zielText).toContain(
        hf.zielerreichung === null
          ? `Handlungsfeld ${hf.hf} `
          : `: ${prozent(hf.zielerreichung)}, Ampel ${AMPEL_LABEL[hf.ampel]}`,
      );
    const statusText = txt(status.querySelector('desc'));
    for (const hf of kpi.handlungsfelder) expect(statusText).toContain(`: ${hf.massnahmen} Maßnahmen`);
    for (const f of [ziel, status]) expect(f.querySelector('figcaption a')?.getAttribute('href')).toBe('#ueberblick-tabelle');
  });

  it('colours Maßnahmen and Wirkungen as in Anlage 2 and names the type as a word', () => {
    const css = txt(doc.querySelector('style'));
    expect(css).toContain('tr.massnahme > * { background: #DDEBF7; }');
    expect(css).toContain('tr.wirkung > * { background: #E2EFDA; }');
    const zeilen = [...doc.querySelectorAll('tr.massnahme, tr.wirkung')];
    const gesamt = kpi.handlungsfelder.reduce((s, h) => s + h.massnahmen + h.wirkungen, 0);
    expect(zeilen).toHaveLength(gesamt);
    for (const tr of zeilen) expect(txt(tr.children[2])).toBe(tr.className === 'wirkung' ? 'Wirkung' : 'Maßnahme');
  });

  it('names the Standardmaßnahmen only in the closing note', () => {
    const schluss = doc.getElementById('standardmassnahmen')!.parentElement!;
    const eintraege = [...schluss.querySelectorAll('li')].map(txt);
    expect(eintraege).toHaveLength(kpi.gesamt.standardmassnahmen);
    const abschnitte = [...doc.querySelectorAll('section.hf')].map(txt).join(' ');
    for (const e of eintraege) expect(abschnitte).not.toContain(e.split(': ')[1].split(' (HF')[0]);
  });

  it('replaces an existing page only with --force and accepts the extension in capitals', async () => {
    const gross = path.join(dir, 'BERICHT.HTML');
    await fs.writeFile(gross, 'alt');
    expect((await cli('bericht', beispiel, '--aus', gross)).code).toBe(2);
    expect(await fs.readFile(gross, 'utf8')).toBe('alt');
    const r = await cli('bericht', beispiel, '--aus', gross, '--force');
    expect(r.code).toBe(0);
    expect(await fs.readFile(gross, 'utf8')).toMatch(/^<!doctype html>/);
    await fs.rm(gross);
  });

  it.each([
    ['an unsupported extension', 'bericht.odt', /Das Format „\.odt“ wird nicht unterstützt/],
    ['no extension', 'bericht', /Die Zieldatei hat keine Endung/],
  ])('refuses %s with exit 2, naming the supported extensions', async (_n, datei, meldung) => {
    const r = await cli('bericht', beispiel, '--aus', path.join(dir, datei));
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(meldung);
    expect(r.err).toContain('Mögliche Endungen für --aus: .xlsx (Arbeitsmappe), .html (Webseite), .docx (Word-Dokument) oder .pdf (PDF)');
    await expect(fs.stat(path.join(dir, datei))).rejects.toThrow();
  });

  it('names the HTML format with an example in the help', async () => {
    const r = await cli('bericht', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('--aus <bericht.xlsx|bericht.html|bericht.docx|bericht.pdf>');
    expect(r.out).toContain('--aus Umsetzungsbericht-2026.html');
  });
});

describe('umsetzungsberichtHtml', () => {
  const META = { berechnetAm: new Date(Date.UTC(2027, 0, 15, 8, 30)), quelle: 'test.xlsx' };

  function bericht(): Umsetzungsbericht {
    const { plan } = pruefen(arbeitsmappe());
    if (!plan) throw new Error('Fixture nicht lesbar');
    return umsetzungsbericht(plan, berechneKpi(plan));
  }

  it('escapes user text in content and never lets markup through', () => {
    const boese = `<script>alert("x")</script> & 'q' <img src=x onerror=alert(1)>`;
    const b = bericht();
    const hf = b.handlungsfelder[0];
    const z = hf.ziele[0];
    const geaendert: Umsetzungsbericht = {
      ...b,
      handlungsfelder: [
        {
          ...hf,
          name: boese,
          netzwerk: boese,
          ziele: [
            {
              ...z,
              handlungsziel: boese,
              herausforderung: boese,
              kennzahlen: z.kennzahlen.map((k) => ({ ...k, name: boese, begruendung: boese, datenquelle: boese })),
              massnahmen: z.massnahmen.map((m) => ({ ...m, beschreibung: boese, bemerkung: boese })),
            },
            ...hf.ziele.slice(1),
          ],
        },
        ...b.handlungsfelder.slice(1),
      ],
      standardmassnahmen: b.standardmassnahmen.map((s) => ({ ...s, beschreibung: boese })),
    };
    const html = umsetzungsberichtHtml(geaendert, { ...META, quelle: `"${boese}".xlsx` });
    const doc = pruefeAufbau(html);
    expect(html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; &#39;q&#39;');
    expect(doc.querySelectorAll('script, img, [onerror]')).toHaveLength(0);
    // the text reads as typed, also in the chart's text alternative
    expect(txt(doc.getElementById('hf-1')!)).toBe(`Handlungsfeld 1: ${boese}`.replace(/\s+/g, ' '));
    expect(txt(doc.querySelector('svg desc'))).toContain(`Handlungsfeld 1 ${boese}`.replace(/\s+/g, ' '));
    expect(txt(doc.querySelector('header'))).toContain(`aus „"${boese}".xlsx“`.replace(/\s+/g, ' '));
  });

  it('formats numbers the German way and shows the Vorjahr', () => {
    const b = bericht();
    const hf = b.handlungsfelder[0];
    const z = hf.ziele[0];
    const k = z.kennzahlen[0];
    const geaendert: Umsetzungsbericht = {
      ...b,
      mitVorjahr: true,
      handlungsfelder: [
        {
          ...hf,
          ziele: [{ ...z, kennzahlen: [{ ...k, ausgangswert: 1234.5, istwert: 12.5, vorjahr: 0.125 }] }, ...hf.ziele.slice(1)],
        },
        ...b.handlungsfelder.slice(1),
      ],
    };
    const doc = pruefeAufbau(umsetzungsberichtHtml(geaendert, META));
    const t = [...doc.querySelectorAll('table')].find((x) => txt(x.querySelector('caption')).startsWith('Kennzahlen zu'))!;
    const kopf = [...t.querySelectorAll('thead th')].map(txt);
    const zellen = [...t.querySelectorAll('tbody tr')[0].children].map(txt);
    expect(zellen[kopf.indexOf('Ausgangswert')]).toBe('1.234,5');
    expect(zellen[kopf.indexOf('Istwert')]).toBe('12,5');
    expect(zellen[kopf.indexOf('Vorjahr')]).toBe('0,13');
    expect(txt(doc.querySelector('header'))).toContain('Erstellt am 15.01.2027, 09:30 Uhr aus „test.xlsx“');
  });

  it('says when there are no data, no Checkliste and no Standardmaßnahmen', () => {
    const b = bericht();
    const leer: Umsetzungsbericht = {
      ...b,
      stichtag: null,
      handlungsfelder: b.handlungsfelder.map((hf) => ({
        ...hf,
        kpi: { ...hf.kpi, zielerreichung: null, ampel: 'keine_daten' as const },
        ziele: hf.ziele.map((z) => ({ ...z, checkliste: null, kennzahlen: [], massnahmen: [], wirkungen: [] })),
      })),
      standardmassnahmen: [],
    };
    const doc = pruefeAufbau(umsetzungsberichtHtml(leer, META));
    const text = txt(doc.body);
    expect(text).toContain('Stichtag der Kennzahlen: 15.01.2027 (Tag der Erstellung)');
    expect(text).toContain('Checkliste noch nicht ausgefüllt');
    expect(text).toContain('Für dieses Handlungsziel sind keine Kennzahlen erfasst.');
    expect(text).toContain('Für dieses Handlungsziel sind keine Maßnahmen geplant.');
    expect(text).toContain('In der Arbeitsplanung sind keine Standardmaßnahmen gekennzeichnet.');
    expect(txt(doc.querySelector('svg desc'))).toContain('Handlungsfeld 1 Sprachförderung: keine Daten');
  });
});
