/**
 * What Excel's accessibility checker asks of the workbooks the CLI writes:
 * no merged cells on the computed sheets, alternative text on every chart,
 * a document title, and print titles on every computed sheet. Read from the
 * written package itself (not through exceljs), as Excel would.
 */
import { readFileSync } from 'fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { COMPUTED_SHEETS } from '../../src/domain/schema';
import { COLORS } from '../../src/workbook/layout';
import { cli, tempOrdner } from '../xlsx/hilfen';

const tmp = tempOrdner();
afterAll(() => tmp.weg());

async function paket(pfad: string) {
  const zip = await JSZip.loadAsync(readFileSync(pfad));
  const text = async (n: string): Promise<string> => (await zip.file(n)?.async('string')) ?? '';
  const wbXml = await text('xl/workbook.xml');
  const rels = await text('xl/_rels/workbook.xml.rels');
  const blaetter = [...wbXml.matchAll(/<sheet\b[^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)].map((m) => {
    const ziel = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? '';
    return { name: m[1], teil: ziel.startsWith('/') ? ziel.slice(1) : `xl/${ziel}` };
  });
  return { zip, text, wbXml, blaetter };
}

describe('accessibility of written workbooks', () => {
  const datei = tmp.datei('plan.xlsx');
  const mitKpi = tmp.datei('plan-kpi.xlsx');
  const neu = tmp.datei('plan-2027.xlsx');
  beforeAll(async () => {
    expect((await cli('vorlage', datei, '--beispiel')).code).toBe(0);
    expect((await cli('kpi', datei, '--aus', mitKpi)).code).toBe(0);
    expect((await cli('jahreswechsel', mitKpi, '--aus', neu)).code).toBe(0);
  }, 60000);

  // placeholders of a new year have no header row to repeat
  it.each([
    ['kpi --aus', () => mitKpi, [...COMPUTED_SHEETS]],
    ['jahreswechsel', () => neu, ['KPI Verlauf', 'Jahreswechsel']],
  ])('%s: no merged cells on computed sheets, title set, print titles on the computed sheets with a header row', async (_n, pfad, mitKopf) => {
    const p = await paket(pfad());
    const berechnet = p.blaetter.filter((b) => (COMPUTED_SHEETS as readonly string[]).includes(b.name));
    expect(berechnet.map((b) => b.name)).toEqual([...COMPUTED_SHEETS]);
    for (const b of berechnet) expect([b.name, (await p.text(b.teil)).includes('<mergeCell ')]).toEqual([b.name, false]);
    expect(await p.text('docProps/core.xml')).toMatch(/<dc:title>Integrationskonzept – Arbeitsplanung \d{4}/);
    const titel = [...p.wbXml.matchAll(/<definedName name="_xlnm.Print_Titles" localSheetId="(\d+)"/g)].map((m) => p.blaetter[Number(m[1])].name);
    expect(titel).toEqual(expect.arrayContaining(mitKopf));
  });

  it('every header block of a computed sheet has a ColumnTitle name on its first header cell; a second run replaces them', async () => {
    const namen = async (pfad: string) => {
      const p = await paket(pfad);
      return [...p.wbXml.matchAll(/<definedName name="(ColumnTitle_[^"]+)"[^>]*>([^<]+)<\/definedName>/g)].map((m) => ({
        name: m[1],
        ziel: m[2].replace(/&apos;/g, "'"),
      }));
    };
    const erste = await namen(mitKpi);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(mitKpi);
    let bloecke = 0;
    for (const blatt of ['KPI Übersicht', 'KPI Handlungsziele', 'Umsetzungsbericht']) {
      const ws = wb.getWorksheet(blatt)!;
      const kopfzellen: string[] = [];
      ws.eachRow((row, r) =>
        row.eachCell((cell, c) => {
          const kopf = (z: ExcelJS.Cell) => z.fill?.type === 'pattern' && z.fill.fgColor?.argb === `FF${COLORS.header}` && z.font?.bold;
          if (kopf(cell) && (c === 1 || !kopf(row.getCell(c - 1)))) kopfzellen.push(`${r}:${c}`);
        }),
      );
      const benannt = erste
        .filter((n) => n.ziel.replace(/^'?(.*?)'?!.*$/, '$1') === blatt)
        .map((n) => {
          const a = /\$([A-Z]+)\$(\d+)$/.exec(n.ziel)!;
          return `${a[2]}:${a[1].charCodeAt(0) - 64}`;
        });
      expect([blatt, benannt]).toEqual([blatt, kopfzellen]);
      bloecke += kopfzellen.length;
    }
    expect(bloecke).toBeGreaterThanOrEqual(10);
    const nochmal = tmp.datei('plan-kpi-2.xlsx');
    expect((await cli('kpi', mitKpi, '--aus', nochmal)).code).toBe(0);
    expect(await namen(nochmal)).toEqual(erste);
  });

  it('every chart has a title and an alternative text with its figures', async () => {
    const p = await paket(mitKpi);
    const drawings = Object.keys(p.zip.files).filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n));
    expect(drawings.length).toBeGreaterThanOrEqual(2);
    let diagramme = 0;
    for (const d of drawings) {
      for (const m of (await p.text(d)).matchAll(/<xdr:cNvPr\b[^>]*>/g)) {
        diagramme++;
        expect(m[0]).toMatch(/title="[^"]+"/);
        expect(m[0]).toMatch(/descr="[^"]{40,}"/);
      }
    }
    // KPI Übersicht has two, KPI Verlauf one
    expect(diagramme).toBe(3);
    const uebersicht = (await Promise.all(drawings.map((d) => p.text(d)))).join('');
    expect(uebersicht).toMatch(/descr="Balkendiagramm der Zielerreichung je Handlungsfeld: HF 1 \d+ %/);
  });
});
