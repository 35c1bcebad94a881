import { arbeitsmappe, kopie } from '../domain/__tests__/fixtures';
import { umsetzungsbericht } from '../domain/bericht';
import { berechneKpi, pruefen } from '../domain';
import type { Grid } from './grid';
import { BERICHT_SPALTEN, BERICHT_SPALTEN_MIT_VORJAHR, umsetzungsberichtGrid } from './berichtSheet';
import { zeilenBedarf, zeilenhoehen } from './zeilenhoehe';

function grid(): Grid {
  const { plan } = pruefen(arbeitsmappe());
  if (!plan) throw new Error('Fixture nicht lesbar');
  const kpi = berechneKpi(plan);
  return umsetzungsberichtGrid(umsetzungsbericht(plan, kpi), { berechnetAm: new Date(2027, 0, 15, 9, 30), quelle: 'test.xlsx' });
}

const texte = (g: Grid): string[] => g.rows.flatMap((r) => r.map((c) => (typeof c.v === 'string' ? c.v : ''))).filter(Boolean);

describe('umsetzungsberichtGrid', () => {
  const g = grid();

  it('has a title with Berichtsjahr and Stichtag, and print setup for A4 landscape', () => {
    expect(g.sheet).toBe('Umsetzungsbericht');
    expect(g.rows[0][0].v).toContain('Umsetzungsbericht 2026');
    expect(g.rows[1][0].v).toContain('Stichtag der Kennzahlen: 31.12.2026');
    expect(g.print).toMatchObject({ landscape: true, paper: 'A4', fitToWidth: true, repeatRows: [1, 2] });
    expect(g.columnWidths).toEqual(BERICHT_SPALTEN);
    // every row fits in the 12 columns
    for (const r of g.rows) expect(r.length).toBeLessThanOrEqual(BERICHT_SPALTEN.length);
  });

  it('breaks the page before each Handlungsfeld section', () => {
    const starts = g.rows
      .map((r, i) => (typeof r[0]?.v === 'string' && /^Handlungsfeld \d+:/.test(r[0].v) ? i + 1 : 0))
      .filter((x) => x > 0);
    expect(starts).toHaveLength(2);
    expect(g.print?.pageBreaksBefore).toEqual(starts);
  });

  it('colour-codes Maßnahmen and Wirkungen and keeps Standardmaßnahmen out of the sections', () => {
    const zeileMit = (nr: string) => g.rows.find((r) => r[0]?.v === nr);
    expect(zeileMit('A1')?.[1].s).toBe('massnahme');
    expect(zeileMit('A2')?.[1].s).toBe('wirkung');
    // A5 (Interkulturelle Woche) only appears in the footnote, after the "Hinweis" heading
    const hinweis = g.rows.findIndex((r) => r[0]?.v === 'Hinweis: Standardmaßnahmen');
    const a5 = g.rows.findIndex((r) => r[0]?.v === 'A5');
    expect(hinweis).toBeGreaterThan(0);
    expect(a5).toBeGreaterThan(hinweis);
    expect(texte(g).filter((t) => t.includes('Interkulturelle Woche'))).toHaveLength(1);
  });

  it('shows Kennzahl figures with Ampel styles', () => {
    const k2 = g.rows.find((r) => r[0]?.v === 'K2');
    expect(k2?.map((c) => c.v).slice(4, 7)).toEqual([40, 20, 30]);
    expect(k2?.[8]).toEqual({ v: 0.5, s: 'prozent' });
    expect(k2?.[9]).toEqual({ v: 'rot', s: 'ampelRot' });
    expect(k2?.[11].v).toBe('Personalmangel');
  });

  it('gives wrapped rows a height', () => {
    expect(g.rowHeights).toHaveLength(g.rows.length);
    expect(g.rowHeights?.[0]).toBeGreaterThan(18); // title font
  });
});

describe('zeilenhoehen', () => {
  it('estimates lines by words and width', () => {
    expect(zeilenBedarf('kurz', 10)).toBe(1);
    expect(zeilenBedarf('eins zwei drei vier fünf sechs', 10)).toBe(3);
    expect(zeilenBedarf('a\nb\nc', 40)).toBe(3);
    const h = zeilenhoehen([[{ v: 'eins zwei drei vier fünf sechs', s: 'text' }], [{ v: 'x', s: 'text' }]], [10]);
    expect(h[0]).toBeGreaterThan(40);
    expect(h[1]).toBeNull();
    // a merge over two columns doubles the room
    expect(zeilenhoehen([[{ v: 'eins zwei drei vier fünf sechs', s: 'text' }]], [10, 10], ['A1:B1'])[0]).toBeLessThan(
      h[0] as number,
    );
  });
});

describe('umsetzungsberichtGrid stamp', () => {
  it('shows the creation time in German local time whatever the machine time zone (as on the KPI sheets)', () => {
    const { plan } = pruefen(arbeitsmappe());
    if (!plan) throw new Error('Fixture nicht lesbar');
    // 23:30 UTC on 25 Nov is 00:30 on 26 Nov in Rheine (CET)
    const g = umsetzungsberichtGrid(umsetzungsbericht(plan, berechneKpi(plan)), {
      berechnetAm: new Date(Date.UTC(2026, 10, 25, 23, 30)),
      quelle: 'test.xlsx',
    });
    const stempel = g.rows.flat().find((c) => typeof c.v === 'string' && c.v.startsWith('Erstellt am'));
    expect(stempel?.v).toMatch(/^Erstellt am 26\.11\.2026, 00:30 Uhr aus „test\.xlsx“/);
  });
});

describe('umsetzungsberichtGrid with a Zeitreihe', () => {
  it('first year: twelve columns, no Vorjahr; with a Vorjahr: Vorjahr, Istwert and Veränderung side by side', () => {
    const d = kopie();
    expect(texte(grid())).not.toContain('Vorjahr');
    d.zeitreihe.push({ 'Kennzahl-ID': 'K1', Jahr: 2025, Istwert: 2 });
    const { plan } = pruefen(arbeitsmappe(d));
    if (!plan) throw new Error('Fixture nicht lesbar');
    const kpi = berechneKpi(plan);
    const g = umsetzungsberichtGrid(umsetzungsbericht(plan, kpi), { berechnetAm: new Date(2027, 0, 15), quelle: 'test.xlsx' });
    expect(g.columnWidths).toEqual(BERICHT_SPALTEN_MIT_VORJAHR);
    const kopf = g.rows.find((r) => r[0]?.v === 'Nr.' && r[1]?.v === 'Kennzahl')!;
    expect(kopf.slice(5, 9).map((x) => x.v)).toEqual(['Zielwert', 'Vorjahr', 'Istwert', 'Verände-\nrung']);
    const k1 = g.rows.find((r) => r[0]?.v === 'K1')!;
    const ist = plan.kennzahlen.find((k) => k.id === 'K1')!.istwert as number;
    expect(k1[6].v).toBe(2);
    expect(k1[7].v).toBe(ist);
    expect(k1[8].v).toMatch(/^[+−±]/);
    for (const r of g.rows) expect(r.length).toBeLessThanOrEqual(BERICHT_SPALTEN_MIT_VORJAHR.length);
    // no merged cells; Verantwortlich runs on in one line up to Bemerkung (the last column)
    expect(g.merges ?? []).toEqual([]);
    const m = g.rows.find((r) => r[0]?.v === 'A1')!;
    expect(m).toHaveLength(BERICHT_SPALTEN_MIT_VORJAHR.length);
    expect(m[7].s).toBe('massnahmeZeile');
    expect(m.slice(8, -1).every((x) => x.v === null)).toBe(true);
  });
});
