import { arbeitsmappe, kopie, prng } from './__tests__/fixtures';
import { berechneKpi, hatFehler, LESE_REGELN, pruefen, REGELN, TABLE_ORDER, TABLES, type RawValue, type TableKey } from './index';

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

describe('robustness: random corruptions of the valid plan', () => {
  const WERTE: RawValue[] = [
    null,
    '',
    '  ',
    'x',
    'Maßnahme',
    'ja',
    '1.1',
    '2.1',
    'A1',
    0,
    1,
    2,
    -3,
    1.5,
    99,
    100,
    '12,5',
    true,
    new Date(Date.UTC(2026, 1, 1)),
    { error: '#REF!' },
    { error: '#NV' },
    '=SUMME(A1)',
  ];
  const TABELLEN = Object.keys(TABLES) as TableKey[];
  const ORDER = TABLE_ORDER.map((k) => TABLES[k].sheet);

  it.each(Array.from({ length: 150 }, (_, i) => i + 1))('seed %i', (seed) => {
    const r = prng(seed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
    const d = kopie();
    for (let n = 0; n < 1 + Math.floor(r() * 6); n++) {
      const k = pick(TABELLEN);
      if (d[k].length === 0) continue;
      const i = Math.floor(r() * d[k].length);
      const h = pick(TABLES[k].columns).header;
      d[k][i] = { ...d[k][i], [h]: pick(WERTE) };
    }
    const { plan, findings } = pruefen(arbeitsmappe(d));
    expect(plan).not.toBeNull();
    const bekannt = new Set([...Object.keys(LESE_REGELN), ...REGELN.flatMap((x) => x.codes)]);
    for (const f of findings) {
      expect(bekannt).toContain(f.regel);
      expect(f.blatt).not.toBe('');
      expect(f.zelle).toMatch(/^[A-Z]+[1-9]\d*$/);
      expect(f.meldung.startsWith(`${f.blatt}!${f.zelle}`)).toBe(true);
      expect(f.meldung).toMatch(/Bitte|bitte/);
      expect(['Fehler', 'Warnung']).toContain(f.schwere);
    }
    // sorted by table (sheet order here), then row, then column
    const key = (f: (typeof findings)[number]) => {
      const m = /^([A-Z]+)(\d+)$/.exec(f.zelle)!;
      const col = m[1].split('').reduce((s, c) => s * 26 + c.charCodeAt(0) - 64, 0);
      return [ORDER.indexOf(f.blatt as never), Number(m[2]), col];
    };
    for (let i = 1; i < findings.length; i++) {
      const [a, b] = [key(findings[i - 1]), key(findings[i])];
      const cmp = a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
      // Stammdaten holds two tables; their findings may interleave by table, not by column
      if (findings[i].blatt !== 'Stammdaten') expect(cmp).toBeLessThanOrEqual(0);
    }
    // no cell is reported twice with the same rule (missing Einstellungen rows all point at the header)
    const ids = findings.filter((f) => f.regel !== 'EINSTELLUNG_FEHLT').map((f) => `${f.regel}@${f.blatt}!${f.zelle}`);
    expect(new Set(ids).size).toBe(ids.length);
    // KPIs never throw; aggregates stay within 0..1
    const kpi = berechneKpi(plan!);
    for (const h of [...kpi.handlungsziele, ...kpi.handlungsfelder, kpi.gesamt]) {
      if (h.zielerreichung !== null) {
        expect(h.zielerreichung).toBeGreaterThanOrEqual(0);
        expect(h.zielerreichung).toBeLessThanOrEqual(1);
      }
    }
    if (!hatFehler(findings)) expect(kpi.handlungsfelder.map((h) => h.hf)).toEqual([1, 2]);
  });
});
