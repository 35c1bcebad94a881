/**
 * The domain on the real template and sample plan (src/workbook/beispiel):
 * the template is clean, the sample has no Fehler, and its KPIs match an
 * independent, deliberately naive recomputation of SPEC §4 straight from
 * the raw rows.
 */
import { berechneKpi, hatFehler, pruefen, TABLE_ORDER, TABLES, type RawValue, type TableKey } from '../../src/domain';
import { alsRohmappe, beispielTabellen, vorlageTabellen } from '../../src/workbook/beispiel';


/** Row → record by header, so the recomputation does not depend on the domain parser. */
function datensaetze(t: Record<TableKey, RawValue[][]>, k: TableKey): Record<string, RawValue>[] {
  const h = TABLES[k].columns.map((c) => c.header);
  return t[k].map((r) => Object.fromEntries(h.map((x, i) => [x, r[i] ?? null])));
}

const num = (v: RawValue): number | null => (typeof v === 'number' ? v : null);
const avg = (xs: number[]): number | null => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

describe('template and sample plan', () => {
  it('the template has no findings', () => {
    const { plan, findings } = pruefen(alsRohmappe(vorlageTabellen(), 'beispiel.xlsx', TABLE_ORDER));
    expect(findings).toEqual([]);
    expect(plan!.handlungsfelder).toHaveLength(8);
  });

  it('the sample plan has no Fehler', () => {
    const { plan, findings } = pruefen(alsRohmappe(beispielTabellen(), 'beispiel.xlsx', TABLE_ORDER));
    expect(findings.filter((f) => f.schwere === 'Fehler')).toEqual([]);
    expect(hatFehler(findings)).toBe(false);
    expect(plan).not.toBeNull();
  });

  it('KPIs of the sample match a naive recomputation of SPEC §4', () => {
    const t = beispielTabellen();
    const kpi = berechneKpi(pruefen(alsRohmappe(t, 'beispiel.xlsx', TABLE_ORDER)).plan!);
    const gruen = 0.9;
    const gelb = 0.6;
    const ampel = (w: number | null) => (w === null ? 'keine_daten' : w >= gruen ? 'gruen' : w >= gelb ? 'gelb' : 'rot');

    const kz = datensaetze(t, 'kennzahlen').map((r) => {
      const a = num(r['Ausgangswert']);
      const z = num(r['Zielwert'])!;
      const i = num(r['Istwert']);
      const w = i === null ? null : a !== null && a !== z ? (i - a) / (z - a) : i / z;
      return { id: String(r['Kennzahl-ID']), ziel: String(r['Handlungsziel-ID']), w };
    });
    expect(kpi.kennzahlen.map((k) => k.id)).toEqual(kz.map((k) => k.id));
    kz.forEach((k, i) => {
      if (k.w === null) expect(kpi.kennzahlen[i].zielerreichung).toBeNull();
      else expect(kpi.kennzahlen[i].zielerreichung).toBeCloseTo(k.w, 12);
      expect(kpi.kennzahlen[i].ampel).toBe(ampel(k.w));
    });
    // the sample exercises falling targets, overshooting and missing data
    expect(kz.some((k) => k.w === null)).toBe(true);

    const ziele = datensaetze(t, 'ziele').map((r) => {
      const id = String(r['Handlungsziel-ID']);
      const w = avg(kz.filter((k) => k.ziel === id && k.w !== null).map((k) => Math.min(1, Math.max(0, k.w!))));
      return { id, hf: num(r['HF-Nr'])!, w };
    });
    ziele.forEach((z, i) => {
      expect(kpi.handlungsziele[i].id).toBe(z.id);
      if (z.w === null) expect(kpi.handlungsziele[i].zielerreichung).toBeNull();
      else expect(kpi.handlungsziele[i].zielerreichung).toBeCloseTo(z.w, 12);
    });

    const ap = datensaetze(t, 'arbeitsplanung').filter((r) => r['Standardmaßnahme'] !== 'ja');
    const hfs = datensaetze(t, 'handlungsfelder').map((r) => num(r['HF-Nr'])!).sort((a, b) => a - b);
    expect(kpi.handlungsfelder.map((h) => h.hf)).toEqual(hfs);
    for (const h of kpi.handlungsfelder) {
      const rows = ap.filter((r) => r['HF-Nr'] === h.hf);
      const m = rows.filter((r) => r['Art'] === 'Maßnahme');
      const st = (s: string) => m.filter((r) => r['Status'] === s).length;
      expect(h.massnahmen).toBe(m.length);
      expect(h.umgesetzt).toBe(st('umgesetzt'));
      expect(h.entfallen).toBe(st('entfallen'));
      expect(h.wirkungen).toBe(rows.filter((r) => r['Art'] === 'Wirkung').length);
      const nenner = m.length - st('entfallen');
      expect(h.umsetzungsquote).toBe(nenner ? st('umgesetzt') / nenner : null);
      const w = avg(ziele.filter((z) => z.hf === h.hf && z.w !== null).map((z) => z.w!));
      if (w === null) expect(h.zielerreichung).toBeNull();
      else expect(h.zielerreichung).toBeCloseTo(w, 12);
      const ohne = ziele.filter((z) => z.hf === h.hf && !m.some((r) => r['Handlungsziel-ID'] === z.id)).length;
      expect(h.handlungszieleOhneMassnahme).toBe(ohne);
    }
    const alle = datensaetze(t, 'arbeitsplanung');
    expect(kpi.gesamt.standardmassnahmen).toBe(alle.filter((r) => r['Standardmaßnahme'] === 'ja').length);
    expect(kpi.gesamt.standardmassnahmen).toBeGreaterThan(0);
    expect(kpi.gesamt.massnahmen).toBe(ap.filter((r) => r['Art'] === 'Maßnahme').length);
    const g = avg(ziele.filter((z) => z.w !== null).map((z) => z.w!));
    expect(kpi.gesamt.zielerreichung).toBeCloseTo(g!, 12);
  });
});
