/**
 * The browser reader of the task pane (exceljs on an ArrayBuffer) reads a
 * network workbook exactly like the CLI reader, origin marker included.
 */
import ExcelJS from 'exceljs';
import { aufteilen, leseHerkunft } from '../../src/domain/netzwerk';
import { netzwerkArbeitsmappe } from '../../src/cli/aufteilen';
import { beispielTabellen } from '../../src/workbook/beispiel';
import { leseRohdaten, schreibeVorlage } from '../../src/xlsx';
import { leseNetzwerkdatei } from '../../src/taskpane/netzwerk/dateiLesen';

describe('leseNetzwerkdatei (Browser)', () => {
  it('reads the same tables and the marker as the CLI reader', async () => {
    const g = new ExcelJS.Workbook();
    schreibeVorlage(g, beispielTabellen());
    const gesamt = leseRohdaten(await new ExcelJS.Workbook().xlsx.load(await g.xlsx.writeBuffer()), 'gesamt.xlsx');
    const exp = aufteilen(gesamt, 2, { quelle: 'gesamt.xlsx', exportiertAm: new Date(Date.UTC(2026, 0, 1)), nurVertragsspalten: true });
    const buf = await netzwerkArbeitsmappe(exp).xlsx.writeBuffer();
    const ab = new Uint8Array(buf as ArrayBuffer).slice().buffer;
    const browser = await leseNetzwerkdatei('HF2.xlsx', ab);
    const cli = leseRohdaten(await new ExcelJS.Workbook().xlsx.load(buf), 'HF2.xlsx');
    expect(browser.raw.tables).toEqual(cli.tables);
    expect(leseHerkunft(browser.raw, 'HF2.xlsx')).toEqual(exp.herkunft);
  });

  it('turns a non-xlsx file into a German message', async () => {
    await expect(leseNetzwerkdatei('notiz.xlsx', new TextEncoder().encode('kein Excel').buffer as ArrayBuffer)).rejects.toThrow(/„notiz\.xlsx“ kann nicht gelesen werden/);
  });
});
