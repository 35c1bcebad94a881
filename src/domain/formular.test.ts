import { arbeitsmappe } from './__tests__/fixtures';
import {
  formularZeilen,
  kennzahlEntwurf,
  LEERE_CHECKLISTE,
  LEERE_KENNZAHL,
  pruefeFeld,
  pruefeFormular,
  type KennzahlEntwurf,
} from './formular';
import { pruefen } from './index';
import type { Plan } from './model';

const { plan: p } = pruefen(arbeitsmappe());
if (!p) throw new Error('Fixture nicht lesbar');
const plan: Plan = p;

const kz = (x: Partial<KennzahlEntwurf>): KennzahlEntwurf => ({
  ...LEERE_KENNZAHL,
  id: 'K9',
  name: 'Teilnehmende',
  zielwert: '100',
  ...x,
});

describe('pruefeFeld', () => {
  it('uses the workbook coercion and wording', () => {
    expect(pruefeFeld('kennzahlen', 'Zielwert', '12,5')).toEqual({ wert: 12.5, meldung: null });
    const m = pruefeFeld('kennzahlen', 'Istwert', '12 Personen').meldung;
    expect(m?.schwere).toBe('Fehler');
    expect(m?.text).toContain('ist keine Zahl');
    expect(pruefeFeld('kennzahlen', 'Stichtag', '31.12.2026').wert).toBe('2026-12-31');
    expect(pruefeFeld('kennzahlen', 'Stichtag', '31.13.2026').meldung?.text).toContain('kein gültiges Datum');
    expect(pruefeFeld('checkliste', 'Umsetzungsstand', 'fertig').meldung?.text).toContain('„in Umsetzung“');
  });
});

describe('pruefeFormular', () => {
  it('computes live Zielerreichung and Ampel with the plan thresholds', () => {
    const r = pruefeFormular(plan, '1.1', LEERE_CHECKLISTE, [
      kz({ istwert: '95' }),
      kz({ id: 'K10', ausgangswert: '40', zielwert: '20', istwert: '30', begruendung: 'x' }),
    ]);
    expect(r.kennzahlen[0]).toMatchObject({ zielerreichung: 0.95, ampel: 'gruen', begruendungNoetig: false });
    expect(r.kennzahlen[1]).toMatchObject({ zielerreichung: 0.5, ampel: 'rot', begruendungNoetig: true });
    expect(r.speicherbar).toBe(true);
  });

  it('requires a Begründung when the Ampel is rot', () => {
    const r = pruefeFormular(plan, '1.1', LEERE_CHECKLISTE, [kz({ istwert: '10' })]);
    expect(r.kennzahlen[0].ampel).toBe('rot');
    expect(r.kennzahlen[0].meldungen.begruendung?.schwere).toBe('Fehler');
    expect(r.kennzahlen[0].meldungen.begruendung?.text).toContain('Begründung');
    expect(r.speicherbar).toBe(false);
  });

  it('reports the rules of the workbook check at the field: missing Zielwert, Zielwert 0, duplicate ID', () => {
    const r = pruefeFormular(plan, '1.1', LEERE_CHECKLISTE, [
      kz({ zielwert: '' }),
      kz({ id: 'K3', zielwert: '0' }),
      kz({ id: 'K20', name: '' }),
    ]);
    expect(r.kennzahlen[0].meldungen.zielwert?.text).toContain('Der Zielwert fehlt');
    expect(r.kennzahlen[1].meldungen.zielwert?.text).toContain('Der Zielwert ist 0');
    // K3 belongs to Handlungsziel 2.1 in the workbook
    expect(r.kennzahlen[1].meldungen.id?.text).toContain('kommt doppelt vor');
    expect(r.kennzahlen[2].meldungen.name?.text).toContain('Bezeichnung der Kennzahl fehlt');
    // no address prefix in field messages
    expect(r.kennzahlen[0].meldungen.zielwert?.text).not.toMatch(/Formular!/);
    expect(r.speicherbar).toBe(false);
  });

  it('lets this Handlungsziel keep its own Kennzahl IDs', () => {
    const eigene = plan.kennzahlen.filter((k) => k.zielId === '1.2').map(kennzahlEntwurf);
    const r = pruefeFormular(plan, '1.2', LEERE_CHECKLISTE, eigene);
    expect(r.kennzahlen[0].meldungen).toEqual({});
    expect(r.speicherbar).toBe(true);
  });

  it('checks list fields of the Checkliste', () => {
    const r = pruefeFormular(plan, '1.1', { ...LEERE_CHECKLISTE, anpassungsbedarf: 'viel' }, []);
    expect(r.checkliste.anpassungsbedarf?.schwere).toBe('Fehler');
    expect(r.speicherbar).toBe(false);
  });
});

describe('formularZeilen', () => {
  it('builds header-keyed rows with numbers and dates typed', () => {
    const z = formularZeilen('1.1', { ...LEERE_CHECKLISTE, zielgruppe: ' Eltern ', umsetzungsstand: 'in umsetzung' }, [
      kz({ istwert: '1.234', stichtag: '31.12.2026' }),
    ]);
    expect(z.checkliste).toMatchObject({
      'Handlungsziel-ID': '1.1',
      Zielgruppe: 'Eltern',
      Umsetzungsstand: 'in Umsetzung',
      Ressourcen: null,
    });
    expect(z.kennzahlen[0]).toMatchObject({
      'Kennzahl-ID': 'K9',
      'Handlungsziel-ID': '1.1',
      Zielwert: 100,
      Istwert: 1234,
      Stichtag: new Date(Date.UTC(2026, 11, 31)),
    });
  });
});
