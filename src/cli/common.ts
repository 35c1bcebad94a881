/**
 * Shared helpers for all CLI verbs: argument parsing, output, finding
 * formatting, loading + validating a workbook. Verbs of colleagues
 * (bericht, fehlend, aufteilen, zusammenfuehren) reuse these.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import type ExcelJS from 'exceljs';
import { findingsAlsJson, hatFehler, pruefen, type Finding, type Plan, type RawWorkbook } from '../domain';
import { ladeArbeitsmappe } from './dateiLaden';
import { rohdatenAusMappe } from '../workbook/rohdaten';

export const PROGRAMM = 'integrationsmonitor';

/** Where a verb writes; tests pass a collector instead of the process streams. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: Io = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
};

export const EXIT = { ok: 0, befunde: 1, datei: 2 } as const;

export interface Verb {
  /** one line for the program help */
  readonly kurz: string;
  /** full German help text of the verb (usage, options, exit codes) */
  readonly hilfe: string;
  run(args: readonly string[], io: Io): Promise<number>;
}

/** A wrong command line; the message says what to do. Exit code 2. */
export class AufrufFehler extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AufrufFehler';
  }
}

export interface OptionSpec {
  /** flags without value, e.g. ['json', 'force'] */
  readonly schalter?: readonly string[];
  /** options with a value, e.g. ['aus'] */
  readonly werte?: readonly string[];
}

export interface Argumente {
  readonly positionen: string[];
  readonly schalter: Set<string>;
  readonly werte: Map<string, string>;
  readonly hilfe: boolean;
}

/** Parses `--flag`, `--opt wert`, `--opt=wert`, `-h/--help` and positionals (`--` ends options). */
export function parseArgumente(verb: string, args: readonly string[], spec: OptionSpec): Argumente {
  const schalter = new Set<string>();
  const werte = new Map<string, string>();
  const positionen: string[] = [];
  let hilfe = false;
  let nurPositionen = false;
  const hinweis = `Hilfe: ${PROGRAMM} ${verb} --help`;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (nurPositionen || !a.startsWith('-') || a === '-') {
      positionen.push(a);
      continue;
    }
    if (a === '--') {
      nurPositionen = true;
      continue;
    }
    if (a === '-h' || a === '--help' || a === '--hilfe') {
      hilfe = true;
      continue;
    }
    const m = /^--([^=]+)(?:=(.*))?$/.exec(a);
    if (!m) throw new AufrufFehler(`Unbekannte Option „${a}“ für „${verb}“. ${hinweis}`);
    const [, name, inline] = m;
    if (spec.schalter?.includes(name)) {
      if (inline !== undefined) throw new AufrufFehler(`Die Option „--${name}“ erwartet keinen Wert. ${hinweis}`);
      schalter.add(name);
    } else if (spec.werte?.includes(name)) {
      const wert = inline ?? args[i + 1];
      if (wert === undefined || wert === '' || (inline === undefined && wert.startsWith('--')))
        throw new AufrufFehler(`Die Option „--${name}“ braucht einen Wert, z. B. „--${name} ziel.xlsx“. ${hinweis}`);
      if (inline === undefined) i++;
      werte.set(name, wert);
    } else {
      throw new AufrufFehler(`Unbekannte Option „${a}“ für „${verb}“. ${hinweis}`);
    }
  }
  return { positionen, schalter, werte, hilfe };
}

/** Exactly `n` positional arguments, else a usage error naming what is missing. */
export function erwartePositionen(verb: string, a: Argumente, namen: readonly string[]): string[] {
  if (a.positionen.length < namen.length)
    throw new AufrufFehler(`„${verb}“ braucht ${namen.map((n) => `<${n}>`).join(' ')}. Hilfe: ${PROGRAMM} ${verb} --help`);
  if (a.positionen.length > namen.length)
    throw new AufrufFehler(
      `Zu viele Angaben für „${verb}“: ${a.positionen
        .slice(namen.length)
        .map((p) => `„${p}“`)
        .join(', ')}. Hilfe: ${PROGRAMM} ${verb} --help`,
    );
  return a.positionen.slice(0, namen.length);
}

export function druckeJson(io: Io, wert: unknown): void {
  io.out(`${JSON.stringify(wert, null, 2)}\n`);
}

/** One human line per finding; the message itself names sheet!cell. */
export function formatiereBefund(f: Finding): string {
  const ort = f.zelle ? `${f.blatt}!${f.zelle}` : f.blatt;
  const meldung = f.meldung.includes(ort) || !ort ? f.meldung : `${ort}: ${f.meldung}`;
  return `  • ${meldung}`;
}

/** "1 Warnung", "3 Warnungen" – German plural instead of "Warnung(en)". */
export function mehrzahl(n: number, eins: string, viele: string): string {
  return `${n} ${n === 1 ? eins : viele}`;
}

/** Human summary and list of findings, Fehler first. */
export function druckeBefunde(io: Io, datei: string, findings: readonly Finding[]): void {
  const fehler = findings.filter((f) => f.schwere === 'Fehler');
  const warnungen = findings.filter((f) => f.schwere === 'Warnung');
  io.out(
    `Prüfung von „${datei}“: ${mehrzahl(fehler.length, 'Fehler', 'Fehler')}, ${mehrzahl(warnungen.length, 'Warnung', 'Warnungen')}.`,
  );
  if (fehler.length > 0) {
    io.out('\nFehler (bitte korrigieren, sonst sind die Kennzahlen nicht verlässlich):');
    for (const f of fehler) io.out(formatiereBefund(f));
  }
  if (warnungen.length > 0) {
    io.out('\nWarnungen (Angaben fehlen oder sollten geprüft werden):');
    for (const f of warnungen) io.out(formatiereBefund(f));
  }
  if (fehler.length === 0) io.out('\nKeine Fehler gefunden – die Arbeitsmappe kann ausgewertet werden.');
}

export interface Geladen {
  readonly wb: ExcelJS.Workbook;
  readonly raw: RawWorkbook;
  readonly plan: Plan | null;
  readonly findings: Finding[];
  readonly fehler: boolean;
  /** file name without directory, for messages and the "computed from" stamp */
  readonly datei: string;
}

/** Loads a workbook file and validates it (DateiFehler propagates → exit 2). */
export async function ladeUndPruefe(pfad: string): Promise<Geladen> {
  const wb = await ladeArbeitsmappe(pfad);
  const datei = path.basename(pfad);
  const raw = rohdatenAusMappe(wb, datei);
  const { plan, findings } = pruefen(raw);
  return { wb, raw, plan, findings, fehler: hatFehler(findings), datei };
}

/**
 * Loads and validates `pfad`; when it has Fehler (or cannot be parsed into a
 * plan), prints the findings – as JSON with `json`, else as text followed by
 * `hinweis` – and returns null so the verb exits 1. Shared by the verbs that
 * compute from a plan (kpi, bericht, fehlend).
 */
export async function ladePlanOderDruckeBefunde(
  pfad: string,
  io: Io,
  json: boolean,
  hinweis: string,
): Promise<(Geladen & { readonly plan: Plan }) | null> {
  const g = await ladeUndPruefe(pfad);
  const plan = g.plan;
  if (!g.fehler && plan) return { ...g, plan };
  if (json) druckeJson(io, findingsAlsJson(g.findings));
  else {
    druckeBefunde(io, g.datei, g.findings);
    io.out(`\n${hinweis}`);
  }
  return null;
}

/**
 * Checks an `--aus` target before any work: must end in one of `endungen`
 * (lower case, with the dot), its folder must exist (so nothing is computed
 * and printed only to fail on writing) and it must not be the input file.
 */
export async function pruefeAusZiel(aus: string, eingabe: string, endungen: readonly string[] = ['.xlsx']): Promise<void> {
  if (!endungen.includes(path.extname(aus).toLowerCase()))
    throw new AufrufFehler(`Das Ziel „${aus}“ muss auf ${endungen.join(' oder ')} enden.`);
  const ordner = path.dirname(path.resolve(aus));
  const istOrdner = await fs.stat(ordner).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!istOrdner)
    throw new AufrufFehler(
      `Die Datei „${aus}“ kann nicht geschrieben werden: der Ordner „${ordner}“ existiert nicht. Bitte zuerst den Ordner anlegen.`,
    );
  if (await gleicheDatei(aus, eingabe))
    throw new AufrufFehler(
      `Das Ziel „${aus}“ ist die Eingabedatei. Die Eingabe wird nie verändert – bitte einen anderen Dateinamen für --aus angeben.`,
    );
}

/**
 * Whether something is at `pfad` (a dangling link counts: writing there
 * would replace it). Other errors than "not found" are not hidden.
 */
export async function existiert(pfad: string): Promise<boolean> {
  try {
    await fs.lstat(pfad);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
}

/**
 * True when both paths name the same file (symlinks and relative paths
 * resolved), so a verb can refuse to write its output over an input.
 */
export async function gleicheDatei(a: string, b: string): Promise<boolean> {
  const real = async (p: string): Promise<string> => {
    try {
      return await fs.realpath(p);
    } catch {
      // a target that does not exist yet: compare its resolved path instead
      return path.resolve(p);
    }
  };
  return (await real(a)) === (await real(b));
}

/** Same path after resolving relative parts (synchronous; see gleicheDatei for symlinks). */
export function gleicherPfad(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}
