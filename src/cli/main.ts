/**
 * Entry of the `integrationsmonitor` command (bin/integrationsmonitor.js
 * calls `main`). Every verb module exports `verb: Verb` and is registered in
 * VERBS; a new verb is one line here. Every error ends as one German line and
 * exit code 2 — never a stack trace.
 */
import { parseArgs } from 'node:util';
import { istDateiFehler } from '../xlsx';
import { AufrufFehler, EXIT, parseArgumente, processIo, PROGRAMM, type Io, type Verb } from './common';

/**
 * The verbs by name. Each module is loaded only when its verb runs or the
 * program help lists them: `kpi` and `pruefen` then skip what `bericht`
 * (docx, HTML) and the others pull in.
 */
export const VERBS: Readonly<Record<string, () => Promise<Verb>>> = {
  vorlage: async () => (await import('./vorlage')).verb,
  pruefen: async () => (await import('./pruefen')).verb,
  kpi: async () => (await import('./kpi')).verb,
  bericht: async () => (await import('./bericht')).verb,
  fehlend: async () => (await import('./fehlend')).verb,
  aufteilen: async () => (await import('./aufteilen')).verb,
  zusammenfuehren: async () => (await import('./zusammenfuehren')).verb,
  jahreswechsel: async () => (await import('./jahreswechsel')).verb,
};

export async function programmHilfe(): Promise<string> {
  const breite = Math.max(...Object.keys(VERBS).map((v) => v.length));
  const verben = await Promise.all(Object.entries(VERBS).map(async ([name, laden]) => [name, await laden()] as const));
  const liste = verben.map(([name, v]) => `  ${name.padEnd(breite)}  ${v.kurz}`).join('\n');
  return `Integrationsmonitor – Arbeitsplanung, Checkliste und Kennzahlen des
Integrationskonzepts der Stadt Rheine (Excel-Arbeitsmappen .xlsx)

Aufruf: ${PROGRAMM} <befehl> <datei.xlsx> [optionen]

Befehle:
${liste}

Hilfe zu einem Befehl: ${PROGRAMM} <befehl> --help
Bei jedem Befehl zeigt --debug zu einer Fehlermeldung den technischen Hinweis.

Exit-Codes: 0 in Ordnung · 1 Fehler in der Arbeitsmappe gefunden ·
2 Datei fehlt/ist nicht lesbar oder falscher Aufruf.
Eingabedateien werden nie verändert.`;
}

function version(): string {
  // package.json sits two levels above lib/cli and src/cli alike
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pkg = require('../../package.json') as { version?: string };
  return pkg.version ?? '0.0.0';
}

/** Technical detail of a failure: library/system error text and stack, shown only with --debug. */
function technisch(e: unknown): string {
  const teile: string[] = [];
  if (istDateiFehler(e) && e.technisch) teile.push(e.technisch);
  if (e instanceof Error && e.stack) teile.push(e.stack);
  else if (!(e instanceof Error)) teile.push(String(e));
  return teile.join('\n');
}

/**
 * Parses `args` (the command line after the verb) with the verb's options,
 * prints its help for -h/--help/--hilfe, else runs it. A wrong command line
 * throws AufrufFehler.
 */
export async function fuehreAus(verb: Verb, args: readonly string[], io: Io, jetzt: () => Date = () => new Date()): Promise<number> {
  const a = parseArgumente(verb, args);
  if (a.hilfe) {
    io.out(verb.hilfe);
    return EXIT.ok;
  }
  return verb.ausfuehren(a, io, jetzt);
}

/**
 * --debug works for every verb and anywhere before `--`, so it is taken out
 * before a verb parses its options: the indices of the arguments that are
 * exactly `--debug` as parseArgs sees them (not a value like `--aus=--debug`,
 * nothing after `--`).
 */
function ohneDebug(eingabe: readonly string[]): { debug: boolean; argv: string[] } {
  const { tokens } = parseArgs({
    args: [...eingabe],
    options: { debug: { type: 'boolean' } },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const weg = new Set(tokens.filter((t) => t.kind === 'option' && eingabe[t.index] === '--debug').map((t) => t.index));
  return { debug: weg.size > 0, argv: eingabe.filter((_, i) => !weg.has(i)) };
}

export async function main(eingabe: readonly string[], io: Io = processIo): Promise<number> {
  const { debug, argv } = ohneDebug(eingabe);
  try {
    const [erstes, ...rest] = argv;
    if (erstes === undefined) {
      io.err(await programmHilfe());
      return EXIT.datei;
    }
    if (erstes === '--help' || erstes === '-h' || erstes === 'hilfe' || erstes === '--hilfe') {
      io.out(await programmHilfe());
      return EXIT.ok;
    }
    if (erstes === '--version' || erstes === '-v') {
      io.out(version());
      return EXIT.ok;
    }
    const laden = Object.prototype.hasOwnProperty.call(VERBS, erstes) ? VERBS[erstes] : undefined;
    if (!laden) {
      io.err(
        `Fehler: Unbekannter Befehl „${erstes}“. Verfügbare Befehle: ${Object.keys(VERBS).join(', ')}. Hilfe: ${PROGRAMM} --help`,
      );
      return EXIT.datei;
    }
    return await fuehreAus(await laden(), rest, io);
  } catch (e) {
    if (istDateiFehler(e) || e instanceof AufrufFehler) {
      io.err(`Fehler: ${e.message}`);
      if (debug && !(e instanceof AufrufFehler)) io.err(`Technischer Hinweis: ${technisch(e)}`);
      return EXIT.datei;
    }
    // a library's own error text (English, internal) is no message for the user
    io.err(
      `Unerwarteter Fehler: die Datei konnte nicht verarbeitet werden. Bitte die Datei in Excel öffnen, neu speichern und es erneut versuchen. Details zeigt der Aufruf mit --debug.`,
    );
    if (debug) io.err(`Technischer Hinweis: ${technisch(e)}`);
    return EXIT.datei;
  }
}
