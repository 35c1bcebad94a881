/**
 * The chart-part writer: charts of computed sheets are added to a package
 * written by exceljs; the package stays loadable and its tables readable.
 * (Rendering was checked with LibreOffice: soffice --convert-to pdf.)
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { arbeitsmappe } from '../../src/domain/__tests__/fixtures';
import { berechneKpi, pruefen } from '../../src/domain';
import { verlaufFortschreiben } from '../../src/domain/verlauf';
import { verlaufGrid } from '../../src/workbook/verlaufSheet';
import { schreibeGrid } from '../../src/xlsx';
import { chartXml, diagrammeEinfuegen } from '../../src/xlsx/diagramme';
import { rohdatenAusMappe } from '../../src/workbook/rohdaten';

describe('diagrammeEinfuegen', () => {
  it('adds drawing + chart parts for a grid with a line chart; exceljs still reads the file', async () => {
    const { plan } = pruefen(arbeitsmappe());
    if (!plan) throw new Error('Fixture nicht lesbar');
    const kpi = berechneKpi(plan);
    const zeilen = verlaufFortschreiben(
      verlaufFortschreiben([], kpi, new Date(2026, 0, 5), plan),
      kpi,
      new Date(2026, 5, 5),
      plan,
    );
    const grid = verlaufGrid(zeilen, { berechnetAm: new Date(2026, 5, 5), quelle: 'test.xlsx' });
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Vorher');
    schreibeGrid(wb, grid);
    const vorher = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);

    const nachher = await diagrammeEinfuegen(vorher, [grid]);
    const zip = await JSZip.loadAsync(nachher);
    const chart = await zip.file('xl/charts/chart1.xml')?.async('string');
    expect(chart).toContain('<c:lineChart>');
    expect(chart).toContain("<c:f>'KPI Verlauf'!$Q$5</c:f>");
    expect(chart).toContain('Zielerreichung im Verlauf');
    const typen = await zip.file('[Content_Types].xml')?.async('string');
    expect(typen).toContain('/xl/charts/chart1.xml');
    expect(typen).toContain('/xl/drawings/drawing1.xml');
    const blatt = await zip.file('xl/worksheets/sheet2.xml')?.async('string');
    expect(blatt).toMatch(/<drawing r:id="rId\d+"\/><tableParts/);
    const rels = await zip.file('xl/worksheets/_rels/sheet2.xml.rels')?.async('string');
    expect(rels).toContain('../drawings/drawing1.xml');
    expect(rels).toContain('../tables/');

    const wieder = new ExcelJS.Workbook();
    await wieder.xlsx.load(nachher as unknown as ArrayBuffer);
    const raw = rohdatenAusMappe(wieder, 'x.xlsx');
    expect(raw.tables.find((t) => t.name === 'tblVerlauf')?.rows).toHaveLength(6);
  });

  it('leaves packages without charts unchanged and writes bar charts with names as categories', async () => {
    const leer = new Uint8Array([1, 2, 3]);
    expect(await diagrammeEinfuegen(leer, [{ sheet: 'KPI Verlauf', columnWidths: [], rows: [] }])).toBe(leer);
    const x = chartXml('KPI Übersicht', {
      name: 'D',
      title: 'Status',
      beschreibung: 'Status je HF',
      type: 'stackedBar',
      dataRange: 'A20:F28',
      anchor: 'H20',
      width: 400,
      height: 200,
    });
    expect(x).toContain('<c:grouping val="stacked"/>');
    expect(x).toContain("<c:strRef><c:f>'KPI Übersicht'!$A$21:$A$28</c:f></c:strRef>");
    expect((x.match(/<c:ser>/g) ?? []).length).toBe(5);
  });
});
