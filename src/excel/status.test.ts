import { OfficeMockObject } from 'office-addin-mock';
import { createFakeExcel } from './testing/fakeExcel';
import { beispielSaat } from './testing/saat';
import { arbeitsmappenStatus } from './status';
import { einrichten } from './einrichten';
import { kpiAktualisieren } from './kpi';
import { waehleZelle } from './navigation';
import { pruefeAnforderungen, ANFORDERUNGEN, HOECHSTE_VERSION, MINDEST_VERSION } from './requirements';

describe('arbeitsmappenStatus', () => {
  test('leere Mappe: alles fehlt; nach Einrichten vollständig; KPI-Zeitpunkt nach Aktualisierung', async () => {
    const fx = createFakeExcel();
    const s1 = await arbeitsmappenStatus(fx.context);
    expect(s1.layoutVollstaendig).toBe(false);
    expect(s1.fehlend).toEqual(expect.arrayContaining(['Blatt „Stammdaten“', 'Tabelle tblKennzahlen (Blatt Kennzahlen)']));
    expect(s1.letzteKpiAktualisierung).toBeNull();
    expect(fx.syncs()).toBe(1);

    await einrichten(fx.context);
    const s2 = await arbeitsmappenStatus(fx.context);
    expect(s2.layoutVollstaendig).toBe(true);
    expect(s2.fehlend).toEqual([]);
  });

  test('fehlende Spalte und KPI-Stand', async () => {
    const fx = createFakeExcel(beispielSaat());
    const jetzt = new Date(2026, 10, 25, 15, 0);
    await kpiAktualisieren(fx.context, jetzt);
    const s = await arbeitsmappenStatus(fx.context);
    expect(s.letzteKpiAktualisierung?.getTime()).toBe(jetzt.getTime());
    expect(s.berechneteBlaetter).toContain('KPI Übersicht');
    // a user renames the header "Handlungsziel" (E1 of tblZiele)
    fx.tippen('Ziele', 'E1', 'Ziel');
    const s2 = await arbeitsmappenStatus(fx.context);
    expect(s2.fehlend).toEqual(['Spalte „Handlungsziel“ in tblZiele']);
    expect(s2.tabellen.find((t) => t.tabelle === 'tblZiele')?.fehlendeSpalten).toEqual(['Handlungsziel']);
  });
});

describe('waehleZelle mit office-addin-mock', () => {
  function mock(vorhanden: boolean) {
    const aufrufe: string[] = [];
    let syncs = 0;
    const daten = {
      context: {
        workbook: {
          worksheets: {
            // isNullObject is readable after sync without load in Office.js; office-addin-mock cannot express that
            getItemOrNullObject(name: string) {
              return {
                name,
                isNullObject: !vorhanden,
                load: () => aufrufe.push(`load ${name}`),
                activate: () => aufrufe.push(`activate ${name}`),
                getRange: (a: string) => ({ select: () => aufrufe.push(`select ${name}!${a}`) }),
              };
            },
          },
        },
        sync: async () => {
          syncs++;
        },
      },
    };
    const m = new OfficeMockObject(daten) as unknown as { context: Excel.RequestContext };
    return { context: m.context, aufrufe, syncs: () => syncs };
  }

  test('aktiviert Blatt und wählt Zelle; zwei syncs', async () => {
    const m = mock(true);
    await waehleZelle(m.context, 'Arbeitsplanung', 'D7');
    expect(m.aufrufe).toEqual(['load Arbeitsplanung', 'activate Arbeitsplanung', 'select Arbeitsplanung!D7']);
    expect(m.syncs()).toBe(2);
  });

  test('Adresse mit Blattname und fehlendes Blatt', async () => {
    const m = mock(true);
    await waehleZelle(m.context, '', "'KPI Übersicht'!B3");
    expect(m.aufrufe).toEqual(['load KPI Übersicht', 'activate KPI Übersicht', 'select KPI Übersicht!B3']);
    await expect(waehleZelle(mock(false).context, 'Weg', 'A1')).rejects.toThrow('Das Blatt „Weg“ gibt es in dieser Arbeitsmappe nicht');
  });

  test('mit der Fälschung: Auswahl im Modell', async () => {
    const fx = createFakeExcel(beispielSaat());
    await waehleZelle(fx.context, 'Kennzahlen', 'G5');
    expect(fx.modell.auswahl).toEqual({ blatt: 'Kennzahlen', adresse: 'G5' });
    await waehleZelle(fx.context, 'Ziele', '');
    expect(fx.modell.aktivesBlatt).toBe('Ziele');
    fx.blatt('Stammdaten').sichtbarkeit = 'Hidden';
    await expect(waehleZelle(fx.context, 'Stammdaten', 'A2')).rejects.toThrow('Das Blatt „Stammdaten“ ist ausgeblendet');
  });
});

describe('Anforderungen', () => {
  test('deutsche Meldungen für fehlende Sätze', () => {
    const nur17 = (_s: string, v: string) => Number(v.split('.')[1]) <= 7;
    const f = pruefeAnforderungen(nur17);
    expect(f.map((x) => x.funktion)).toEqual(['dropdowns', 'formatSuche', 'bildschirmAussetzen', 'seitenlayout', 'sicherungKopieren', 'tabelleAnpassen']);
    expect(f.every((x) => !x.pflicht)).toBe(true);
    expect(f[0].meldung).toContain('benötigt ExcelApi 1.8');
    expect(pruefeAnforderungen(() => true)).toEqual([]);
    expect(pruefeAnforderungen(() => false).some((x) => x.pflicht)).toBe(true);
    const versionen = Object.values(ANFORDERUNGEN).map((a) => Number(a.version.split('.')[1]));
    expect(Math.max(...versionen)).toBe(Number(HOECHSTE_VERSION.split('.')[1]));
    expect(Math.min(...versionen)).toBe(Number(MINDEST_VERSION.split('.')[1]));
  });

  test('ohne RangeAreas und Seitenlayout: gleiche Werte, Formate Bereich für Bereich', async () => {
    const fx = createFakeExcel(beispielSaat());
    const nur18 = (_s: string, v: string) => Number(v.split('.')[1]) <= 8;
    const r = await kpiAktualisieren(fx.context, new Date(2026, 10, 25), { unterstuetzt: nur18 });
    expect(r.kpi).not.toBeNull();
    expect(fx.protokoll.some((p) => p.startsWith('Worksheet.getRanges'))).toBe(false);
    expect(fx.protokoll).not.toContain('Application.suspendScreenUpdatingUntilNextSync');
    expect(fx.blatt('KPI Übersicht').seite.ausrichtung).toBeUndefined();
    expect(fx.werte('KPI Übersicht', 'A1')[0][0]).toContain('KPI Übersicht');
  });
});

describe('syncs unabhängig von der Zeilenzahl', () => {
  test('arbeitsmappenStatus und sicherungAnlegen: 10 und 10.000 Zeilen', async () => {
    const { sicherungAnlegen } = await import('./sicherung');
    const zaehlen = async (n: number) => {
      const fx = createFakeExcel(beispielSaat(n));
      const spy = jest.spyOn(fx.context, 'sync');
      await arbeitsmappenStatus(fx.context);
      const status = spy.mock.calls.length;
      await sicherungAnlegen(fx.context, 'tblArbeitsplanung');
      return [status, spy.mock.calls.length - status];
    };
    const klein = await zaehlen(10);
    const gross = await zaehlen(10_000);
    expect(klein).toEqual([1, 2]);
    expect(gross).toEqual(klein);
  });
});
