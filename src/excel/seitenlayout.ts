/**
 * Page setup and footer of a printed sheet through Office.js, from the
 * layout's PrintSetup: the same as src/xlsx writes into a file.
 */
import { FUSSZEILE, SEITENRAENDER, type PrintSetup } from '../workbook/grid';

/** Office.js takes margins in points, the layout (like the file format) in inches; rounded so 0.6 in is 43.2 pt. */
const punkte = (zoll: number): number => Math.round(zoll * 72 * 100) / 100;

/** Number of calls `seiteEinrichten` queues (for the request budget). */
export function seitenAufrufe(p: PrintSetup): number {
  return 12 + (p.pageBreaksBefore?.length ?? 0);
}

export function seiteEinrichten(blatt: Excel.Worksheet, p: PrintSetup): void {
  const layout = blatt.pageLayout;
  layout.orientation = (p.landscape ? 'Landscape' : 'Portrait') as Excel.PageOrientation;
  layout.paperSize = 'A4' as Excel.PaperType;
  // Fit all columns on one page width; height stays automatic. Only the width is set: the reference
  // documents no meaning for verticalFitToPages 0, and setting width alone is the form seen in use
  // (OfficeDev/office-js#1860), so an unknown value cannot fail the whole batch.
  if (p.fitToWidth) layout.zoom = { horizontalFitToPages: 1 };
  if (p.repeatRows) layout.setPrintTitleRows(`$${p.repeatRows[0]}:$${p.repeatRows[1]}`);
  const r = p.raender ?? SEITENRAENDER;
  layout.leftMargin = punkte(r.links);
  layout.rightMargin = punkte(r.rechts);
  layout.topMargin = punkte(r.oben);
  layout.bottomMargin = punkte(r.unten);
  layout.headerMargin = punkte(r.kopf);
  layout.footerMargin = punkte(r.fuss);
  const fuss = layout.headersFooters.defaultForAllPages;
  fuss.leftFooter = FUSSZEILE.links;
  fuss.rightFooter = FUSSZEILE.rechts;
  for (const z of p.pageBreaksBefore ?? []) blatt.horizontalPageBreaks.add(`A${z}`);
}
