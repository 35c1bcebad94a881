import { findingsAlsJson } from '../domain';
import {
  druckeBefunde,
  druckeJson,
  erwartePositionen,
  EXIT,
  ladeUndPruefe,
  PROGRAMM,
  type Verb,
} from './common';

export const verb: Verb = {
  name: 'pruefen',
  kurz: 'Arbeitsmappe prüfen (Fehler und Warnungen mit Zelladresse)',
  hilfe: `Aufruf: ${PROGRAMM} pruefen <datei.xlsx> [--json]

Prüft alle Regeln der Arbeitsmappe: Tabellen und Spaltenüberschriften,
Zahlen- und Datumsfelder, Auswahllisten, eindeutige und vorhandene IDs,
Bezüge zwischen Handlungsfeld, Handlungsziel, Maßnahmen und Kennzahlen.
Jeder Befund nennt Blatt, Zelle (z. B. Arbeitsplanung!D7), Spalte und was
zu tun ist. Die Datei wird nicht verändert.

Optionen:
  --json       Ergebnis als JSON: {"fehler":[…],"warnungen":[…]},
               jeder Befund als {"blatt","zelle","spalte","meldung"}
  -h, --help   diese Hilfe

Exit-Codes: 0 keine Fehler (Warnungen möglich) · 1 Fehler gefunden ·
2 Datei fehlt, ist keine .xlsx-Datei oder kann nicht gelesen werden.`,

  optionen: { json: { type: 'boolean' } },

  async ausfuehren(a, io) {
    const [datei] = erwartePositionen('pruefen', a, ['datei.xlsx']);
    const g = await ladeUndPruefe(datei);
    if (a.schalter.has('json')) druckeJson(io, findingsAlsJson(g.findings));
    else druckeBefunde(io, g.datei, g.findings);
    return g.fehler ? EXIT.befunde : EXIT.ok;
  },
};
