/**
 * `integrationsmonitor zusammenfuehren <gesamt.xlsx> <netzwerk.xlsx…> --aus <neu.xlsx> [--json]`
 * (SPEC §5): merges network workbooks into a copy of the steering workbook,
 * writes the sheet "Änderungsprotokoll" and validates the result. The inputs
 * are only read; the copy is edited in place so every other sheet, format and
 * user column of the steering workbook stays as it was.
 */
import * as path from 'path';
import type ExcelJS from 'exceljs';
import { pruefen, type RawWorkbook } from '../domain';
import { TABLES } from '../domain/schema';
import {
  NetzwerkFehler,
  zusammenfuehren,
  zusammenfuehrenExitCode,
  type Aenderung,
  type ZusammenfuehrenErgebnis,
} from '../domain/netzwerk';
import { aenderungsprotokollGrid, protokollZeilen } from '../workbook/herkunft';
import { istDateiFehler, schreibeGrid } from '../xlsx';
import { ladeArbeitsmappe } from './dateiLaden';
import { speichereArbeitsmappe } from './speichern';
import { aendereTabellen, BelegteZellenFehler } from '../xlsx/tabellenAendern';
import {
  AufrufFehler,
  druckeJson,
  EXIT,
  formatiereBefund,
  gleicheDatei,
  type Argumente,
  PROGRAMM,
  type Io,
  type Verb,
} from './common';
import { rohdatenAusMappe } from '../workbook/rohdaten';
import { anzahl } from '../domain/format';

const HILFE = `Aufruf: ${PROGRAMM} zusammenfuehren <gesamt.xlsx> <netzwerk.xlsx…> --aus <neu.xlsx> [--json]

Führt die ausgefüllten Netzwerkdateien (erstellt mit „aufteilen“) wieder in
die Gesamtdatei zusammen und schreibt das Ergebnis nach <neu.xlsx>. Die
Eingabedateien werden nicht verändert.

Abgleich je Zeile über Nr (Arbeitsplanung), Kennzahl-ID (Kennzahlen) und
Handlungsziel-ID (Ziele, Checkliste), jeweils gegen den Stand beim Export:
  • neue Zeilen des Netzwerks werden angehängt,
  • nur im Netzwerk geänderte Zellen werden übernommen,
  • wurde eine Zeile seit dem Export in BEIDEN Dateien geändert, ist das ein
    Konflikt: beide Werte stehen im Protokoll, der Wert der Gesamtdatei bleibt,
  • Zeilen eines anderen Handlungsfelds, geänderte Einstellungen und gelöschte
    Zeilen werden abgelehnt (es wird nie etwas gelöscht).
Text, der mit = + - @ beginnt, bleibt Text (keine Formel).
<neu.xlsx> erhält das Blatt „Änderungsprotokoll“; danach wird das Ergebnis
geprüft (wie „pruefen“). Die KPI-Blätter bitte anschließend mit
„${PROGRAMM} kpi <neu.xlsx> --aus …“ neu berechnen.

Optionen:
  --aus <neu.xlsx>  Zieldatei (Pflicht; darf keine der Eingabedateien sein)
  --json            Änderungen als JSON ausgeben:
                    {"neu":[C…],"geaendert":[C…],"konflikte":[C…],"abgelehnt":[C…]}
                    mit C = {"datei","tabelle","schluessel","spalte","gesamt",
                    "netzwerk","meldung"}; das Prüfergebnis steht dann auf stderr.
  -h, --help        diese Hilfe

Exit-Codes:
  0  zusammengeführt, keine Konflikte, keine abgelehnten Zeilen
  1  zusammengeführt, aber mit Konflikten oder abgelehnten Zeilen (dort gilt
     der Wert der Gesamtdatei; siehe Protokoll)
  2  eine Datei kann nicht gelesen oder geschrieben werden, oder unter einer
     Tabelle der Gesamtdatei ist kein Platz für neue Zeilen (dann wird nichts
     geschrieben)

Beispiel:
  ${PROGRAMM} zusammenfuehren Arbeitsplanung-2026.xlsx Netzwerke-2026/*.xlsx --aus Arbeitsplanung-2026-neu.xlsx`;

function cJson(e: Aenderung): Aenderung {
  return {
    datei: e.datei,
    tabelle: e.tabelle,
    schluessel: e.schluessel,
    spalte: e.spalte,
    gesamt: e.gesamt,
    netzwerk: e.netzwerk,
    meldung: e.meldung,
  };
}

/** Applies the merge result to the loaded steering workbook (in memory). */
export function wendeAn(wb: ExcelJS.Workbook, gesamtRaw: RawWorkbook, erg: ZusammenfuehrenErgebnis): void {
  aendereTabellen(
    wb,
    erg.betroffen.map((key) => {
      const roh = gesamtRaw.tables.find((t) => t.name === TABLES[key].name);
      return {
        tabelle: TABLES[key].name,
        datenzeilen: roh?.rows.length ?? 0,
        zellen: erg.zellen.filter((z) => z.tabelle === key),
        neueZeilen: erg.neueZeilen.filter((n) => n.tabelle === key).map((n) => n.werte),
      };
    }),
  );
}

async function ausfuehren(a: Argumente, io: Io, jetzt: () => Date): Promise<number> {
  if (a.positionen.length < 2) {
    throw new AufrufFehler(
      `„zusammenfuehren“ braucht <gesamt.xlsx> und mindestens eine <netzwerk.xlsx>. Hilfe: ${PROGRAMM} zusammenfuehren --help`,
    );
  }
  const aus = a.werte.get('aus');
  if (!aus)
    throw new AufrufFehler(
      `„zusammenfuehren“ braucht „--aus <neu.xlsx>“ für das Ergebnis. Hilfe: ${PROGRAMM} zusammenfuehren --help`,
    );
  const [gesamtPfad, ...netzPfade] = a.positionen;
  for (const p of a.positionen) {
    // symlink-aware: an input must never be overwritten, not even through a link
    if (await gleicheDatei(p, aus)) {
      throw new AufrufFehler(
        `„--aus ${aus}“ ist zugleich eine Eingabedatei. Eingabedateien werden nie verändert; bitte einen anderen Dateinamen angeben.`,
      );
    }
  }
  const json = a.schalter.has('json');
  try {
    // read everything first: an unreadable file stops before anything is written
    const wb = await ladeArbeitsmappe(gesamtPfad);
    const gesamtDatei = path.basename(gesamtPfad);
    const gesamtRaw = rohdatenAusMappe(wb, gesamtDatei);
    const netze = [];
    for (const p of netzPfade)
      netze.push({ datei: path.basename(p), raw: rohdatenAusMappe(await ladeArbeitsmappe(p), path.basename(p)) });

    let erg: ZusammenfuehrenErgebnis;
    try {
      erg = zusammenfuehren(gesamtRaw, netze);
    } catch (e) {
      if (e instanceof NetzwerkFehler) {
        io.err(`Fehler: ${e.message} Es wurde nichts geschrieben.`);
        return EXIT.datei;
      }
      throw e;
    }
    try {
      wendeAn(wb, gesamtRaw, erg);
    } catch (e) {
      if (!(e instanceof BelegteZellenFehler)) throw e;
      io.err(`Fehler: ${e.message} Es wurde nichts geschrieben.`);
      return EXIT.datei;
    }
    const { findings } = pruefen(rohdatenAusMappe(wb, path.basename(aus)));
    const fehler = findings.filter((f) => f.schwere === 'Fehler');
    const warnungen = findings.length - fehler.length;
    schreibeGrid(
      wb,
      aenderungsprotokollGrid(erg.aenderungen, {
        erstelltAm: jetzt(),
        gesamt: gesamtDatei,
        dateien: netze.map((n) => n.datei),
        pruefung: { fehler: fehler.length, warnungen },
        hinweise: erg.hinweise,
      }),
    );
    if (!wb.title) wb.title = `Integrationskonzept – Arbeitsplanung (zusammengeführt aus ${netze.length} Netzwerkdateien)`;
    await speichereArbeitsmappe(wb, aus);

    const x = erg.aenderungen;
    const pruefText = `Prüfung von „${path.basename(aus)}“: ${fehler.length} Fehler, ${anzahl(warnungen, 'Warnung', 'Warnungen')}.`;
    if (json) {
      druckeJson(io, {
        neu: x.neu.map(cJson),
        geaendert: x.geaendert.map(cJson),
        konflikte: x.konflikte.map(cJson),
        abgelehnt: x.abgelehnt.map(cJson),
      });
      io.err(pruefText);
      for (const f of fehler) io.err(formatiereBefund(f));
    } else {
      io.out(`Zusammengeführt: „${gesamtDatei}“ + ${anzahl(netze.length, 'Netzwerkdatei', 'Netzwerkdateien')} → „${aus}“.`);
      io.out(
        `  ${anzahl(x.neu.length, 'neue Zeile', 'neue Zeilen')}, ${anzahl(x.geaendert.length, 'geänderte Zelle', 'geänderte Zellen')}, ${anzahl(x.konflikte.length, 'Konflikt', 'Konflikte')}, ${anzahl(x.abgelehnt.length, 'abgelehnte Zeile', 'abgelehnte Zeilen')}.`,
      );
      const wichtig = protokollZeilen(x).filter((z) => z.art === 'Konflikt' || z.art === 'Abgelehnt');
      if (wichtig.length > 0) {
        io.out('\nBitte klären (der Wert der Gesamtdatei wurde beibehalten):');
        for (const z of wichtig) io.out(`  • ${z.art} (${z.e.datei}): ${z.e.meldung}`);
      }
      for (const h of erg.hinweise) io.out(`Hinweis: ${h}`);
      io.out(`\n${pruefText}`);
      for (const f of fehler) io.out(formatiereBefund(f));
      io.out(`Details im Blatt „Änderungsprotokoll“. KPI neu berechnen: ${PROGRAMM} kpi ${aus} --aus <mit-kpi.xlsx>`);
    }
    return zusammenfuehrenExitCode(x);
  } catch (e) {
    if (istDateiFehler(e)) {
      io.err(`Fehler: ${e.message} Es wurde nichts geschrieben.`);
      return EXIT.datei;
    }
    throw e;
  }
}

export const verb: Verb = {
  name: 'zusammenfuehren',
  kurz: 'ausgefüllte Netzwerkdateien in eine Kopie der Gesamtdatei zusammenführen',
  hilfe: HILFE,
  optionen: { json: { type: 'boolean' }, aus: { type: 'string' } },
  ausfuehren,
};
