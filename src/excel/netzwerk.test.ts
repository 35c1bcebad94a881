/**
 * Übernehmen into a steering workbook with its own calculated column:
 * new rows are written only across the contract columns, so Excel's
 * calculated column keeps filling them (an empty value written into it
 * would replace the formula in that row).
 */
import { TABLES, TABLE_ORDER, type TableKey } from '../domain/schema';
import type { RawTable, RawValue, RawWorkbook } from '../domain/model';
import { aufteilen, herkunftAlsTabellen, HERKUNFT_INFO_TABELLE, HERKUNFT_ZEILEN_TABELLE, type NetzwerkDatei } from '../domain/netzwerk';
import { beispielTabellen } from '../workbook/beispiel';
import { leseArbeitsmappe } from './lesen';
import { letztenImportRueckgaengig, neueZeilenLaeufe, uebernehmen } from './netzwerk';
import { createFakeExcel, type FakeExcel, type FakeWert } from './testing/fakeExcel';
import { saatAusTabellen } from './testing/saat';

const JETZT = new Date(Date.UTC(2026, 10, 25, 14, 0, 0));
const FORMEL = '=[@Status]="umgesetzt"';
const AP = TABLES.arbeitsplanung.columns.map((c) => c.header);

/** The sample plan; tblArbeitsplanung gets a calculated column "Erledigt" and `leer` blank rows at its end. */
function steuerung(leer: number): FakeExcel {
  const saat = saatAusTabellen(beispielTabellen());
  const tabellen = (saat.tabellen ?? []).map((t) =>
    t.name === 'tblArbeitsplanung'
      ? {
          ...t,
          kopf: [...t.kopf, 'Erledigt'],
          zeilen: [...t.zeilen.map((r): FakeWert[] => [...r, null]), ...Array.from({ length: leer }, (): FakeWert[] => new Array<FakeWert>(t.kopf.length + 1).fill(null))],
        }
      : t,
  );
  const fx = createFakeExcel({ ...saat, tabellen, zahlenErkennen: true });
  const t = fx.tabelle('tblArbeitsplanung')!.tabelle;
  const spalte = t.spalte + t.spalten - 1;
  // Excel fills a calculated column in every body row, blank ones included
  for (let z = t.zeile + 1; z <= t.zeile + t.zeilen; z++) {
    fx.blatt('Arbeitsplanung').zellen.set(`${z},${spalte}`, { wert: '', formel: FORMEL, zahlenformat: 'General', format: {} });
  }
  return fx;
}

/** Network file of HF 3 (contract columns only) with `neu` new Maßnahmen. */
async function netzwerkDatei(fx: FakeExcel, neu: number): Promise<NetzwerkDatei> {
  const raw = await leseArbeitsmappe(fx.context);
  const exp = aufteilen({ ...raw, source: 'gesamt.xlsx' }, 3, { quelle: 'gesamt.xlsx', exportiertAm: JETZT, nurVertragsspalten: true });
  const t = {} as Record<TableKey, RawValue[][]>;
  for (const k of TABLE_ORDER) t[k] = exp.tabellen[k].rows.map((r) => [...r]);
  for (let i = 1; i <= neu; i++) t.arbeitsplanung.push([`3-N${i}`, 3, '3.2', 'Maßnahme', `Neue Maßnahme ${i}`, null, 'mittel', 'Jobcenter', 'Q3', 'geplant', 'nein', '1.10']);
  const tables: RawTable[] = TABLE_ORDER.map((k) => ({ name: TABLES[k].name, sheet: TABLES[k].sheet, headerRow: 1, firstColumn: 1, headers: exp.tabellen[k].headers, rows: t[k] }));
  const marker = herkunftAlsTabellen(exp.herkunft);
  tables.push({ name: HERKUNFT_INFO_TABELLE, sheet: '_Herkunft', headerRow: 1, firstColumn: 1, ...marker.info });
  tables.push({ name: HERKUNFT_ZEILEN_TABELLE, sheet: '_Herkunft', headerRow: 1, firstColumn: 4, ...marker.zeilen });
  const raw2: RawWorkbook = { sheets: [], tables, source: 'HF3.xlsx' };
  return { datei: 'HF3.xlsx', raw: raw2 };
}

describe('uebernehmen: neue Zeilen und eigene Spalten der Steuerungsdatei', () => {
  test('berechnete Spalte behält ihre Formel in neuen Zeilen (Leerzeile am Ende und unter der Tabelle)', async () => {
    const fx = steuerung(1);
    const datei = await netzwerkDatei(fx, 3);
    const vorher = fx.syncs();
    const erg = await uebernehmen(fx.context, [datei], { jetzt: JETZT, unterstuetzt: () => true });
    expect(fx.syncs() - vorher).toBe(2);
    expect(erg.aenderungen.neu.map((n) => n.schluessel)).toEqual(['3-N1', '3-N2', '3-N3']);
    const t = fx.tabelle('tblArbeitsplanung')!;
    const erledigt = t.kopf.indexOf('Erledigt');
    const neu = t.zeilen.map((r, i) => ({ r, zeile: t.tabelle.zeile + 1 + i })).filter(({ r }) => String(r[0]).startsWith('3-N'));
    expect(neu).toHaveLength(3);
    for (const { r, zeile } of neu) {
      // contract columns written (number-like text stays text) …
      expect(r.slice(0, 5)).toEqual([r[0], 3, '3.2', 'Maßnahme', expect.stringMatching(/^Neue Maßnahme/)]);
      expect(r[AP.indexOf('Bemerkung')]).toBe('1.10');
      // … and the calculated column still holds its formula in every new row
      const zelle = fx.zelle('Arbeitsplanung', `${String.fromCharCode(64 + t.tabelle.spalte + erledigt)}${zeile}`);
      expect(zelle?.formel).toBe(FORMEL);
    }
    // the first new row went into the blank row (contract columns only), the others as values below the table
    // (nulls leave the calculated column to Excel), then the table resized over them — no TableRows.add
    const schreiben = fx.protokoll.filter((p) => /^Range\.values Arbeitsplanung!|^TableRows\.add|^Table\.resize/.test(p));
    expect(schreiben).toEqual([
      `Range.values Arbeitsplanung!A${neu[0].zeile}:L${neu[0].zeile}`,
      `Range.values Arbeitsplanung!A${neu[0].zeile + 1}:M${neu[0].zeile + 2}`,
      `Table.resize tblArbeitsplanung A1:M${neu[0].zeile + 2}`,
    ]);
  });

  test('ExcelApi 1.4 (Mindestversion): übernehmen ohne copyFrom/RangeAreas, danach rückgängig', async () => {
    const datei = await netzwerkDatei(steuerung(0), 2);
    const fx = createFakeExcel({ ...saatAusTabellen(beispielTabellen()), zahlenErkennen: true, apiVersion: '1.4' });
    const vorher = fx.tabelle('tblArbeitsplanung')!.zeilen;
    const erg = await uebernehmen(fx.context, [datei], { jetzt: JETZT, unterstuetzt: fx.unterstuetzt });
    expect(erg.sicherungen.length).toBeGreaterThan(0);
    const neu = (): number => fx.tabelle('tblArbeitsplanung')!.zeilen.filter((r) => String(r[0]).startsWith('3-N')).length;
    expect(neu()).toBe(2);
    await letztenImportRueckgaengig(fx.context);
    expect(neu()).toBe(0);
    expect(fx.tabelle('tblArbeitsplanung')!.zeilen).toEqual(vorher);
  });

  test('Spaltenläufe: Vertragsspalten zusammenhängend, eigene Spalten nur mit Wert', () => {
    const kopf = [...AP.slice(0, 3), 'Eigene', ...AP.slice(3), 'Formel'];
    const zeile: RawValue[] = kopf.map((h) => (h === 'Formel' ? null : h === 'Eigene' ? null : 'x'));
    expect(neueZeilenLaeufe('arbeitsplanung', kopf, zeile)).toEqual([
      { von: 0, anzahl: 3 },
      { von: 4, anzahl: AP.length - 3 },
    ]);
    // a value the network file brings for an own column is written
    zeile[3] = 'Notiz aus dem Netzwerk';
    expect(neueZeilenLaeufe('arbeitsplanung', kopf, zeile)).toEqual([{ von: 0, anzahl: AP.length + 1 }]);
  });
});
