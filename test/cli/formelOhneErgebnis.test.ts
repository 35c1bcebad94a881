/**
 * Formula cells stored without a cached result (as exceljs, openpyxl and
 * other tools write them) must not silently read as "no data": pruefen names
 * the cell. A formula whose cached result is empty text ("" from WENN) is a
 * calculated empty value and must not warn.
 */
import ExcelJS from 'exceljs';
import { bearbeite, cli, tempOrdner } from '../xlsx/hilfen';

const tmp = tempOrdner();
afterAll(() => tmp.weg());

/** Sheet row/column of a header cell and the first data row that has a number in it. */
function finde(ws: ExcelJS.Worksheet, kopf: string): { zeile: number; spalte: number } {
  for (let r = 1; r <= 20; r++) {
    for (let c = 1; c <= 30; c++) {
      if (ws.getCell(r, c).value !== kopf) continue;
      for (let z = r + 1; z <= ws.rowCount; z++) if (typeof ws.getCell(z, c).value === 'number') return { zeile: z, spalte: c };
    }
  }
  throw new Error(`${kopf} nicht gefunden`);
}

function spalteVon(ws: ExcelJS.Worksheet, kopf: string): number {
  for (let r = 1; r <= 20; r++) for (let c = 1; c <= 30; c++) if (ws.getCell(r, c).value === kopf) return c;
  throw new Error(`${kopf} nicht gefunden`);
}

interface Befund {
  blatt: string;
  zelle: string;
  spalte: string;
  meldung: string;
}

it('pruefen warns about an Istwert formula without cached result, naming the cell; a cached "" does not warn', async () => {
  const pfad = tmp.datei('formel.xlsx');
  expect((await cli('vorlage', pfad, '--beispiel')).code).toBe(0);
  const vorher = JSON.parse((await cli('pruefen', pfad, '--json')).out) as { warnungen: Befund[] };

  let adresse = '';
  let leerAdresse = '';
  await bearbeite(pfad, (wb) => {
    const ws = wb.getWorksheet('Kennzahlen')!;
    const { zeile, spalte } = finde(ws, 'Istwert');
    const zelle = ws.getCell(zeile, spalte);
    adresse = zelle.address;
    zelle.value = { formula: `${ws.getCell(zeile, spalte - 1).address}*1` } as ExcelJS.CellFormulaValue;
    // Begründung of the same row: a formula whose cached result is empty text
    const begruendung = spalteVon(ws, 'Begründung');
    const leer = ws.getCell(zeile, begruendung);
    leerAdresse = leer.address;
    leer.value = { formula: '""', result: '' } as ExcelJS.CellFormulaValue;
  });

  const r = await cli('pruefen', pfad, '--json');
  expect(r.code).toBe(0);
  const j = JSON.parse(r.out) as { fehler: Befund[]; warnungen: Befund[] };
  expect(j.fehler).toEqual([]);
  const neu = j.warnungen.filter((w) => !vorher.warnungen.some((v) => v.meldung === w.meldung));
  expect(neu).toEqual([
    {
      blatt: 'Kennzahlen',
      zelle: adresse,
      spalte: 'Istwert',
      meldung: `Kennzahlen!${adresse} (Istwert): Die Zelle enthält eine Formel ohne gespeichertes Ergebnis. Bitte die Datei einmal in Excel öffnen und speichern, damit das Ergebnis berechnet wird.`,
    },
  ]);
  expect(j.warnungen.some((w) => w.zelle === leerAdresse)).toBe(false);

  // the human-readable output shows the same message
  const text = await cli('pruefen', pfad);
  expect(text.out).toContain(`Kennzahlen!${adresse} (Istwert): Die Zelle enthält eine Formel ohne gespeichertes Ergebnis.`);
});
