/**
 * What of the SPEC layout a workbook lacks, in German, from the tables read
 * (headers are enough). Used by the in-memory fake; same texts as src/excel/status.ts (arbeitsmappenStatus).
 */
import type { RawWorkbook } from '../domain/model';
import { DATA_SHEETS } from '../workbook/layout';

export function fehlendeTeile(raw: RawWorkbook): string[] {
  const fehlend: string[] = [];
  const blaetter = new Set(raw.sheets);
  for (const s of DATA_SHEETS) {
    if (!blaetter.has(s.name)) fehlend.push(`Blatt „${s.name}“`);
    for (const t of s.tables) {
      const gefunden = raw.tables.find((x) => x.name.toLowerCase() === t.spec.name.toLowerCase());
      if (!gefunden) {
        fehlend.push(`Tabelle ${t.spec.name} (Blatt ${s.name})`);
        continue;
      }
      const koepfe = new Set(gefunden.headers.map((h) => h.trim()));
      for (const c of t.spec.columns) {
        if (!koepfe.has(c.header)) fehlend.push(`Spalte „${c.header}“ in ${t.spec.name}`);
      }
    }
  }
  return fehlend;
}
