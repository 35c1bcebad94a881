/**
 * `fehlend <datei.xlsx> [--json]`: what is missing before an
 * Umsetzungsbericht can be made, grouped by Handlungsfeld and network.
 */
import { berechneKpi } from '../domain';
import { FEHLEND_ARTEN, FEHLEND_TITEL, fehlendeAngaben, type FehlendeAngabenBericht } from '../domain/fehlend';
import {
  druckeJson,
  erwartePositionen,
  EXIT,
  ladePlanOderDruckeBefunde,
  PROGRAMM,
  type Io,
  type Verb,
} from './common';
import { anzahl, prozent } from '../domain/format';

/** JSON shape of `fehlend --json` (documented in the help text). */
export function fehlendJson(r: FehlendeAngabenBericht) {
  return {
    berichtsjahr: r.berichtsjahr,
    vollstaendig: r.vollstaendig,
    vollstaendigkeit: r.gesamt.vollstaendigkeit,
    anzahl: r.gesamt.anzahl,
    handlungsfelder: r.handlungsfelder.map((h) => ({
      hf: h.hf,
      handlungsfeld: h.handlungsfeld,
      netzwerk: h.netzwerk,
      netzwerkleitung: h.netzwerkleitung,
      vollstaendigkeit: h.vollstaendigkeit,
      anzahl: h.anzahl,
      angaben: h.angaben.map((a) => ({
        art: a.art,
        handlungszielId: a.handlungszielId,
        kennzahlId: a.kennzahlId,
        blatt: a.blatt,
        zelle: a.zelle || null,
        meldung: a.meldung,
      })),
    })),
  };
}

/** `pfad` is the path as the user typed it, for the follow-up command. */
function druckeFehlend(io: Io, datei: string, r: FehlendeAngabenBericht, pfad: string): void {
  const summe = FEHLEND_ARTEN.reduce((s, a) => s + r.gesamt.anzahl[a], 0);
  io.out(`Fehlende Angaben für den Umsetzungsbericht ${r.berichtsjahr} aus „${datei}“`);
  io.out(
    `Vollständigkeit: ${prozent(r.gesamt.vollstaendigkeit)} – ${summe === 0 ? 'es fehlt nichts.' : `${anzahl(summe, 'Angabe fehlt', 'Angaben fehlen')}:`}`,
  );
  for (const art of FEHLEND_ARTEN) if (r.gesamt.anzahl[art] > 0) io.out(`  ${FEHLEND_TITEL[art]}: ${r.gesamt.anzahl[art]}`);
  for (const h of r.handlungsfelder) {
    if (h.angaben.length === 0) continue;
    const wer = [h.netzwerk, h.netzwerkleitung && `Netzwerkleitung: ${h.netzwerkleitung}`].filter(Boolean).join(', ');
    io.out(
      `\n${h.hf === null ? '' : `HF ${h.hf} `}${h.handlungsfeld}${wer ? ` – ${wer}` : ''} (${prozent(h.vollstaendigkeit)} vollständig)`,
    );
    for (const a of h.angaben) io.out(`  • ${a.meldung}`);
  }
  if (summe === 0) io.out('\nAlle Angaben sind vorhanden – der Umsetzungsbericht kann erstellt werden.');
  else
    io.out(
      `\nDie fehlenden Angaben bitte bei den genannten Netzwerkleitungen erfragen. Danach den Bericht erstellen: ${PROGRAMM} bericht "${pfad}" --aus Umsetzungsbericht-${r.berichtsjahr}.xlsx`,
    );
}

export const verb: Verb = {
  name: 'fehlend',
  kurz: 'zeigen, welche Angaben für den Umsetzungsbericht noch fehlen',
  hilfe: `Aufruf: ${PROGRAMM} fehlend <datei.xlsx> [--json]

Listet, was vor dem Umsetzungsbericht noch fehlt – nach Handlungsfeld,
mit Netzwerk und Netzwerkleitung (wen man fragen muss):
  • Handlungsfelder ohne Handlungsziel
  • Handlungsziele ohne Zeile in der Checkliste
  • Handlungsziele ohne Kennzahl
  • Handlungsziele ohne Maßnahme (Standardmaßnahmen zählen nicht)
  • Kennzahlen ohne Istwert
  • Kennzahlen mit Ampel rot ohne Begründung
dazu die Vollständigkeit in Prozent (erfüllte Prüfungen je Handlungsfeld,
Handlungsziel und Kennzahl). Hat die Arbeitsmappe Fehler, werden die
Befunde ausgegeben (wie bei „pruefen“). Die Eingabedatei wird nie verändert.

Optionen:
  --json       Ergebnis als JSON: berichtsjahr, vollstaendig,
               vollstaendigkeit, anzahl, handlungsfelder[{hf, handlungsfeld,
               netzwerk, netzwerkleitung, vollstaendigkeit, anzahl,
               angaben[{art, handlungszielId, kennzahlId, blatt, zelle,
               meldung}]}]; bei Fehlern {"fehler":[…],"warnungen":[…]}
  -h, --help   diese Hilfe

Exit-Codes wie bei „pruefen“: 0 Bericht über fehlende Angaben erstellt (ob
etwas fehlt, steht in „vollstaendig“) · 1 die Arbeitsmappe hat Fehler · 2 Datei
fehlt, ist keine .xlsx-Datei oder kann nicht gelesen werden.

Beispiel:
  ${PROGRAMM} fehlend Arbeitsplanung-2026.xlsx`,

  optionen: { json: { type: 'boolean' } },

  async ausfuehren(a, io) {
    const [datei] = erwartePositionen('fehlend', a, ['datei.xlsx']);
    const json = a.schalter.has('json');
    const g = await ladePlanOderDruckeBefunde(
      datei,
      io,
      json,
      'Bitte zuerst die Fehler korrigieren; danach zeigt „fehlend“ die fehlenden Angaben.',
    );
    if (!g) return EXIT.befunde;
    const r = fehlendeAngaben(g.plan, berechneKpi(g.plan));
    if (json) druckeJson(io, fehlendJson(r));
    else druckeFehlend(io, g.datei, r, datei);
    // Same convention as pruefen (SPEC §5): exit 1 only for Fehler in the workbook; missing entries are the report itself.
    return EXIT.ok;
  },
};
