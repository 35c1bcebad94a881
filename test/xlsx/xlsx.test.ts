import { writeFileSync, mkdirSync, readFileSync } from 'fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { isCellError, pruefen } from '../../src/domain';
import { SHEETS, TABLES } from '../../src/domain/schema';
import { DATA_SHEETS } from '../../src/workbook/layout';
import { beispielTabellen, vorlageTabellen } from '../../src/workbook/beispiel';
import type { Grid } from '../../src/workbook/grid';
import { DateiFehler, ladeMappe, normalisierePaket, schreibeGrid, schreibeVorlage } from '../../src/xlsx';
import { ladeArbeitsmappe } from '../../src/cli/dateiLaden';
import { speichereArbeitsmappe } from '../../src/cli/speichern';
import { bearbeite, schreibeMappe, tabellenModell, tempOrdner } from './hilfen';
import { rohdatenAusMappe } from '../../src/workbook/rohdaten';

const tmp = tempOrdner();
afterAll(() => tmp.weg());

describe('ladeArbeitsmappe: unreadable files become a German DateiFehler', () => {
  const faelle: [string, () => string, string, RegExp][] = [
    ['missing', () => tmp.datei('gibt-es-nicht.xlsx'), 'fehlt', /nicht gefunden/],
    ['empty', () => (writeFileSync(tmp.datei('leer.xlsx'), ''), tmp.datei('leer.xlsx')), 'leer', /ist leer/],
    ['plain text', () => (writeFileSync(tmp.datei('text.xlsx'), 'Nr;HF\n1;2\n'), tmp.datei('text.xlsx')), 'keinXlsx', /keine Excel-Arbeitsmappe/],
    [
      'encrypted / OLE',
      () => (writeFileSync(tmp.datei('geschuetzt.xlsx'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])), tmp.datei('geschuetzt.xlsx')),
      'verschluesselt',
      /kennwortgeschützt/,
    ],
    [
      'corrupt zip',
      () => (writeFileSync(tmp.datei('kaputt.xlsx'), Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)])), tmp.datei('kaputt.xlsx')),
      'beschaedigt',
      /beschädigt/,
    ],
    ['directory', () => (mkdirSync(tmp.datei('ordner.xlsx'), { recursive: true }), tmp.datei('ordner.xlsx')), 'ordner', /Ordner/],
  ];
  it.each(faelle)('%s', async (_name, mache, art, text) => {
    const pfad = mache();
    const e = await ladeArbeitsmappe(pfad).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DateiFehler);
    expect((e as DateiFehler).art).toBe(art);
    expect((e as DateiFehler).message).toMatch(text);
    expect((e as DateiFehler).message).not.toMatch(/\n/);
  });

  it('a zip that is no workbook', async () => {
    const zip = new JSZip();
    zip.file('hallo.txt', 'kein Excel');
    writeFileSync(tmp.datei('zip.xlsx'), await zip.generateAsync({ type: 'nodebuffer' }));
    const e = await ladeArbeitsmappe(tmp.datei('zip.xlsx')).catch((x: unknown) => x);
    expect((e as DateiFehler).art).toBe('keinXlsx');
  });
});

describe('ladeMappe: the same German DateiFehler from bytes alone (the task pane has no file system)', () => {
  const ohneWorkbook = async (): Promise<Uint8Array> => {
    const zip = new JSZip();
    zip.file('hallo.txt', 'kein Excel');
    return zip.generateAsync({ type: 'uint8array' });
  };
  const faelle: [string, () => Promise<Uint8Array>, string, RegExp][] = [
    ['empty', async () => new Uint8Array(0), 'leer', /„HF3\.xlsx“ ist leer/],
    ['plain text', async () => new TextEncoder().encode('Nr;HF\n1;2\n'), 'keinXlsx', /keine Excel-Arbeitsmappe/],
    ['encrypted / OLE', async () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), 'verschluesselt', /kennwortgeschützt/],
    ['corrupt zip', async () => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...new Array<number>(200).fill(7)]), 'beschaedigt', /beschädigt/],
    ['a zip that is no workbook', ohneWorkbook, 'keinXlsx', /ZIP-Archiv, aber keine Excel-Arbeitsmappe/],
  ];
  it.each(faelle)('%s', async (_name, bytes, art, text) => {
    const roh = await bytes();
    const e = await ladeMappe(roh.slice().buffer, 'HF3.xlsx').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DateiFehler);
    expect((e as DateiFehler).art).toBe(art);
    expect((e as DateiFehler).pfad).toBe('HF3.xlsx');
    expect((e as DateiFehler).message).toMatch(text);
  });

  it('shows the file name of a path, keeps the path in DateiFehler.pfad', async () => {
    const e = (await ladeMappe(new Uint8Array(0), '/daten/netz/HF3.xlsx').catch((x: unknown) => x)) as DateiFehler;
    expect(e.message).toMatch(/^Die Datei „HF3\.xlsx“ ist leer/);
    expect(e.pfad).toBe('/daten/netz/HF3.xlsx');
  });
});

describe('normalisation of packages written by other tools', () => {
  /** Rewrites the package as openpyxl writes it: absolute table targets, no headerRowCount. */
  async function wieOpenpyxl(buf: Buffer): Promise<Buffer> {
    const zip = await JSZip.loadAsync(buf);
    let absolut = 0;
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/_rels\/.*\.rels$/.test(n))) {
      const xml = await zip.file(name)!.async('string');
      const neu = xml.replace(/Target="\.\.\/tables\/([^"]+)"/g, (_m, t: string) => (absolut++, `Target="/xl/tables/${t}"`));
      zip.file(name, neu);
    }
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/tables\/.*\.xml$/.test(n))) {
      const xml = await zip.file(name)!.async('string');
      zip.file(name, xml.replace(/ headerRowCount="1"/, ''));
    }
    expect(absolut).toBeGreaterThanOrEqual(6);
    return zip.generateAsync({ type: 'nodebuffer' });
  }

  it('plain exceljs crashes on absolute table targets; ladeArbeitsmappe reads them', async () => {
    await schreibeMappe(tmp.datei('basis.xlsx'));
    const fremd = await wieOpenpyxl(readFileSync(tmp.datei('basis.xlsx')));
    writeFileSync(tmp.datei('openpyxl.xlsx'), fremd);

    // the fixture really reproduces the exceljs 4.4 bug
    const roh = new ExcelJS.Workbook();
    await expect(roh.xlsx.load(fremd as unknown as ExcelJS.Buffer)).rejects.toThrow(/name/);

    const wb = await ladeArbeitsmappe(tmp.datei('openpyxl.xlsx'));
    const raw = rohdatenAusMappe(wb, 'openpyxl.xlsx');
    const ap = raw.tables.find((t) => t.name === 'tblArbeitsplanung')!;
    expect(ap.headers).toEqual(TABLES.arbeitsplanung.columns.map((c) => c.header));
    expect(ap.rows).toHaveLength(beispielTabellen().arbeitsplanung.length);
    expect(pruefen(raw).findings.filter((f) => f.schwere === 'Fehler')).toEqual([]);
  });

  it('tables without headerRowCount keep their header row when written back', async () => {
    const fremd = readFileSync(tmp.datei('openpyxl.xlsx'));
    const norm = await normalisierePaket(fremd);
    const zip = await JSZip.loadAsync(norm);
    const tabellen = Object.keys(zip.files).filter((n) => /^xl\/tables\/.*\.xml$/.test(n));
    for (const t of tabellen) expect(await zip.file(t)!.async('string')).toMatch(/headerRowCount="1"/);
    const rels = await zip.file('xl/worksheets/_rels/sheet3.xml.rels')!.async('string');
    expect(rels).toMatch(/Target="\.\.\/tables\/table\d+\.xml"/);

    const wb = await ladeArbeitsmappe(tmp.datei('openpyxl.xlsx'));
    await speichereArbeitsmappe(wb, tmp.datei('zurueck.xlsx'));
    const zurueck = rohdatenAusMappe(await ladeArbeitsmappe(tmp.datei('zurueck.xlsx')));
    expect(zurueck.tables.find((t) => t.name === 'tblZiele')!.headers[0]).toBe('HF-Nr');
  });

  it('tables without tableStyleInfo (as LibreOffice writes them) can be written back', async () => {
    const zip = await JSZip.loadAsync(readFileSync(tmp.datei('basis.xlsx')));
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/tables\/.*\.xml$/.test(n))) {
      const xml = await zip.file(name)!.async('string');
      zip.file(name, xml.replace(/<tableStyleInfo[^>]*\/>/, ''));
    }
    writeFileSync(tmp.datei('libreoffice.xlsx'), await zip.generateAsync({ type: 'nodebuffer' }));
    const wb = await ladeArbeitsmappe(tmp.datei('libreoffice.xlsx'));
    await speichereArbeitsmappe(wb, tmp.datei('libreoffice-zurueck.xlsx'));
    const raw = rohdatenAusMappe(await ladeArbeitsmappe(tmp.datei('libreoffice-zurueck.xlsx')));
    expect(raw.tables.map((t) => t.name).sort()).toEqual(Object.values(TABLES).map((t) => t.name).sort());
  });

  it('leaves a package that needs nothing unchanged (same buffer)', async () => {
    const buf = readFileSync(tmp.datei('basis.xlsx'));
    expect(await normalisierePaket(buf)).toBe(buf);
  });
});

describe('rohdatenAusMappe', () => {
  it('reads formulas by cached result, errors, rich text, hyperlinks, dates and added rows/columns', async () => {
    const pfad = tmp.datei('werte.xlsx');
    await schreibeMappe(pfad);
    await bearbeite(pfad, (wb) => {
      const ws = wb.getWorksheet(SHEETS.kennzahlen)!;
      const m = tabellenModell(wb, SHEETS.kennzahlen, 'tblKennzahlen');
      // G2 Zielwert as formula with cached result; H3 Istwert an error value
      ws.getCell('G2').value = { formula: '3*2', result: 6 } as ExcelJS.CellFormulaValue;
      ws.getCell('H3').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
      ws.getCell('C4').value = { richText: [{ text: 'Fett ', font: { bold: true } }, { text: 'und normal' }] };
      ws.getCell('J5').value = { text: 'Statistik-Portal', hyperlink: 'https://example.org' };
      ws.getCell('I6').value = new Date(Date.UTC(2026, 2, 15));
      // a row appended below the table with the ref extended, and an extra user column
      const last = Number(/\d+$/.exec(m.tableRef)![0]);
      const row = last + 1;
      ['K9.9.9', '8.2', 'Neue Kennzahl', 'Anzahl', 'Output', null, 10, 5].forEach((v, i) => (ws.getCell(row, i + 1).value = v));
      ws.getCell(1, 13).value = 'Notiz';
      ws.getCell(row, 13).value = 'von Hand';
      m.tableRef = `A1:M${row}`;
      m.autoFilterRef = m.tableRef;
      m.columns.push({ name: 'Notiz', filterButton: true });
    });
    const raw = rohdatenAusMappe(await ladeArbeitsmappe(pfad), 'werte.xlsx');
    const t = raw.tables.find((x) => x.name === 'tblKennzahlen')!;
    expect(t.headers.at(-1)).toBe('Notiz');
    const col = (h: string) => t.headers.indexOf(h);
    expect(t.rows[0][col('Zielwert')]).toBe(6);
    expect(isCellError(t.rows[1][col('Istwert')])).toBe(true);
    expect(t.rows[1][col('Istwert')]).toEqual({ error: '#REF!' });
    expect(t.rows[2][col('Kennzahl')]).toBe('Fett und normal');
    expect(t.rows[3][col('Datenquelle')]).toBe('Statistik-Portal');
    expect(t.rows[4][col('Stichtag')]).toEqual(new Date(Date.UTC(2026, 2, 15)));
    const neu = t.rows.at(-1)!;
    expect(neu[0]).toBe('K9.9.9');
    expect(neu[col('Notiz')]).toBe('von Hand');
    expect(t.rows).toHaveLength(beispielTabellen().kennzahlen.length + 1);
    expect(raw.sheets).toEqual(DATA_SHEETS.map((s) => s.name));
  });
});

describe('schreibeVorlage', () => {
  it('writes real tables, list validations on the table rows only and the Maßnahme/Wirkung format', async () => {
    const pfad = tmp.datei('vorlage-struktur.xlsx');
    await schreibeMappe(pfad, false);
    const zip = await JSZip.loadAsync(readFileSync(pfad));
    const sheet3 = await zip.file('xl/worksheets/sheet3.xml')!.async('string'); // Arbeitsplanung
    // nothing below the table (co-authoring); Excel carries the rule into new table rows
    expect(sheet3).toContain(`sqref="D2:D${1 + Math.max(1, vorlageTabellen().arbeitsplanung?.length ?? 0)}"`);
    expect(sheet3).toContain('&quot;Maßnahme,Wirkung&quot;');
    expect(sheet3).toContain('INDIRECT(&quot;tblZiele[Handlungsziel-ID]&quot;)');
    expect(sheet3).toMatch(/<conditionalFormatting sqref="A2:L\d+">/);
    expect(sheet3).toContain('$D2=&quot;Maßnahme&quot;');
    expect(sheet3).toContain('<pane ySplit="1"');
    const styles = await zip.file('xl/styles.xml')!.async('string');
    expect(styles).toContain('FFDDEBF7');
    expect(styles).toContain('FFE2EFDA');
  });
});

describe('schreibeVorlage: alignment', () => {
  it('centres HF-Nr and ID columns so "1" does not run into the text beside it; text columns keep the default', async () => {
    const pfad = tmp.datei('vorlage-ausrichtung.xlsx');
    await schreibeMappe(pfad);
    const wb = await ladeArbeitsmappe(pfad);
    const h = (blatt: string, zelle: string) => wb.getWorksheet(blatt)!.getCell(zelle).alignment?.horizontal;
    expect(h('Stammdaten', 'A2')).toBe('center');
    expect(h('Ziele', 'A2')).toBe('center');
    expect(h('Ziele', 'D2')).toBe('center');
    expect(h('Arbeitsplanung', 'A2')).toBe('center');
    expect(h('Arbeitsplanung', 'B2')).toBe('center');
    expect(h('Kennzahlen', 'A2')).toBe('center');
    expect(h('Stammdaten', 'B2')).toBeUndefined();
    expect(h('Arbeitsplanung', 'E2')).toBeUndefined();
    // the column style carries it to rows typed later
    expect(wb.getWorksheet('Arbeitsplanung')!.getColumn(2).alignment?.horizontal).toBe('center');
  });
});

describe('text that looks like a formula', () => {
  it('is written as text, never as a formula', async () => {
    const t = beispielTabellen();
    t.arbeitsplanung[0][4] = '=HYPERLINK("http://example.org";"klick")';
    t.arbeitsplanung[1][11] = '+49 5971 939-0';
    t.arbeitsplanung[2][11] = '@Team Sprache';
    const wb = new ExcelJS.Workbook();
    schreibeVorlage(wb, t);
    await speichereArbeitsmappe(wb, tmp.datei('formeltext.xlsx'));
    const zip = await JSZip.loadAsync(readFileSync(tmp.datei('formeltext.xlsx')));
    expect(await zip.file('xl/worksheets/sheet3.xml')!.async('string')).not.toMatch(/<f>/);
    const ap = rohdatenAusMappe(await ladeArbeitsmappe(tmp.datei('formeltext.xlsx'))).tables.find((x) => x.name === 'tblArbeitsplanung')!;
    expect(ap.rows[0][4]).toBe('=HYPERLINK("http://example.org";"klick")');
    expect(ap.rows[1][11]).toBe('+49 5971 939-0');
    expect(ap.rows[2][11]).toBe('@Team Sprache');
  });
});

describe('speichereArbeitsmappe', () => {
  it('a missing target folder is a DateiFehler, no partial file', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x');
    const e = await speichereArbeitsmappe(wb, tmp.datei('gibt/es/nicht.xlsx')).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DateiFehler);
    expect((e as DateiFehler).message).toMatch(/kann nicht geschrieben werden: der Ordner existiert nicht/);
  });
});

describe('schreibeGrid', () => {
  const grid = (wert: string): Grid => ({
    sheet: SHEETS.kpiUebersicht,
    columnWidths: [20, 10],
    rows: [[{ v: wert, s: 'titel' }], [{ v: 'grün', s: 'ampelGruen' }, { v: 0.5, s: 'prozent' }]],
    merges: ['A1:B1'],
    freezeRows: 1,
    print: { landscape: true, paper: 'A4', fitToWidth: true, repeatRows: [2, 2], pageBreaksBefore: [2] },
  });

  it('puts a new computed sheet behind the data sheets and replaces it in place later', async () => {
    const pfad = tmp.datei('grid.xlsx');
    await schreibeMappe(pfad);
    await bearbeite(pfad, (wb) => {
      wb.addWorksheet('Notizen').getCell('A1').value = '=nicht anfassen';
    });
    const wb = await ladeArbeitsmappe(pfad);
    const vorher = rohdatenAusMappe(wb);
    schreibeGrid(wb, grid('erste Fassung'));
    await speichereArbeitsmappe(wb, tmp.datei('grid2.xlsx'));

    const wb2 = await ladeArbeitsmappe(tmp.datei('grid2.xlsx'));
    expect(wb2.worksheets.map((w) => w.name)).toEqual([...DATA_SHEETS.map((s) => s.name), SHEETS.kpiUebersicht, 'Notizen']);
    schreibeGrid(wb2, grid('zweite Fassung'));
    await speichereArbeitsmappe(wb2, tmp.datei('grid3.xlsx'));

    const wb3 = await ladeArbeitsmappe(tmp.datei('grid3.xlsx'));
    expect(wb3.worksheets.map((w) => w.name)).toEqual([...DATA_SHEETS.map((s) => s.name), SHEETS.kpiUebersicht, 'Notizen']);
    const ws = wb3.getWorksheet(SHEETS.kpiUebersicht)!;
    expect(ws.getCell('A1').value).toBe('zweite Fassung');
    expect(ws.getCell('A2').fill).toMatchObject({ fgColor: { argb: 'FFC6EFCE' } });
    expect(ws.getCell('B2').numFmt).toBe('0%');
    expect(ws.getCell('A1').isMerged).toBe(true);
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(wb3.getWorksheet('Notizen')!.getCell('A1').value).toBe('=nicht anfassen');
    // data tables read back identically
    const nachher = rohdatenAusMappe(wb3);
    expect(nachher.tables).toEqual(vorher.tables);
  });
});

describe('data validations are read as the ranges of the file', () => {
  const UEBERLAPPEND =
    '<dataValidation type="list" allowBlank="1" sqref="A2:C10"><formula1>"x,y"</formula1></dataValidation>' +
    '<dataValidation type="list" allowBlank="1" sqref="B2:B10 E2 E4:E6"><formula1>"z"</formula1></dataValidation>';

  async function mitPruefungen(name: string, elemente: string[]): Promise<string> {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Blatt').getCell('A1').value = 'Kopf';
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    zip.file('xl/worksheets/sheet1.xml', xml.replace('<pageMargins', `<dataValidations count="${elemente.length}">${elemente.join('')}</dataValidations><pageMargins`));
    writeFileSync(tmp.datei(name), await zip.generateAsync({ type: 'nodebuffer' }));
    return tmp.datei(name);
  }
  const regeln = (wb: ExcelJS.Workbook) =>
    Object.entries((wb.getWorksheet('Blatt') as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }).dataValidations.model).map(
      ([k, v]) => [k, v.formulae[0]],
    );

  it('a later rule wins overlapping cells; each rule keeps its ranges, also after saving', async () => {
    const wb = await ladeArbeitsmappe(await mitPruefungen('pruefungen.xlsx', [UEBERLAPPEND]));
    const erwartet = [
      ['A2:A10', '"x,y"'],
      ['C2:C10', '"x,y"'],
      ['B2:B10', '"z"'],
      ['E2', '"z"'],
      ['E4:E6', '"z"'],
    ];
    expect(regeln(wb)).toEqual(erwartet);
    await speichereArbeitsmappe(wb, tmp.datei('pruefungen-zurueck.xlsx'));
    // exceljs writes the rules sorted by address, so they come back in that order
    const sortiert = (x: string[][]) => [...x].sort((a, b) => a[0].localeCompare(b[0]));
    expect(sortiert(regeln(await ladeArbeitsmappe(tmp.datei('pruefungen-zurueck.xlsx'))))).toEqual(sortiert(erwartet));
  });

  it('an address form the range reader does not take is kept as exceljs reads it', async () => {
    const wb = await ladeArbeitsmappe(await mitPruefungen('pruefungen-absolut.xlsx', [UEBERLAPPEND, '<dataValidation type="list" sqref="$G$2"><formula1>"w"</formula1></dataValidation>']));
    expect(regeln(wb)).toEqual([
      ['$G$2', '"w"'],
      ['A2:A10', '"x,y"'],
      ['C2:C10', '"x,y"'],
      ['B2:B10', '"z"'],
      ['E2', '"z"'],
      ['E4:E6', '"z"'],
    ]);
  });
});
