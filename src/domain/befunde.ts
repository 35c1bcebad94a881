/**
 * Collects findings with a sort key (table order, row, column) and formats
 * the German message prefix "Blatt!Zelle (Spalte): " in one place.
 */
import type { Finding, Plan, Schwere, TabellenOrt } from './model';
import { ALLE_TABELLEN, TABLES, type TableKey } from './schema';
import { a1, blattAdresse } from './adresse';

interface Eintrag {
  readonly finding: Finding;
  readonly ord: readonly [number, number, number, number];
}

export interface Stelle {
  readonly tabelle: TableKey;
  readonly blatt: string;
  /** 1-based worksheet row; 0 when the whole table is meant */
  readonly zeile: number;
  /** 1-based worksheet column; 0 when not one column */
  readonly spalteNr: number;
  /** header text; '' when not one column */
  readonly spalte: string;
}

export class Befunde {
  private readonly eintraege: Eintrag[] = [];

  /**
   * Adds a finding. `text` is the message tail; the address prefix is added
   * here unless `ohnePraefix` (messages about a whole table).
   */
  add(schwere: Schwere, regel: string, stelle: Stelle, text: string, ohnePraefix = false): void {
    const zelle = stelle.zeile > 0 && stelle.spalteNr > 0 ? a1(stelle.zeile, stelle.spalteNr) : '';
    let praefix = '';
    if (!ohnePraefix) {
      if (zelle) praefix = befundPraefix({ blatt: stelle.blatt, zelle, spalte: stelle.spalte });
      else praefix = `Blatt ${stelle.blatt}: `;
    }
    this.eintraege.push({
      finding: { schwere, blatt: stelle.blatt, zelle, spalte: stelle.spalte, meldung: praefix + text, regel },
      ord: [ALLE_TABELLEN.indexOf(stelle.tabelle), stelle.zeile, stelle.spalteNr, this.eintraege.length],
    });
  }

  get anzahl(): number {
    return this.eintraege.length;
  }

  /** Findings sorted by table order, then row, then column (stable). */
  sortiert(): Finding[] {
    return [...this.eintraege]
      .sort((x, y) => x.ord[0] - y.ord[0] || x.ord[1] - y.ord[1] || x.ord[2] - y.ord[2] || x.ord[3] - y.ord[3])
      .map((e) => e.finding);
  }
}

/** The "Blatt!Zelle (Spalte): " prefix every row finding's message starts with ('' for whole-table findings). */
export function befundPraefix(f: Pick<Finding, 'blatt' | 'zelle' | 'spalte'>): string {
  return f.zelle ? `${blattAdresse(f.blatt, f.zelle)}${f.spalte ? ` (${f.spalte})` : ''}: ` : '';
}

/** The message without its address prefix (for UIs that show the address separately). */
export function meldungOhneAdresse(f: Finding): string {
  const p = befundPraefix(f);
  return p && f.meldung.startsWith(p) ? f.meldung.slice(p.length) : f.meldung;
}

/** Fallback position for plans not read from a workbook: schema order from column A. */
export function standardOrt(tabelle: TableKey): TabellenOrt {
  const spec = TABLES[tabelle];
  const spalten: Record<string, number> = {};
  spec.columns.forEach((c, i) => (spalten[c.header] = i + 1));
  return { sheet: spec.sheet, headerRow: 1, spalten };
}

export function ortVon(plan: Plan, tabelle: TableKey): TabellenOrt {
  return plan.orte?.[tabelle] ?? standardOrt(tabelle);
}

/** Key of a cell that already has a Fehler from parsing (so validation does not repeat it). */
export function zellSchluessel(tabelle: TableKey, zeile: number, spalte: string): string {
  return `${tabelle}:${zeile}:${spalte}`;
}
