/**
 * Shared by all CLI verbs: the shape of a verb, argument parsing, output,
 * finding formatting, loading + validating a workbook.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { parseArgs } from 'node:util';
import type ExcelJS from 'exceljs';
import { findingsAlsJson, hatFehler, pruefen, type Finding, type Plan, type RawWorkbook } from '../domain';
import { ladeArbeitsmappe } from './dateiLaden';
import { rohdatenAusMappe } from '../workbook/rohdaten';
import { anzahl } from '../domain/format';

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

/** A wrong command line; the message says what to do. Exit code 2. */
export class AufrufFehler extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AufrufFehler';
  }
}

/** Options of a verb besides -h/--help/--hilfe, in the shape node:util parseArgs takes. */
export type Optionen = Readonly<Record<string, { readonly type: 'boolean' | 'string' }>>;

/**
 * One CLI verb. main.ts parses the command line with `optionen`, prints
 * `hilfe` for -h/--help/--hilfe and otherwise calls `ausfuehren`.
 */
export interface Verb {
  /** the verb as typed, e.g. „pruefen“ */
  readonly name: string;
  /** one line for the program help */
  readonly kurz: string;
  /** full German help text of the verb (usage, options, exit codes) */
  readonly hilfe: string;
  readonly optionen: Optionen;
  /** `jetzt` is the clock for time stamps (tests pass a fixed one) */
  ausfuehren(a: Argumente, io: Io, jetzt: () => Date): Promise<number>;
}

export interface Argumente {
  readonly positionen: string[];
  readonly schalter: Set<string>;
  readonly werte: Map<string, string>;
  readonly hilfe: boolean;
}

const HILFE_OPTIONEN = { help: { type: 'boolean', short: 'h' }, hilfe: { type: 'boolean' } } as const;
const HILFE_AUFRUFE: readonly string[] = ['-h', '--help', '--hilfe'];

/**
 * Parses `--flag`, `--opt wert`, `--opt=wert`, `-h/--help/--hilfe` and
 * positionals (`--` ends options) with node:util parseArgs. Not in strict
 * mode: strict parseArgs refuses a value starting with a dash (`--jahr -5`
 * gets the verb's own German message about the year) and names only one
 * letter of a group (`-x` for `-hx`), so its tokens are checked here, in
 * order, and the first problem becomes a German AufrufFehler.
 */
export function parseArgumente(verb: Pick<Verb, 'name' | 'optionen'>, args: readonly string[]): Argumente {
  const schalter = new Set<string>();
  const werte = new Map<string, string>();
  const positionen: string[] = [];
  let hilfe = false;
  const hinweis = `Hilfe: ${PROGRAMM} ${verb.name} --help`;
  const { tokens } = parseArgs({
    args: [...args],
    options: { ...verb.optionen, ...HILFE_OPTIONEN },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  for (const t of tokens) {
    if (t.kind === 'positional') positionen.push(t.value);
    if (t.kind !== 'option') continue;
    // the argument as typed: for a group like `-hx` the whole group, for `--aus=x` with its value
    const roh = args[t.index];
    const unbekannt = (): AufrufFehler => new AufrufFehler(`Unbekannte Option „${roh}“ für „${verb.name}“. ${hinweis}`);
    if (t.name === 'help' || t.name === 'hilfe') {
      if (!HILFE_AUFRUFE.includes(roh)) throw unbekannt();
      hilfe = true;
      continue;
    }
    // only long options are declared, so any short one (or group) is unknown
    const typ = t.rawName.startsWith('--') && Object.prototype.hasOwnProperty.call(verb.optionen, t.name) ? verb.optionen[t.name].type : undefined;
    if (typ === 'boolean') {
      if (t.inlineValue) throw new AufrufFehler(`Die Option „--${t.name}“ erwartet keinen Wert. ${hinweis}`);
      schalter.add(t.name);
    } else if (typ === 'string') {
      // parseArgs takes the next argument whatever it is; one starting with -- is the next option, not a value
      const wert = t.value;
      if (wert === undefined || wert === '' || (!t.inlineValue && wert.startsWith('--')))
        throw new AufrufFehler(`Die Option „--${t.name}“ braucht einen Wert, z. B. „--${t.name} ziel.xlsx“. ${hinweis}`);
      werte.set(t.name, wert);
    } else {
      throw unbekannt();
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

/** Human summary and list of findings, Fehler first. */
export function druckeBefunde(io: Io, datei: string, findings: readonly Finding[]): void {
  const fehler = findings.filter((f) => f.schwere === 'Fehler');
  const warnungen = findings.filter((f) => f.schwere === 'Warnung');
  io.out(
    `Prüfung von „${datei}“: ${anzahl(fehler.length, 'Fehler', 'Fehler')}, ${anzahl(warnungen.length, 'Warnung', 'Warnungen')}.`,
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
