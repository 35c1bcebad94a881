/** Domain validate + KPI on an in-memory RawWorkbook (no file, no Excel). */
import { berechneKpi, hatFehler, pruefen } from '../../src/domain';
import { alsRohmappe } from '../../src/workbook/beispiel';
import { benchTabellen } from './daten';
import { runde, zeitSync } from './messen';

export interface DomainMessung {
  zeilen: number;
  kennzahlen: number;
  handlungsziele: number;
  medianMs: number;
  laeufeMs: number[];
  fehler: number;
  warnungen: number;
}

export function messeDomain(groessen: readonly number[], laeufe: number): DomainMessung[] {
  return groessen.map((zeilen) => {
    const t = benchTabellen(zeilen);
    const raw = alsRohmappe(t, 'bench.xlsx');
    const erst = pruefen(raw);
    if (hatFehler(erst.findings) || !erst.plan) throw new Error(`Benchmark-Daten mit ${zeilen} Zeilen haben Fehler: ${erst.findings[0]?.meldung}`);
    const z = zeitSync(() => {
      const r = pruefen(raw);
      if (r.plan) berechneKpi(r.plan);
    }, laeufe);
    return {
      zeilen,
      kennzahlen: t.kennzahlen.length,
      handlungsziele: t.ziele.length,
      medianMs: runde(z.medianMs, 2),
      laeufeMs: z.laeufeMs,
      fehler: 0,
      warnungen: erst.findings.length,
    };
  });
}
