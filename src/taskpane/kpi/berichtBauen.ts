/**
 * The Umsetzungsbericht built in the browser from the open workbook: the
 * same steps as the CLI's `bericht` (pruefen → berechneKpi →
 * umsetzungsbericht → renderer), so the pane's Word document and web page
 * carry the figures of `kpi --json`. The gateways load this module with
 * import(); the renderers come in chunks of their own, so a web page does not
 * pull in npm docx.
 */
import { berechneKpi, hatFehler, pruefen } from '../../domain';
import { umsetzungsbericht } from '../../domain/bericht';
import type { RawWorkbook } from '../../domain/model';
import type { BerichtDatei, BerichtErgebnis, BerichtFormat } from '../gateway';

export const BERICHT_MIME: Readonly<Record<BerichtFormat, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html;charset=utf-8',
};

/** „Umsetzungsbericht-2026.docx“ */
export function berichtDateiname(berichtsjahr: number, format: BerichtFormat): string {
  return `Umsetzungsbericht-${berichtsjahr}.${format}`;
}

/** Origin named in the report when Excel cannot tell the file name of the open workbook. */
export const OFFENE_MAPPE = 'Geöffnete Arbeitsmappe';

export async function berichtBauen(raw: RawWorkbook, format: BerichtFormat, jetzt: Date): Promise<BerichtErgebnis> {
  const { plan, findings } = pruefen(raw);
  if (!plan || hatFehler(findings)) return { datei: null, findings, erstelltAm: jetzt };
  const kpi = berechneKpi(plan);
  const bericht = umsetzungsbericht(plan, kpi);
  const meta = { berechnetAm: jetzt, quelle: raw.source || OFFENE_MAPPE };
  let inhalt: Uint8Array | string;
  if (format === 'docx') {
    const { umsetzungsberichtDocx } = await import(/* webpackChunkName: "bericht-docx" */ '../../dokument');
    inhalt = await umsetzungsberichtDocx(bericht, meta);
  } else {
    const { umsetzungsberichtHtml } = await import(/* webpackChunkName: "bericht-html" */ '../../workbook/berichtHtml');
    inhalt = umsetzungsberichtHtml(bericht, meta);
  }
  const datei: BerichtDatei = {
    format,
    name: berichtDateiname(bericht.berichtsjahr, format),
    mime: BERICHT_MIME[format],
    inhalt,
    berichtsjahr: bericht.berichtsjahr,
    handlungsfelder: bericht.handlungsfelder.length,
    standardmassnahmen: bericht.standardmassnahmen.length,
  };
  return { datei, findings, erstelltAm: jetzt };
}
