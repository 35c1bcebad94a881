/**
 * The HTML Umsetzungsbericht of the sample plan in headless Chromium: it
 * requests nothing from anywhere, the page never scrolls sideways at 320 px
 * (only the table regions do, and they take the keyboard focus), the charts
 * are drawn, and the print style starts each Handlungsfeld on a new A4 page.
 * axe-core finds no violation of WCAG 2.1 A/AA or its best practices.
 * Screenshots at 1024 px and 320 px go to docs/screenshots/.
 */
import * as fs from 'fs';
import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { berechneKpi, pruefen } from '../../src/domain';
import { umsetzungsbericht } from '../../src/domain/bericht';
import { alsRohmappe, beispielTabellen } from '../../src/workbook/beispiel';
import { umsetzungsberichtHtml } from '../../src/workbook/berichtHtml';

const SCREENSHOTS = path.join(__dirname, '..', '..', 'docs', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function beispielHtml(): string {
  const t = beispielTabellen();
  // with the sample's Zeitreihe 2025: the report shows Vorjahr and Veränderung
  const raw = alsRohmappe(t, 'Arbeitsplanung-2026.xlsx');
  const { plan } = pruefen(raw);
  if (!plan) throw new Error('Beispielplan nicht lesbar');
  return umsetzungsberichtHtml(umsetzungsbericht(plan, berechneKpi(plan)), {
    berechnetAm: new Date(Date.UTC(2027, 0, 15, 9, 0)),
    quelle: 'Arbeitsplanung-2026.xlsx',
  });
}

let browser: Browser;
const html = beispielHtml();

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
});
afterAll(async () => {
  await browser?.close();
});

/** Opens the page at `breite` px; every request the page makes is recorded and refused. */
async function oeffne(breite: number): Promise<{ page: Page; anfragen: string[] }> {
  const page = await browser.newPage({ viewport: { width: breite, height: 900 } });
  const anfragen: string[] = [];
  await page.route('**/*', (route) => {
    anfragen.push(route.request().url());
    return route.abort();
  });
  await page.setContent(html, { waitUntil: 'load' });
  return { page, anfragen };
}

describe('HTML Umsetzungsbericht im Browser', () => {
  it.each([1024, 320])('at %i px: no request, no sideways page scrolling, charts drawn', async (breite) => {
    const { page, anfragen } = await oeffne(breite);
    expect(anfragen).toEqual([]);
    const masse = await page.evaluate(() => ({
      seite: document.documentElement.scrollWidth,
      fenster: window.innerWidth,
      diagramme: [...document.querySelectorAll('svg')].map((s) => s.getBoundingClientRect().height),
      ueberlauf: [...document.querySelectorAll('.tabelle')]
        .filter((d) => d.scrollWidth > d.clientWidth)
        .map((d) => (d as HTMLElement).tabIndex),
    }));
    expect(masse.seite).toBeLessThanOrEqual(masse.fenster);
    expect(masse.diagramme).toHaveLength(2);
    for (const h of masse.diagramme) expect(h).toBeGreaterThan(100);
    // a table wider than the screen scrolls in its own region, which the keyboard can reach
    for (const t of masse.ueberlauf) expect(t).toBe(0);
    if (breite === 320) expect(masse.ueberlauf.length).toBeGreaterThan(0);
    // the overview and the charts, the part a reader looks at first
    await page.evaluate(() => document.getElementById('ueberblick')!.scrollIntoView());
    await page.screenshot({ path: path.join(SCREENSHOTS, `20-bericht-html-${breite}px.png`) });
    await page.close();
  });

  it.each([1024, 320])('at %i px: axe-core finds no violation (WCAG 2.1 A/AA, best practices)', async (breite) => {
    const { page } = await oeffne(breite);
    // inlined: the page may not load anything
    await page.addScriptTag({ content: fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
    const verstoesse = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
      const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
      return r.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(verstoesse).toEqual([]);
    await page.close();
  });

  it('prints on A4 with each Handlungsfeld on a new page', async () => {
    const { page } = await oeffne(1024);
    await page.emulateMedia({ media: 'print' });
    const druck = await page.evaluate(() => ({
      umbrueche: [...document.querySelectorAll('section.hf')].map((s) => getComputedStyle(s).breakBefore),
      nav: getComputedStyle(document.querySelector('nav')!).display,
    }));
    expect(druck.umbrueche).toHaveLength(8);
    for (const b of druck.umbrueche) expect(b).toBe('page');
    expect(druck.nav).toBe('none');
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    // 8 Handlungsfelder, each starting a page, plus the title page
    const seiten = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(seiten).toBeGreaterThanOrEqual(9);
    await page.close();
  });
});
