/**
 * `integrationsmonitor jahreswechsel <alt.xlsx> --aus <neu.xlsx> [--jahr N] [--force] [--json]`
 * (SPEC §6): next year's workbook from this year's. The rules are in
 * src/domain/jahreswechsel.ts; this verb loads, refuses, writes and reports.
 */
import * as path from 'path';
import { jahrUngueltig, standardJahr, type JahreswechselEintrag } from '../domain/jahreswechsel';
import { SHEETS, TABLES } from '../domain/schema';
import { speichereDatei } from './speichern';
import { baueJahresmappe } from '../xlsx/jahreswechselMappe';
import {
  AufrufFehler,
  druckeJson,
  erwartePositionen,
  EXIT,
  formatiereBefund,
  ladePlanOderDruckeBefunde,
  type Argumente,
  pruefeAusZiel,
  PROGRAMM,
  type Io,
  type Verb,
  existiert,
} from './common';
import { anzahl } from '../domain/format';

const HILFE = `Aufruf: ${PROGRAMM} jahreswechsel <alt.xlsx> --aus <neu.xlsx> [--jahr N] [--force] [--json]

Legt aus der Arbeitsmappe dieses Jahres die Arbeitsmappe des nächsten
Berichtsjahres an. Die alte Datei bleibt unverändert; sie ist die Grundlage
des Umsetzungsberichts für das alte Jahr.

In die neue Arbeitsmappe kommen:
  • Handlungsfelder und Ziele unverändert, das neue Berichtsjahr in
    tblEinstellungen (Ampelschwellen bleiben),
  • aus der Arbeitsplanung alle offenen Zeilen (geplant, begonnen,
    verschoben oder ohne Status; „verschoben“ wird „geplant“) und alle
    Standardmaßnahmen (wieder „geplant“); umgesetzte und entfallene Zeilen
    und die Wirkungen solcher Maßnahmen bleiben im alten Jahr,
  • die Checkliste mit Zielgruppe, Ressourcen, Kooperationspartnern und
    Umsetzungsstand (Einschätzung, Anpassungsbedarf, nächste Schritte leer),
  • alle Kennzahlen ohne Istwert, Stichtag und Begründung; deren Werte des
    alten Jahres kommen in die Tabelle tblZeitreihe (Blatt „Zeitreihe“),
  • das Blatt „KPI Verlauf“ mit der bisherigen Entwicklung.
Eigene Spalten rechts an den Tabellen werden mit übernommen. Das Blatt
„Jahreswechsel“ listet, was übernommen und was abgeschlossen wurde, mit der
Zeile im alten Jahr.

Optionen:
  --aus <neu.xlsx>  Zieldatei (Pflicht; nicht die Eingabedatei)
  --jahr N          neues Berichtsjahr (Standard: Berichtsjahr + 1)
  --force           eine vorhandene Zieldatei ersetzen
  --json            Ergebnis als JSON ausgeben:
                    {"jahr","uebernommen":[R…],"abgeschlossen":[R…]}
                    mit R = {"tabelle","schluessel","meldung"}
  -h, --help        diese Hilfe

Exit-Codes:
  0  neue Arbeitsmappe geschrieben
  1  die alte Arbeitsmappe hat Fehler (es wurde nichts geschrieben; die
     Befunde werden ausgegeben)
  2  Datei fehlt oder ist nicht lesbar, Zieldatei existiert (ohne --force)
     oder ist die Eingabedatei, oder --jahr liegt nicht nach dem Berichtsjahr

Beispiel:
  ${PROGRAMM} jahreswechsel Arbeitsplanung-2026.xlsx --aus Arbeitsplanung-2027.xlsx`;

function rJson(e: JahreswechselEintrag) {
  return { tabelle: e.tabelle, schluessel: e.schluessel, meldung: e.meldung };
}

async function ausfuehren(a: Argumente, io: Io, jetzt: () => Date): Promise<number> {
  const [datei] = erwartePositionen('jahreswechsel', a, ['alt.xlsx']);
  const aus = a.werte.get('aus');
  if (aus === undefined)
    throw new AufrufFehler(`„jahreswechsel“ braucht die Zieldatei: --aus <neu.xlsx>. Hilfe: ${PROGRAMM} jahreswechsel --help`);
  await pruefeAusZiel(aus, datei);
  if (!a.schalter.has('force') && (await existiert(aus)))
    throw new AufrufFehler(`Die Datei „${aus}“ existiert bereits und wird nicht überschrieben. Zum Ersetzen --force angeben.`);
  const jahrText = a.werte.get('jahr');
  let jahr: number | undefined;
  if (jahrText !== undefined) {
    if (!/^\d{4}$/.test(jahrText.trim()))
      throw new AufrufFehler(`„--jahr ${jahrText}“ ist keine Jahreszahl. Bitte z. B. „--jahr 2027“ angeben.`);
    jahr = Number(jahrText.trim());
  }
  const json = a.schalter.has('json');

  const g = await ladePlanOderDruckeBefunde(
    datei,
    io,
    json,
    'Es wurde keine neue Arbeitsmappe angelegt. Bitte zuerst die Fehler korrigieren.',
  );
  if (!g) return EXIT.befunde;
  const neuesJahr = jahr ?? standardJahr(g.plan);
  const ungueltig = jahrUngueltig(g.plan, neuesJahr);
  if (ungueltig) throw new AufrufFehler(`${ungueltig} Es wurde nichts geschrieben.`);

  const quelle = path.basename(datei);
  const neu = await baueJahresmappe(g.raw, g.plan, neuesJahr, { erstelltAm: jetzt(), quelle, ziel: path.basename(aus) });
  await speichereDatei(aus, neu.inhalt);
  const erg = neu.ergebnis;
  const neuPruefung = neu.pruefung;

  const fehler = neuPruefung.filter((f) => f.schwere === 'Fehler');
  const pruefText = `Prüfung von „${path.basename(aus)}“: ${fehler.length} Fehler, ${anzahl(neuPruefung.length - fehler.length, 'Warnung', 'Warnungen')}.`;
  const name = (k: keyof typeof TABLES): string => TABLES[k].name;
  const zeilenZahl = (liste: readonly JahreswechselEintrag[], k: keyof typeof TABLES): number => liste.filter((e) => e.tabelle === name(k)).length;
  const zeilen = [
    `Jahreswechsel ${erg.altesJahr} → ${neuesJahr} geschrieben: ${path.resolve(aus)}`,
    `  Arbeitsplanung: ${zeilenZahl(erg.uebernommen, 'arbeitsplanung')} Zeilen übernommen, ${zeilenZahl(erg.abgeschlossen, 'arbeitsplanung')} abgeschlossen (bleiben im Bericht ${erg.altesJahr}).`,
    `  Checkliste: ${zeilenZahl(erg.uebernommen, 'checkliste')} Zeilen, Kennzahlen: ${zeilenZahl(erg.uebernommen, 'kennzahlen')} (Istwerte leer), Zeitreihe: ${erg.tabellen.zeitreihe.rows.length} Zeilen.`,
    `  Details im Blatt „${SHEETS.jahreswechsel}“. ${pruefText}`,
    `Weiter: die Netzwerke planen ${neuesJahr} in der neuen Datei („${PROGRAMM} aufteilen“), Istwerte im Lauf des Jahres eintragen.`,
  ];
  if (json) {
    druckeJson(io, { jahr: neuesJahr, uebernommen: erg.uebernommen.map(rJson), abgeschlossen: erg.abgeschlossen.map(rJson) });
    for (const z of zeilen) io.err(z);
    for (const f of fehler) io.err(formatiereBefund(f));
  } else {
    for (const z of zeilen) io.out(z);
    for (const f of fehler) io.out(formatiereBefund(f));
  }
  return EXIT.ok;
}

export const verb: Verb = {
  name: 'jahreswechsel',
  kurz: 'Arbeitsmappe des nächsten Berichtsjahres anlegen (offene Maßnahmen, Zeitreihe)',
  hilfe: HILFE,
  optionen: { json: { type: 'boolean' }, force: { type: 'boolean' }, aus: { type: 'string' }, jahr: { type: 'string' } },
  ausfuehren,
};
