/**
 * Files the CLI writes open in Excel without repair, also when the input
 * came from another tool. `cli()` runs the package check
 * (paketPruefung.ts) over every written .xlsx; these tests add the inputs
 * that used to break it and check what the check cannot see.
 */
import { readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { cli, tempOrdner } from '../xlsx/hilfen';
import { hatOpenpyxl, hatSoffice, hatXlsxwriter, mitLibreOffice, mitOpenpyxl, mitXlsxwriter, wieOpenXmlSdk } from './fremd';
import { paketProbleme } from './paketPruefung';

const tmp = tempOrdner();
afterAll(() => tmp.weg());

let eigen = '';
beforeAll(async () => {
  eigen = tmp.datei('eigen.xlsx');
  expect((await cli('vorlage', eigen, '--beispiel')).code).toBe(0);
});

async function teil(pfad: string, name: string): Promise<string> {
  return (await JSZip.loadAsync(readFileSync(pfad))).file(name)!.async('string');
}

/** Every data validation of every sheet: sheet part, sqref, type and formula. */
async function pruefungen(pfad: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(pfad));
  const out: string[] = [];
  for (const n of Object.keys(zip.files)
    .filter((x) => /^xl\/worksheets\/sheet\d+\.xml$/.test(x))
    .sort()) {
    const xml = await zip.file(n)!.async('string');
    for (const m of xml.matchAll(/<dataValidation\b[^>]*\bsqref="([^"]*)"[^>]*>(.*?)<\/dataValidation>/g))
      out.push(`${n} ${m[1]} ${m[2]}`);
  }
  return out.sort();
}

it('data validations stay exactly the template’s after repeated kpi --aus round trips', async () => {
  const vorlage = await pruefungen(eigen);
  expect(vorlage.length).toBeGreaterThan(7);
  let ein = eigen;
  for (const n of [1, 2, 3]) {
    const aus = tmp.datei(`runde${n}.xlsx`);
    expect((await cli('kpi', ein, '--aus', aus)).code).toBe(0);
    expect(await pruefungen(aus)).toEqual(vorlage);
    ein = aus;
  }
});

it('a number formula with an empty cached value is not written back as NaN', async () => {
  const zip = await JSZip.loadAsync(readFileSync(eigen));
  const blatt = 'xl/worksheets/sheet5.xml';
  const xml = await zip.file(blatt)!.async('string');
  expect(xml).toMatch(/<c r="H2"[^>]*>/);
  // Istwert H2 as a formula whose last result was never stored as a value (`<v></v>`)
  zip.file(blatt, xml.replace(/<c r="H2"([^>]*?)(?:\/>|>.*?<\/c>)/, '<c r="H2"$1><f>G2*1</f><v></v></c>'));
  const pfad = tmp.datei('leer-ergebnis.xlsx');
  writeFileSync(pfad, await zip.generateAsync({ type: 'uint8array' }));
  const aus = tmp.datei('leer-ergebnis-kpi.xlsx');
  expect((await cli('kpi', pfad, '--aus', aus)).code).toBe(0);
  const neu = await teil(aus, blatt);
  expect(neu).not.toMatch(/NaN|Infinity/);
  expect(neu).toMatch(/<c r="H2"[^>]*><f>G2\*1<\/f><\/c>/);
});

it('the package check finds what Excel repairs', async () => {
  const zip = await JSZip.loadAsync(readFileSync(eigen));
  const blatt = await zip.file('xl/worksheets/sheet5.xml')!.async('string');
  zip.file('xl/worksheets/sheet5.xml', blatt.replace(/<c r="H2"([^>]*?)(?:\/>|>.*?<\/c>)/, '<c r="H2"$1><v>NaN</v></c>'));
  zip.remove('xl/theme/theme1.xml');
  const plan = await zip.file('xl/worksheets/sheet3.xml')!.async('string');
  zip.file('xl/worksheets/sheet3.xml', plan.replace(/errorTitle="[^"]*"/, `errorTitle="${'x'.repeat(33)}"`));
  const pfad = tmp.datei('kaputt.xlsx');
  writeFileSync(pfad, await zip.generateAsync({ type: 'uint8array' }));
  const p = await paketProbleme(pfad);
  expect(p).toEqual(
    expect.arrayContaining([
      'Kennzahlen!H2: Wert NaN',
      'xl/theme/theme1.xml fehlt',
      '[Content_Types].xml nennt den fehlenden Teil xl/theme/theme1.xml',
      'xl/_rels/workbook.xml.rels: Ziel theme/theme1.xml fehlt',
      expect.stringMatching(/^Arbeitsplanung: Datenüberprüfung \S+: errorTitle länger als 32 Zeichen$/),
    ]),
  );
});

/** All writing verbs on one input; cli() checks each written package. */
async function alleSchreibenden(eingabe: string, name: string): Promise<string> {
  const aus = (x: string) => tmp.datei(`${name}-${x}`);
  expect((await cli('kpi', eingabe, '--aus', aus('kpi.xlsx'))).code).toBe(0);
  expect((await cli('bericht', eingabe, '--aus', aus('bericht.xlsx'))).code).toBe(0);
  expect((await cli('jahreswechsel', eingabe, '--aus', aus('2027.xlsx'))).code).toBe(0);
  const ordner = aus('netz');
  expect((await cli('aufteilen', eingabe, ordner, '--hf', '3')).code).toBe(0);
  const netz = path.join(
    ordner,
    (await import('fs')).readdirSync(ordner).find((n) => n.endsWith('.xlsx'))!,
  );
  const z = await cli('zusammenfuehren', eingabe, netz, '--aus', aus('zusammen.xlsx'));
  expect(z.code).toBe(0);
  return aus('kpi.xlsx');
}

it('own file: every writing verb', async () => {
  await alleSchreibenden(eigen, 'eigen');
});

(hatOpenpyxl ? it : it.skip)('openpyxl input: every writing verb', async () => {
  const pfad = tmp.datei('openpyxl.xlsx');
  mitOpenpyxl(eigen, pfad);
  await alleSchreibenden(pfad, 'openpyxl');
});

(hatXlsxwriter ? it : it.skip)('XlsxWriter input: every writing verb', async () => {
  const pfad = tmp.datei('xlsxwriter.xlsx');
  mitXlsxwriter(eigen, pfad);
  await alleSchreibenden(pfad, 'xlsxwriter');
});

it('Open XML SDK-style input: every writing verb', async () => {
  const pfad = tmp.datei('sdk.xlsx');
  await wieOpenXmlSdk(eigen, pfad);
  await alleSchreibenden(pfad, 'sdk');
});

(hatSoffice ? it : it.skip)(
  'LibreOffice input (no theme part, tables without filter columns): theme written, filter buttons kept',
  async () => {
    const pfad = mitLibreOffice(eigen, tmp.dir);
    const zip = await JSZip.loadAsync(readFileSync(pfad));
    expect(zip.file('xl/theme/theme1.xml')).toBeNull();
    const kpi = await alleSchreibenden(pfad, 'libreoffice');
    const tabellen = await JSZip.loadAsync(readFileSync(kpi));
    for (const n of Object.keys(tabellen.files).filter((x) => /^xl\/tables\/[^/]+\.xml$/.test(x))) {
      const xml = await tabellen.file(n)!.async('string');
      if (/<autoFilter/.test(xml)) expect(`${n}: ${xml}`).not.toMatch(/hiddenButton="1"/);
    }
  },
  120000,
);
