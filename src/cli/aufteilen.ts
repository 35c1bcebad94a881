/**
 * `integrationsmonitor aufteilen <gesamt.xlsx> <ordner>`: one workbook per
 * Handlungsfeld network, with the full layout and the hidden origin marker.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { TABLES, type TableKey } from '../domain/schema';
import {
  aufteilen,
  handlungsfelderDerMappe,
  NetzwerkFehler,
  netzwerkDateiname,
  nichtZugeordnet,
  type NetzwerkExport,
} from '../domain/netzwerk';
import { DateiFehler, istDateiFehler, schreibeNetzwerkMappe } from '../xlsx';
import { speichereArbeitsmappe } from './speichern';
import { NUR_VERTRAGSSPALTEN } from '../xlsx/netzwerkMappe';
import {
  AufrufFehler,
  druckeJson,
  erwartePositionen,
  EXIT,
  gleicheDatei,
  ladeUndPruefe,
  type Argumente,
  PROGRAMM,
  type Io,
  type Verb,
  existiert,
} from './common';
import { anzahl } from '../domain/format';

const HILFE = `Aufruf: ${PROGRAMM} aufteilen <gesamt.xlsx> <ordner> [--hf <Nr>] [--force] [--json]

Erstellt aus der Gesamtdatei der Steuerungsgruppe je Handlungsfeld eine
Netzwerkdatei, z. B. „HF3-Ausbildung-Arbeitsmarktzugang-Wirtschaft.xlsx“.
Jede Netzwerkdatei hat das vollständige Layout (Tabellen, Auswahllisten,
Farben) und enthält
  • die Stammdaten (alle Handlungsfelder und Einstellungen),
  • nur die Ziele, Arbeitsplanung, Checkliste und Kennzahlen dieses
    Handlungsfelds (Checkliste und Kennzahlen über die Handlungsziel-ID),
  • ein ausgeblendetes Blatt mit der Herkunft (Handlungsfeld, Quelldatei,
    Exportzeitpunkt und den exportierten Werten jeder Zeile). Damit erkennt
    „zusammenfuehren“ später, was im Netzwerk geändert wurde.
Der Ordner wird angelegt, falls er fehlt. Die Gesamtdatei wird nicht verändert.

Optionen:
  --hf <Nr>   nur die Datei für dieses Handlungsfeld erstellen
  --force     vorhandene Netzwerkdateien im Ordner überschreiben
  --json      Ergebnis als JSON ausgeben: {"dateien":[{"hf","datei","zeilen"}]}
  -h, --help  diese Hilfe

Exit-Codes:
  0  Netzwerkdateien erstellt
  1  die Gesamtdatei lässt sich nicht aufteilen (fehlende Tabellen, leere oder
     doppelte Schlüssel wie Nr / Kennzahl-ID / Handlungsziel-ID)
  2  eine Datei kann nicht gelesen oder geschrieben werden, oder es gibt die
     Zieldateien schon (ohne --force)

Beispiel:
  ${PROGRAMM} aufteilen Arbeitsplanung-2026.xlsx Netzwerke-2026`;

/** Builds the network workbook for one export (same writer as the task pane's „Netzwerkdatei erstellen“). */
export function netzwerkArbeitsmappe(exp: NetzwerkExport): ExcelJS.Workbook {
  return schreibeNetzwerkMappe(new ExcelJS.Workbook(), exp);
}

async function ordnerAnlegen(ordner: string): Promise<void> {
  try {
    await fs.mkdir(ordner, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const grund =
      code === 'EEXIST' || code === 'ENOTDIR' ? 'es gibt dort schon eine Datei mit diesem Namen' : (e as Error).message;
    throw new DateiFehler('schreiben', ordner, `Der Ordner „${ordner}“ kann nicht angelegt werden: ${grund}.`);
  }
  const st = await fs.stat(ordner);
  if (!st.isDirectory())
    throw new DateiFehler('ordner', ordner, `„${ordner}“ ist eine Datei, kein Ordner. Bitte einen Ordner angeben.`);
}

async function ausfuehren(a: Argumente, io: Io, jetzt: () => Date): Promise<number> {
  const [gesamtPfad, ordner] = erwartePositionen('aufteilen', a, ['gesamt.xlsx', 'ordner']);
  const nurHf = a.werte.get('hf');
  if (nurHf !== undefined && !/^\d+$/.test(nurHf))
    throw new AufrufFehler(`„--hf“ erwartet die Nummer eines Handlungsfelds, z. B. „--hf 3“.`);
  try {
    const g = await ladeUndPruefe(gesamtPfad);
    let exporte: NetzwerkExport[];
    let ohneHf: { tabelle: TableKey; schluessel: string }[];
    try {
      const alle = handlungsfelderDerMappe(g.raw, g.datei).filter((h) => nurHf === undefined || h.nr === Number(nurHf));
      if (alle.length === 0) {
        io.err(
          nurHf !== undefined
            ? `Fehler: Handlungsfeld ${nurHf} steht nicht in der Tabelle „tblHandlungsfelder“ (Blatt „Stammdaten“) von „${g.datei}“.`
            : `Fehler: „${g.datei}“: Die Tabelle „tblHandlungsfelder“ (Blatt „Stammdaten“) enthält kein Handlungsfeld.`,
        );
        return EXIT.befunde;
      }
      // Stammdaten: two tables side by side, no room for extra columns
      const meta = { quelle: g.datei, exportiertAm: jetzt(), nurVertragsspalten: NUR_VERTRAGSSPALTEN };
      exporte = alle.map((h) => aufteilen(g.raw, h.nr, meta));
      ohneHf = nichtZugeordnet(g.raw, g.datei);
    } catch (e) {
      if (e instanceof NetzwerkFehler) {
        io.err(`Fehler: ${e.message}`);
        return EXIT.befunde;
      }
      throw e;
    }
    await ordnerAnlegen(ordner);
    const ziele = exporte.map((e) => ({ exp: e, pfad: path.join(ordner, netzwerkDateiname(e.hf, e.handlungsfeld)) }));
    for (const z of ziele) {
      if (await gleicheDatei(z.pfad, gesamtPfad)) {
        io.err(`Fehler: Die Netzwerkdatei „${z.pfad}“ wäre die Gesamtdatei selbst. Bitte einen anderen Ordner angeben.`);
        return EXIT.datei;
      }
    }
    if (!a.schalter.has('force')) {
      const vorhanden: string[] = [];
      for (const z of ziele) if (await existiert(z.pfad)) vorhanden.push(path.basename(z.pfad));
      if (vorhanden.length > 0) {
        io.err(
          `Fehler: Im Ordner „${ordner}“ gibt es schon: ${vorhanden.join(', ')}. Es wurde nichts geschrieben. Zum Überschreiben „--force“ angeben (Achtung: Einträge der Netzwerke in diesen Dateien gehen dann verloren – vorher zusammenführen).`,
        );
        return EXIT.datei;
      }
    }
    const ergebnis: { hf: number; datei: string; zeilen: number }[] = [];
    for (const z of ziele) {
      await speichereArbeitsmappe(netzwerkArbeitsmappe(z.exp), z.pfad);
      const zeilen = (['ziele', 'arbeitsplanung', 'checkliste', 'kennzahlen'] as const).reduce(
        (n, k) => n + z.exp.tabellen[k].rows.length,
        0,
      );
      ergebnis.push({ hf: z.exp.hf, datei: path.basename(z.pfad), zeilen });
    }
    if (a.schalter.has('json')) {
      druckeJson(io, { dateien: ergebnis });
    } else {
      io.out(`${anzahl(ergebnis.length, 'Netzwerkdatei', 'Netzwerkdateien')} in „${ordner}“ erstellt:`);
      for (const e of ergebnis)
        io.out(`  • ${e.datei} (Handlungsfeld ${e.hf}, ${e.zeilen} Zeilen in Ziele/Arbeitsplanung/Checkliste/Kennzahlen)`);
      io.out('Nach dem Ausfüllen durch die Netzwerke: „integrationsmonitor zusammenfuehren“.');
    }
    if (ohneHf.length > 0) {
      io.err(
        `Hinweis: ${ohneHf.length === 1 ? '1 Zeile gehört' : `${ohneHf.length} Zeilen gehören`} zu keinem Handlungsfeld und ${ohneHf.length === 1 ? 'steht' : 'stehen'} in keiner Netzwerkdatei: ${ohneHf
          .slice(0, 10)
          .map((o) => `${TABLES[o.tabelle].sheet} „${o.schluessel}“`)
          .join(', ')}${ohneHf.length > 10 ? ' …' : ''}.`,
      );
    }
    if (g.fehler) {
      io.err(
        `Hinweis: „${g.datei}“ enthält Fehler (siehe „${PROGRAMM} pruefen ${gesamtPfad}“); die Netzwerkdateien enthalten sie ebenfalls.`,
      );
    }
    return EXIT.ok;
  } catch (e) {
    if (istDateiFehler(e)) {
      io.err(`Fehler: ${e.message}`);
      return EXIT.datei;
    }
    throw e;
  }
}

export const verb: Verb = {
  name: 'aufteilen',
  kurz: 'je Handlungsfeld eine Netzwerkdatei erstellen (Gesamtdatei → Ordner)',
  hilfe: HILFE,
  optionen: { force: { type: 'boolean' }, json: { type: 'boolean' }, hf: { type: 'string' } },
  ausfuehren,
};
