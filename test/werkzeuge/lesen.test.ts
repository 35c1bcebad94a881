/**
 * Valid workbooks written by other tools are read like the tool's own: same
 * findings, same KPIs, notes kept; a read failure never shows an internal
 * error text, only with --debug.
 */
import { writeFileSync } from 'fs';
import JSZip from 'jszip';
import { readFileSync } from 'fs';
import { ladeArbeitsmappe } from '../../src/cli/dateiLaden';
import { cli, tempOrdner } from '../xlsx/hilfen';
import { hatOpenpyxl, hatXlsxwriter, mitOpenpyxl, mitXlsxwriter, version, wieOpenXmlSdk } from './fremd';

const tmp = tempOrdner();
afterAll(() => tmp.weg());

let eigen = '';
let erwartet: { fehler: unknown[]; warnungen: unknown[] };
let kpi: unknown;
beforeAll(async () => {
  eigen = tmp.datei('eigen.xlsx');
  expect((await cli('vorlage', eigen, '--beispiel')).code).toBe(0);
  erwartet = JSON.parse((await cli('pruefen', eigen, '--json')).out);
  kpi = JSON.parse((await cli('kpi', eigen, '--json')).out);
});

/** Same findings and KPIs as the tool's own file; kpi --aus writes a copy that loads again. */
async function wieEigen(pfad: string, notiz?: string): Promise<void> {
  const p = await cli('pruefen', pfad, '--json');
  expect(p.err).toBe('');
  expect(p.code).toBe(0);
  expect(JSON.parse(p.out)).toEqual(erwartet);
  expect(JSON.parse((await cli('kpi', pfad, '--json')).out)).toEqual(kpi);
  const aus = `${pfad}.kpi.xlsx`;
  const k = await cli('kpi', pfad, '--aus', aus);
  expect(k.err).toBe('');
  expect(k.code).toBe(0);
  const wb = await ladeArbeitsmappe(aus);
  if (notiz) expect(JSON.stringify(wb.getWorksheet('Arbeitsplanung')!.getCell('A2').note)).toContain(notiz);
}

(hatOpenpyxl ? it : it.skip)(
  `openpyxl ${hatOpenpyxl ? version('openpyxl') : ''}: notes under xl/comments/, chart drawing in a default namespace`,
  async () => {
    const pfad = tmp.datei('openpyxl.xlsx');
    mitOpenpyxl(eigen, pfad);
    const zip = await JSZip.loadAsync(readFileSync(pfad));
    expect(zip.file('xl/comments/comment1.xml')).not.toBeNull();
    expect(await zip.file('xl/drawings/drawing1.xml')!.async('string')).toMatch(/^<wsDr xmlns=/);
    await wieEigen(pfad, 'Notiz von openpyxl');
  },
);

(hatXlsxwriter ? it : it.skip)(
  `XlsxWriter ${hatXlsxwriter ? version('xlsxwriter') : ''}: tables, a note and a chart from scratch`,
  async () => {
    const pfad = tmp.datei('xlsxwriter.xlsx');
    mitXlsxwriter(eigen, pfad);
    await wieEigen(pfad, 'Notiz von XlsxWriter');
  },
);

it('Open XML SDK style: every part with the x: prefix, other part names, absolute targets', async () => {
  const pfad = tmp.datei('sdk.xlsx');
  await wieOpenXmlSdk(eigen, pfad);
  const zip = await JSZip.loadAsync(readFileSync(pfad));
  expect(await zip.file('xl/workbook.xml')!.async('string')).toContain('<x:workbook');
  expect(zip.file('xl/worksheets/sheet.xml')).not.toBeNull();
  await wieEigen(pfad);
});

it('an unknown read failure: German message without the internal text; --debug adds the technical detail', async () => {
  // a drawing part the loader cannot make sense of (no root element exceljs knows)
  const pfad = tmp.datei('kaputt.xlsx');
  const zip = await JSZip.loadAsync(readFileSync(eigen));
  const rels = 'xl/worksheets/_rels/sheet3.xml.rels';
  const vorhanden = zip.file(rels)
    ? await zip.file(rels)!.async('string')
    : '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  zip.file(
    rels,
    vorhanden.replace(
      '</Relationships>',
      '<Relationship Id="rIdK" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing9.xml"/></Relationships>',
    ),
  );
  zip.file('xl/drawings/drawing9.xml', '<?xml version="1.0"?><foo/>');
  const ws = await zip.file('xl/worksheets/sheet3.xml')!.async('string');
  zip.file('xl/worksheets/sheet3.xml', ws.replace(/<\/worksheet>$/, '<drawing r:id="rIdK"/></worksheet>'));
  writeFileSync(pfad, await zip.generateAsync({ type: 'uint8array' }));
  const r = await cli('pruefen', pfad);
  expect(r.code).toBe(2);
  expect(r.err.trim().split('\n')).toHaveLength(1);
  expect(r.err).toMatch(/^Fehler: Die Datei „kaputt\.xlsx“ kann nicht als Excel-Arbeitsmappe gelesen werden/);
  expect(r.err).not.toMatch(/Cannot read|undefined|TypeError/);
  const d = await cli('pruefen', pfad, '--debug');
  expect(d.code).toBe(2);
  expect(d.err).toMatch(/Technischer Hinweis: .*Cannot read properties of undefined \(reading 'anchors'\)/);
});

it('a part beyond the size limit (a sheet packed small, huge unpacked) is refused quickly with one German line; the pane’s import too', async () => {
  const zip = await JSZip.loadAsync(readFileSync(eigen));
  const blatt = await zip.file('xl/worksheets/sheet3.xml')!.async('string');
  // about 60 MB of empty cells after the data, compressed to well under 1 MB
  zip.file('xl/worksheets/sheet3.xml', blatt.replace('</sheetData>', `${'<row r="100000"/>'.repeat(3_600_000)}</sheetData>`));
  const pfad = tmp.datei('riesig.xlsx');
  writeFileSync(pfad, await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 1 } }));
  const start = Date.now();
  const r = await cli('pruefen', pfad);
  expect(Date.now() - start).toBeLessThan(5000);
  expect(r.code).toBe(2);
  expect(r.err.trim().split('\n')).toHaveLength(1);
  expect(r.err).toMatch(
    /^Fehler: Die Datei „riesig\.xlsx“ ist zu groß zum Lesen: der Teil „xl\/worksheets\/sheet3\.xml“ ist entpackt \d+ MB groß, erlaubt sind höchstens 50 MB je Teil\./,
  );
  const { leseNetzwerkdatei } = await import('../../src/taskpane/netzwerk/dateiLesen');
  const e = await leseNetzwerkdatei('riesig.xlsx', readFileSync(pfad).buffer as ArrayBuffer).catch(
    (x: unknown) => x as { technisch?: string },
  );
  expect((e as { technisch?: string }).technisch).toContain('ist zu groß zum Lesen');
});
