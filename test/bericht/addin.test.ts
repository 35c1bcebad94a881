/**
 * The add-in refresh (Office.js fake) writes Umsetzungsbericht and Verlauf
 * like the CLI: same-day refresh replaces the day's Verlauf rows, the
 * report carries no Standardmaßnahme outside its footnote.
 */
import { kpiAktualisieren } from '../../src/excel/kpi';
import { createFakeExcel } from '../../src/excel/testing/fakeExcel';
import { beispielSaat } from '../../src/excel/testing/saat';
import { COLORS } from '../../src/workbook/layout';
import { SPALTENTITEL_PRAEFIX } from '../../src/workbook/spaltentitel';

describe('Add-in: Umsetzungsbericht und Verlauf', () => {
  it('replaces the Verlauf rows of the same day and appends on a new day', async () => {
    const fx = createFakeExcel(beispielSaat());
    await kpiAktualisieren(fx.context, new Date(2026, 10, 25, 9, 0));
    await kpiAktualisieren(fx.context, new Date(2026, 10, 25, 16, 0));
    const einTag = fx.tabelle('tblVerlauf')!;
    expect(einTag.zeilen).toHaveLength(9);
    expect(einTag.zeilen.map((z) => z[1])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 'Gesamt']);
    await kpiAktualisieren(fx.context, new Date(2026, 10, 26, 9, 0));
    expect(fx.tabelle('tblVerlauf')!.zeilen).toHaveLength(18);
    expect(fx.blatt('KPI Verlauf').diagramme.map((d) => d.typ)).toEqual([expect.stringMatching(/line/i)]);
  });

  it('writes the print-ready Umsetzungsbericht with Standardmaßnahmen only in the footnote', async () => {
    const fx = createFakeExcel(beispielSaat());
    await kpiAktualisieren(fx.context, new Date(2026, 10, 25, 9, 0));
    const b = fx.blatt('Umsetzungsbericht');
    const spalteA: string[] = [];
    for (let z = 1; z <= 400; z++) spalteA.push(String(fx.werte('Umsetzungsbericht', `A${z}`)[0][0]));
    expect(spalteA[0]).toContain('Umsetzungsbericht 2026');
    const hinweis = spalteA.indexOf('Hinweis: Standardmaßnahmen');
    expect(hinweis).toBeGreaterThan(0);
    const standard = spalteA.map((v, i) => (/^S-\d+/.test(v) ? i : -1)).filter((i) => i >= 0);
    expect(standard.length).toBeGreaterThan(0);
    expect(standard.every((i) => i > hinweis)).toBe(true);
    expect(b.seite.ausrichtung).toMatch(/landscape/i);
    expect(b.seite.titelzeilen).toBeTruthy();
    // one page break before each of the 8 Handlungsfelder
    expect(b.seite.umbrueche).toHaveLength(8);
  });

  it('names the first cell of every header block for screen readers; a second refresh replaces the names', async () => {
    const fx = createFakeExcel(beispielSaat());
    await kpiAktualisieren(fx.context, new Date(2026, 10, 25, 9, 0));
    const namen = () => [...fx.modell.namen.values()].filter((n) => n.name.startsWith(SPALTENTITEL_PRAEFIX)).map((n) => `${n.name} ${n.bezug}`).sort();
    const erste = namen();
    const kopf = (b: string, z: number, sp: number) => fx.blatt(b).zellen.get(`${z},${sp}`)?.format.fill === `#${COLORS.header}`;
    for (const blatt of ['KPI Übersicht', 'KPI Handlungsziele', 'Umsetzungsbericht']) {
      const anfaenge: string[] = [];
      for (const k of fx.blatt(blatt).zellen.keys()) {
        const [z, sp] = k.split(',').map(Number);
        if (kopf(blatt, z, sp) && !kopf(blatt, z, sp - 1)) anfaenge.push(`'${blatt}'!$${String.fromCharCode(64 + sp)}$${z}`);
      }
      const benannt = erste.map((n) => n.split(' =')[1]).filter((r) => r.replace(/^'?(.*?)'?!.*$/, '$1') === blatt);
      expect([blatt, benannt.sort()]).toEqual([blatt, anfaenge.map((a) => (/^[A-Za-z]+$/.test(blatt) ? a.replace(/'/g, '') : a)).sort()]);
    }
    expect(erste.length).toBeGreaterThanOrEqual(10);
    await kpiAktualisieren(fx.context, new Date(2026, 10, 26, 9, 0));
    expect(namen()).toEqual(erste);
  });
});
