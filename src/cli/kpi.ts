import * as path from 'path';
import { AMPEL_LABEL } from '../workbook/layout';
import { aufzaehlung, berechneKpi, massnahmenZaehlung, type KpiResult, type Zaehlung } from '../domain';
import type { KpiMeta } from '../workbook/kpiSheets';
import { aktualisierteBlaetter } from '../workbook/berechneteBlaetter';
import { schreibeGrid } from '../xlsx';
import { speichereDatei } from './speichern';
import type { Plan } from '../domain';
import { diagrammeEinfuegen } from '../xlsx/diagramme';
import {
  druckeJson,
  erwartePositionen,
  EXIT,
  ladePlanOderDruckeBefunde,
  pruefeAusZiel,
  PROGRAMM,
  type Io,
  type Verb,
} from './common';
import { anzahl, prozent } from '../domain/format';

function zaehlungJson(z: Zaehlung) {
  return {
    zielerreichung: z.zielerreichung,
    ampel: z.ampel,
    ...massnahmenZaehlung(z),
    umsetzungsquote: z.umsetzungsquote,
    wirkungen: z.wirkungen,
    standardmassnahmen: z.standardmassnahmen,
    handlungszieleOhneMassnahme: z.handlungszieleOhneMassnahme,
  };
}

/** The `kpi --json` shape of SPEC §5: exactly these fields, missing values null, numbers unrounded. */
export function kpiJson(kpi: KpiResult) {
  return {
    berichtsjahr: kpi.berichtsjahr,
    kennzahlen: kpi.kennzahlen.map((k) => ({
      id: k.id,
      handlungszielId: k.handlungszielId,
      zielerreichung: k.zielerreichung,
      ampel: k.ampel,
      vorjahr: k.vorjahr,
    })),
    handlungsziele: kpi.handlungsziele.map((h) => ({
      id: h.id,
      hf: h.hf,
      zielerreichung: h.zielerreichung,
      ampel: h.ampel,
      kennzahlen: h.kennzahlen,
      kennzahlenMitDaten: h.kennzahlenMitDaten,
    })),
    handlungsfelder: kpi.handlungsfelder.map((h) => ({ hf: h.hf, ...zaehlungJson(h) })),
    gesamt: zaehlungJson(kpi.gesamt),
  };
}

/**
 * The quote with its basis: entfallene Maßnahmen are not counted, so "3 von 7
 * umgesetzt" next to "50 %" would look wrong to a reader.
 */
function quoteText(z: Zaehlung): string {
  const basis = z.massnahmen - z.entfallen;
  if (basis === 0 || z.umsetzungsquote === null) return `Umsetzungsquote ${prozent(null)} (keine nicht entfallenen Maßnahmen)`;
  return `Umsetzungsquote ${prozent(z.umsetzungsquote)} (${z.umgesetzt} von ${basis} nicht entfallenen ${basis === 1 ? 'Maßnahme' : 'Maßnahmen'} umgesetzt)`;
}

function druckeKpi(io: Io, datei: string, plan: Plan, kpi: KpiResult): void {
  io.out(`Kennzahlen ${kpi.berichtsjahr} aus „${datei}“ (ohne Standardmaßnahmen):\n`);
  const name = new Map(plan.handlungsfelder.map((h) => [h.nr, h.name]));
  for (const hf of kpi.handlungsfelder) {
    io.out(
      `  HF ${hf.hf} ${name.get(hf.hf) ?? ''}\n` +
        `     Zielerreichung ${prozent(hf.zielerreichung)} (${AMPEL_LABEL[hf.ampel]}), ` +
        `${quoteText(hf)}; ` +
        `${anzahl(hf.massnahmen, 'Maßnahme', 'Maßnahmen')}: ${hf.umgesetzt} umgesetzt, ` +
        `${hf.begonnen} begonnen, ${hf.geplant} geplant, ${hf.verschoben} verschoben, ${hf.entfallen} entfallen; ` +
        anzahl(hf.wirkungen, 'Wirkung', 'Wirkungen') +
        (hf.handlungszieleOhneMassnahme > 0
          ? `; ${anzahl(hf.handlungszieleOhneMassnahme, 'Handlungsziel', 'Handlungsziele')} ohne Maßnahme`
          : ''),
    );
  }
  const g = kpi.gesamt;
  io.out(
    `\n  Gesamt: Zielerreichung ${prozent(g.zielerreichung)} (${AMPEL_LABEL[g.ampel]}), ${quoteText(g)}; ` +
      `insgesamt ${g.massnahmen} Maßnahmen, ${g.wirkungen} Wirkungen, ${g.standardmassnahmen} Standardmaßnahmen (gesondert berichtet).`,
  );
  const mitDaten = kpi.kennzahlen.filter((k) => k.zielerreichung !== null).length;
  io.out(`  Kennzahlen mit Istwert: ${mitDaten} von ${kpi.kennzahlen.length}.`);
}

export const verb: Verb = {
  name: 'kpi',
  kurz: 'Kennzahlen berechnen, optional KPI-Blätter in eine Kopie schreiben',
  hilfe: `Aufruf: ${PROGRAMM} kpi <datei.xlsx> [--json] [--aus <ziel.xlsx>]

Berechnet Zielerreichung und Ampel je Kennzahl, Handlungsziel und
Handlungsfeld sowie die Umsetzungsquote der Maßnahmen (ohne
Standardmaßnahmen). Hat die Arbeitsmappe Fehler, wird nichts berechnet:
die Befunde werden ausgegeben (wie bei „pruefen“) und der Exit-Code ist 1.
Die Eingabedatei wird nie verändert.

Optionen:
  --json           Ergebnis als JSON mit berichtsjahr, kennzahlen,
                   handlungsziele, handlungsfelder und gesamt
                   (fehlende Werte null, Zahlen ungerundet)
  --aus <ziel>     eine Kopie der Arbeitsmappe mit neu berechneten Blättern
                   „KPI Übersicht“, „KPI Handlungsziele“, „Umsetzungsbericht“
                   und „KPI Verlauf“ schreiben (der Verlauf der Eingabe wird
                   fortgeschrieben; eine erneute Berechnung am selben Tag
                   ersetzt dessen Zeilen; ein vorhandenes Ziel wird
                   ersetzt; mit den Diagrammen der Blätter)
  -h, --help       diese Hilfe

Exit-Codes: 0 berechnet · 1 Fehler in der Arbeitsmappe · 2 Datei fehlt,
ist keine .xlsx-Datei oder kann nicht gelesen/geschrieben werden.

Beispiel:
  ${PROGRAMM} kpi Arbeitsplanung-2026.xlsx --aus Arbeitsplanung-2026-mit-KPI.xlsx`,

  optionen: { json: { type: 'boolean' }, aus: { type: 'string' } },

  async ausfuehren(a, io, jetzt) {
    const [datei] = erwartePositionen('kpi', a, ['datei.xlsx']);
    const aus = a.werte.get('aus');
    if (aus !== undefined) await pruefeAusZiel(aus, datei);
    const json = a.schalter.has('json');
    const g = await ladePlanOderDruckeBefunde(
      datei,
      io,
      json,
      'Es wurden keine Kennzahlen berechnet. Bitte zuerst die Fehler korrigieren.',
    );
    if (!g) return EXIT.befunde;
    const kpi = berechneKpi(g.plan);
    if (json) druckeJson(io, kpiJson(kpi));
    else druckeKpi(io, g.datei, g.plan, kpi);

    if (aus !== undefined) {
      const meta: KpiMeta = { berechnetAm: jetzt(), quelle: g.datei };
      const grids = aktualisierteBlaetter({ plan: g.plan, kpi, meta, raw: g.raw });
      for (const grid of grids) schreibeGrid(g.wb, grid);
      // a document title for screen readers and the accessibility checker, unless the workbook has one
      if (!g.wb.title) g.wb.title = `Integrationskonzept – Arbeitsplanung ${kpi.berichtsjahr}`;
      // one write: the charts go into the package before it reaches the disk
      await speichereDatei(aus, async () => diagrammeEinfuegen(new Uint8Array((await g.wb.xlsx.writeBuffer()) as ArrayBuffer), grids));
      // with --json stdout carries only the JSON, so the note goes to stderr
      const blaetter = aufzaehlung(
        grids.map((x) => x.sheet),
        'und',
      );
      const note = `Blätter ${blaetter} (mit Diagrammen) geschrieben: ${path.resolve(aus)}`;
      if (json) io.err(note);
      else io.out(`\n${note}`);
    }
    const warnungen = g.findings.filter((f) => f.schwere === 'Warnung').length;
    if (!json && warnungen > 0)
      io.out(`\nHinweis: ${anzahl(warnungen, 'Warnung', 'Warnungen')}. Details: ${PROGRAMM} pruefen "${datei}"`);
    return EXIT.ok;
  },
};
