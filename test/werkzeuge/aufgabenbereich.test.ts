/**
 * Files the task pane builds in the browser (network file, the new
 * Berichtsjahr) open in Excel without repair: the same package check as for
 * the CLI's files, on the bytes the pane offers for download or opens.
 */
import { writeFileSync } from 'fs';
import ExcelJS from 'exceljs';
import { jahresmappeBauen } from '../../src/taskpane/jahreswechsel/jahresmappeBauen';
import { netzwerkdateiBauen } from '../../src/taskpane/netzwerk/netzwerkdateiBauen';
import { ladeArbeitsmappe } from '../../src/cli/dateiLaden';
import { cli, tempOrdner } from '../xlsx/hilfen';
import { paketProbleme } from './paketPruefung';
import { rohdatenAusMappe } from '../../src/workbook/rohdaten';

const tmp = tempOrdner();
afterAll(() => tmp.weg());

async function rohdatenDesBeispiels() {
  const pfad = tmp.datei('beispiel.xlsx');
  expect((await cli('vorlage', pfad, '--beispiel')).code).toBe(0);
  return rohdatenAusMappe(await ladeArbeitsmappe(pfad), 'beispiel.xlsx');
}

it('network file and new Berichtsjahr built by the task pane pass the package check and read back', async () => {
  const raw = await rohdatenDesBeispiels();
  const netz = await netzwerkdateiBauen(raw, 3, new Date(2026, 10, 2));
  const jahr = await jahresmappeBauen(raw, 2027, new Date(2026, 10, 2));
  for (const [name, inhalt] of [
    ['netz.xlsx', netz.inhalt],
    ['neu.xlsx', jahr.inhalt],
  ] as const) {
    const pfad = tmp.datei(name);
    writeFileSync(pfad, inhalt);
    expect([name, await paketProbleme(pfad)]).toEqual([name, []]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(pfad);
    expect(wb.worksheets.length).toBeGreaterThan(4);
  }
});
