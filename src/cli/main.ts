/**
 * Entry of the `integrationsmonitor` command (bin/integrationsmonitor.js
 * calls `main`). Verbs are registered in VERBS; a new verb is one line here.
 * Every error ends as one German line and exit code 2 — never a stack trace.
 */
import { istDateiFehler } from '../xlsx';
import { AufrufFehler, EXIT, processIo, PROGRAMM, type Io, type Verb } from './common';

/**
 * The verbs by name. Each module is loaded only when its verb runs or the
 * program help lists them: `kpi` and `pruefen` then skip what `bericht`
 * (docx, HTML) and the others pull in.
 */
export const VERBS: Readonly<Record<string, () => Promise<Verb>>> = {
  vorlage: async () => (await import('./vorlage')).vorlage,
  pruefen: async () => (await import('./pruefen')).pruefenVerb,
  kpi: async () => (await import('./kpi')).kpiVerb,
  bericht: async () => (await import('./bericht')).berichtVerb,
  fehlend: async () => (await import('./fehlend')).fehlendVerb,
  aufteilen: async () => (await import('./aufteilen')).aufteilenBefehl,
  zusammenfuehren: async () => (await import('./zusammenfuehren')).zusammenfuehrenBefehl,
  jahreswechsel: async () => (await import('./jahreswechsel')).jahreswechselBefehl,
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

export async function main(eingabe: readonly string[], io: Io = processIo): Promise<number> {
  // --debug works for every verb, so it is taken out before a verb parses its options
  const ende = eingabe.indexOf('--');
  const debug = (ende < 0 ? eingabe : eingabe.slice(0, ende)).includes('--debug');
  const argv = eingabe.filter((a, i) => a !== '--debug' || (ende >= 0 && i > ende));
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
    return await (await laden()).run(rest, io);
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
