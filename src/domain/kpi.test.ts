/**
 * KPI rules of SPEC §4: hand-computed examples plus property tests over
 * random plans from a tiny seeded PRNG (fast-check is not installed).
 */
import { arbeitsmappe, prng } from './__tests__/fixtures';
import { pruefen } from './index';
import { ampelFuer, berechneKpi, entwicklung, entwicklungText, gekappt, zielerreichung } from './kpi';
import type { Einstellungen, Handlungsfeld, Kennzahl, Plan, PlanZeile, Ziel } from './model';
import { LISTS, type Status } from './schema';

const E: Einstellungen = { berichtsjahr: 2026, ampelGruen: 0.9, ampelGelb: 0.6 };
const REF = { sheet: 'x', row: 1 };

interface Zufall {
  zahl(): number;
  ganz(min: number, max: number): number;
  wahl<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
}
function zufall(seed: number): Zufall {
  const r = prng(seed);
  return {
    zahl: r,
    ganz: (min, max) => min + Math.floor(r() * (max - min + 1)),
    wahl: (xs) => xs[Math.floor(r() * xs.length)],
    chance: (p) => r() < p,
  };
}

const kennzahl = (p: Partial<Kennzahl> & { id: string; zielId: string }): Kennzahl => ({
  name: 'K',
  einheit: 'Anzahl',
  ebene: 'Output',
  ausgangswert: null,
  zielwert: 100,
  istwert: null,
  stichtag: null,
  datenquelle: '',
  verantwortlich: '',
  begruendung: '',
  ref: REF,
  ...p,
});
const zeile = (p: Partial<PlanZeile> & { nr: string; hf: number; zielId: string }): PlanZeile => ({
  art: 'Maßnahme',
  beschreibung: 'b',
  bezug: '',
  prioritaet: 'hoch',
  verantwortlich: 'v',
  zeitraum: null,
  status: 'geplant',
  standard: false,
  bemerkung: '',
  ref: REF,
  ...p,
});
const hf = (nr: number): Handlungsfeld => ({ nr, name: `HF ${nr}`, netzwerk: '', netzwerkleitung: '', ref: REF });
const ziel = (id: string, nr: number): Ziel => ({ hf: nr, herausforderung: '', leitziel: '', id, handlungsziel: '', ref: REF });

/** A random but valid plan: unique HF numbers (shuffled), goals per HF, rows and Kennzahlen per goal. */
function zufallsPlan(seed: number): Plan {
  const z = zufall(seed);
  const nummern = [...new Set(Array.from({ length: z.ganz(1, 8) }, () => z.ganz(1, 99)))];
  const handlungsfelder = nummern.map(hf);
  const ziele: Ziel[] = [];
  const arbeitsplanung: PlanZeile[] = [];
  const kennzahlen: Kennzahl[] = [];
  let nr = 0;
  for (const n of nummern) {
    for (let i = 0; i < z.ganz(0, 4); i++) {
      const id = `${n}.${i + 1}`;
      ziele.push(ziel(id, n));
      for (let j = 0; j < z.ganz(0, 5); j++) {
        const art = z.wahl(LISTS.art);
        arbeitsplanung.push(
          zeile({
            nr: `M${++nr}`,
            hf: n,
            zielId: id,
            art,
            status: art === 'Maßnahme' ? (z.chance(0.1) ? null : z.wahl(LISTS.status)) : null,
            standard: z.chance(0.2),
          }),
        );
      }
      for (let j = 0; j < z.ganz(0, 4); j++) {
        const zielwert = z.chance(0.5) ? z.ganz(1, 200) : z.ganz(1, 50);
        const ausgangswert = z.chance(0.5) ? (z.chance(0.1) ? zielwert : z.ganz(0, 200)) : null;
        kennzahlen.push(
          kennzahl({
            id: `K${id}.${j}`,
            zielId: id,
            ausgangswert,
            zielwert,
            istwert: z.chance(0.7) ? z.ganz(-20, 300) : null,
          }),
        );
      }
    }
  }
  // table order is not HF order
  for (let i = handlungsfelder.length - 1; i > 0; i--) {
    const j = z.ganz(0, i);
    [handlungsfelder[i], handlungsfelder[j]] = [handlungsfelder[j], handlungsfelder[i]];
  }
  return { handlungsfelder, einstellungen: E, ziele, arbeitsplanung, checkliste: [], kennzahlen };
}

const mean = (xs: number[]): number | null => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const SEEDS = Array.from({ length: 200 }, (_, i) => i * 7919 + 1);

describe('zielerreichung (per Kennzahl, uncapped)', () => {
  it.each<[number | null, number | null, number | null, number | null]>([
    [40, 20, 30, 0.5], // falling target
    [40, 20, 10, 1.5], // falling target overshot: uncapped
    [40, 20, 50, -0.5], // went the wrong way: uncapped
    [10, 20, 19, 0.9],
    [null, 100, 95, 0.95],
    [null, 100, 150, 1.5],
    [50, 50, 25, 0.5], // A = Z → I / Z
    [0, 100, 60, 0.6],
    [null, 100, null, null], // no Istwert
    [10, 20, null, null],
    [null, null, 5, null], // no Zielwert
    [null, 0, 5, null], // I / 0 is undefined
    [0, 0, 5, null],
  ])('A=%p Z=%p I=%p → %p', (ausgangswert, zielwert, istwert, erwartet) => {
    const w = zielerreichung({ ausgangswert, zielwert, istwert });
    if (erwartet === null) expect(w).toBeNull();
    else expect(w).toBeCloseTo(erwartet, 12);
  });

  it('property: (I−A)/(Z−A) when A≠Z, I/Z otherwise', () => {
    for (const seed of SEEDS) {
      const z = zufall(seed);
      const a = z.chance(0.3) ? null : z.ganz(-100, 100);
      const zw = z.chance(0.2) && a !== null ? a : z.ganz(-100, 100) || 1;
      const i = z.ganz(-300, 300);
      const w = zielerreichung({ ausgangswert: a, zielwert: zw, istwert: i });
      if (a !== null && a !== zw) expect(w! * (zw - a) + a).toBeCloseTo(i, 9);
      else expect(w! * zw).toBeCloseTo(i, 9);
    }
  });
});

describe('ampelFuer', () => {
  it.each<[number | null, string]>([
    [null, 'keine_daten'],
    [Number.NaN, 'keine_daten'],
    [1.5, 'gruen'],
    [0.9, 'gruen'],
    [(19 - 10) / (20 - 10), 'gruen'],
    [0.8999, 'gelb'],
    [0.6, 'gelb'],
    [0.5999, 'rot'],
    [-1, 'rot'],
  ])('%p → %p', (w, a) => expect(ampelFuer(w, E)).toBe(a));

  it('uses the thresholds from Einstellungen', () => {
    expect(ampelFuer(0.7, { ...E, ampelGruen: 0.7 })).toBe('gruen');
    expect(ampelFuer(0.55, { ...E, ampelGelb: 0.5 })).toBe('gelb');
  });

  it('property: monotone in the value', () => {
    const rang = { rot: 0, gelb: 1, gruen: 2, keine_daten: -1 };
    for (const seed of SEEDS) {
      const z = zufall(seed);
      const x = z.zahl() * 2 - 0.5;
      const y = x + z.zahl();
      expect(rang[ampelFuer(y, E)]).toBeGreaterThanOrEqual(rang[ampelFuer(x, E)]);
    }
  });
});

describe('berechneKpi: hand-computed example (test fixture)', () => {
  const { plan } = pruefen(arbeitsmappe());
  const kpi = berechneKpi(plan!);

  it('Kennzahlen', () => {
    expect(kpi.kennzahlen).toEqual([
      { id: 'K1', handlungszielId: '1.1', zielerreichung: 0.95, ampel: 'gruen', vorjahr: null },
      { id: 'K2', handlungszielId: '1.2', zielerreichung: 0.5, ampel: 'rot', vorjahr: null },
      { id: 'K3', handlungszielId: '2.1', zielerreichung: null, ampel: 'keine_daten', vorjahr: null },
    ]);
  });
  it('Handlungsziele', () => {
    expect(kpi.handlungsziele).toEqual([
      { id: '1.1', hf: 1, zielerreichung: 0.95, ampel: 'gruen', kennzahlen: 1, kennzahlenMitDaten: 1 },
      { id: '1.2', hf: 1, zielerreichung: 0.5, ampel: 'rot', kennzahlen: 1, kennzahlenMitDaten: 1 },
      { id: '2.1', hf: 2, zielerreichung: null, ampel: 'keine_daten', kennzahlen: 1, kennzahlenMitDaten: 0 },
    ]);
  });
  it('Handlungsfelder and gesamt', () => {
    expect(kpi.berichtsjahr).toBe(2026);
    expect(kpi.handlungsfelder[0]).toEqual({
      hf: 1,
      zielerreichung: expect.closeTo(0.725, 12),
      ampel: 'gelb',
      massnahmen: 2,
      umgesetzt: 1,
      begonnen: 1,
      geplant: 0,
      verschoben: 0,
      entfallen: 0,
      umsetzungsquote: 0.5,
      wirkungen: 1,
      standardmassnahmen: 0,
      handlungszieleOhneMassnahme: 0,
    });
    expect(kpi.handlungsfelder[1]).toEqual({
      hf: 2,
      zielerreichung: null,
      ampel: 'keine_daten',
      massnahmen: 1,
      umgesetzt: 0,
      begonnen: 0,
      geplant: 1,
      verschoben: 0,
      entfallen: 0,
      umsetzungsquote: 0,
      wirkungen: 0,
      standardmassnahmen: 1,
      handlungszieleOhneMassnahme: 0,
    });
    expect(kpi.gesamt).toEqual({
      zielerreichung: expect.closeTo(0.725, 12),
      ampel: 'gelb',
      massnahmen: 3,
      umgesetzt: 1,
      begonnen: 1,
      geplant: 1,
      verschoben: 0,
      entfallen: 0,
      umsetzungsquote: 1 / 3,
      wirkungen: 1,
      standardmassnahmen: 1,
      handlungszieleOhneMassnahme: 0,
    });
  });
  it('fields come in SPEC §5 order', () => {
    expect(Object.keys(kpi.handlungsfelder[0])).toEqual([
      'hf',
      'zielerreichung',
      'ampel',
      'massnahmen',
      'umgesetzt',
      'begonnen',
      'geplant',
      'verschoben',
      'entfallen',
      'umsetzungsquote',
      'wirkungen',
      'standardmassnahmen',
      'handlungszieleOhneMassnahme',
    ]);
    expect(Object.keys(kpi.gesamt)).toEqual(Object.keys(kpi.handlungsfelder[0]).slice(1));
    expect(Object.keys(kpi.handlungsziele[0])).toEqual([
      'id',
      'hf',
      'zielerreichung',
      'ampel',
      'kennzahlen',
      'kennzahlenMitDaten',
    ]);
    expect(Object.keys(kpi.kennzahlen[0])).toEqual(['id', 'handlungszielId', 'zielerreichung', 'ampel', 'vorjahr']);
  });
  it('vorjahr: Istwert of the Zeitreihe row for Berichtsjahr − 1, else null', () => {
    const ref = { sheet: 'Zeitreihe', row: 2 };
    const zr = (kennzahlId: string, jahr: number, istwert: number | null) => ({
      kennzahlId,
      jahr,
      istwert,
      zielwert: null,
      stichtag: null,
      ref,
    });
    const mit = berechneKpi({
      ...plan!,
      zeitreihe: [zr('K1', 2024, 7), zr('K1', 2025, 12), zr('K2', 2025, null), zr('K3', 2024, 3)],
    });
    expect(mit.kennzahlen.map((k) => k.vorjahr)).toEqual([12, null, null]);
  });
});

describe('berechneKpi: capping and edge cases', () => {
  const plan: Plan = {
    handlungsfelder: [hf(3), hf(1), hf(2)],
    einstellungen: E,
    ziele: [ziel('1.1', 1), ziel('1.2', 1), ziel('3.1', 3)],
    arbeitsplanung: [
      zeile({ nr: '1', hf: 1, zielId: '1.1', status: 'entfallen' }),
      zeile({ nr: '2', hf: 1, zielId: '1.1', status: 'entfallen' }),
      zeile({ nr: '3', hf: 1, zielId: '1.2', standard: true, status: 'umgesetzt' }),
      zeile({ nr: '4', hf: 3, zielId: '3.1', art: 'Wirkung', status: null }),
      zeile({ nr: '5', hf: 3, zielId: '3.1', status: 'verschoben' }),
      zeile({ nr: '6', hf: 3, zielId: '3.1', status: null }),
    ],
    checkliste: [],
    kennzahlen: [
      kennzahl({ id: 'a', zielId: '1.1', zielwert: 100, istwert: 150 }), // 1.5 → capped 1
      kennzahl({ id: 'b', zielId: '1.1', ausgangswert: 40, zielwert: 20, istwert: 50 }), // -0.5 → capped 0
      kennzahl({ id: 'c', zielId: '1.1', zielwert: 10, istwert: null }), // no data
      kennzahl({ id: 'd', zielId: '3.1', ausgangswert: 40, zielwert: 20, istwert: 30 }), // 0.5
    ],
  };
  const kpi = berechneKpi(plan);

  it('shows uncapped values per Kennzahl', () => {
    expect(kpi.kennzahlen.map((k) => k.zielerreichung)).toEqual([1.5, -0.5, null, 0.5]);
    expect(kpi.kennzahlen.map((k) => k.ampel)).toEqual(['gruen', 'rot', 'keine_daten', 'rot']);
  });
  it('caps for the Handlungsziel mean', () => {
    expect(kpi.handlungsziele[0]).toEqual({
      id: '1.1',
      hf: 1,
      zielerreichung: 0.5,
      ampel: 'rot',
      kennzahlen: 3,
      kennzahlenMitDaten: 2,
    });
    expect(kpi.handlungsziele[1]).toMatchObject({ id: '1.2', zielerreichung: null, ampel: 'keine_daten', kennzahlen: 0 });
  });
  it('one entry per Handlungsfeld ordered by HF-Nr, also without data', () => {
    expect(kpi.handlungsfelder.map((h) => h.hf)).toEqual([1, 2, 3]);
    expect(kpi.handlungsfelder[1]).toEqual({
      hf: 2,
      zielerreichung: null,
      ampel: 'keine_daten',
      massnahmen: 0,
      umgesetzt: 0,
      begonnen: 0,
      geplant: 0,
      verschoben: 0,
      entfallen: 0,
      umsetzungsquote: null,
      wirkungen: 0,
      standardmassnahmen: 0,
      handlungszieleOhneMassnahme: 0,
    });
  });
  it('quote is null when all Maßnahmen entfallen; Standardmaßnahmen do not count', () => {
    const h1 = kpi.handlungsfelder[0];
    expect(h1).toMatchObject({ massnahmen: 2, entfallen: 2, umgesetzt: 0, umsetzungsquote: null, standardmassnahmen: 1 });
    // 1.2 only has a Standardmaßnahme → counts as "ohne Maßnahme"
    expect(h1.handlungszieleOhneMassnahme).toBe(1);
    expect(h1.zielerreichung).toBe(0.5);
  });
  it('a Maßnahme without Status counts as Maßnahme but in no status', () => {
    const h3 = kpi.handlungsfelder[2];
    expect(h3).toMatchObject({ massnahmen: 2, verschoben: 1, geplant: 0, wirkungen: 1, umsetzungsquote: 0, zielerreichung: 0.5 });
  });
  it('gesamt', () => {
    expect(kpi.gesamt).toMatchObject({
      massnahmen: 4,
      entfallen: 2,
      umsetzungsquote: 0,
      standardmassnahmen: 1,
      handlungszieleOhneMassnahme: 1,
      zielerreichung: 0.5,
      ampel: 'rot',
    });
  });
  it('an empty plan', () => {
    const leer = berechneKpi({
      handlungsfelder: [],
      einstellungen: E,
      ziele: [],
      arbeitsplanung: [],
      checkliste: [],
      kennzahlen: [],
    });
    expect(leer.handlungsfelder).toEqual([]);
    expect(leer.gesamt).toMatchObject({ zielerreichung: null, ampel: 'keine_daten', massnahmen: 0, umsetzungsquote: null });
  });
});

describe('berechneKpi: properties over random plans', () => {
  const FELDER = [
    'massnahmen',
    'umgesetzt',
    'begonnen',
    'geplant',
    'verschoben',
    'entfallen',
    'wirkungen',
    'standardmassnahmen',
    'handlungszieleOhneMassnahme',
  ] as const;

  it.each(SEEDS.slice(0, 60))('seed %i', (seed) => {
    const plan = zufallsPlan(seed);
    const kpi = berechneKpi(plan);

    // kennzahlen and handlungsziele in table order
    expect(kpi.kennzahlen.map((k) => k.id)).toEqual(plan.kennzahlen.map((k) => k.id));
    expect(kpi.handlungsziele.map((h) => h.id)).toEqual(plan.ziele.map((z) => z.id));

    // per Kennzahl: uncapped rule value; ampel by thresholds
    kpi.kennzahlen.forEach((k, i) => {
      expect(k.zielerreichung).toBe(zielerreichung(plan.kennzahlen[i]));
      expect(k.ampel).toBe(ampelFuer(k.zielerreichung, E));
    });

    // per Handlungsziel: mean of capped values with Istwert; aggregates lie in 0..1
    for (const h of kpi.handlungsziele) {
      const eigene = kpi.kennzahlen.filter((k) => k.handlungszielId === h.id);
      const werte = eigene.map((k) => k.zielerreichung).filter((w): w is number => w !== null);
      expect(h.kennzahlen).toBe(eigene.length);
      expect(h.kennzahlenMitDaten).toBe(werte.length);
      const m = mean(werte.map(gekappt));
      if (m === null) expect(h.zielerreichung).toBeNull();
      else expect(h.zielerreichung).toBeCloseTo(m, 12);
      if (h.zielerreichung !== null) {
        expect(h.zielerreichung).toBeGreaterThanOrEqual(0);
        expect(h.zielerreichung).toBeLessThanOrEqual(1);
      }
      expect(h.ampel).toBe(ampelFuer(h.zielerreichung, E));
    }

    // one entry per HF row, ordered by HF-Nr
    expect(kpi.handlungsfelder.map((h) => h.hf)).toEqual(plan.handlungsfelder.map((h) => h.nr).sort((a, b) => a - b));

    for (const h of kpi.handlungsfelder) {
      // HF value = mean of its Handlungsziele that have a value
      const m = mean(
        kpi.handlungsziele.filter((z) => z.hf === h.hf && z.zielerreichung !== null).map((z) => z.zielerreichung as number),
      );
      if (m === null) expect(h.zielerreichung).toBeNull();
      else expect(h.zielerreichung).toBeCloseTo(m, 12);
      expect(h.ampel).toBe(ampelFuer(h.zielerreichung, E));

      // counts recomputed from rows; Standardmaßnahmen never counted
      const rows = plan.arbeitsplanung.filter((r) => r.hf === h.hf);
      const normal = rows.filter((r) => !r.standard);
      const mass = normal.filter((r) => r.art === 'Maßnahme');
      expect(h.massnahmen).toBe(mass.length);
      expect(h.wirkungen).toBe(normal.filter((r) => r.art === 'Wirkung').length);
      for (const s of LISTS.status) expect(h[s as Status]).toBe(mass.filter((r) => r.status === s).length);
      expect(h.standardmassnahmen).toBe(rows.filter((r) => r.standard).length);
      expect(h.umgesetzt + h.begonnen + h.geplant + h.verschoben + h.entfallen).toBeLessThanOrEqual(h.massnahmen);

      // quote: null exactly when the denominator is 0
      const nenner = h.massnahmen - h.entfallen;
      if (nenner === 0) expect(h.umsetzungsquote).toBeNull();
      else expect(h.umsetzungsquote).toBe(h.umgesetzt / nenner);
    }

    // gesamt sums the HF counts; its value is the mean over all Handlungsziele with a value
    for (const f of FELDER) expect(kpi.gesamt[f]).toBe(kpi.handlungsfelder.reduce((s, h) => s + h[f], 0));
    const g = mean(kpi.handlungsziele.map((h) => h.zielerreichung).filter((w): w is number => w !== null));
    if (g === null) expect(kpi.gesamt.zielerreichung).toBeNull();
    else expect(kpi.gesamt.zielerreichung).toBeCloseTo(g, 12);
    const gn = kpi.gesamt.massnahmen - kpi.gesamt.entfallen;
    expect(kpi.gesamt.umsetzungsquote).toBe(gn === 0 ? null : kpi.gesamt.umgesetzt / gn);
  });

  it('Standardmaßnahmen never change any figure except standardmassnahmen', () => {
    for (const seed of SEEDS.slice(0, 60)) {
      const plan = zufallsPlan(seed);
      const z = zufall(seed + 1);
      const ziele = plan.ziele;
      if (ziele.length === 0) continue;
      const extra = Array.from({ length: z.ganz(1, 6) }, (_, i) => {
        const zl = z.wahl(ziele);
        return zeile({
          nr: `S${i}`,
          hf: zl.hf!,
          zielId: zl.id,
          art: z.wahl(LISTS.art),
          status: z.wahl(LISTS.status),
          standard: true,
        });
      });
      const vorher = berechneKpi(plan);
      const nachher = berechneKpi({ ...plan, arbeitsplanung: [...plan.arbeitsplanung, ...extra] });
      const ohneStd = <T extends { standardmassnahmen: number }>(x: T) => ({ ...x, standardmassnahmen: 0 });
      expect(nachher.handlungsfelder.map(ohneStd)).toEqual(vorher.handlungsfelder.map(ohneStd));
      expect(ohneStd(nachher.gesamt)).toEqual(ohneStd(vorher.gesamt));
      expect(nachher.gesamt.standardmassnahmen).toBe(vorher.gesamt.standardmassnahmen + extra.length);
    }
  });

  it('reordering rows does not change HF figures', () => {
    for (const seed of SEEDS.slice(0, 40)) {
      const plan = zufallsPlan(seed);
      const a = berechneKpi(plan);
      const b = berechneKpi({
        ...plan,
        arbeitsplanung: [...plan.arbeitsplanung].reverse(),
        handlungsfelder: [...plan.handlungsfelder].reverse(),
      });
      expect(b.handlungsfelder).toEqual(a.handlungsfelder);
      expect(b.gesamt.massnahmen).toBe(a.gesamt.massnahmen);
    }
  });

  it('the generator produces interesting plans (guards against a degenerate generator)', () => {
    const plans = SEEDS.slice(0, 60).map(zufallsPlan);
    const alle = plans
      .flatMap((p) => berechneKpi(p).kennzahlen.map((k) => k.zielerreichung))
      .filter((w): w is number => w !== null);
    expect(alle.some((w) => w > 1)).toBe(true);
    expect(alle.some((w) => w < 0)).toBe(true);
    expect(plans.some((p) => berechneKpi(p).handlungsfelder.some((h) => h.umsetzungsquote === null && h.massnahmen > 0))).toBe(
      true,
    );
    expect(plans.some((p) => p.kennzahlen.some((k) => k.ausgangswert !== null && k.ausgangswert > (k.zielwert ?? 0)))).toBe(true);
  });
});

describe('entwicklung: change since the Vorjahr', () => {
  it('a rising target: more is better; the text has a sign', () => {
    const e = entwicklung({ ausgangswert: 10, zielwert: 30, istwert: 18 }, 12);
    expect(e).toEqual({ veraenderung: 6, trend: 'besser' });
    expect(entwicklungText(e)).toBe('+6 (besser)');
  });
  it('a falling target (Zielwert below Ausgangswert): fewer is better', () => {
    expect(entwicklung({ ausgangswert: 40, zielwert: 20, istwert: 30 }, 34)).toEqual({ veraenderung: -4, trend: 'besser' });
    expect(entwicklungText(entwicklung({ ausgangswert: 40, zielwert: 20, istwert: 36.5 }, 34))).toBe('+2,5 (schlechter)');
  });
  it('no Ausgangswert: more is better; no change; no Vorjahr or no Istwert → none', () => {
    expect(entwicklung({ ausgangswert: null, zielwert: 5, istwert: 3 }, 4)?.trend).toBe('schlechter');
    expect(entwicklungText(entwicklung({ ausgangswert: null, zielwert: 5, istwert: 4 }, 4))).toBe('±0');
    expect(entwicklung({ ausgangswert: 1, zielwert: 5, istwert: null }, 4)).toBeNull();
    expect(entwicklungText(entwicklung({ ausgangswert: 1, zielwert: 5, istwert: 3 }, null))).toBe('–');
  });
});
