import { arbeitsmappe } from './__tests__/fixtures';
import { berechneKpi, pruefen } from './index';
import type { KpiResult, Plan, RawTable } from './model';
import { VERLAUF_SPALTEN, verlaufAusTabelle, verlaufFortschreiben, type VerlaufZeile } from './verlauf';
import { deutscherTag } from './format';

function setup(): { plan: Plan; kpi: KpiResult } {
  const { plan } = pruefen(arbeitsmappe());
  if (!plan) throw new Error('Fixture nicht lesbar');
  return { plan, kpi: berechneKpi(plan) };
}

describe('verlaufFortschreiben', () => {
  it('adds one row per Handlungsfeld plus Gesamt with the KPI figures', () => {
    const { plan, kpi } = setup();
    const z = verlaufFortschreiben([], kpi, new Date('2026-03-01T10:00:00Z'), plan);
    expect(z.map((r) => r.hf)).toEqual([1, 2, null]);
    expect(z.every((r) => r.datum === '2026-03-01')).toBe(true);
    expect(z[0]).toMatchObject({
      handlungsfeld: 'Sprachförderung',
      massnahmen: 2,
      umgesetzt: 1,
      kennzahlen: 2,
      kennzahlenMitDaten: 2,
    });
    expect(z[0].zielerreichung).toBe(kpi.handlungsfelder[0].zielerreichung);
    expect(z[2]).toMatchObject({
      handlungsfeld: 'Gesamt',
      massnahmen: kpi.gesamt.massnahmen,
      kennzahlen: 3,
      kennzahlenMitDaten: 2,
    });
    expect(z[2].umsetzungsquote).toBe(kpi.gesamt.umsetzungsquote);
  });

  it('replaces the rows of the same day instead of adding duplicates', () => {
    const { plan, kpi } = setup();
    const tag1 = verlaufFortschreiben([], kpi, new Date('2026-03-01T09:00:00Z'), plan);
    const tag2 = verlaufFortschreiben(tag1, kpi, new Date('2026-03-02T09:00:00Z'), plan);
    const geaendert: KpiResult = { ...kpi, gesamt: { ...kpi.gesamt, zielerreichung: 0.123 } };
    const nochmal = verlaufFortschreiben(tag2, geaendert, new Date('2026-03-02T17:30:00Z'), plan);
    expect(tag2).toHaveLength(6);
    expect(nochmal).toHaveLength(6);
    expect(nochmal.filter((r) => r.datum === '2026-03-02' && r.hf === null).map((r) => r.zielerreichung)).toEqual([0.123]);
    expect(nochmal.slice(0, 3)).toEqual(tag1);
  });

  it('files a refresh under the German calendar day, whatever the machine time zone', () => {
    const { plan, kpi } = setup();
    // 23:30 UTC is 00:30 on the next day in Berlin (CET) …
    const z = verlaufFortschreiben([], kpi, new Date('2026-03-01T23:30:00Z'), plan);
    expect(z.every((r) => r.datum === '2026-03-02')).toBe(true);
    // … and 22:30 UTC in summer (CEST, UTC+2) too
    expect(deutscherTag(new Date('2026-07-14T22:30:00Z'))).toBe('2026-07-15');
    expect(deutscherTag(new Date('2026-07-14T21:59:00Z'))).toBe('2026-07-14');
    // late on New Year's Eve (UTC) it is already the next year in Berlin
    expect(deutscherTag(new Date('2026-12-31T23:15:00Z'))).toBe('2027-01-01');
  });

  it('keeps the history sorted by date', () => {
    const { plan, kpi } = setup();
    const spaet = verlaufFortschreiben([], kpi, new Date('2026-06-01T10:00:00Z'), plan);
    const frueh = verlaufFortschreiben(spaet, kpi, new Date('2026-01-15T10:00:00Z'), plan);
    expect(frueh.map((r) => r.datum)).toEqual([
      '2026-01-15',
      '2026-01-15',
      '2026-01-15',
      '2026-06-01',
      '2026-06-01',
      '2026-06-01',
    ]);
  });
});

describe('verlaufAusTabelle', () => {
  it('reads rows back by header text (dates as Date, serial or text; Gesamt row)', () => {
    const headers = ['Extra', ...VERLAUF_SPALTEN];
    const zeile = (datum: unknown, hf: unknown, ze: unknown): (string | number | Date | null)[] =>
      headers.map((h) =>
        h === 'Datum'
          ? (datum as Date)
          : h === 'HF-Nr'
            ? (hf as number)
            : h === 'Zielerreichung'
              ? (ze as number)
              : h === 'Handlungsfeld'
                ? 'X'
                : h === 'Maßnahmen'
                  ? 4
                  : null,
      );
    const t: RawTable = {
      name: 'tblVerlauf',
      sheet: 'KPI Verlauf',
      headerRow: 5,
      firstColumn: 1,
      headers,
      rows: [
        zeile(new Date(Date.UTC(2026, 2, 1)), 1, 0.5),
        zeile(46083, 'Gesamt', 0.25),
        zeile('02.03.2026', 2, null),
        zeile(null, 3, 0.1),
      ],
    };
    const z: VerlaufZeile[] = verlaufAusTabelle(t);
    expect(z.map((r) => [r.datum, r.hf, r.zielerreichung, r.massnahmen])).toEqual([
      ['2026-03-01', 1, 0.5, 4],
      ['2026-03-02', null, 0.25, 4],
      ['2026-03-02', 2, null, 4],
    ]);
    expect(verlaufAusTabelle(undefined)).toEqual([]);
  });
});
