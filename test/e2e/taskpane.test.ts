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
 *      afterwards downloaded, built in the browser under the CSP.
 * Screenshots of every view go to docs/screenshots/.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';
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

/** Accessible name of a finding's button: "Fehler in Blatt!A1: …". */
function eintragName(adresse: string): RegExp {
  return new RegExp(`^Fehler in ${adresse.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:`);
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
      await page.getByRole('button', { name: eintragName(a) }).waitFor();
    }
    await page.getByRole('list', { name: 'Meldungen auf Arbeitsplanung' }).waitFor();
    await page.getByRole('list', { name: 'Meldungen auf Kennzahlen' }).waitFor();
    await foto(page, '04-pruefen-befunde');

    // Click → the fake workbook received the selection
    const ziel = adressen[2];
    await page.getByRole('button', { name: eintragName(ziel) }).click();
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
    await page.getByRole('button', { name: eintragName(adresse) }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((z) => window.__integrationsmonitorDemo?.auswahl.includes(z), adresse);
    expect(log.fehler).toEqual([]);
    await page.context().close();
  });
});
