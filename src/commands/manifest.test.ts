/**
 * The add-in manifest (manifest.xml): German texts, least privilege, the
 * requirement set the Office.js adapter declares, ribbon buttons on one pane,
 * icons that exist with the size the manifest claims.
 */
import * as fs from 'fs';
import * as path from 'path';
import { MINDEST_VERSION } from '../excel/requirements';

const ROOT = path.join(__dirname, '..', '..');
const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const ohneKommentare = xml.replace(/<!--[\s\S]*?-->/g, '');

function alle(re: RegExp): string[][] {
  return [...ohneKommentare.matchAll(re)].map((m) => m.slice(1));
}

function pngGroesse(datei: string): [number, number] {
  const b = fs.readFileSync(datei);
  expect(b.subarray(1, 4).toString('ascii')).toBe('PNG');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe('manifest.xml', () => {
  it('asks for ReadWriteDocument only and names the provider in German', () => {
    expect(alle(/<Permissions>([^<]*)<\/Permissions>/g)).toEqual([['ReadWriteDocument']]);
    expect(ohneKommentare).toContain('<DisplayName DefaultValue="Integrationsmonitor"/>');
    expect(ohneKommentare).toContain('<ProviderName>Stadt Rheine – Integrationsbüro</ProviderName>');
    expect(ohneKommentare).toContain('<DefaultLocale>de-DE</DefaultLocale>');
  });

  it('declares exactly the ExcelApi minimum of the adapter', () => {
    expect(alle(/<Set Name="([^"]+)" MinVersion="([^"]+)"\/>/g)).toEqual([['ExcelApi', MINDEST_VERSION]]);
  });

  it('has the three ribbon buttons, all opening one pane on their view', () => {
    const texte = new Map(alle(/<bt:String id="([^"]+)" DefaultValue="([^"]+)"\/>/g).map(([id, v]) => [id, v]));
    const urls = new Map(alle(/<bt:Url id="([^"]+)" DefaultValue="([^"]+)"\/>/g).map(([id, v]) => [id, v]));
    const knoepfe = alle(/<Control xsi:type="Button" id="[^"]+">\s*<Label resid="([^"]+)"\/>[\s\S]*?<TaskpaneId>([^<]+)<\/TaskpaneId>\s*<SourceLocation resid="([^"]+)"\/>/g);
    expect(knoepfe.map(([label, pane, url]) => [texte.get(label), pane, urls.get(url)])).toEqual([
      ['Aufgabenbereich öffnen', 'Integrationsmonitor', 'https://localhost:3000/taskpane.html'],
      ['Prüfen', 'Integrationsmonitor', 'https://localhost:3000/taskpane.html?ansicht=pruefen'],
      ['KPIs aktualisieren', 'Integrationsmonitor', 'https://localhost:3000/taskpane.html?ansicht=kpi'],
    ]);
    expect(texte.get('Gruppe.Label')).toBe('Integrationsmonitor');
  });

  it('uses only https://localhost:3000 URLs, so ADDIN_URL replaces every one of them', () => {
    const urls = alle(/DefaultValue="(https?:\/\/[^"]+)"/g).map(([u]) => u);
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) expect(u.startsWith('https://localhost:3000/')).toBe(true);
  });

  it('points at icons in assets/ with the sizes it declares', () => {
    const bilder = alle(/<bt:Image id="Icon\.(\d+)x\d+" DefaultValue="https:\/\/localhost:3000\/([^"]+)"\/>/g);
    expect(bilder.map(([g]) => g)).toEqual(['16', '32', '80']);
    for (const [g, datei] of bilder) expect(pngGroesse(path.join(ROOT, datei))).toEqual([Number(g), Number(g)]);
    expect(pngGroesse(path.join(ROOT, 'assets/icon-64.png'))).toEqual([64, 64]);
    expect(pngGroesse(path.join(ROOT, 'assets/icon-128.png'))).toEqual([128, 128]);
  });
});

describe('webpack.config.js', () => {
  interface Plugin {
    readonly constructor: { readonly name: string };
    readonly patterns?: { from: string; transform?: (c: Buffer) => string }[];
    readonly userOptions?: { filename: string; templateParameters: { csp: string; officeJs: string } };
  }
  type Konfig = (env: unknown, argv: { mode: string }) => { plugins: Plugin[]; target: unknown };

  async function konfig(mode: string, addinUrl?: string) {
    const vorher = process.env.ADDIN_URL;
    if (addinUrl === undefined) delete process.env.ADDIN_URL;
    else process.env.ADDIN_URL = addinUrl;
    try {
      const mod = (await import(path.join(ROOT, 'webpack.config.js'))) as { default: Konfig };
      return mod.default({}, { mode });
    } finally {
      if (vorher === undefined) delete process.env.ADDIN_URL;
      else process.env.ADDIN_URL = vorher;
    }
  }

  it('writes ADDIN_URL into every URL of dist/manifest.xml', async () => {
    const c = await konfig('production', 'https://server.example/integrationsmonitor/');
    const kopie = c.plugins.find((p) => p.patterns?.some((x) => x.from === 'manifest.xml'));
    const transform = kopie?.patterns?.find((x) => x.from === 'manifest.xml')?.transform;
    expect(transform).toBeDefined();
    const aus = transform!(Buffer.from(xml));
    expect(aus).not.toContain('localhost:3000');
    expect(aus).toContain('<SourceLocation DefaultValue="https://server.example/integrationsmonitor/taskpane.html"/>');
  });

  it('refuses a non-HTTPS ADDIN_URL', async () => {
    await expect(konfig('production', 'http://server.example')).rejects.toThrow('muss mit https:// beginnen');
  });

  it('gives the pages a CSP: scripts only from here and office.js from Microsoft, no other network', async () => {
    const c = await konfig('production');
    const seiten = new Map(c.plugins.filter((p) => p.userOptions?.filename).map((p) => [p.userOptions!.filename, p.userOptions!.templateParameters]));
    const taskpane = seiten.get('taskpane.html')!;
    expect(taskpane.officeJs).toBe('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    expect(taskpane.csp).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
    expect(taskpane.csp).toContain("connect-src 'self' https://appsforoffice.microsoft.com;");
    expect(taskpane.csp).toContain("default-src 'self'");
    expect(taskpane.csp).not.toMatch(/unsafe-eval|ws:/);
    expect(seiten.get('demo.html')!.csp).toContain("script-src 'self';");
    expect(seiten.get('demo.html')!.officeJs).toBe('');
    expect(c.target).toEqual(['web', 'es2020']);
  });
});
