/**
 * The built task pane in headless Chromium (playwright-core, /usr/bin/chromium):
 *  (a) taskpane.html outside Office shows "In Excel öffnen", with no console
 *      error, no CSP violation and no request to any host but office.js's CDN;
 *  (b) demo.html runs the real UI, Office gateway and Office.js adapter
 *      against the in-memory fake of the Excel API with planted errors:
 *      Einrichten → Prüfen shows them → click selects the cell → KPIs are
 *      refused while Fehler exist → after correction the summary, and the
 *      computed sheets exist in the fake workbook; the Umsetzungsbericht as
 *      Word document and web page is refused while Fehler exist and
 *      afterwards downloaded, built in the browser under the CSP;
 *  (c) „Neues Berichtsjahr anlegen“ on Start at 320 px: refused while the
 *      workbook has Fehler, then the preview, the year check, the new
 *      workbook as a download and, where Excel can, opened in Excel.
 * Screenshots of every view go to docs/screenshots/.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';
import { pruefen } from '../../src/domain';
import { jahreswechsel } from '../../src/domain/jahreswechsel';
import { TABLES } from '../../src/domain/schema';
import { leseArbeitsmappe } from '../../src/excel/lesen';
import { installiereDemoExcel } from '../../src/taskpane/demo/demoExcel';
import { ladeMappe } from '../../src/xlsx/laden';
import { starteServer, type StatischerServer } from './server';
import { rohdatenAusMappe } from '../../src/workbook/rohdaten';

const ROOT = path.join(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');
const SCREENSHOTS = path.join(ROOT, 'docs', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const OFFICE_CDN = 'https://appsforoffice.microsoft.com/';

/** What office.js does in a plain browser: onReady resolves without a host. */
const OFFICE_STUB_OHNE_HOST = `window.Office = {
  HostType: { Excel: 'Excel', Word: 'Word' },
  onReady: function () { return Promise.resolve({ host: null, platform: null }); }
};`;

let browser: Browser;
let server: StatischerServer;

interface Protokoll {
  readonly fehler: string[];
  readonly fremdeAnfragen: string[];
}

/** Collects console errors, page errors and requests to hosts other than ours and the CDN. */
function beobachte(page: Page, erlaubt: (text: string) => boolean = () => false): Protokoll {
  const p: Protokoll = { fehler: [], fremdeAnfragen: [] };
  page.on('console', (m: ConsoleMessage) => {
    if ((m.type() === 'error' || /Content Security Policy/i.test(m.text())) && !erlaubt(m.text()))
      p.fehler.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => p.fehler.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(server.url) && !u.startsWith(OFFICE_CDN) && !u.startsWith('data:')) p.fremdeAnfragen.push(u);
  });
  return p;
}

async function neueSeite(breite = 360, hoehe = 860): Promise<Page> {
  // reduced motion: screenshots show the settled state, not a colour transition
  const context = await browser.newContext({
    viewport: { width: breite, height: hoehe },
    deviceScaleFactor: 2,
    locale: 'de-DE',
    reducedMotion: 'reduce',
  });
  return context.newPage();
}

/** A finding's button by its address: the list names the sheet, the button's name starts with what it shows (WCAG 2.5.3). */
function eintrag(page: Page, adresse: string) {
  const [blatt, zelle] = adresse.split('!');
  return page.getByRole('list', { name: `Meldungen auf ${blatt}` }).getByRole('button', { name: new RegExp(`^Fehler\\s*${zelle}\\b`) });
}

/** The pane must never scroll sideways (a task pane is 320–400 px wide). */
async function keinSeitlichesScrollen(page: Page): Promise<void> {
  const { breite, fenster } = await page.evaluate(() => ({
    breite: document.documentElement.scrollWidth,
    fenster: window.innerWidth,
  }));
  expect(breite).toBeLessThanOrEqual(fenster);
}

async function foto(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** axe-core's WCAG 2.1 A/AA and best-practice violations of the page as it is now. */
async function axeVerstoesse(page: Page): Promise<string[]> {
  // evaluated through the debugger protocol: the pane's CSP allows no inline script
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: object, o: object) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    // documented exception: tabster's focus guards (aria-hidden <i tabindex=0>, microsoft/tabster#288)
    const r = await axe.run({ exclude: [['[data-tabster-dummy]']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`);
  });
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, 'taskpane.html')) || !fs.existsSync(path.join(DIST, 'demo.html'))) {
    execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  }
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  server = await starteServer(DIST);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.schliessen();
});

describe('taskpane.html outside Office', () => {
  it('shows "In Excel öffnen" in a plain browser, without console errors or foreign requests', async () => {
    const page = await neueSeite();
    const log = beobachte(page);
    await page.route(`${OFFICE_CDN}**`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript', body: OFFICE_STUB_OHNE_HOST }),
    );
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByRole('heading', { name: 'In Excel öffnen' }).waitFor({ timeout: 15000 });
    await page.getByText('Diese Seite wurde in einem normalen Browser geöffnet').waitFor();
    await foto(page, '01-ausserhalb-excel');
    // the CSP is present and names only the add-in's origin and Microsoft's CDN for scripts
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
    expect(log.fehler).toEqual([]);
    expect(log.fremdeAnfragen).toEqual([]);
    await page.context().close();
  });

  it('does not hang when office.js cannot be loaded (offline)', async () => {
    const page = await neueSeite();
    // the failed script load itself is the one expected console error
    const log = beobachte(page, (t) => /Failed to load resource|ERR_/.test(t));
    await page.route(`${OFFICE_CDN}**`, (route) => route.abort('internetdisconnected'));
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByRole('heading', { name: 'In Excel öffnen' }).waitFor({ timeout: 15000 });
    await page.getByText('Die Office-Bibliothek von Microsoft konnte nicht geladen werden').waitFor();
    expect(log.fehler).toEqual([]);
    expect(log.fremdeAnfragen).toEqual([]);
    await page.context().close();
  });
});

describe('taskpane.html inside a (simulated) Excel', () => {
  // office.js stand-in: Excel host, ExcelApi up to 1.12, and an Excel that refuses every batch
  const OFFICE_STUB_EXCEL = `window.Office = {
    HostType: { Excel: 'Excel' },
    onReady: function () { return Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' }); },
    context: {
      officeTheme: { bodyBackgroundColor: '#FFFFFF' },
      requirements: { isSetSupported: function (s, v) { return s === 'ExcelApi' && Number(v.split('.')[1]) <= 12; } }
    }
  };
  window.Excel = { run: function () { var e = new Error('Access denied'); e.code = 'AccessDenied'; return Promise.reject(e); } };`;

  it('loads the lazy chunks under the CSP and shows Excel errors and missing API sets in German', async () => {
    const page = await neueSeite();
    const log = beobachte(page);
    await page.route(`${OFFICE_CDN}**`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript', body: OFFICE_STUB_EXCEL }),
    );
    await page.goto(`${server.url}/taskpane.html?ansicht=pruefen`);
    await page.getByRole('tab', { name: 'Prüfen', selected: true }).waitFor({ timeout: 15000 });
    const alarm = page.getByRole('alert');
    await alarm.waitFor();
    expect(await alarm.textContent()).toContain('Excel hat den Zugriff auf die Arbeitsmappe verweigert.');
    await page.getByText(/benötigt ExcelApi 1\.13/).waitFor();
    await foto(page, '11-excel-fehler');
    expect(log.fehler).toEqual([]);
    expect(log.fremdeAnfragen).toEqual([]);
    await page.context().close();
  });
});

describe('demo.html: the real UI and adapter on the fake Excel API with planted errors', () => {
  it('Einrichten → Prüfen → click selects the cell → KPIs aktualisieren shows the summary', async () => {
    const page = await neueSeite();
    const log = beobachte(page);
    await page.goto(`${server.url}/demo.html?latenz=150`);

    // Start: one table is missing
    await page.getByText('Es fehlen Teile (1)').waitFor({ timeout: 15000 });
    await page.getByText('Tabelle tblEinstellungen (Blatt Stammdaten)').waitFor();
    await foto(page, '02-start-fehlende-teile');

    // Einrichten
    await page.getByRole('button', { name: 'Einrichten' }).click();
    await page.getByText('Einrichten abgeschlossen').waitFor();
    await page.getByText('Aufbau vollständig').waitFor();
    await foto(page, '03-start-eingerichtet');

    // Prüfen: every planted error is listed, grouped by sheet
    await page.getByRole('button', { name: 'Prüfen', exact: true }).click();
    const adressen = await page.evaluate(() => window.__integrationsmonitorDemo?.fehlerAdressen ?? []);
    expect(adressen).toHaveLength(4);
    for (const a of adressen) {
      await eintrag(page, a).waitFor();
    }
    await page.getByRole('list', { name: 'Meldungen auf Arbeitsplanung' }).waitFor();
    await page.getByRole('list', { name: 'Meldungen auf Kennzahlen' }).waitFor();
    await foto(page, '04-pruefen-befunde');

    // Click → the fake workbook received the selection
    const ziel = adressen[2];
    await eintrag(page, ziel).click();
    await page.waitForFunction((z) => window.__integrationsmonitorDemo?.auswahl.includes(z), ziel);
    const auswahl = await page.evaluate(() => window.__integrationsmonitorDemo?.auswahl ?? []);
    expect(auswahl).toEqual([ziel]);

    // KPIs are refused while Fehler exist
    await page.getByRole('tab', { name: 'KPIs' }).click();
    await page.getByRole('button', { name: 'KPIs aktualisieren' }).click();
    await page.getByText('KPIs nicht berechnet').waitFor();
    await page.waitForSelector('button:has-text("KPIs aktualisieren"):not([disabled])');
    await foto(page, '05-kpi-verweigert');

    // The user corrects the cells in Excel; then the refresh succeeds
    await page.evaluate(() => window.__integrationsmonitorDemo?.korrigiereFehler());
    await page.getByRole('button', { name: 'KPIs aktualisieren' }).click();
    await page.getByRole('heading', { name: 'Gesamt 2026' }).waitFor();
    await page.getByRole('heading', { name: 'Handlungsziele je Ampel' }).waitFor();
    expect(await page.getByTestId(/^hf-\d$/).count()).toBe(8);
    await foto(page, '06-kpi-ergebnis');
    const blaetter = await page.evaluate(() => window.__integrationsmonitorDemo?.fake.modell.blaetter.map((b) => b.name) ?? []);
    expect(blaetter).toEqual(expect.arrayContaining(['KPI Übersicht', 'KPI Handlungsziele', 'Umsetzungsbericht', 'KPI Verlauf']));

    // Prüfen now shows only Warnungen
    await page.getByRole('tab', { name: 'Prüfen' }).click();
    await page.getByText('Keine Fehler – die KPIs können berechnet werden.', { exact: false }).waitFor();

    // Start shows the time of the last refresh
    await page.getByRole('tab', { name: 'Start' }).click();
    expect(await page.getByTestId('letzte-kpi').textContent()).not.toBe('noch nie');

    // The Checkliste tab loads lazily on the same workbook; a user fills in Handlungsziel 1.3
    await page.getByRole('tab', { name: 'Checkliste', exact: true }).click();
    await page.getByRole('tab', { name: 'Checkliste ausfüllen' }).waitFor();
    await page.waitForSelector('button:has-text("Neu einlesen"):not([disabled])');
    await keinSeitlichesScrollen(page);
    await page.getByLabel('Handlungsfeld').selectOption('1');
    await page.getByLabel('Handlungsziel').selectOption('1.3');
    await keinSeitlichesScrollen(page);
    const kontext = page.getByRole('region', { name: 'Zusammenhang' });
    await kontext.getByText(/^Herausforderung: /).waitFor();
    await kontext.getByText(/^Leitziel: /).waitFor();
    // Maßnahmen and Wirkungen in the fills of Anlage 2
    const massnahme = kontext.getByRole('listitem').filter({ hasText: /^Maßnahme 1-07/ });
    const wirkung = kontext.getByRole('listitem').filter({ hasText: /^Wirkung 1-10/ });
    expect(await massnahme.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(221, 235, 247)');
    expect(await wirkung.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(226, 239, 218)');
    // live Zielerreichung and Ampel while typing; rot asks for a Begründung
    const patenschaften = page.getByRole('group', { name: 'Kennzahl Aktive Sprachpatenschaften' });
    await patenschaften.getByLabel('Istwert').fill('15');
    await patenschaften.getByLabel('Stichtag').fill('31.10.2026');
    await patenschaften.getByText('Zielerreichung 25 % · Ampel rot').waitFor();
    await patenschaften.getByText('Die Ampel steht auf Rot: bitte begründen.').waitFor();
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Bitte die markierten Felder korrigieren. Es wurde nichts gespeichert.').waitFor();
    await patenschaften.getByText(/steht auf Rot \(Zielerreichung 25 %\), aber es fehlt eine Begründung/).waitFor();
    await keinSeitlichesScrollen(page);
    await foto(page, '09-checkliste');
    await patenschaften.screenshot({ path: path.join(SCREENSHOTS, '09-checkliste-kennzahl-rot.png') });
    await patenschaften
      .getByLabel('Begründung')
      .fill('Die Schulung der Patinnen und Paten beginnt erst im Herbst; bis dahin nur Pilotpatenschaften.');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Checkliste und Kennzahlen für Handlungsziel 1.3 gespeichert.').waitFor();

    // Fehlende Angaben: what the steering group still has to ask for, by Handlungsfeld
    await page.getByRole('tab', { name: 'Fehlende Angaben' }).click();
    await page.getByRole('region', { name: 'Fehlende Angaben' }).waitFor();
    await page.getByText(/^Vollständigkeit für den Umsetzungsbericht 2026: /).waitFor();
    await keinSeitlichesScrollen(page);
    await foto(page, '12-fehlende-angaben');

    await page.getByRole('tab', { name: 'Netzwerke' }).click();
    await page.getByLabel('Netzwerkdateien auswählen').waitFor({ state: 'attached' });
    await page.getByRole('combobox', { name: 'Handlungsfeld' }).waitFor();
    await keinSeitlichesScrollen(page);
    await foto(page, '10-netzwerke');
    // builds the network file in the browser (lazy exceljs under the CSP); the fake Excel lacks createWorkbook → download
    await page.getByRole('button', { name: 'Netzwerkdatei erstellen' }).click();
    await page.getByText(/Diese Excel-Version kann keine neue Arbeitsmappe öffnen/).waitFor();
    await page.getByRole('button', { name: /^Herunterladen \(HF1-.*\.xlsx\)$/ }).waitFor();

    expect(log.fehler).toEqual([]);
    expect(log.fremdeAnfragen).toEqual([]);
    await page.context().close();
  });

  it('keeps the five tabs on one row at 320–400 px, by keyboard too, and the Checkliste never scrolls sideways', async () => {
    for (const breite of [320, 360, 400]) {
      const page = await neueSeite(breite);
      const log = beobachte(page);
      await page.goto(`${server.url}/demo.html?latenz=0&vollstaendig=1`);
      await page.getByText('Aufbau vollständig').waitFor({ timeout: 15000 });
      const tabs = page.getByRole('tablist', { name: 'Ansichten' }).getByRole('tab');
      expect(await tabs.count()).toBe(5);
      const kaesten = await tabs.evaluateAll((els) =>
        els.map((e) => e.getBoundingClientRect()).map((r) => ({ oben: r.top, rechts: r.right })),
      );
      expect(new Set(kaesten.map((k) => Math.round(k.oben))).size).toBe(1);
      expect(Math.max(...kaesten.map((k) => k.rechts))).toBeLessThanOrEqual(breite);
      const liste = await page
        .getByRole('tablist', { name: 'Ansichten' })
        .evaluate((e) => ({ s: e.scrollWidth, c: e.clientWidth }));
      expect(liste.s).toBeLessThanOrEqual(liste.c);
      await keinSeitlichesScrollen(page);
      if (breite === 320) await page.screenshot({ path: path.join(SCREENSHOTS, '13-start-320px.png'), fullPage: true });

      // keyboard: arrows move between tabs, Enter opens the view
      await page.getByRole('tab', { name: 'Start' }).focus();
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Enter');
      await page.getByRole('tab', { name: 'Checkliste', exact: true, selected: true }).waitFor();
      await page.getByLabel('Handlungsfeld').selectOption('2');
      await page.getByLabel('Handlungsziel').selectOption('2.3');
      await page.getByRole('region', { name: 'Zusammenhang' }).waitFor();
      await keinSeitlichesScrollen(page);
      expect(log.fehler).toEqual([]);
      await page.context().close();
    }
  });

  it('KPIs: the report as Word document and web page – refused with the first Fehler, then downloaded', async () => {
    const page = await neueSeite(360, 1000);
    const log = beobachte(page);
    const chunks: string[] = [];
    page.on('request', (r) => chunks.push(path.basename(new URL(r.url()).pathname)));
    await page.goto(`${server.url}/demo.html?latenz=50&vollstaendig=1&ansicht=kpi`);
    await page.getByText('KPIs nicht berechnet').waitFor({ timeout: 15000 });
    // the renderers are not part of the view until asked for
    expect(chunks.filter((c) => /^bericht-(docx|html)\./.test(c))).toEqual([]);

    await page.getByRole('button', { name: 'Bericht als Word-Dokument' }).click();
    const ergebnis = page.getByTestId('bericht-ergebnis');
    await page.getByText('Kein Word-Dokument erstellt').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('bericht-ergebnis');
    const text = (await ergebnis.textContent()) ?? '';
    expect(text).toContain('Die Arbeitsmappe enthält 4 Fehler.');
    const adressen = await page.evaluate(() => window.__integrationsmonitorDemo?.fehlerAdressen ?? []);
    expect(adressen.filter((a) => text.includes(a)).length).toBe(3);
    await ergebnis.scrollIntoViewIfNeeded();
    await foto(page, '14-bericht-verweigert');

    await page.evaluate(() => window.__integrationsmonitorDemo?.korrigiereFehler());
    const [word] = await Promise.all([
      page.waitForEvent('download', { timeout: 60000 }),
      page.getByRole('button', { name: 'Bericht als Word-Dokument' }).click(),
    ]);
    expect(word.suggestedFilename()).toBe('Umsetzungsbericht-2026.docx');
    const zip = await JSZip.loadAsync(fs.readFileSync((await word.path())!));
    expect(await zip.file('word/document.xml')!.async('string')).toContain('Umsetzungsbericht 2026');
    await page.getByText('Word-Dokument erstellt').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('bericht-ergebnis');
    expect(chunks.some((c) => /^bericht-docx\./.test(c))).toBe(true);

    const [webseite] = await Promise.all([
      page.waitForEvent('download', { timeout: 60000 }),
      page.getByRole('button', { name: 'Bericht als Webseite' }).click(),
    ]);
    expect(webseite.suggestedFilename()).toBe('Umsetzungsbericht-2026.html');
    const html = fs.readFileSync((await webseite.path())!, 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('<html lang="de"');
    await page.getByText('Webseite erstellt').waitFor();
    await keinSeitlichesScrollen(page);
    await page.getByTestId('bericht-ergebnis').scrollIntoViewIfNeeded();
    await foto(page, '15-bericht-heruntergeladen');
    expect(log.fehler).toEqual([]);
    expect(log.fremdeAnfragen).toEqual([]);
    await page.context().close();
  });

  it('Neues Berichtsjahr anlegen: refusal with the Fehler, preview, year check, download and opening, at 320 px', async () => {
    const page = await neueSeite(320);
    const log = beobachte(page);
    await page.goto(`${server.url}/demo.html?latenz=100&vollstaendig=1`);
    await page.getByText('Aufbau vollständig').waitFor({ timeout: 15000 });
    const bereich = page.getByRole('region', { name: 'Neues Berichtsjahr anlegen' });
    await bereich.getByRole('heading', { level: 2, name: 'Neues Berichtsjahr anlegen' }).waitFor();
    const fokusText = () => page.evaluate(() => document.activeElement?.textContent ?? '');

    // the planted Fehler block the new year; the first cells are named
    await bereich.getByRole('button', { name: 'Vorschau anzeigen' }).click();
    await bereich.getByText('Kein neues Berichtsjahr: Die Arbeitsmappe enthält 4 Fehler').waitFor();
    const adressen = await page.evaluate(() => window.__integrationsmonitorDemo?.fehlerAdressen ?? []);
    const erste = bereich.getByRole('list', { name: 'Erste Fehler' });
    for (const a of adressen) await erste.getByText(a, { exact: true }).waitFor();
    expect(await fokusText()).toContain('Kein neues Berichtsjahr');
    await keinSeitlichesScrollen(page);
    await foto(page, '14-jahreswechsel-fehler');

    // corrected in Excel: the preview shows what the CLI's rules say for the same data
    await page.evaluate(() => window.__integrationsmonitorDemo?.korrigiereFehler());
    await bereich.getByRole('button', { name: 'Vorschau aktualisieren' }).click();
    await bereich.getByRole('heading', { name: 'Vorschau: Berichtsjahr 2026 → 2027' }).waitFor();
    expect(await fokusText()).toBe('Vorschau: Berichtsjahr 2026 → 2027');
    // the demo workbook is the sample with its Zeitreihe 2025: the same one, corrected, read here by the adapter
    const demo = installiereDemoExcel({ vollstaendig: true });
    demo.korrigiereFehler();
    const raw = await leseArbeitsmappe(demo.fake.context);
    expect(raw.tables.some((t) => t.name === TABLES.zeitreihe.name)).toBe(true);
    const plan = pruefen(raw).plan;
    if (!plan) throw new Error('Beispiel ohne Plan');
    const e = jahreswechsel(raw, plan, 2027);
    for (const key of ['arbeitsplanung', 'checkliste', 'kennzahlen', 'zeitreihe'] as const) {
      const name = TABLES[key].name;
      const zellen = await bereich.getByTestId(`jahreswechsel-${key}`).getByRole('cell').allTextContents();
      expect(zellen).toEqual([
        String(e.uebernommen.filter((x) => x.tabelle === name).length),
        String(e.abgeschlossen.filter((x) => x.tabelle === name).length),
      ]);
    }
    const abgeschlossen = e.abgeschlossen.filter((x) => x.tabelle === 'tblArbeitsplanung');
    await bereich.getByRole('button', { name: `Abgeschlossen, bleiben im Bericht 2026 (${abgeschlossen.length})` }).click();
    const liste = bereich.getByRole('list', { name: 'Abgeschlossene Zeilen der Arbeitsplanung 2026' });
    expect(await liste.getByRole('listitem').count()).toBe(abgeschlossen.length);
    await liste.getByText(`(bisher ${abgeschlossen[0].adresse})`).waitFor();
    // the chevron turns with a transition; the screenshot shows it settled
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    await keinSeitlichesScrollen(page);
    await foto(page, '15-jahreswechsel-vorschau');

    // a year not after the Berichtsjahr is refused with the rule's message
    const jahr = bereich.getByLabel('Neues Berichtsjahr');
    await jahr.fill('2026');
    await bereich.getByText(/Das neue Berichtsjahr 2026 liegt nicht nach dem Berichtsjahr 2026/).waitFor();
    const knopf = bereich.getByRole('button', { name: 'Neue Arbeitsmappe erstellen' });
    expect(await knopf.getAttribute('aria-disabled')).toBe('true');
    await jahr.fill('2027');
    expect(await knopf.getAttribute('aria-disabled')).not.toBe('true');

    // the demo's Excel has no createWorkbook: the file is offered as a download
    await knopf.click();
    await bereich.getByText('Berichtsjahr 2027 zum Herunterladen bereit').waitFor();
    expect(await fokusText()).toContain('Berichtsjahr 2027 zum Herunterladen bereit');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      bereich.getByRole('button', { name: 'Herunterladen (Demo-Arbeitsplanung-2027.xlsx)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Demo-Arbeitsplanung-2027.xlsx');
    const pfad = await download.path();
    const neu = pruefen(rohdatenAusMappe(await ladeMappe(fs.readFileSync(pfad), 'Demo-Arbeitsplanung-2027.xlsx')));
    expect(neu.plan?.einstellungen.berichtsjahr).toBe(2027);
    expect(neu.findings.filter((f) => f.schwere === 'Fehler')).toEqual([]);
    await keinSeitlichesScrollen(page);
    await foto(page, '16-jahreswechsel-herunterladen');

    // where Excel can open a new workbook (ExcelApi 1.8), it does
    await page.evaluate(() => {
      const w = window as unknown as { Excel: Record<string, unknown>; __neueMappe?: string };
      w.Excel.createWorkbook = async (b64: string) => {
        w.__neueMappe = b64;
      };
    });
    await knopf.click();
    await bereich.getByText('Berichtsjahr 2027 in Excel geöffnet').waitFor();
    const b64 = await page.evaluate(() => (window as unknown as { __neueMappe?: string }).__neueMappe ?? '');
    expect(b64.startsWith('UEsDB')).toBe(true);
    await bereich.getByText(/sie als „Demo-Arbeitsplanung-2027\.xlsx“ im SharePoint-Ordner speichern/).waitFor();
    // the open workbook was only read
    const blaetter = await page.evaluate(() => window.__integrationsmonitorDemo?.fake.modell.blaetter.map((b) => b.name) ?? []);
    expect(blaetter).not.toContain('Jahreswechsel');

    expect(log.fehler).toEqual([]);
    expect(log.fremdeAnfragen).toEqual([]);
    await page.context().close();
  });

  // every view in light and dark at the narrowest and a wide pane; views that run an action on start (Prüfen, KPIs) show its result
  it.each(
    (['start', 'pruefen', 'kpi', 'checkliste', 'netzwerk'] as const).flatMap((ansicht) =>
      (['hell', 'dunkel'] as const).flatMap((thema) => [320, 450].map((breite) => [ansicht, thema, breite] as const)),
    ),
  )('axe-core: view %s, %s, %i px has no violation (WCAG 2.1 A/AA, best practices)', async (ansicht, thema, breite) => {
    const page = await neueSeite(breite);
    await page.goto(`${server.url}/demo.html?latenz=0&vollstaendig=1&ansicht=${ansicht}&thema=${thema}`);
    await page.getByRole('tablist', { name: 'Ansichten' }).waitFor({ timeout: 15000 });
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    expect(await axeVerstoesse(page)).toEqual([]);
    await page.context().close();
  });

  it('Selbsttest on Start: runs on the demo Excel, every probe listed with ✓/✗, the workbook keeps no temporary sheet', async () => {
    const page = await neueSeite(360, 1400);
    const log = beobachte(page);
    await page.goto(`${server.url}/demo.html?latenz=0&vollstaendig=1`);
    await page.getByText('Aufbau vollständig').waitFor({ timeout: 15000 });
    // the whole fake workbook: the probe sheet must be gone afterwards
    const vorher = await page.evaluate(() => window.__integrationsmonitorDemo?.fake.schnappschuss() ?? '');
    await page.getByRole('button', { name: 'Selbsttest starten' }).click();
    const proben = page.getByRole('list', { name: 'Proben des Selbsttests' });
    await proben.waitFor({ timeout: 30000 });
    expect(await proben.getByRole('listitem').count()).toBeGreaterThan(8);
    await page.getByRole('button', { name: 'Bericht kopieren' }).waitFor();
    expect(await page.evaluate(() => window.__integrationsmonitorDemo?.fake.schnappschuss() ?? '')).toBe(vorher);
    await proben.scrollIntoViewIfNeeded();
    await foto(page, '17-selbsttest');
    expect(log.fehler).toEqual([]);
    await page.context().close();
  });

  it('shows an Excel error as a German message with what to do', async () => {
    const page = await neueSeite();
    const log = beobachte(page);
    await page.goto(`${server.url}/demo.html?latenz=0&vollstaendig=1&ansicht=pruefen`);
    await page.getByRole('list', { name: 'Meldungen auf Arbeitsplanung' }).waitFor({ timeout: 15000 });
    await page.evaluate(() => window.__integrationsmonitorDemo?.scheitereBeimNaechstenAufruf('InvalidOperationInCellEditMode'));
    await page.getByRole('button', { name: 'Erneut prüfen' }).click();
    const alarm = page.getByRole('alert');
    await alarm.waitFor();
    expect(await alarm.textContent()).toContain('Excel befindet sich im Bearbeitungsmodus einer Zelle.');
    await foto(page, '07-fehlermeldung');
    expect(log.fehler).toEqual([]);
    await page.context().close();
  });

  it('follows a dark Office theme and works by keyboard', async () => {
    const page = await neueSeite();
    const log = beobachte(page);
    await page.goto(`${server.url}/demo.html?latenz=0&vollstaendig=1&thema=dunkel&ansicht=pruefen`);
    await page.getByRole('list', { name: 'Meldungen auf Arbeitsplanung' }).waitFor({ timeout: 15000 });
    const hintergrund = await page.evaluate(() => {
      const el = document.querySelector('main');
      return el ? getComputedStyle(el.parentElement ?? el).backgroundColor : '';
    });
    const [r, g, b] = (hintergrund.match(/\d+/g) ?? ['255', '255', '255']).map(Number);
    expect(r + g + b).toBeLessThan(3 * 96);
    await foto(page, '08-pruefen-dunkel');
    // keyboard: a finding is a real button – focus it and press Enter
    const adresse = await page.evaluate(() => window.__integrationsmonitorDemo?.fehlerAdressen[1] ?? '');
    await eintrag(page, adresse).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((z) => window.__integrationsmonitorDemo?.auswahl.includes(z), adresse);
    expect(log.fehler).toEqual([]);
    await page.context().close();
  });
});

/**
 * Records what reaches a screen reader: Fluent's announcer (document.ariaNotify where the
 * browser has it, else an aria-live element) and every live region or alert/status that
 * appears or changes. Installed before the page's own scripts (the CSP allows no inline script).
 */
const ANSAGEN_AUFZEICHNEN = `(() => {
  const log = [];
  window.__ansagen = log;
  const nimm = (t) => { t = (t || '').replace(/\\s+/g, ' ').trim(); if (t) log.push(t); };
  for (const p of [Document.prototype, Element.prototype]) {
    const alt = p.ariaNotify;
    if (typeof alt === 'function') p.ariaNotify = function (text, o) { nimm(text); return alt.call(this, text, o); };
  }
  const LIVE = '[aria-live]:not([aria-live="off"]), [role="alert"], [role="status"], [role="log"]';
  const region = (n) => { const el = n && (n.nodeType === 1 ? n : n.parentElement); return el ? el.closest(LIVE) : null; };
  new MutationObserver((ms) => {
    for (const m of ms) {
      const r = region(m.target);
      if (r) nimm(r.textContent);
      for (const n of m.addedNodes) if (n.nodeType === 1 && (n.matches(LIVE) || n.querySelector(LIVE))) nimm(n.textContent);
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
})();`;

/** Tab until `ziel` has the focus (keyboard only; the pane's tab order decides the way). */
async function tabZu(page: Page, ziel: ReturnType<Page['locator']>, max = 150): Promise<void> {
  await ziel.waitFor();
  for (let i = 0; i < max; i++) {
    if (await ziel.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Per Tabulator nicht erreichbar: ${ziel}`);
}

/**
 * Tab to a control and press a key. A control that is busy stays focusable but announces itself as
 * unavailable (aria-disabled); a keyboard user waits until it is available, and so does this walk.
 */
async function druecke(page: Page, ziel: ReturnType<Page['locator']>, taste = 'Enter'): Promise<void> {
  await tabZu(page, ziel);
  await page.waitForFunction((el) => el?.getAttribute('aria-disabled') !== 'true' && !(el as HTMLButtonElement | null)?.disabled, await ziel.elementHandle(), {
    timeout: 60000,
  });
  await page.evaluate(() => {
    (window as unknown as { __ansagen: string[] }).__ansagen.length = 0;
  });
  await page.keyboard.press(taste);
}

/** A view by keyboard: Tab to the tab list, arrows to the tab, Enter. */
async function ansichtPerTastatur(page: Page, name: string): Promise<void> {
  const liste = page.getByRole('tablist', { name: 'Ansichten' });
  await tabZu(page, liste.getByRole('tab', { selected: true }));
  for (let i = 0; i < 6; i++) {
    const aktiv = await page.evaluate(() => document.activeElement?.textContent ?? '');
    if (aktiv.startsWith(name)) break;
    await page.keyboard.press('ArrowRight');
  }
  await page.keyboard.press('Enter');
  await liste.getByRole('tab', { name, exact: true, selected: true }).waitFor();
}

const beschreibe = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return '<body>';
    return `<${el.tagName.toLowerCase()} aria-label="${el.getAttribute('aria-label') ?? ''}"> ${(el.textContent ?? '').trim().slice(0, 120)}`;
  });

/**
 * After an action: the focus is on an element (not <body>) whose name or text matches `fokus`,
 * and the screen reader was told something matching `ansage`.
 */
async function landet(page: Page, fokus: RegExp | 'ungueltig', ansage: RegExp): Promise<void> {
  try {
    await page.waitForFunction(
      ({ q, f }) => {
        const el = document.activeElement;
        if (!el || el === document.body) return false;
        if (q === null) return el.getAttribute('aria-invalid') === 'true';
        return new RegExp(q, f).test(`${el.getAttribute('aria-label') ?? ''} ${el.textContent ?? ''}`);
      },
      fokus === 'ungueltig' ? { q: null, f: '' } : { q: fokus.source, f: fokus.flags },
      // building a file first loads the exceljs chunk, which took over 20 s on a loaded CI machine
      { timeout: 60000 },
    );
  } catch {
    throw new Error(`Fokus: erwartet ${String(fokus)}, ist ${await beschreibe(page)}`);
  }
  try {
    await page.waitForFunction(
      ({ q, f }) => (window as unknown as { __ansagen: string[] }).__ansagen.some((t) => new RegExp(q, f).test(t)),
      { q: ansage.source, f: ansage.flags },
      { timeout: 5000 },
    );
  } catch {
    const log = await page.evaluate(() => (window as unknown as { __ansagen: string[] }).__ansagen);
    throw new Error(`Ansage: erwartet ${String(ansage)}, angesagt: ${JSON.stringify(log)}`);
  }
}

async function tastaturSeite(url: string, breite = 320): Promise<{ page: Page; log: Protokoll }> {
  const page = await neueSeite(breite, 900);
  await page.addInitScript({ content: ANSAGEN_AUFZEICHNEN });
  const log = beobachte(page);
  await page.goto(`${server.url}/demo.html?${url}`);
  await page.getByRole('tablist', { name: 'Ansichten' }).waitFor({ timeout: 15000 });
  return { page, log };
}

/** A network file as a network lead returns it: the first Kennzahl's Istwert changed, saved by Excel (here exceljs). */
async function istwertGeaendert(quelle: string, ziel: string): Promise<void> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(quelle);
  for (const ws of wb.worksheets) {
    for (let r = 1; r <= Math.min(ws.rowCount, 20); r++) {
      const kopf = ws.getRow(r).values as unknown[];
      const id = kopf.indexOf('Kennzahl-ID');
      const ist = kopf.indexOf('Istwert');
      if (id < 1 || ist < 1) continue;
      const zelle = ws.getCell(r + 1, ist);
      zelle.value = Number(zelle.value ?? 0) + 3;
      await wb.xlsx.writeFile(ziel);
      return;
    }
  }
  throw new Error('Keine Kennzahlen-Tabelle in der Netzwerkdatei');
}

describe('keyboard only: every action says where it ended (focus and announcement)', () => {
  it('Start, Prüfen, KPIs and the report: Einrichten, Prüfen, Zelle, Erneut prüfen, Schließen, KPIs refused and computed, Word and Webseite', async () => {
    const { page, log } = await tastaturSeite('latenz=0');
    await page.getByText('Es fehlen Teile (1)').waitFor();

    await druecke(page, page.getByRole('button', { name: 'Einrichten' }));
    await landet(page, /Einrichten abgeschlossen/, /Einrichten abgeschlossen/);

    await druecke(page, page.getByRole('button', { name: 'Prüfen', exact: true }));
    await landet(page, /Ergebnis der Prüfung/, /Prüfung abgeschlossen: 4 Fehler/);

    const adresse = await page.evaluate(() => window.__integrationsmonitorDemo?.fehlerAdressen[0] ?? '');
    await druecke(page, eintrag(page, adresse));
    await landet(page, new RegExp(`^\\s*Fehler\\s*${adresse.split('!')[1]}`), new RegExp(`Zelle ${adresse} in Excel ausgewählt`));
    expect(await page.evaluate(() => window.__integrationsmonitorDemo?.auswahl ?? [])).toContain(adresse);

    await druecke(page, page.getByRole('button', { name: 'Erneut prüfen' }));
    await landet(page, /Ergebnis der Prüfung/, /Prüfung abgeschlossen/);

    // an Excel error takes the focus; Schließen gives it back to the button that failed
    await page.evaluate(() => window.__integrationsmonitorDemo?.scheitereBeimNaechstenAufruf('InvalidOperationInCellEditMode'));
    await druecke(page, page.getByRole('button', { name: 'Erneut prüfen' }));
    await landet(page, /Bearbeitungsmodus/, /Bearbeitungsmodus/);
    await druecke(page, page.getByRole('alert').getByRole('button', { name: 'Schließen' }));
    await landet(page, /^\s*Erneut prüfen/, /Meldung geschlossen/);

    await ansichtPerTastatur(page, 'KPIs');
    await druecke(page, page.getByRole('button', { name: 'KPIs aktualisieren' }));
    await landet(page, /KPIs nicht berechnet/, /KPIs nicht berechnet/);
    await druecke(page, page.getByRole('button', { name: 'Fehler anzeigen' }));
    await landet(page, /Ergebnis der Prüfung/, /Prüfen: 4 Fehler/);

    await page.evaluate(() => window.__integrationsmonitorDemo?.korrigiereFehler());
    await ansichtPerTastatur(page, 'KPIs');
    await druecke(page, page.getByRole('button', { name: 'KPIs aktualisieren' }));
    await landet(page, /^\s*Gesamt 2026/, /KPIs aktualisiert: Zielerreichung gesamt \d+\s%/);
    // the thresholds of the sample's Einstellungen
    expect(await page.getByTestId('ampel-schwellen').textContent()).toMatch(/grün ab 90\s%, gelb ab 60\s%, darunter rot/);

    for (const [knopf, titel] of [
      ['Bericht als Word-Dokument', 'Word-Dokument erstellt'],
      ['Bericht als Webseite', 'Webseite erstellt'],
    ] as const) {
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), druecke(page, page.getByRole('button', { name: knopf }))]);
      expect(download.suggestedFilename()).toMatch(/^Umsetzungsbericht-2026\.(docx|html)$/);
      await landet(page, new RegExp(titel), new RegExp(titel));
    }

    // KPIs aktualisieren on Start: the view changes and its result takes the focus
    await ansichtPerTastatur(page, 'Start');
    await druecke(page, page.getByRole('button', { name: 'KPIs aktualisieren' }));
    await landet(page, /^\s*Gesamt 2026/, /KPIs aktualisiert/);
    expect(log.fehler).toEqual([]);
    await page.context().close();
  });

  it('Checkliste: Speichern with an invalid field focuses it, then saves and focuses the message; Kennzahl entfernen', async () => {
    const { page, log } = await tastaturSeite('latenz=0&vollstaendig=1');
    await page.evaluate(() => window.__integrationsmonitorDemo?.korrigiereFehler());
    await ansichtPerTastatur(page, 'Checkliste');
    for (const [feld, wert] of [
      ['Handlungsfeld', '1'],
      ['Handlungsziel', '1.3'],
    ] as const) {
      const auswahl = page.getByLabel(feld);
      await tabZu(page, auswahl);
      for (let i = 0; i < 12 && (await auswahl.inputValue()) !== wert; i++) await page.keyboard.press('ArrowDown');
      expect(await auswahl.inputValue()).toBe(wert);
    }
    const zielwert = page.getByRole('group', { name: /^Kennzahl / }).first().getByLabel(/^Zielwert/);
    await tabZu(page, zielwert);
    const richtig = await zielwert.inputValue();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('viele');
    await druecke(page, page.getByRole('button', { name: 'Speichern' }));
    await landet(page, 'ungueltig', /Bitte die markierten Felder korrigieren/);

    await tabZu(page, zielwert);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(richtig || '10');
    await druecke(page, page.getByRole('button', { name: 'Speichern' }));
    await landet(page, /für Handlungsziel 1\.3 gespeichert/, /für Handlungsziel 1\.3 gespeichert/);

    await druecke(page, page.getByRole('button', { name: /^Kennzahl entfernen: / }).first());
    await landet(page, /^\s*Kennzahlen\s*$/, /Kennzahl .+ entfernt/);
    expect(log.fehler).toEqual([]);
    await page.context().close();
  });

  it('Netzwerke: Netzwerkdatei erstellen, the returned file read and previewed, Übernehmen, Rückgängig', async () => {
    const { page, log } = await tastaturSeite('latenz=0&vollstaendig=1');
    await page.evaluate(() => window.__integrationsmonitorDemo?.korrigiereFehler());
    await ansichtPerTastatur(page, 'Netzwerke');
    await druecke(page, page.getByRole('button', { name: 'Netzwerkdatei erstellen' }));
    await landet(page, /Zum Herunterladen bereit/, /Zum Herunterladen bereit/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      druecke(page, page.getByRole('button', { name: /^Herunterladen \(/ })),
    ]);
    const zurueck = path.join(path.dirname((await download.path())!), `zurueck-${download.suggestedFilename()}`);
    await istwertGeaendert((await download.path())!, zurueck);

    const [waehler] = await Promise.all([
      page.waitForEvent('filechooser'),
      druecke(page, page.getByRole('button', { name: 'Netzwerkdateien auswählen …' })),
    ]);
    await waehler.setFiles(zurueck);
    await landet(page, /Vorschau/, /Vorschau/);
    await druecke(page, page.getByRole('button', { name: 'Übernehmen', exact: true }));
    await landet(page, /Übernommen/, /Übernommen/);
    await druecke(page, page.getByRole('button', { name: 'Rückgängig', exact: true }));
    await landet(page, /Rückgängig gemacht/, /Rückgängig gemacht/);
    expect(log.fehler).toEqual([]);
    await page.context().close();
  });

  it('Neues Berichtsjahr: refusal, preview and the new workbook, each focused and announced', async () => {
    const { page, log } = await tastaturSeite('latenz=0&vollstaendig=1');
    await page.getByText('Aufbau vollständig').waitFor();
    await druecke(page, page.getByRole('button', { name: 'Vorschau anzeigen' }));
    await landet(page, /Kein neues Berichtsjahr/, /Kein neues Berichtsjahr/);
    await page.evaluate(() => window.__integrationsmonitorDemo?.korrigiereFehler());
    await druecke(page, page.getByRole('button', { name: 'Vorschau aktualisieren' }));
    await landet(page, /^\s*Vorschau: Berichtsjahr 2026 → 2027$/, /Vorschau: Berichtsjahr 2026 → 2027/);
    await druecke(page, page.getByRole('button', { name: 'Neue Arbeitsmappe erstellen' }));
    await landet(page, /Berichtsjahr 2027 zum Herunterladen bereit/, /Berichtsjahr 2027 zum Herunterladen bereit/);
    expect(log.fehler).toEqual([]);
    await page.context().close();
  });
});

/** WCAG contrast ratio of two CSS colours "rgb(r, g, b)". */
function kontrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((x) => {
      const v = Number(x) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [h, d] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (h + 0.05) / (d + 0.05);
}

describe('focus and reflow', () => {
  it.each(['hell', 'dunkel'] as const)('a focused text field or select shows a 2 px outline with 3:1 contrast (%s)', async (thema) => {
    const page = await neueSeite(360);
    await page.goto(`${server.url}/demo.html?latenz=0&vollstaendig=1&ansicht=checkliste&thema=${thema}`);
    await page.getByLabel('Handlungsfeld').selectOption('1');
    await page.getByLabel('Handlungsziel').selectOption('1.1');
    const felder = [page.getByLabel('Handlungsfeld'), page.getByRole('group', { name: /^Kennzahl / }).first().getByLabel(/^Zielwert/)];
    for (const feld of felder) {
      await tabZu(page, feld);
      const r = await feld.evaluate((el) => {
        const rahmen = el.closest('.fui-Input, .fui-Textarea, .fui-Select') ?? el;
        const cs = getComputedStyle(rahmen);
        let hg = 'rgba(0, 0, 0, 0)';
        for (let p: Element | null = rahmen.parentElement; p; p = p.parentElement) {
          const b = getComputedStyle(p).backgroundColor;
          if (!/rgba\(.*, 0\)$/.test(b) && b !== 'transparent') {
            hg = b;
            break;
          }
        }
        return { stil: cs.outlineStyle, breite: parseFloat(cs.outlineWidth), farbe: cs.outlineColor, hg };
      });
      expect(r.stil).toBe('solid');
      expect(r.breite).toBeGreaterThanOrEqual(2);
      expect(kontrast(r.farbe, r.hg)).toBeGreaterThanOrEqual(3);
    }
    await page.context().close();
  });

  // 320 px at 200 % zoom is 160 CSS px; the text spacing is WCAG 1.4.12's
  it.each([false, true])('KPIs at 160 px (320 px at 200 %%), text spacing %s: nothing clipped, no sideways scrolling', async (abstand) => {
    const page = await neueSeite(160);
    await page.goto(`${server.url}/demo.html?latenz=0&vollstaendig=1&ansicht=kpi`);
    await page.getByText('KPIs nicht berechnet').waitFor({ timeout: 15000 });
    await page.evaluate(() => window.__integrationsmonitorDemo?.korrigiereFehler());
    await page.getByRole('button', { name: 'KPIs aktualisieren' }).click();
    await page.getByRole('heading', { name: 'Gesamt 2026' }).waitFor();
    if (abstand) {
      await page.addStyleTag({
        content: '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }',
      });
    }
    await page.waitForTimeout(200);
    const abgeschnitten = await page.evaluate(() => {
      // a glyph's trailing letter-spacing (0.12em) may stick out by a pixel or two; more is clipped content
      const spiel = 4;
      return [...document.querySelectorAll('main *')]
        .filter((el) => {
          const cs = getComputedStyle(el);
          const schneidet = ['hidden', 'clip'].includes(cs.overflowX);
          return schneidet && el.scrollWidth > el.clientWidth + spiel;
        })
        .map((el) => `${el.tagName} ${el.scrollWidth}>${el.clientWidth}: ${(el.textContent ?? '').slice(0, 40)}`);
    });
    expect(abgeschnitten).toEqual([]);
    // the table's last column is visible or reachable by scrolling its region, not cut off
    const letzte = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid^="hf-"] td:last-child')].map((td) => {
        const region = td.closest('[role="region"]') as HTMLElement;
        return td.getBoundingClientRect().right <= region.getBoundingClientRect().right + 1 || region.scrollWidth > region.clientWidth;
      }),
    );
    expect(letzte).toEqual(Array(8).fill(true));
    await keinSeitlichesScrollen(page);
    await foto(page, abstand ? '18-kpi-160px-textabstand' : '18-kpi-160px');
    await page.context().close();
  });
});

// the states the views reach through their actions: results, refusals, errors, validation messages
describe('axe-core on the states after actions', () => {
  it.each((['hell', 'dunkel'] as const).flatMap((thema) => [320, 450].map((breite) => [thema, breite] as const)))(
    '%s, %i px: Einrichten, Excel error, KPIs and report refused and built, Checkliste errors, Netzwerkdatei, Neues Berichtsjahr – no violation',
    async (thema, breite) => {
      const page = await neueSeite(breite, 900);
      await page.goto(`${server.url}/demo.html?latenz=0&thema=${thema}`);
      const zustaende: Record<string, string[]> = {};
      const pruefe = async (name: string) => {
        await page.waitForTimeout(150);
        zustaende[name] = await axeVerstoesse(page);
      };
      await page.getByText('Es fehlen Teile (1)').waitFor({ timeout: 15000 });
      await page.getByRole('button', { name: 'Einrichten' }).click();
      await page.getByText('Einrichten abgeschlossen').waitFor();
      await pruefe('Einrichten');
      await page.getByRole('button', { name: 'Vorschau anzeigen' }).click();
      await page.getByText(/Kein neues Berichtsjahr/).waitFor();
      await pruefe('Neues Berichtsjahr verweigert');

      await page.getByRole('tab', { name: 'Prüfen' }).click();
      await page.evaluate(() => window.__integrationsmonitorDemo?.scheitereBeimNaechstenAufruf('InvalidOperationInCellEditMode'));
      await page.getByRole('button', { name: 'Jetzt prüfen' }).click();
      await page.getByRole('alert').waitFor();
      await pruefe('Excel-Fehler');

      await page.getByRole('tab', { name: 'KPIs' }).click();
      await page.getByRole('button', { name: 'KPIs aktualisieren' }).click();
      await page.getByText('KPIs nicht berechnet').waitFor();
      await page.getByRole('button', { name: 'Bericht als Webseite' }).click();
      await page.getByText('Keine Webseite erstellt').waitFor();
      await pruefe('KPIs und Bericht verweigert');
      await page.evaluate(() => window.__integrationsmonitorDemo?.korrigiereFehler());
      await page.getByRole('button', { name: 'KPIs aktualisieren' }).click();
      await page.getByRole('heading', { name: 'Gesamt 2026' }).waitFor();
      await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Bericht als Webseite' }).click()]);
      await page.getByText('Webseite erstellt').waitFor();
      await pruefe('KPIs und Bericht erstellt');

      await page.getByRole('tab', { name: 'Checkliste', exact: true }).click();
      await page.getByLabel('Handlungsfeld').selectOption('1');
      await page.getByLabel('Handlungsziel').selectOption('1.1');
      await page.getByRole('group', { name: /^Kennzahl / }).first().getByLabel(/^Zielwert/).fill('viele');
      await page.getByRole('button', { name: 'Speichern' }).click();
      await page.getByText('Bitte die markierten Felder korrigieren').waitFor();
      await pruefe('Checkliste mit Fehlern');

      await page.getByRole('tab', { name: 'Netzwerke' }).click();
      await page.getByRole('button', { name: 'Netzwerkdatei erstellen' }).click();
      await page.getByText('Zum Herunterladen bereit').waitFor();
      await pruefe('Netzwerkdatei erstellt');

      await page.getByRole('tab', { name: 'Start' }).click();
      await page.getByRole('button', { name: /^Vorschau (anzeigen|aktualisieren)$/ }).click();
      await page.getByRole('heading', { name: 'Vorschau: Berichtsjahr 2026 → 2027' }).waitFor();
      await pruefe('Neues Berichtsjahr Vorschau');

      expect(zustaende).toEqual(Object.fromEntries(Object.keys(zustaende).map((k) => [k, []])));
      await page.context().close();
    },
  );
});
