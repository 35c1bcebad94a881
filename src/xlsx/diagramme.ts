/**
 * A small chart-part writer: exceljs cannot write charts, so once exceljs has
 * written the package bytes, the ChartSpecs of the computed sheets are added as plain
 * DrawingML (one drawing per sheet, one chart part per chart). Series are
 * the columns of the data range (first row = names, first column =
 * categories), as Office.js "Auto" does for such ranges. No cached values:
 * Excel and LibreOffice read the cells. Sheets that already have a drawing
 * are left alone.
 */
import JSZip from 'jszip';
import { normalisiereTeil, teilName, verzeichnis } from './paketPfade';
import type { ChartSpec, Grid } from '../workbook/grid';
import { blattImBezug, leseAdresse, letzteSpalte, letzteZeile, spaltenBuchstabe } from '../domain/adresse';

const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_DRAWING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const REL_CHART = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';
const EMU_PRO_PUNKT = 12700;

const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const attr = (tag: string, name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
const abs = (col: number, row: number): string => `$${spaltenBuchstabe(col)}$${row}`;

/** The chart part of one ChartSpec on sheet `blatt`. */
export function chartXml(blatt: string, spec: ChartSpec): string {
  const b = leseAdresse(spec.dataRange);
  if (!b) throw new Error(`Ungültiger Datenbereich ${spec.dataRange} für das Diagramm ${spec.name}.`);
  const s = blattImBezug(blatt);
  const cat = `${s}!${abs(b.spalte, b.zeile + 1)}:${abs(b.spalte, letzteZeile(b))}`;
  const serien: string[] = [];
  for (let col = b.spalte + 1, i = 0; col <= letzteSpalte(b); col++, i++) {
    serien.push(
      `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:strRef><c:f>${xml(`${s}!${abs(col, b.zeile)}`)}</c:f></c:strRef></c:tx>` +
        (spec.type === 'line'
          ? '<c:marker><c:symbol val="circle"/><c:size val="5"/></c:marker>'
          : '<c:invertIfNegative val="0"/>') +
        // a line chart runs over dates (numbers), bar charts over names
        (spec.type === 'line'
          ? `<c:cat><c:numRef><c:f>${xml(cat)}</c:f></c:numRef></c:cat>`
          : `<c:cat><c:strRef><c:f>${xml(cat)}</c:f></c:strRef></c:cat>`) +
        `<c:val><c:numRef><c:f>${xml(`${s}!${abs(col, b.zeile + 1)}:${abs(col, letzteZeile(b))}`)}</c:f></c:numRef></c:val>` +
        (spec.type === 'line' ? '<c:smooth val="0"/>' : '') +
        '</c:ser>',
    );
  }
  const achsen = '<c:axId val="500000001"/><c:axId val="500000002"/>';
  const diagramm =
    spec.type === 'line'
      ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${serien.join('')}<c:marker val="1"/>${achsen}</c:lineChart>`
      : `<c:barChart><c:barDir val="bar"/><c:grouping val="${spec.type === 'stackedBar' ? 'stacked' : 'clustered'}"/><c:varyColors val="0"/>${serien.join('')}` +
        `<c:gapWidth val="80"/>${spec.type === 'stackedBar' ? '<c:overlap val="100"/>' : ''}${achsen}</c:barChart>`;
  const katPos = spec.type === 'line' ? 'b' : 'l';
  const wertPos = spec.type === 'line' ? 'l' : 'b';
  const wertFormat = spec.type === 'stackedBar' ? '0' : '0%';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="de-DE" sz="1200" b="1"/><a:t>${xml(spec.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${diagramm}` +
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="${spec.type === 'line' ? 'minMax' : 'maxMin'}"/></c:scaling><c:delete val="0"/><c:axPos val="${katPos}"/>` +
    `<c:numFmt formatCode="${spec.type === 'line' ? 'DD.MM.YYYY' : 'General'}" sourceLinked="0"/><c:tickLblPos val="${spec.type === 'line' ? 'low' : 'nextTo'}"/><c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>` +
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/>${spec.type === 'stackedBar' ? '' : '<c:min val="0"/>'}</c:scaling><c:delete val="0"/><c:axPos val="${wertPos}"/><c:majorGridlines/>` +
    `<c:numFmt formatCode="${wertFormat}" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="${spec.type === 'line' ? 'r' : 'b'}"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** The drawing part anchoring `charts` (rId1…n) at their anchors. */
export function drawingXml(specs: readonly ChartSpec[]): string {
  const anker = specs
    .map((spec, i) => {
      const b = leseAdresse(spec.anchor);
      if (!b) throw new Error(`Ungültiger Ankerpunkt ${spec.anchor} für das Diagramm ${spec.name}.`);
      return (
        `<xdr:oneCellAnchor><xdr:from><xdr:col>${b.spalte - 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${b.zeile - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
        `<xdr:ext cx="${Math.round(spec.width * EMU_PRO_PUNKT)}" cy="${Math.round(spec.height * EMU_PRO_PUNKT)}"/>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${xml(spec.name)}" title="${xml(spec.title)}" descr="${xml(spec.beschreibung)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS_C}">` +
        `<c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="rId${i + 1}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor>`
      );
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="${NS_A}">${anker}</xdr:wsDr>`;
}

function rels(eintraege: readonly { id: string; type: string; target: string }[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    eintraege.map((e) => `<Relationship Id="${e.id}" Type="${e.type}" Target="${e.target}"/>`).join('') +
    '</Relationships>'
  );
}

/** Elements that must follow <drawing> in a worksheet (CT_Worksheet order). */
const NACH_DRAWING = [
  '<legacyDrawing',
  '<legacyDrawingHF',
  '<drawingHF',
  '<picture',
  '<oleObjects',
  '<controls',
  '<webPublishItems',
  '<tableParts',
  '<extLst',
  '</worksheet>',
];

/** Adds the charts of `grids` to an .xlsx package; returns the new package. */
export async function diagrammeEinfuegen(paket: Uint8Array, grids: readonly Grid[]): Promise<Uint8Array> {
  const mitDiagramm = grids.filter((g) => (g.charts ?? []).length > 0);
  if (mitDiagramm.length === 0) return paket;
  const zip = await JSZip.loadAsync(paket);
  const lies = async (p: string): Promise<string | null> => (zip.file(p) ? ((await zip.file(p)?.async('string')) ?? null) : null);
  const workbook = (await lies('xl/workbook.xml')) ?? '';
  const wbRels = (await lies('xl/_rels/workbook.xml.rels')) ?? '';
  let typen = (await lies('[Content_Types].xml')) ?? '';
  let nDrawing = Object.keys(zip.files).filter((f) => /^xl\/drawings\/drawing\d+\.xml$/.test(f)).length;
  let nChart = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f)).length;

  for (const grid of mitDiagramm) {
    const sheetTag = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]).find((t) => attr(t, 'name') === xml(grid.sheet));
    const rid = sheetTag && (attr(sheetTag, 'r:id') ?? attr(sheetTag, 'id'));
    const relTag = rid
      ? [...wbRels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((t) => attr(t, 'Id') === rid)
      : undefined;
    const ziel = relTag && attr(relTag, 'Target');
    if (!ziel) continue;
    const blattPfad = ziel.startsWith('/') ? ziel.slice(1) : normalisiereTeil(`xl/${ziel}`);
    let blatt = await lies(blattPfad);
    if (blatt === null || blatt.includes('<drawing ')) continue;

    const specs = grid.charts ?? [];
    const drawing = `drawing${++nDrawing}.xml`;
    const chartDateien = specs.map(() => `chart${++nChart}.xml`);
    specs.forEach((spec, i) => zip.file(`xl/charts/${chartDateien[i]}`, chartXml(grid.sheet, spec)));
    zip.file(`xl/drawings/${drawing}`, drawingXml(specs));
    zip.file(
      `xl/drawings/_rels/${drawing}.rels`,
      rels(chartDateien.map((c, i) => ({ id: `rId${i + 1}`, type: REL_CHART, target: `../charts/${c}` }))),
    );

    const relsPfad = `${verzeichnis(blattPfad)}/_rels/${teilName(blattPfad)}.rels`;
    const alteRels = await lies(relsPfad);
    const vorhandeneIds = new Set([...(alteRels ?? '').matchAll(/\bId="([^"]+)"/g)].map((m) => m[1]));
    let n = vorhandeneIds.size + 1;
    while (vorhandeneIds.has(`rId${n}`)) n++;
    const drawingRid = `rId${n}`;
    const neu = `<Relationship Id="${drawingRid}" Type="${REL_DRAWING}" Target="../drawings/${drawing}"/>`;
    zip.file(
      relsPfad,
      alteRels
        ? alteRels.replace('</Relationships>', `${neu}</Relationships>`)
        : rels([{ id: drawingRid, type: REL_DRAWING, target: `../drawings/${drawing}` }]),
    );

    if (!/xmlns:r="/.test(blatt.slice(0, 600))) blatt = blatt.replace('<worksheet ', `<worksheet xmlns:r="${NS_R}" `);
    const pos = Math.min(...NACH_DRAWING.map((t) => blatt?.indexOf(t) ?? -1).filter((i) => i >= 0));
    blatt = `${blatt.slice(0, pos)}<drawing r:id="${drawingRid}"/>${blatt.slice(pos)}`;
    zip.file(blattPfad, blatt);

    typen = typen.replace(
      '</Types>',
      `<Override PartName="/xl/drawings/${drawing}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>` +
        chartDateien
          .map(
            (c) =>
              `<Override PartName="/xl/charts/${c}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`,
          )
          .join('') +
        '</Types>',
    );
  }
  zip.file('[Content_Types].xml', typen);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
