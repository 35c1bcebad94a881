import { createFakeExcel } from './testing/fakeExcel';
import { beispielSaat } from './testing/saat';
import { kpiAktualisieren, KPI_STAND_EIGENSCHAFT } from './kpi';
import { leseArbeitsmappe } from './lesen';
import { berechneKpi, pruefen } from '../domain';

const JETZT = new Date(2026, 10, 25, 15, 30);

describe('kpiAktualisieren', () => {
  test('Beispiel: schreibt KPI-Blätter, Ergebnis wie Domain', async () => {
    const fx = createFakeExcel(beispielSaat());
    const r = await kpiAktualisieren(fx.context, JETZT);
    expect(r.kpi).not.toBeNull();
    expect(fx.syncs()).toBe(4);
    const fx2 = createFakeExcel(beispielSaat());
    const raw = await leseArbeitsmappe(fx2.context);
    const { plan } = pruefen(raw);
    expect(r.kpi).toEqual(berechneKpi(plan!));
    expect(fx.modell.blaetter.map((b) => b.name)).toEqual(expect.arrayContaining(['KPI Übersicht', 'KPI Handlungsziele']));
    expect(fx.werte('KPI Übersicht', 'A1')[0][0]).toBe('KPI Übersicht – Arbeitsplanung 2026');
    expect(fx.blatt('KPI Übersicht').geschuetzt).toBe(true);
    expect(fx.blatt('KPI Übersicht').diagramme.map((d) => d.name)).toEqual(['DiagrammZielerreichung', 'DiagrammStatus']);
    expect(fx.modell.eigenschaften.get(KPI_STAND_EIGENSCHAFT.toLowerCase())).toBe(JETZT.toISOString());
  });
});
