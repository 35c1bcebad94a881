/**
 * The browser reader of the task pane (exceljs on an ArrayBuffer) reads a
 * network workbook exactly like the CLI reader, origin marker included.
 */
import { writeFileSync } from 'fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { aufteilen, leseHerkunft, type NetzwerkExport } from '../../src/domain/netzwerk';
import { netzwerkArbeitsmappe } from '../../src/cli/aufteilen';
import { beispielTabellen } from '../../src/workbook/beispiel';
import { schreibeVorlage } from '../../src/xlsx';
import { ladeArbeitsmappe } from '../../src/cli/dateiLaden';
import { leseNetzwerkdatei } from '../../src/taskpane/netzwerk/dateiLesen';
import { BenutzerFehler } from '../../src/taskpane/gateway';
import { tempOrdner } from '../xlsx/hilfen';
import { rohdatenAusMappe } from '../../src/workbook/rohdaten';

const tmp = tempOrdner();
afterAll(() => tmp.weg());

async function netzwerkExport(hf: number): Promise<NetzwerkExport> {
  const g = new ExcelJS.Workbook();
  schreibeVorlage(g, beispielTabellen());
  const gesamt = rohdatenAusMappe(await new ExcelJS.Workbook().xlsx.load(await g.xlsx.writeBuffer()), 'gesamt.xlsx');
  return aufteilen(gesamt, hf, { quelle: 'gesamt.xlsx', exportiertAm: new Date(Date.UTC(2026, 0, 1)), nurVertragsspalten: true });
}

/** The sheets' table relationships as openpyxl writes them: absolute targets ('/xl/tables/table1.xml'). */
async function mitAbsolutenZielen(buf: ArrayBuffer | Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(buf);
  let absolut = 0;
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/_rels\/.*\.rels$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    zip.file(
      name,
      xml.replace(/Target="\.\.\/tables\/([^"]+)"/g, (_m, t: string) => (absolut++, `Target="/xl/tables/${t}"`)),
    );
  }
  expect(absolut).toBeGreaterThanOrEqual(4);
  return zip.generateAsync({ type: 'uint8array' });
}

describe('leseNetzwerkdatei (Browser)', () => {
  it('reads the same tables and the marker as the CLI reader', async () => {
    const exp = await netzwerkExport(2);
    const buf = await netzwerkArbeitsmappe(exp).xlsx.writeBuffer();
    const ab = new Uint8Array(buf as ArrayBuffer).slice().buffer;
    const browser = await leseNetzwerkdatei('HF2.xlsx', ab);
    const cli = rohdatenAusMappe(await new ExcelJS.Workbook().xlsx.load(buf), 'HF2.xlsx');
    expect(browser.raw.tables).toEqual(cli.tables);
    expect(leseHerkunft(browser.raw, 'HF2.xlsx')).toEqual(exp.herkunft);
  });

  it('reads a file with absolute table targets (openpyxl) like the CLI reader', async () => {
    const exp = await netzwerkExport(3);
    const datei = await mitAbsolutenZielen((await netzwerkArbeitsmappe(exp).xlsx.writeBuffer()) as ArrayBuffer);
    writeFileSync(tmp.datei('HF3.xlsx'), datei);
    const cli = rohdatenAusMappe(await ladeArbeitsmappe(tmp.datei('HF3.xlsx')), 'HF3.xlsx');
    const browser = await leseNetzwerkdatei('HF3.xlsx', datei.slice().buffer);
    expect(browser.raw).toEqual(cli);
    expect(leseHerkunft(browser.raw, 'HF3.xlsx')).toEqual(exp.herkunft);
  });

  it('turns a non-xlsx file into a German message', async () => {
    const e = await leseNetzwerkdatei('notiz.xlsx', new TextEncoder().encode('kein Excel').buffer as ArrayBuffer).catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(BenutzerFehler);
    expect((e as BenutzerFehler).message).toBe('Die Datei „notiz.xlsx“ kann nicht gelesen werden.');
    expect((e as BenutzerFehler).hinweis).toMatch(/Excel-Arbeitsmappe \(\*\.xlsx\)/);
    // the loader's own German reason, for support
    expect((e as BenutzerFehler).technisch).toMatch(/„notiz\.xlsx“ ist keine Excel-Arbeitsmappe/);
  });
});
