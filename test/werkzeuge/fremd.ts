/**
 * Workbooks as other tools write them, made at test time from a file the
 * tool's writer produced: openpyxl (notes under xl/comments/, drawings in a default
 * namespace, absolute targets), XlsxWriter (tables, notes and a chart from
 * scratch), an Open XML SDK-style package (every part with the `x:` prefix,
 * other part names, absolute targets) built with jszip, and LibreOffice.
 * Needs /usr/bin/python3 with openpyxl and xlsxwriter, soffice for LibreOffice;
 * on CI a missing tool fails instead of skipping.
 */
import { spawnSync } from 'child_process';
import { readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import JSZip from 'jszip';

export const PYTHON = '/usr/bin/python3';

function hat(modul: string): boolean {
  return spawnSync(PYTHON, ['-c', `import ${modul}`], { encoding: 'utf8' }).status === 0;
}
export const hatOpenpyxl = hat('openpyxl');
export const hatXlsxwriter = hat('xlsxwriter');
export const hatSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
if (process.env.CI && !(hatOpenpyxl && hatXlsxwriter)) throw new Error('python3-openpyxl/python3-xlsxwriter fehlen');

/** Versions for the test names, so a failure says which writer it was. */
export function version(modul: string): string {
  const r = spawnSync(PYTHON, ['-c', `import ${modul}; print(${modul}.__version__)`], { encoding: 'utf8' });
  return r.stdout.trim();
}

function python(skript: string, ...args: string[]): void {
  const r = spawnSync(PYTHON, ['-c', skript, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`Python-Skript schlug fehl: ${r.stderr}`);
}

/** openpyxl opens the tool's file, adds a note and a chart, saves under its own part names. */
export function mitOpenpyxl(quelle: string, ziel: string): void {
  python(
    String.raw`
import sys
from openpyxl import load_workbook
from openpyxl.comments import Comment
from openpyxl.chart import BarChart, Reference
wb = load_workbook(sys.argv[1])
wb['Arbeitsplanung']['A2'].comment = Comment('Notiz von openpyxl', 'Test')
ws = wb['Kennzahlen']
ch = BarChart(); ch.add_data(Reference(ws, min_col=7, min_row=1, max_row=5), titles_from_data=True)
ws.add_chart(ch, 'P2')
wb.save(sys.argv[2])
`,
    quelle,
    ziel,
  );
}

/** XlsxWriter rebuilds every table of the tool's file from its values, with a note and a chart. */
export function mitXlsxwriter(quelle: string, ziel: string): void {
  python(
    String.raw`
import sys
from openpyxl import load_workbook
import xlsxwriter
src = load_workbook(sys.argv[1])
out = xlsxwriter.Workbook(sys.argv[2])
for ws in src.worksheets:
    o = out.add_worksheet(ws.title)
    for t in ws.tables.values():
        rng = ws[t.ref]
        kopf = [c.value for c in rng[0]]
        daten = [[c.value for c in r] for r in rng[1:]]
        o.add_table(t.ref, {'name': t.displayName, 'columns': [{'header': h} for h in kopf], 'data': daten})
    if ws.title == 'Arbeitsplanung':
        o.write_comment('A2', 'Notiz von XlsxWriter')
    if ws.title == 'Kennzahlen':
        ch = out.add_chart({'type': 'column'})
        ch.add_series({'values': "='Kennzahlen'!$G$2:$G$5"})
        o.insert_chart('P2', ch)
out.close()
`,
    quelle,
    ziel,
  );
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/**
 * An Open XML SDK-style package: spreadsheetml parts with the `x:` prefix
 * instead of a default namespace, parts renamed (sheet.xml, sheet2.xml, …;
 * tables under xl/tables/t…), absolute relationship targets.
 */
export async function wieOpenXmlSdk(quelle: string, ziel: string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(quelle));
  const umbenannt = new Map<string, string>();
  let blatt = 0;
  let tabelle = 0;
  for (const n of Object.keys(zip.files).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))) {
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(n)) umbenannt.set(n, `xl/worksheets/sheet${blatt++ === 0 ? '' : blatt}.xml`);
    if (/^xl\/tables\/table\d+\.xml$/.test(n)) umbenannt.set(n, `xl/tables/tbl${String.fromCharCode(97 + tabelle++)}.xml`);
  }
  const neu = new JSZip();
  for (const n of Object.keys(zip.files)) {
    if (zip.files[n].dir) continue;
    let inhalt = await zip.files[n].async('string');
    if (inhalt.includes(`xmlns="${MAIN}"`)) {
      inhalt = inhalt
        .replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/g, (m, s: string, name: string) =>
          name.includes(':') ? m : `<${s}x:${name}`,
        )
        .replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`);
    }
    if (n.endsWith('.rels')) {
      const quelleTeil = n.replace(/_rels\/([^/]+)\.rels$/, '$1');
      inhalt = inhalt.replace(/Target="([^"]+)"/g, (m, t: string) => {
        if (/^[a-z]+:/i.test(t)) return m;
        const abs = path.posix.normalize(t.startsWith('/') ? t.slice(1) : path.posix.join(path.posix.dirname(quelleTeil), t));
        return `Target="/${umbenannt.get(abs) ?? abs}"`;
      });
    }
    if (n === '[Content_Types].xml')
      inhalt = inhalt.replace(/PartName="\/([^"]+)"/g, (_m, t: string) => `PartName="/${umbenannt.get(t) ?? t}"`);
    const name =
      umbenannt.get(n) ??
      n.replace(/^xl\/worksheets\/_rels\/(sheet\d+\.xml)\.rels$/, (m, s: string) => {
        const z = umbenannt.get(`xl/worksheets/${s}`);
        return z ? `xl/worksheets/_rels/${path.posix.basename(z)}.rels` : m;
      });
    neu.file(name, inhalt);
  }
  writeFileSync(ziel, await neu.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}

/** LibreOffice opens the file and saves it again as .xlsx (Calc MS Excel 2007 XML) into `ordner`. */
export function mitLibreOffice(quelle: string, ordner: string): string {
  const profil = `file://${path.join(ordner, 'lo-profil')}`;
  const r = spawnSync(
    'soffice',
    [
      `-env:UserInstallation=${profil}`,
      '--headless',
      '--convert-to',
      'xlsx:Calc MS Excel 2007 XML',
      '--outdir',
      path.join(ordner, 'lo'),
      quelle,
    ],
    { encoding: 'utf8', timeout: 120000 },
  );
  if (r.status !== 0) throw new Error(`LibreOffice schlug fehl: ${r.stderr}`);
  return path.join(ordner, 'lo', path.basename(quelle));
}
