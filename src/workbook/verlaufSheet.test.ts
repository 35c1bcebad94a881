import { arbeitsmappe } from '../domain/__tests__/fixtures';
import { berechneKpi, pruefen } from '../domain';
import { verlaufFortschreiben, VERLAUF_SPALTEN } from '../domain/verlauf';
import { verlaufGrid, VERLAUF_KOPFZEILE } from './verlaufSheet';

describe('verlaufGrid', () => {
  const { plan } = pruefen(arbeitsmappe());
  if (!plan) throw new Error('Fixture nicht lesbar');
  const kpi = berechneKpi(plan);
  const zeilen = verlaufFortschreiben(
    verlaufFortschreiben([], kpi, new Date(2026, 0, 10), plan),
    kpi,
    new Date(2026, 1, 10),
    plan,
  );
  const g = verlaufGrid(zeilen, { berechnetAm: new Date(2026, 1, 10, 12), quelle: 'test.xlsx' });

  it('writes tblVerlauf over header + one row per HF and day', () => {
    expect(g.sheet).toBe('KPI Verlauf');
    expect(g.table).toEqual({ name: 'tblVerlauf', range: `A${VERLAUF_KOPFZEILE}:N${VERLAUF_KOPFZEILE + 6}` });
    expect(g.rows[VERLAUF_KOPFZEILE - 1].slice(0, VERLAUF_SPALTEN.length).map((c) => c.v)).toEqual([...VERLAUF_SPALTEN]);
    const erste = g.rows[VERLAUF_KOPFZEILE];
    expect(erste[0].v).toEqual(new Date(Date.UTC(2026, 0, 10)));
    expect(erste[1].v).toBe(1);
    expect(g.rows[VERLAUF_KOPFZEILE + 2][1].v).toBe('Gesamt');
  });

  it('feeds a line chart from a date × Handlungsfeld matrix', () => {
    expect(g.charts).toHaveLength(1);
    const chart = g.charts?.[0];
    expect(chart?.type).toBe('line');
    // matrix starts at column P (two columns after N): Datum, HF 1, HF 2, Gesamt; two days
    expect(chart?.dataRange).toBe(`P${VERLAUF_KOPFZEILE}:S${VERLAUF_KOPFZEILE + 2}`);
    const kopf = g.rows[VERLAUF_KOPFZEILE - 1].slice(15, 19).map((c) => c.v);
    expect(kopf).toEqual(['Datum', 'HF 1', 'HF 2', 'Gesamt']);
    expect(g.rows[VERLAUF_KOPFZEILE][16].v).toBe(kpi.handlungsfelder[0].zielerreichung);
  });
});

describe('verlaufGrid stamp', () => {
  it('shows the refresh time in German local time whatever the machine time zone (as on the KPI sheets)', () => {
    // 23:30 UTC on 25 Nov is 00:30 on 26 Nov in Rheine (CET)
    const g = verlaufGrid([], { berechnetAm: new Date(Date.UTC(2026, 10, 25, 23, 30)), quelle: 'test.xlsx' });
    const texte = g.rows.flat().map((c) => c.v);
    expect(texte).toContain('Stand: 26.11.2026, 00:30 Uhr aus „test.xlsx“');
  });
});
