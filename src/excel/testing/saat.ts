/**
 * Seeds for the fake workbook: the sample plan (or the template) laid out
 * exactly as DATA_SHEETS says, optionally with the Arbeitsplanung scaled to
 * many rows — for tests, the task-pane demo and benchmarks.
 */
import type { RawValue } from '../../domain/model';
import { ALLE_TABELLEN, type TableKey } from '../../domain/schema';
import { beispielTabellen, vorlageTabellen, type Tabellen } from '../../workbook/beispiel';
import { tableLayoutOf } from '../../workbook/layout';
import type { FakeSaat, FakeTabellenSaat, FakeWert } from './fakeExcel';

function alsFakeWert(v: RawValue): FakeWert {
  if (v instanceof Date) {
    // Excel holds dates as serial numbers
    return (Date.UTC(v.getFullYear(), v.getMonth(), v.getDate()) - Date.UTC(1899, 11, 30)) / 86400000;
  }
  return v as FakeWert;
}

/** Fake seed of the given tables in SPEC layout positions. */
export function saatAusTabellen(tabellen: Tabellen, name = 'Arbeitsplanung-2026.xlsx'): FakeSaat {
  const tab: FakeTabellenSaat[] = ALLE_TABELLEN.map((key: TableKey) => {
    const l = tableLayoutOf(key);
    return {
      name: l.spec.name,
      blatt: l.spec.sheet,
      zeile: l.headerRow,
      spalte: l.firstColumn,
      kopf: l.columns.map((c) => c.spec.header),
      zeilen: tabellen[key].map((r) => r.map(alsFakeWert)),
    };
  });
  return { name, tabellen: tab };
}

/** The sample plan 2026; with `zeilen`, the Arbeitsplanung is repeated up to that many rows (unique Nr). */
export function beispielSaat(zeilen?: number): FakeSaat {
  const t = beispielTabellen();
  if (zeilen !== undefined) t.arbeitsplanung = vervielfaeltigen(t.arbeitsplanung, zeilen);
  return saatAusTabellen(t);
}

export function vorlageSaat(): FakeSaat {
  return saatAusTabellen(vorlageTabellen());
}

/** Repeat rows up to `n`, giving each copy a unique Nr (column 0) and no Bezug (column 5). */
export function vervielfaeltigen(rows: RawValue[][], n: number): RawValue[][] {
  const out: RawValue[][] = [];
  for (let i = 0; i < n; i++) {
    const r = [...rows[i % rows.length]];
    if (i >= rows.length) {
      r[0] = `${String(r[0])}-${Math.floor(i / rows.length)}`;
      r[5] = null;
    }
    out.push(r);
  }
  return out;
}
