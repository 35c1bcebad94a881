/**
 * Every action on a host with only ExcelApi 1.4 (the manifest's minimum):
 * the fake throws ApiNotFound for any member of a later set, so an
 * unguarded call fails here as it would in an old Excel.
 */
import { einrichten } from './einrichten';
import { kpiAktualisieren } from './kpi';
import { arbeitsmappenStatus } from './status';
import { leseTabellen } from './lesen';
import { sicherungAnlegen, letzteSicherungWiederherstellen } from './sicherung';
import { waehleZelle } from './navigation';
import { createFakeExcel } from './testing/fakeExcel';
import { beispielSaat } from './testing/saat';

const STICHTAG = new Date('2026-11-25T10:00:00Z');

describe('ExcelApi 1.4 host', () => {
  it('einrichten on an empty workbook and on the sample, then KPIs aktualisieren twice', async () => {
    const leer = createFakeExcel({ apiVersion: '1.4' });
    const e = await einrichten(leer.context, { unterstuetzt: leer.unterstuetzt, jetzt: STICHTAG });
    expect(e.angelegt.length).toBeGreaterThan(0);

    const x = createFakeExcel({ ...beispielSaat(), apiVersion: '1.4' });
    await einrichten(x.context, { unterstuetzt: x.unterstuetzt, jetzt: STICHTAG });
    const r = await kpiAktualisieren(x.context, STICHTAG, { unterstuetzt: x.unterstuetzt });
    expect(r.kpi).not.toBeNull();
    expect(r.geschrieben.length).toBeGreaterThan(0);
    const r2 = await kpiAktualisieren(x.context, STICHTAG, { unterstuetzt: x.unterstuetzt });
    expect(r2.geschrieben.map((g) => g.neuesBlatt)).toEqual(r2.geschrieben.map(() => false));
  });

  it('reading, status, navigation, backup and restore', async () => {
    const x = createFakeExcel({ ...beispielSaat(), apiVersion: '1.4' });
    const raw = await leseTabellen(x.context, { unterstuetzt: x.unterstuetzt });
    expect(raw.tables.length).toBeGreaterThan(0);
    const s = await arbeitsmappenStatus(x.context, { unterstuetzt: x.unterstuetzt });
    expect(s.letzteKpiAktualisierung).toBeNull();
    await waehleZelle(x.context, 'Arbeitsplanung', 'B3');
    const b = await sicherungAnlegen(x.context, 'tblArbeitsplanung', { unterstuetzt: x.unterstuetzt, jetzt: STICHTAG });
    expect(b.tabelle).toBe('tblArbeitsplanung');
    // rows deleted after the backup: restoring has to grow the table without Table.resize
    x.context.workbook.worksheets.getItem('Arbeitsplanung').getRange('A2:L3').delete('Up' as Excel.DeleteShiftDirection);
    const w = await letzteSicherungWiederherstellen(x.context, 'tblArbeitsplanung', { unterstuetzt: x.unterstuetzt });
    expect(w.zeilen).toBeGreaterThan(0);
  });
});
