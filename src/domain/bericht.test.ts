import { arbeitsmappe } from './__tests__/fixtures';
import { umsetzungsbericht } from './bericht';
import { berechneKpi, pruefen } from './index';

describe('umsetzungsbericht', () => {
  const { plan } = pruefen(arbeitsmappe());
  if (!plan) throw new Error('Fixture nicht lesbar');
  const kpi = berechneKpi(plan);
  const b = umsetzungsbericht(plan, kpi);

  it('excludes Standardmaßnahmen from the Handlungsziele and lists them for the footnote', () => {
    const alle = b.handlungsfelder.flatMap((h) => h.ziele.flatMap((z) => [...z.massnahmen, ...z.wirkungen]));
    expect(alle.map((r) => r.nr).sort()).toEqual(['A1', 'A2', 'A3', 'A4']);
    expect(alle.some((r) => r.standard)).toBe(false);
    expect(b.standardmassnahmen).toEqual([{ nr: 'A5', hf: 2, handlungszielId: '2.1', beschreibung: 'Interkulturelle Woche' }]);
  });

  it('carries every Handlungsziel with its Kennzahlen and KPI figures', () => {
    expect(b.berichtsjahr).toBe(2026);
    expect(b.stichtag).toBe('2026-12-31');
    expect(b.handlungsfelder.map((h) => [h.hf, h.name, h.ziele.map((z) => z.id)])).toEqual([
      [1, 'Sprachförderung', ['1.1', '1.2']],
      [2, 'Kita, Schule, Bildung', ['2.1']],
    ]);
    const z12 = b.handlungsfelder[0].ziele[1];
    expect(z12.kennzahlen[0]).toMatchObject({
      id: 'K2',
      ausgangswert: 40,
      zielwert: 20,
      istwert: 30,
      zielerreichung: 0.5,
      ampel: 'rot',
      begruendung: 'Personalmangel',
    });
    expect(z12.massnahmen.map((r) => r.nr)).toEqual(['A3']);
    expect(b.handlungsfelder[0].ziele[0].wirkungen.map((r) => r.nr)).toEqual(['A2']);
    expect(b.handlungsfelder[0].kpi).toEqual(kpi.handlungsfelder[0]);
    expect(b.gesamt).toEqual(kpi.gesamt);
    expect(b.handlungsfelder[0].ziele[0].checkliste?.umsetzungsstand).toBe('in Umsetzung');
  });

  it("carries each Kennzahl's Vorjahr from the KPI result (null without a Zeitreihe row)", () => {
    const ref = { sheet: 'Zeitreihe', row: 2 };
    const mitZeitreihe = {
      ...plan,
      zeitreihe: [{ kennzahlId: 'K2', jahr: 2025, istwert: 35, zielwert: null, stichtag: null, ref }],
    };
    const mit = umsetzungsbericht(mitZeitreihe, berechneKpi(mitZeitreihe));
    const kennzahlen = mit.handlungsfelder.flatMap((h) => h.ziele.flatMap((z) => z.kennzahlen));
    expect(kennzahlen.map((k) => [k.id, k.vorjahr])).toEqual([
      ['K1', null],
      ['K2', 35],
      ['K3', null],
    ]);
    expect(b.handlungsfelder.flatMap((h) => h.ziele.flatMap((z) => z.kennzahlen.map((k) => k.vorjahr)))).toEqual([
      null,
      null,
      null,
    ]);
  });
});
