/**
 * `bericht <datei.xlsx> --aus <bericht.xlsx|.docx|.pdf> [--json]`: writes the
 * print-ready Umsetzungsbericht as a workbook of its own (one sheet, A4
 * landscape), ready to print or convert to PDF for the committees; by the
 * extension of --aus also as a Word document or a tagged PDF.
 */
import * as path from 'path';
import ExcelJS from 'exceljs';
import { berechneKpi } from '../domain';
import { umsetzungsbericht, type Umsetzungsbericht } from '../domain/bericht';
import { fehlendeAngaben } from '../domain/fehlend';
import { umsetzungsberichtGrid } from '../workbook/berichtSheet';
import { schreibeGrid, speichereArbeitsmappe } from '../xlsx';
import { pruefePdfMoeglich, schreibeBerichtDocx, schreibeBerichtPdf } from './berichtDatei';
import {
  AufrufFehler,
  druckeJson,
  erwartePositionen,
  EXIT,
  ladePlanOderDruckeBefunde,
  parseArgumente,
  PROGRAMM,
  pruefeAusZiel,
  prozent,
  type Verb,
} from './common';

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

export const berichtVerb: Verb = {
  kurz: 'Umsetzungsbericht (druckfertig, A4 quer) als Excel-, Word- oder PDF-Datei schreiben',
  hilfe: `Aufruf: ${PROGRAMM} bericht <datei.xlsx> --aus <bericht.xlsx|bericht.docx|bericht.pdf> [--json]

Erstellt den druckfertigen Umsetzungsbericht als eigene Arbeitsmappe mit
dem Blatt „Umsetzungsbericht“ (A4 quer, auf Seitenbreite, Kopfzeilen auf
jeder Seite, jedes Handlungsfeld beginnt auf einer neuen Seite):
Titel mit Berichtsjahr und Stichtag, Überblick je Handlungsfeld
(Zielerreichung, Ampel, Umsetzungsquote, Maßnahmen nach Status), danach
je Handlungsfeld jedes Handlungsziel mit Kennzahlen, Maßnahmen und
Wirkungen. Standardmaßnahmen sind nicht Teil des Berichts; sie stehen in
einem Hinweis am Ende. Hat die Arbeitsmappe Fehler, wird kein Bericht
geschrieben: die Befunde werden ausgegeben und der Exit-Code ist 1.
Die Eingabedatei wird nie verändert.

Das Format folgt der Endung von --aus:
  .xlsx  Arbeitsmappe mit dem Blatt „Umsetzungsbericht“
  .docx  Word-Dokument für die Sitzungsunterlagen: Überschriften als
         Formatvorlagen (Navigationsbereich, Inhaltsverzeichnis), Diagramme
         mit Alternativtext, Sprache Deutsch, A4 quer
  .pdf   dieses Word-Dokument als barrierearmes PDF; braucht LibreOffice
         („soffice“). Ohne LibreOffice: .docx schreiben und in Word über
         Datei › Speichern unter › PDF speichern.

Optionen:
  --aus <ziel>   Zieldatei (.xlsx, .docx oder .pdf, wird ersetzt, falls vorhanden) – Pflicht
  --json         Inhalt des Berichts zusätzlich als JSON ausgeben
  -h, --help     diese Hilfe

Tipp: Vorher mit „${PROGRAMM} fehlend <datei.xlsx>“ prüfen, ob noch
Istwerte, Begründungen oder Checklisten fehlen.

Exit-Codes: 0 Bericht geschrieben · 1 Fehler in der Arbeitsmappe · 2 Datei
fehlt, ist keine .xlsx-Datei oder kann nicht gelesen/geschrieben werden,
oder für .pdf fehlt LibreOffice.

Beispiel:
  ${PROGRAMM} bericht Arbeitsplanung-2026.xlsx --aus Umsetzungsbericht-2026.xlsx
  ${PROGRAMM} bericht Arbeitsplanung-2026.xlsx --aus Umsetzungsbericht-2026.docx`,

  async run(args, io) {
    const a = parseArgumente('bericht', args, { schalter: ['json'], werte: ['aus'] });
    if (a.hilfe) {
      io.out(berichtVerb.hilfe);
      return EXIT.ok;
    }
    const [datei] = erwartePositionen('bericht', a, ['datei.xlsx']);
    const aus = a.werte.get('aus');
    if (aus === undefined)
      throw new AufrufFehler(`„bericht“ braucht die Zieldatei: --aus <bericht.xlsx>. Hilfe: ${PROGRAMM} bericht --help`);
    await pruefeAusZiel(aus, datei, ['.xlsx', '.docx', '.pdf']);
    const format = path.extname(aus).toLowerCase();
    // before loading, so a missing LibreOffice is reported without any work done
    const soffice = format === '.pdf' ? await pruefePdfMoeglich(datei, aus) : null;
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
    const meta = { berechnetAm: new Date(), quelle: g.datei };
    if (format === '.docx') await schreibeBerichtDocx(bericht, meta, aus);
    else if (soffice) await schreibeBerichtPdf(bericht, meta, aus, soffice);
    else {
      const wb = new ExcelJS.Workbook();
      wb.creator = 'Integrationsmonitor';
      wb.title = `Umsetzungsbericht ${bericht.berichtsjahr}`;
      schreibeGrid(wb, umsetzungsberichtGrid(bericht, meta));
      await speichereArbeitsmappe(wb, aus);
    }

    const fehlend = fehlendeAngaben(g.plan, kpi);
    const offen = fehlend.handlungsfelder.reduce((s, h) => s + h.angaben.length, 0);
    const zeilen = [
      `Umsetzungsbericht ${bericht.berichtsjahr} geschrieben: ${path.resolve(aus)}`,
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
