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
import { FakeGateway } from '../../src/taskpane/demo/fakeGateway';
import { ladeMappe } from '../../src/xlsx/laden';
import { leseRohdaten } from '../../src/xlsx/lesen';
import { starteServer, type StatischerServer } from './server';

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
    // the CSP is present and names only our origin and Microsoft's CDN for scripts
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
    // the demo workbook is the sample with its Zeitreihe 2025
    const raw = new FakeGateway().rohdaten();
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
    const neu = pruefen(leseRohdaten(await ladeMappe(fs.readFileSync(pfad), 'Demo-Arbeitsplanung-2027.xlsx')));
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
    // evaluated through the debugger protocol: the pane's CSP allows no inline script
    await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
    const verstoesse = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: object, o: object) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
      // documented exception: tabster's focus guards (aria-hidden <i tabindex=0>, microsoft/tabster#288)
      const r = await axe.run({ exclude: [['[data-tabster-dummy]']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
      return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`);
    });
    expect(verstoesse).toEqual([]);
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
