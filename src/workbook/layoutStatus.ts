/**
 * Which parts of the SPEC layout a workbook lacks – sheets, tables, header
 * row, column headers – in German, from the tables as read (headers are
 * enough). The Office.js adapter and the task pane's in-memory workbook both
 * report through this, so "Einrichten" offers the same list everywhere.
 */
import type { RawWorkbook } from '../domain/model';
import { COMPUTED_SHEETS, TABLE_ORDER, TABLES } from '../domain/schema';

export interface TabellenStatus {
  readonly tabelle: string;
  readonly blatt: string;
  /** sheet the table was found on, null when missing */
  readonly gefundenAuf: string | null;
  readonly fehlendeSpalten: readonly string[];
}

export interface LayoutStatus {
  /** all sheets and tables of SPEC §2 are present with all headers */
  readonly layoutVollstaendig: boolean;
  /** German descriptions of what is missing, e.g. "Tabelle tblKennzahlen (Blatt Kennzahlen)" */
  readonly fehlend: readonly string[];
  readonly tabellen: readonly TabellenStatus[];
  /** computed sheets already present */
  readonly berechneteBlaetter: readonly string[];
}

export function layoutStatus(raw: RawWorkbook): LayoutStatus {
  const fehlend: string[] = [];
  const blaetter = new Set(raw.sheets);
  const erwarteteBlaetter = [...new Set(TABLE_ORDER.map((k) => TABLES[k].sheet))];
  for (const b of erwarteteBlaetter) if (!blaetter.has(b)) fehlend.push(`Blatt „${b}“`);
  const tabellen: TabellenStatus[] = TABLE_ORDER.map((k) => {
    const spec = TABLES[k];
    const t = raw.tables.find((x) => x.name.toLowerCase() === spec.name.toLowerCase());
    if (!t) {
      fehlend.push(`Tabelle ${spec.name} (Blatt ${spec.sheet})`);
      return { tabelle: spec.name, blatt: spec.sheet, gefundenAuf: null, fehlendeSpalten: spec.columns.map((c) => c.header) };
    }
    if (t.ohneKopfzeile) {
      // adding columns would not help: the header row itself is off
      fehlend.push(`Kopfzeile der Tabelle ${spec.name}: Kopfzeile einschalten (Tabellenentwurf › Kopfzeile)`);
      return { tabelle: spec.name, blatt: spec.sheet, gefundenAuf: t.sheet, fehlendeSpalten: [] };
    }
    const fehlendeSpalten = spec.columns.map((c) => c.header).filter((h) => !t.headers.includes(h));
    for (const h of fehlendeSpalten) fehlend.push(`Spalte „${h}“ in ${spec.name}`);
    return { tabelle: spec.name, blatt: spec.sheet, gefundenAuf: t.sheet, fehlendeSpalten };
  });
  return { layoutVollstaendig: fehlend.length === 0, fehlend, tabellen, berechneteBlaetter: COMPUTED_SHEETS.filter((s) => blaetter.has(s)) };
}
