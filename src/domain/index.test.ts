import { arbeitsmappe } from './__tests__/fixtures';
import { berechneKpi, hatFehler, pruefen } from './index';

describe('pruefen on a valid small plan', () => {
  it('finds nothing and returns a plan', () => {
    const { plan, findings } = pruefen(arbeitsmappe());
    expect(findings).toEqual([]);
    expect(hatFehler(findings)).toBe(false);
    expect(plan).not.toBeNull();
    expect(plan?.arbeitsplanung).toHaveLength(5);
    expect(plan?.kennzahlen[2].stichtag).toBe('2026-12-31');
  });

  it('computes the KPIs of the valid plan', () => {
    const { plan } = pruefen(arbeitsmappe());
    const kpi = berechneKpi(plan!);
    expect(kpi.kennzahlen.map((k) => k.zielerreichung)).toEqual([0.95, 0.5, null]);
    expect(kpi.kennzahlen.map((k) => k.ampel)).toEqual(['gruen', 'rot', 'keine_daten']);
  });
});
