/**
 * `bericht <datei.xlsx> --aus <bericht.xlsx|.html|.docx|.pdf> [--force] [--json]`:
 * writes the Umsetzungsbericht in the format of the target's extension – a
 * print-ready workbook (one sheet, A4 landscape), one self-contained web
 * page, a Word document for the committee papers or that document as tagged
 * PDF/A – from the same content model, so all carry the same figures.
 */
import * as path from 'path';
import ExcelJS from 'exceljs';
import { berechneKpi } from '../domain';
import { umsetzungsbericht, type Umsetzungsbericht } from '../domain/bericht';
import { fehlendeAngaben } from '../domain/fehlend';
import { umsetzungsberichtHtml } from '../workbook/berichtHtml';
import type { BerichtMeta } from '../workbook/berichtSheet';
import { berichtBlaetter } from '../workbook/berechneteBlaetter';
import { schreibeGrid } from '../xlsx';
import { speichereArbeitsmappe, speichereDatei } from './speichern';
import { pruefePdfMoeglich, schreibeBerichtDocx, schreibeBerichtPdf } from './berichtDatei';
import {
  AufrufFehler,
  druckeJson,
  erwartePositionen,
  EXIT,
  ladePlanOderDruckeBefunde,
  PROGRAMM,
  pruefeAusZiel,
  type Verb,
  existiert,
} from './common';
import { prozent } from '../domain/format';

interface Format {
  /** German name for messages, e.g. „Webseite“ */
  readonly name: string;
  /** checks before any work that the format can be written (throws a German message) */
  vorab?(datei: string, ziel: string): Promise<void>;
  schreibe(bericht: Umsetzungsbericht, meta: BerichtMeta, ziel: string): Promise<void>;
}

/** Output formats by the (lower-case) extension of --aus. */
export const BERICHT_FORMATE: Readonly<Record<string, Format>> = {
  '.xlsx': {
    name: 'Arbeitsmappe',
    async schreibe(bericht, meta, ziel) {
      const wb = new ExcelJS.Workbook();
      wb.creator = 'Integrationsmonitor';
      wb.title = `Umsetzungsbericht ${bericht.berichtsjahr}`;
      for (const grid of berichtBlaetter(bericht, meta)) schreibeGrid(wb, grid);
      await speichereArbeitsmappe(wb, ziel);
    },
  },
  '.html': {
    name: 'Webseite',
    schreibe: (bericht, meta, ziel) => speichereDatei(ziel, umsetzungsberichtHtml(bericht, meta)),
  },
  '.docx': {
    name: 'Word-Dokument',
    schreibe: schreibeBerichtDocx,
  },
  '.pdf': {
    name: 'PDF',
    async vorab(datei, ziel) {
      await pruefePdfMoeglich(datei, ziel);
    },
    async schreibe(bericht, meta, ziel) {
      await schreibeBerichtPdf(bericht, meta, ziel, await pruefePdfMoeglich(meta.quelle, ziel));
    },
  },
};

const formatListe = (): string => {
  const teile = Object.entries(BERICHT_FORMATE).map(([endung, f]) => `${endung} (${f.name})`);
  return `${teile.slice(0, -1).join(', ')} oder ${teile[teile.length - 1]}`;
};

/** The format for `aus`, or a usage error listing the supported extensions. */
function formatFuer(aus: string): Format {
  const endung = path.extname(aus).toLowerCase();
  const f = Object.prototype.hasOwnProperty.call(BERICHT_FORMATE, endung) ? BERICHT_FORMATE[endung] : undefined;
  if (f) return f;
  const was = endung ? `Das Format „${endung}“ wird nicht unterstützt` : 'Die Zieldatei hat keine Endung';
  throw new AufrufFehler(`${was} („${aus}“). Mögliche Endungen für --aus: ${formatListe()}. Hilfe: ${PROGRAMM} bericht --help`);
}

/** Compact JSON of the report (figures as in `kpi --json`, texts for reading). */
export function berichtJson(b: Umsetzungsbericht) {
  return {
    berichtsjahr: b.berichtsjahr,
    stichtag: b.stichtag,
    handlungsfelder: b.handlungsfelder.map((h) => ({
      hf: h.hf,
      name: h.name,
      zielerreichung: h.kpi.zielerreichung,
      ampel: h.kpi.ampel,
      umsetzungsquote: h.kpi.umsetzungsquote,
      handlungsziele: h.ziele.map((z) => ({
        id: z.id,
        zielerreichung: z.zielerreichung,
        ampel: z.ampel,
        kennzahlen: z.kennzahlen.map((k) => ({
          id: k.id,
          zielerreichung: k.zielerreichung,
          ampel: k.ampel,
          begruendung: k.begruendung || null,
        })),
        massnahmen: z.massnahmen.map((m) => m.nr),
        wirkungen: z.wirkungen.map((m) => m.nr),
      })),
    })),
    standardmassnahmen: b.standardmassnahmen.map((s) => s.nr),
  };
}

export const verb: Verb = {
  name: 'bericht',
  kurz: 'Umsetzungsbericht als Arbeitsmappe, Webseite, Word-Dokument oder PDF schreiben',
  hilfe: `Aufruf: ${PROGRAMM} bericht <datei.xlsx> --aus <bericht.xlsx|bericht.html|bericht.docx|bericht.pdf> [--force] [--json]

Erstellt den Umsetzungsbericht in einer eigenen Datei: Titel mit
Berichtsjahr und Stichtag, Überblick je Handlungsfeld (Zielerreichung,
Ampel, Umsetzungsquote, Maßnahmen nach Status), danach je Handlungsfeld
jedes Handlungsziel mit Kennzahlen, Maßnahmen und Wirkungen.
Standardmaßnahmen sind nicht Teil des Berichts; sie stehen in einem
Hinweis am Ende. Hat die Arbeitsmappe Fehler, wird kein Bericht
geschrieben: die Befunde werden ausgegeben und der Exit-Code ist 1.
Die Eingabedatei wird nie verändert.

Das Format richtet sich nach der Endung der Zieldatei:
  .xlsx   Arbeitsmappe mit dem druckfertigen Blatt „Umsetzungsbericht“
          (A4 quer, auf Seitenbreite, Kopfzeilen auf jeder Seite, jedes
          Handlungsfeld beginnt auf einer neuen Seite)
  .html   eine barrierearme Webseite zum Veröffentlichen, z. B. auf der
          Internetseite der Stadt: alles in einer Datei (ohne externe
          Schriften, Skripte oder Bilder), Kennzahlen mit Vorjahr,
          Diagramme mit Textalternative, Druckansicht A4 mit neuer Seite
          je Handlungsfeld
  .docx   Word-Dokument für die Sitzungsunterlagen: Überschriften als
          Formatvorlagen (Navigationsbereich, Inhaltsverzeichnis),
          Diagramme mit Alternativtext, Sprache Deutsch, A4 quer
  .pdf    dieses Word-Dokument als barrierearmes (getaggtes) PDF, zugleich
          PDF/A-2b zur Archivierung; braucht LibreOffice („soffice“). Ohne
          LibreOffice: .docx schreiben und in Word über Datei › Speichern
          unter › PDF speichern.

Optionen:
  --aus <ziel>   Zieldatei (.xlsx, .html, .docx oder .pdf) – Pflicht
  --force        eine vorhandene Zieldatei ersetzen
  --json         Inhalt des Berichts zusätzlich als JSON ausgeben
  -h, --help     diese Hilfe

Tipp: Vorher mit „${PROGRAMM} fehlend <datei.xlsx>“ prüfen, ob noch
Istwerte, Begründungen oder Checklisten fehlen.

Exit-Codes: 0 Bericht geschrieben · 1 Fehler in der Arbeitsmappe · 2 Datei
fehlt, ist keine .xlsx-Datei oder kann nicht gelesen/geschrieben werden
(z. B. Ordner fehlt oder ist schreibgeschützt; dann bleibt keine halbe
Datei zurück), die Zieldatei existiert schon (ohne --force) oder ist die
Eingabedatei, sie hat eine andere Endung als .xlsx, .html, .docx oder .pdf,
oder für .pdf fehlt LibreOffice.

Beispiele:
  ${PROGRAMM} bericht Arbeitsplanung-2026.xlsx --aus Umsetzungsbericht-2026.xlsx
  ${PROGRAMM} bericht Arbeitsplanung-2026.xlsx --aus Umsetzungsbericht-2026.html
  ${PROGRAMM} bericht Arbeitsplanung-2026.xlsx --aus Umsetzungsbericht-2026.docx
  ${PROGRAMM} bericht Arbeitsplanung-2026.xlsx --aus Umsetzungsbericht-2026.docx --force   (vorhandenen Bericht ersetzen)`,

  optionen: { json: { type: 'boolean' }, force: { type: 'boolean' }, aus: { type: 'string' } },

  async ausfuehren(a, io, jetzt) {
    const [datei] = erwartePositionen('bericht', a, ['datei.xlsx']);
    const aus = a.werte.get('aus');
    if (aus === undefined)
      throw new AufrufFehler(
        `„bericht“ braucht die Zieldatei: --aus <bericht.xlsx|bericht.html|bericht.docx|bericht.pdf>. Hilfe: ${PROGRAMM} bericht --help`,
      );
    const format = formatFuer(aus);
    await pruefeAusZiel(aus, datei, Object.keys(BERICHT_FORMATE));
    if (!a.schalter.has('force') && (await existiert(aus)))
      throw new AufrufFehler(
        `Die Datei „${aus}“ existiert bereits und wird nicht überschrieben. Zum Ersetzen --force angeben.`,
      );
    // before loading, so a missing LibreOffice is reported without any work done
    await format.vorab?.(datei, aus);
    const json = a.schalter.has('json');

    const g = await ladePlanOderDruckeBefunde(
      datei,
      io,
      json,
      'Es wurde kein Bericht erstellt. Bitte zuerst die Fehler korrigieren.',
    );
    if (!g) return EXIT.befunde;
    const kpi = berechneKpi(g.plan);
    const bericht = umsetzungsbericht(g.plan, kpi);
    await format.schreibe(bericht, { berechnetAm: jetzt(), quelle: g.datei }, aus);

    const fehlend = fehlendeAngaben(g.plan, kpi);
    const offen = fehlend.handlungsfelder.reduce((s, h) => s + h.angaben.length, 0);
    const zeilen = [
      `Umsetzungsbericht ${bericht.berichtsjahr} geschrieben (${format.name}): ${path.resolve(aus)}`,
      `  ${bericht.handlungsfelder.length} Handlungsfelder, ${bericht.handlungsfelder.reduce((s, h) => s + h.ziele.length, 0)} Handlungsziele, Zielerreichung gesamt ${prozent(kpi.gesamt.zielerreichung)}, Umsetzungsquote ${prozent(kpi.gesamt.umsetzungsquote)}.`,
      `  ${bericht.standardmassnahmen.length} Standardmaßnahmen sind nicht enthalten (Hinweis am Ende des Berichts).`,
    ];
    if (offen > 0)
      zeilen.push(
        `  Hinweis: ${offen} Angaben fehlen noch (Vollständigkeit ${prozent(fehlend.gesamt.vollstaendigkeit)}). Details: ${PROGRAMM} fehlend "${datei}"`,
      );
    if (json) {
      druckeJson(io, berichtJson(bericht));
      for (const z of zeilen) io.err(z);
    } else for (const z of zeilen) io.out(z);
    return EXIT.ok;
  },
};
