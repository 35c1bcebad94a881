import * as path from 'path';
import ExcelJS from 'exceljs';
import { beispielTabellen, vorlageTabellen } from '../workbook/beispiel';
import { vorlageBlaetter } from '../workbook/berechneteBlaetter';
import { schreibeGrid, schreibeVorlage, DateiFehler } from '../xlsx';
import { speichereArbeitsmappe } from './speichern';
import { AufrufFehler, EXIT, PROGRAMM, erwartePositionen, type Verb, existiert } from './common';

export const verb: Verb = {
  name: 'vorlage',
  kurz: 'leere Vorlage oder Beispielplan 2026 als .xlsx schreiben',
  hilfe: `Aufruf: ${PROGRAMM} vorlage <datei.xlsx> [--beispiel] [--force]

Schreibt eine neue Arbeitsmappe mit allen Blättern und Tabellen
(Stammdaten, Ziele, Arbeitsplanung, Checkliste, Kennzahlen), Auswahllisten
und der Farbkennzeichnung von Maßnahmen und Wirkungen. Die Tabelle
tblHandlungsfelder enthält die 8 Handlungsfelder, tblEinstellungen die
Standardwerte (Berichtsjahr 2026, Ampel grün ab 0,9, gelb ab 0,6).

Optionen:
  --beispiel   statt der leeren Vorlage einen vollständigen Beispielplan 2026
               für Rheine schreiben (Ziele, Arbeitsplanung, Checkliste, Kennzahlen)
  --force      eine vorhandene Datei überschreiben
  -h, --help   diese Hilfe

Exit-Codes: 0 geschrieben · 2 Datei existiert schon (ohne --force) oder
kann nicht geschrieben werden.

Beispiel:
  ${PROGRAMM} vorlage Arbeitsplanung-2026.xlsx --beispiel`,

  optionen: { beispiel: { type: 'boolean' }, force: { type: 'boolean' } },

  async ausfuehren(a, io, jetzt) {
    const [ziel] = erwartePositionen('vorlage', a, ['datei.xlsx']);
    if (!/\.xlsx$/i.test(ziel)) throw new AufrufFehler(`Der Dateiname „${ziel}“ muss auf .xlsx enden.`);
    if (!a.schalter.has('force') && (await existiert(ziel)))
      throw new DateiFehler(
        'schreiben',
        ziel,
        `Die Datei „${ziel}“ existiert bereits und wird nicht überschrieben. Zum Überschreiben --force angeben.`,
      );
    const beispiel = a.schalter.has('beispiel');
    const tabellen = beispiel ? beispielTabellen() : vorlageTabellen();
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Integrationsmonitor';
    wb.title = beispiel ? 'Integrationskonzept – Arbeitsplanung 2026 (Beispiel)' : 'Integrationskonzept – Arbeitsplanung';
    wb.created = jetzt();
    schreibeVorlage(wb, tabellen);
    // every sheet of SPEC §2, the computed ones with a note until the first refresh
    for (const grid of vorlageBlaetter()) schreibeGrid(wb, grid);
    await speichereArbeitsmappe(wb, ziel);
    const abs = path.resolve(ziel);
    if (beispiel) {
      io.out(
        `Beispielplan 2026 geschrieben: ${abs}\n` +
          `  ${tabellen.handlungsfelder.length} Handlungsfelder, ${tabellen.ziele.length} Handlungsziele, ` +
          `${tabellen.arbeitsplanung.length} Zeilen Arbeitsplanung, ${tabellen.checkliste.length} Checklisten, ${tabellen.kennzahlen.length} Kennzahlen.\n` +
          `Weiter: ${PROGRAMM} pruefen "${ziel}"  ·  ${PROGRAMM} kpi "${ziel}" --aus <ziel.xlsx>`,
      );
    } else {
      io.out(
        `Vorlage geschrieben: ${abs}\n` +
          `  Bitte in Stammdaten die Netzwerkleitungen eintragen und dann Ziele, Arbeitsplanung, Checkliste und Kennzahlen füllen.\n` +
          `Weiter: ${PROGRAMM} pruefen "${ziel}"`,
      );
    }
    return EXIT.ok;
  },
};
