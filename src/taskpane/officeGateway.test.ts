/**
 * The Office gateway on the in-memory fake of the Excel API (the same set-up
 * as demo.html): the product path from the pane's calls down to the cells,
 * without a browser.
 */
import { installiereDemoExcel } from './demo/demoExcel';
import { alsBenutzerFehler } from './fehler';
import { OfficeGateway } from './officeGateway';

const JETZT = new Date('2026-11-25T10:30:00Z');

describe('OfficeGateway on the fake Excel API', () => {
  it('status → Einrichten → Prüfen → Zelle wählen → KPIs, as the pane calls them', async () => {
    const excel = installiereDemoExcel();
    const gw = new OfficeGateway(() => JETZT);

    const vorher = await gw.status();
    expect(vorher.layoutVollstaendig).toBe(false);
    expect(vorher.fehlend).toEqual(['Tabelle tblEinstellungen (Blatt Stammdaten)']);
    expect(vorher.letzteKpiAktualisierung).toBeNull();

    const eingerichtet = await gw.einrichten();
    expect(eingerichtet.angelegt).toContain('Tabelle tblEinstellungen (Blatt Stammdaten)');
    expect((await gw.status()).layoutVollstaendig).toBe(true);

    const { findings } = await gw.pruefen();
    const fehlerOrte = findings.filter((f) => f.schwere === 'Fehler').map((f) => `${f.blatt}!${f.zelle}`);
    expect(fehlerOrte.sort()).toEqual([...excel.fehlerAdressen].sort());

    const [blatt, zelle] = excel.fehlerAdressen[0].split('!');
    await gw.waehleZelle(blatt, zelle);
    expect(excel.auswahl).toEqual([excel.fehlerAdressen[0]]);

    const verweigert = await gw.kpiAktualisieren();
    expect(verweigert.kpi).toBeNull();
    expect(excel.fake.modell.blaetter.map((b) => b.name)).not.toContain('KPI Übersicht');

    excel.korrigiereFehler();
    const schritte: string[] = [];
    const r = await gw.kpiAktualisieren((s) => schritte.push(s));
    expect(r.kpi?.handlungsfelder).toHaveLength(8);
    expect(schritte.at(-1)).toBe('Fertig');
    expect(excel.fake.modell.blaetter.map((b) => b.name)).toEqual(expect.arrayContaining(['KPI Übersicht', 'KPI Handlungsziele']));
    expect((await gw.status()).letzteKpiAktualisierung?.toISOString()).toBe(JETZT.toISOString());
  });

  it('turns an Office.js error and a vanished sheet into German messages', async () => {
    const excel = installiereDemoExcel({ vollstaendig: true });
    const gw = new OfficeGateway(() => JETZT);
    excel.scheitereBeimNaechstenAufruf('AccessDenied');
    const e1 = await gw.pruefen().then(
      () => null,
      (e: unknown) => alsBenutzerFehler(e, 'Das Prüfen'),
    );
    expect(e1?.message).toBe('Das Prüfen ist fehlgeschlagen: Excel hat den Zugriff auf die Arbeitsmappe verweigert.');

    const e2 = await gw.waehleZelle('Gibt es nicht', 'A1').then(
      () => null,
      (e: unknown) => alsBenutzerFehler(e, 'Das Springen zur Zelle'),
    );
    expect(e2?.hinweis).toContain('Gibt es nicht');
  });

  it('a computed sheet protected with a password: the refresh says which sheet and what to do', async () => {
    const excel = installiereDemoExcel({ vollstaendig: true });
    excel.korrigiereFehler();
    const gw = new OfficeGateway(() => JETZT);
    await gw.kpiAktualisieren();
    const blatt = excel.fake.blatt('KPI Übersicht');
    expect(blatt.geschuetzt).toBe(true);
    blatt.kennwort = 'geheim';
    const e = await gw.kpiAktualisieren().then(
      () => null,
      (x: unknown) => alsBenutzerFehler(x, 'Das Aktualisieren'),
    );
    expect(e?.message).toBe('Das Aktualisieren ist fehlgeschlagen.');
    expect(e?.hinweis).toBe(
      'Blatt „KPI Übersicht“ ist mit Kennwort geschützt. Bitte den Blattschutz aufheben (Überprüfen › Blattschutz aufheben) und erneut aktualisieren.',
    );
  });
});
