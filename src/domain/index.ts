/**
 * Public API of the domain core. Adapters and UI import from here.
 */
import { Befunde } from './befunde';
import type { Finding, Plan, RawWorkbook } from './model';
import { parseArbeitsmappe } from './parse';
import { validiereIn } from './validate';

export * from './schema';
export * from './model';
export * from './values';
export * from './format';
export * from './adresse';
export { Befunde, befundPraefix, meldungOhneAdresse, ortVon, standardOrt } from './befunde';
export type { Stelle } from './befunde';
export { LESE_REGELN, parseArbeitsmappe } from './parse';
export type { ParseErgebnis } from './parse';
export { REGELN, validiere, validiereIn } from './validate';
export type { Regel, PruefKontext } from './validate';
export {
  ampelFuer,
  berechneKpi,
  gekappt,
  istZaehlbareMassnahme,
  kennzahlKpi,
  massnahmenZaehlung,
  vorjahrWerte,
  zielerreichung,
} from './kpi';
export type { MassnahmenZaehlung } from './kpi';
export * from './bericht';
export * from './fehlend';
export * from './verlauf';
export * from './formular';
// src/domain/netzwerk has its own index (import '../domain/netzwerk'): kept out
// of here so UI bundles that only need checks and KPIs do not carry merge code.

/**
 * Reads and validates a workbook: every rule of SPEC §3. `plan` is null only
 * when a required table or header is missing, so nothing can be read.
 * Findings are sorted by table order, then row, then column.
 */
export function pruefen(raw: RawWorkbook): { plan: Plan | null; findings: Finding[] } {
  const b = new Befunde();
  const { plan, ungueltig } = parseArbeitsmappe(raw, b);
  if (plan) validiereIn(plan, b, ungueltig);
  return { plan, findings: b.sortiert() };
}

export function hatFehler(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.schwere === 'Fehler');
}

/** One finding in the CLI JSON shape of SPEC §5. */
export interface BefundJson {
  blatt: string;
  zelle: string;
  spalte: string;
  meldung: string;
}

/** Findings in the CLI JSON shape of SPEC §5: `{fehler:[…], warnungen:[…]}`. */
export function findingsAlsJson(findings: readonly Finding[]): { fehler: BefundJson[]; warnungen: BefundJson[] } {
  const f = (x: Finding): BefundJson => ({ blatt: x.blatt, zelle: x.zelle, spalte: x.spalte, meldung: x.meldung });
  return {
    fehler: findings.filter((x) => x.schwere === 'Fehler').map(f),
    warnungen: findings.filter((x) => x.schwere === 'Warnung').map(f),
  };
}
