import { berechneKpi, pruefen } from '../domain';
import { TABLE_ORDER } from '../domain/schema';
import { alsRohmappe, beispielTabellen } from './beispiel';
import type { Grid } from './grid';
import { kpiHandlungszieleGrid, kpiUebersichtGrid, UEBERSICHT_KOPF } from './kpiSheets';
import { STYLES } from './styles';


const { plan } = pruefen(alsRohmappe(beispielTabellen(), 'beispiel.xlsx', TABLE_ORDER));
const kpi = berechneKpi(plan!);
const meta = { berechnetAm: new Date(Date.UTC(2026, 10, 25, 14, 5)), quelle: 'beispiel.xlsx' };

/** Cell value at an A1 address of a grid. */
function zelle(g: Grid, a1: string) {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  return g.rows[Number(m[2]) - 1]?.[m[1].charCodeAt(0) - 65];
}

describe('kpiUebersichtGrid', () => {
  const g = kpiUebersichtGrid(plan!, kpi, meta);
  it('shows title, source and German local time', () => {
    expect(zelle(g, 'A1')?.v).toBe('KPI Übersicht – Arbeitsplanung 2026');
    expect(zelle(g, 'A2')?.v).toMatch(/^Berechnet am 25\.11\.2026, 15:05 Uhr aus „beispiel\.xlsx“/);
  });
  it('has one row per HF plus Gesamt, with Ampel text and fill', () => {
    const kopf = g.freezeRows!;
    expect(g.rows[kopf - 1].map((c) => c.v)).toEqual([...UEBERSICHT_KOPF]);
    kpi.handlungsfelder.forEach((hf, i) => {
      const row = g.rows[kopf + i];
      expect(row[0].v).toBe(hf.hf);
      expect(row[3].v).toBe(hf.zielerreichung);
      expect(row[4].s).toBe({ gruen: 'ampelGruen', gelb: 'ampelGelb', rot: 'ampelRot', keine_daten: 'ampelKeineDaten' }[hf.ampel]);
      expect(row[11].v).toBe(hf.umsetzungsquote);
    });
    const gesamt = g.rows[kopf + kpi.handlungsfelder.length];
    expect(gesamt[0].v).toBe('Gesamt');
    expect(gesamt[5].v).toBe(kpi.gesamt.massnahmen);
    expect(gesamt[13].v).toBe(kpi.gesamt.standardmassnahmen);
  });
  it('chart specs point at the chart data block', () => {
    expect(g.charts).toHaveLength(2);
    const [ze, st] = g.charts!;
    const [von, bis] = ze.dataRange.split(':');
    expect(zelle(g, von)?.v).toBe('HF');
    expect(zelle(g, bis.replace(/^B/, 'A'))?.v).toBe('HF 8');
    expect(st.type).toBe('stackedBar');
    expect(zelle(g, st.dataRange.split(':')[1].replace(/^F/, 'A'))?.v).toBe('HF 8');
    expect(g.rowHeights).toHaveLength(g.rows.length);
  });
});

describe('kpiHandlungszieleGrid', () => {
  const g = kpiHandlungszieleGrid(plan!, kpi, meta);
  it('lists every Handlungsziel with coverage and every Kennzahl uncapped', () => {
    const kopf = g.freezeRows!;
    kpi.handlungsziele.forEach((hz, i) => {
      const row = g.rows[kopf + i];
      expect(row[0].v).toBe(hz.id);
      expect(row[4].v).toBe(hz.zielerreichung);
      expect(row[8].v).toBe(hz.kennzahlen ? hz.kennzahlenMitDaten / hz.kennzahlen : null);
    });
    const ids = g.rows.map((r) => r[0]?.v);
    for (const k of kpi.kennzahlen) {
      const row = g.rows[ids.indexOf(k.id)];
      expect(row[7].v).toBe(k.zielerreichung);
    }
    expect(kpi.kennzahlen.some((k) => (k.zielerreichung ?? 0) > 1)).toBe(true);
  });
});

describe('HF numbers as labels', () => {
  it('are centred on both KPI sheets so they do not run into the Handlungsfeld name', () => {
    expect(STYLES.nr.horizontal).toBe('center');
    const ue = kpiUebersichtGrid(plan!, kpi, meta);
    const hz = kpiHandlungszieleGrid(plan!, kpi, meta);
    const hfZelle = (g: Grid) => g.rows[g.freezeRows!].find((c) => c.v === 1);
    expect(hfZelle(ue)?.s).toBe('nr');
    expect(hfZelle(hz)?.s).toBe('nr');
  });
});

describe('Zahlenformate ohne nachgestelltes Trennzeichen', () => {
  test('kein Format zeigt ganze Zahlen als „12,“ (nur optionale Nachkommastellen)', () => {
    for (const s of Object.values(STYLES)) {
      if (!s.numberFormat) continue;
      // "#,##0.##" shows 12 as "12," in Excel: a decimal part made only of optional digits
      expect(s.numberFormat).not.toMatch(/\.#+($|;)/);
    }
  });

  test('Kennzahlwerte: ganze Zahlen ohne Nachkommastellen, andere mit ein bis zwei', () => {
    const g = kpiHandlungszieleGrid(plan!, kpi, meta);
    const zellen = g.rows.flat().filter((c) => typeof c?.v === 'number' && (c.s === 'ganzzahl' || c.s === 'dezimal'));
    expect(zellen.length).toBeGreaterThan(0);
    for (const c of zellen) expect(c.s).toBe(Number.isInteger(c.v) ? 'ganzzahl' : 'dezimal');
    expect(STYLES.ganzzahl.numberFormat).toBe('#,##0');
    expect(STYLES.dezimal.numberFormat).toBe('#,##0.0#');
  });
});
