/**
 * Entry of the `integrationsmonitor` command (bin/integrationsmonitor.js
 * calls `main`). Verbs are registered in VERBS; a new verb is one line here.
 * Every error ends as one German line and exit code 2 — never a stack trace.
 */
import { istDateiFehler } from '../xlsx';
import { AufrufFehler, EXIT, processIo, PROGRAMM, type Io, type Verb } from './common';
import { berichtVerb } from './bericht';
import { fehlendVerb } from './fehlend';
import { kpiVerb } from './kpi';
import { pruefenVerb } from './pruefen';
import { vorlage } from './vorlage';
import { aufteilenBefehl } from './aufteilen';
import { zusammenfuehrenBefehl } from './zusammenfuehren';
import { jahreswechselBefehl } from './jahreswechsel';

export const VERBS: Record<string, Verb> = {
  vorlage,
  pruefen: pruefenVerb,
  kpi: kpiVerb,
  bericht: berichtVerb,
  fehlend: fehlendVerb,
  aufteilen: aufteilenBefehl,
  zusammenfuehren: zusammenfuehrenBefehl,
  jahreswechsel: jahreswechselBefehl,
};

export function programmHilfe(): string {
  const breite = Math.max(...Object.keys(VERBS).map((v) => v.length));
  const liste = Object.entries(VERBS)
    .map(([name, v]) => `  ${name.padEnd(breite)}  ${v.kurz}`)
    .join('\n');
  return `Integrationsmonitor – Arbeitsplanung, Checkliste und Kennzahlen des
Integrationskonzepts der Stadt Rheine (Excel-Arbeitsmappen .xlsx)

Aufruf: ${PROGRAMM} <befehl> <datei.xlsx> [optionen]

Befehle:
${liste}

Hilfe zu einem Befehl: ${PROGRAMM} <befehl> --help

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

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  try {
    const [erstes, ...rest] = argv;
    if (erstes === undefined) {
      io.err(programmHilfe());
      return EXIT.datei;
    }
    if (erstes === '--help' || erstes === '-h' || erstes === 'hilfe' || erstes === '--hilfe') {
      io.out(programmHilfe());
      return EXIT.ok;
    }
    if (erstes === '--version' || erstes === '-v') {
      io.out(version());
      return EXIT.ok;
    }
    const verb = Object.prototype.hasOwnProperty.call(VERBS, erstes) ? VERBS[erstes] : undefined;
    if (!verb) {
      io.err(
        `Fehler: Unbekannter Befehl „${erstes}“. Verfügbare Befehle: ${Object.keys(VERBS).join(', ')}. Hilfe: ${PROGRAMM} --help`,
      );
      return EXIT.datei;
    }
    return await verb.run(rest, io);
  } catch (e) {
    if (istDateiFehler(e) || e instanceof AufrufFehler) {
      io.err(`Fehler: ${e.message}`);
      return EXIT.datei;
    }
    const grund = e instanceof Error ? e.message : String(e);
    io.err(`Unerwarteter Fehler: ${grund}. Bitte die Datei in Excel öffnen, neu speichern und es erneut versuchen.`);
    return EXIT.datei;
  }
}
