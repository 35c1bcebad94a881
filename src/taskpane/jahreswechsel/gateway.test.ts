/**
 * The Office gateway of „Neues Berichtsjahr anlegen“ on the in-memory fake
 * of the Excel API (the set-up of demo.html): reading the open workbook, the
 * refusal while it has Fehler, and the real exceljs file, read back.
 */
import { pruefen } from '../../domain';
import { jahreswechsel } from '../../domain/jahreswechsel';
import { installiereDemoExcel } from '../demo/demoExcel';
import { leseNetzwerkdatei } from '../netzwerk/dateiLesen';
import { OfficeJahreswechselGateway } from './gateway';

const JETZT = new Date('2027-01-12T09:00:00Z');

describe('OfficeJahreswechselGateway on the fake Excel API', () => {
  it('refuses while the workbook has Fehler, then builds next year’s workbook from the corrected one', async () => {
    const excel = installiereDemoExcel({ vollstaendig: true });
    const gw = new OfficeJahreswechselGateway(() => JETZT);

    const v1 = await gw.vorschau();
    expect(v1.art).toBe('fehler');
    if (v1.art !== 'fehler') return;
    expect(v1.fehler.map((f) => `${f.blatt}!${f.zelle}`).sort()).toEqual([...excel.fehlerAdressen].sort());
    await expect(gw.jahresmappeBauen(2027)).rejects.toThrow('Die Arbeitsmappe enthält Fehler');

    excel.korrigiereFehler();
    const v2 = await gw.vorschau();
    expect(v2.art).toBe('bereit');
    if (v2.art !== 'bereit') return;
    expect(v2.quelle).toBe('Demo-Arbeitsplanung-2026.xlsx');
    expect(v2.jahr).toBe(v2.altesJahr + 1);
    await expect(gw.jahresmappeBauen(v2.altesJahr)).rejects.toThrow('Das neue Berichtsjahr kann nicht angelegt werden.');

    const neu = await gw.jahresmappeBauen(v2.jahr);
    expect(neu.datei).toBe(`Demo-Arbeitsplanung-${v2.jahr}.xlsx`);
    const e = jahreswechsel(v2.raw, v2.plan, v2.jahr);
    expect(neu.abgeschlossen).toBe(e.abgeschlossen.filter((x) => x.tabelle === 'tblArbeitsplanung').length);
    expect(neu.uebernommen).toBe(e.uebernommen.filter((x) => x.tabelle === 'tblArbeitsplanung').length);
    expect(neu.fehlerNeu).toBe(0);

    // the bytes are the workbook of the new year (read back with the pane's own file reader)
    const gelesen = pruefen((await leseNetzwerkdatei(neu.datei, neu.inhalt.slice().buffer)).raw);
    expect(gelesen.findings.filter((f) => f.schwere === 'Fehler')).toEqual([]);
    expect(gelesen.plan?.einstellungen.berichtsjahr).toBe(v2.jahr);
    expect(gelesen.plan?.arbeitsplanung).toHaveLength(neu.uebernommen);
    // the open workbook was only read
    expect(excel.fake.modell.blaetter.map((b) => b.name)).not.toContain('Jahreswechsel');
  });

  it('cannot open a new workbook without Excel.createWorkbook (the demo), and opens it where it exists', async () => {
    installiereDemoExcel({ vollstaendig: true });
    const gw = new OfficeJahreswechselGateway();
    expect(gw.kannNeueMappeOeffnen()).toBe(false);
    const erstellt: string[] = [];
    Object.assign((globalThis as unknown as { Excel: object }).Excel, {
      createWorkbook: async (b64: string) => {
        erstellt.push(b64);
      },
    });
    expect(gw.kannNeueMappeOeffnen()).toBe(true);
    await gw.inExcelOeffnen(new Uint8Array([80, 75, 3, 4]));
    expect(erstellt).toEqual(['UEsDBA==']);

    Object.assign((globalThis as unknown as { Excel: object }).Excel, {
      createWorkbook: async () => {
        throw new Error('This operation is not allowed due to the extension hardening policy.');
      },
    });
    await expect(gw.inExcelOeffnen(new Uint8Array([1]))).rejects.toMatchObject({
      message: 'Excel konnte die Arbeitsmappe des neuen Berichtsjahrs nicht als neue Arbeitsmappe öffnen.',
      technisch: 'This operation is not allowed due to the extension hardening policy.',
    });
  });
});
