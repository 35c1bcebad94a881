import { arbeitsmappe, kopie } from './__tests__/fixtures';
import { fehlendeAngaben } from './fehlend';
import { berechneKpi, pruefen } from './index';
import type { Plan } from './model';

function planAus(daten = kopie()): Plan {
  const { plan } = pruefen(arbeitsmappe(daten));
  if (!plan) throw new Error('Fixture nicht lesbar');
  return plan;
}

describe('fehlendeAngaben', () => {
  it('reports only the Kennzahl without Istwert on the valid fixture, with its cell', () => {
    const plan = planAus();
    const r = fehlendeAngaben(plan, berechneKpi(plan));
    expect(r.vollstaendig).toBe(false);
    expect(r.gesamt.anzahl).toEqual({
      ohneHandlungsziel: 0,
      ohneCheckliste: 0,
      ohneKennzahl: 0,
      ohneMassnahme: 0,
      ohneIstwert: 1,
      rotOhneBegruendung: 0,
    });
    const hf2 = r.handlungsfelder.find((h) => h.hf === 2);
    expect(hf2?.netzwerk).toBe('Netzwerk Bildung');
    expect(hf2?.netzwerkleitung).toBe('C. Test');
    expect(hf2?.angaben).toHaveLength(1);
    expect(hf2?.angaben[0]).toMatchObject({ art: 'ohneIstwert', kennzahlId: 'K3', blatt: 'Kennzahlen', zelle: 'H4' });
    expect(hf2?.angaben[0].meldung).toContain('Kennzahlen!H4');
    // 2 HF + 3 Ziele × 3 checks + 3 Kennzahlen + 1 red Kennzahl = 15 checks, 1 missing
    expect(r.gesamt.vollstaendigkeit).toBeCloseTo(14 / 15, 10);
    expect(r.handlungsfelder.find((h) => h.hf === 1)?.vollstaendigkeit).toBe(1);
  });

  it('finds Handlungsziele without Checkliste, Kennzahl and (non-standard) Maßnahme', () => {
    const d = kopie();
    d.checkliste = d.checkliste.filter((c) => c['Handlungsziel-ID'] !== '1.2');
    d.kennzahlen = d.kennzahlen.filter((k) => k['Handlungsziel-ID'] !== '2.1');
    // 2.1 keeps only its Standardmaßnahme A5, which does not count
    d.arbeitsplanung = d.arbeitsplanung.filter((r) => r.Nr !== 'A4');
    const plan = planAus(d);
    const r = fehlendeAngaben(plan, berechneKpi(plan));
    const arten = r.handlungsfelder.flatMap((h) => h.angaben.map((a) => `${a.art}:${a.handlungszielId}`));
    expect(arten.sort()).toEqual(['ohneCheckliste:1.2', 'ohneKennzahl:2.1', 'ohneMassnahme:2.1']);
    expect(r.handlungsfelder.find((h) => h.hf === 1)?.anzahl.ohneCheckliste).toBe(1);
  });

  it('asks for a Begründung when a Kennzahl is red', () => {
    const d = kopie();
    d.kennzahlen[1] = { ...d.kennzahlen[1], Begründung: undefined };
    d.kennzahlen[2] = { ...d.kennzahlen[2], Istwert: 20 };
    const plan = planAus(d);
    const r = fehlendeAngaben(plan, berechneKpi(plan));
    const alle = r.handlungsfelder.flatMap((h) => h.angaben);
    expect(alle).toHaveLength(1);
    expect(alle[0]).toMatchObject({ art: 'rotOhneBegruendung', kennzahlId: 'K2', zelle: 'L3' });
    expect(alle[0].meldung).toMatch(/steht auf Rot, aber eine Begründung fehlt/);
  });

  it('names a Handlungsfeld without Handlungsziele (an empty template is not complete)', () => {
    const d = kopie();
    d.ziele = d.ziele.filter((z) => z['HF-Nr'] !== 2);
    d.arbeitsplanung = d.arbeitsplanung.filter((r) => r['HF-Nr'] !== 2);
    d.checkliste = d.checkliste.filter((c) => c['Handlungsziel-ID'] !== '2.1');
    d.kennzahlen = d.kennzahlen.filter((k) => k['Handlungsziel-ID'] !== '2.1');
    const plan = planAus(d);
    const r = fehlendeAngaben(plan, berechneKpi(plan));
    expect(r.vollstaendig).toBe(false);
    expect(r.handlungsfelder.find((h) => h.hf === 2)?.angaben.map((a) => a.art)).toEqual(['ohneHandlungsziel']);
  });

  it('is complete when nothing is missing', () => {
    const d = kopie();
    d.kennzahlen[2] = { ...d.kennzahlen[2], Istwert: 20 };
    const plan = planAus(d);
    const r = fehlendeAngaben(plan, berechneKpi(plan));
    expect(r.vollstaendig).toBe(true);
    expect(r.gesamt.vollstaendigkeit).toBe(1);
    expect(r.handlungsfelder.map((h) => h.hf)).toEqual([1, 2]);
  });
});
