/**
 * Selbsttest: one probe for every assumption the adapter makes about the
 * host, run in the user's real Excel on a temporary hidden sheet that is
 * removed afterwards (also when a probe fails). Each probe is its own
 * request, so one failure does not hide the others; the user's data is not
 * touched (the custom document property it adds is deleted again).
 */
import { DATA_SHEETS } from '../workbook/layout';
import type { Gueltigkeit } from '../workbook/gueltigkeit';
import { SPALTENTITEL_PRAEFIX } from '../workbook/spaltentitel';
import { officeUnterstuetzt, type IstUnterstuetzt } from './requirements';
import { seiteEinrichten } from './seitenlayout';
import { blattImBezug } from '../domain/adresse';
import { MARKE, MARKE_RAHMEN } from './formate';

export interface Probe {
  /** German name of what was tried */
  readonly name: string;
  readonly ok: boolean;
  /** Office.js error code when it failed */
  readonly code?: string;
  /** German detail (what came back, or the error text) */
  readonly hinweis?: string;
}

export interface SelbsttestOptionen {
  readonly unterstuetzt?: IstUnterstuetzt;
  /** is Excel.createWorkbook available (the task pane knows, the adapter does not) */
  readonly neueMappeMoeglich?: () => boolean;
  /** name of the temporary sheet (tests) */
  readonly blattName?: string;
}

/** What co-authors may notice; say it before starting. */
const EIGENSCHAFT = 'Integrationsmonitor Selbsttest';

function laengsteGueltigkeit(): Gueltigkeit {
  const alle = DATA_SHEETS.flatMap((s) => s.tables.flatMap((t) => t.columns.flatMap((c) => (c.gueltigkeit ? [c.gueltigkeit] : []))));
  const laenge = (g: Gueltigkeit): number => g.fehler.meldung.length + g.eingabe.meldung.length;
  return alle.reduce((a, b) => (laenge(b) > laenge(a) ? b : a));
}

function fehlerCode(e: unknown): string {
  const c = (e as { code?: unknown } | null)?.code;
  return typeof c === 'string' ? c : 'Fehler';
}

function fehlerText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Runs every probe; never throws for a failed probe (only the list says so). */
export async function selbsttest(context: Excel.RequestContext, optionen: SelbsttestOptionen = {}): Promise<Probe[]> {
  const unterstuetzt = optionen.unterstuetzt ?? officeUnterstuetzt;
  const name = optionen.blattName ?? `Selbsttest ${Date.now() % 1_000_000}`;
  const proben: Probe[] = [];
  const probe = async (titel: string, f: () => Promise<string | void>): Promise<boolean> => {
    try {
      const hinweis = await f();
      proben.push(hinweis ? { name: titel, ok: true, hinweis } : { name: titel, ok: true });
      return true;
    } catch (e) {
      proben.push({ name: titel, ok: false, code: fehlerCode(e), hinweis: fehlerText(e) });
      return false;
    }
  };

  let ws: Excel.Worksheet | null = null;
  const angelegt = await probe('Verborgenes Blatt anlegen', async () => {
    ws = context.workbook.worksheets.add(name);
    ws.visibility = 'Hidden' as Excel.SheetVisibility;
    await context.sync();
  });
  try {
    if (angelegt && ws) {
      const blatt: Excel.Worksheet = ws;
      await probe('Adressliste mit „,“ (getRanges)', async () => {
        blatt.getRanges('A1:A2, C1').format.font.bold = true;
        await context.sync();
      });
      await probe('Adressliste mit „;“ (getRanges)', async () => {
        blatt.getRanges('A1:A2; C1').format.font.bold = true;
        await context.sync();
      });
      await probe('Blattname „KPI Verlauf“', async () => {
        const vorhanden = context.workbook.worksheets.getItemOrNullObject('KPI Verlauf');
        await context.sync();
        if (!vorhanden.isNullObject) return 'Blatt gibt es schon';
        blatt.name = 'KPI Verlauf';
        await context.sync();
        blatt.name = name;
        await context.sync();
      });
      let tabelle: Excel.Table | null = null;
      await probe('Tabelle anlegen, direkt darunter schreiben', async () => {
        blatt.getRange('A10:B11').values = [
          ['Spalte A', 'Spalte B'],
          ['a', 1],
        ];
        const t = blatt.tables.add(blatt.getRange('A10:B11'), true);
        tabelle = t;
        blatt.getRange('A12:B12').values = [['b', 2]];
        const r = t.getRange().load('address');
        await context.sync();
        return `Tabelle danach: ${r.address.split('!').pop() ?? r.address}`;
      });
      await probe('Tabelle vergrößern (resize) und Ergebniszeile', async () => {
        const t = tabelle;
        if (!t) throw new Error('keine Tabelle (vorige Probe gescheitert)');
        t.resize(blatt.getRange('A10:B13'));
        t.showTotals = true;
        const r = t.getRange().load('address');
        await context.sync();
        return `Tabelle danach: ${r.address.split('!').pop() ?? r.address}`;
      });
      await probe('Lesen über Namen in einer Anfrage (getItemOrNullObject, getRow, getRowsBelow, Spalte nach Name)', async () => {
        const t = tabelle;
        if (!t) throw new Error('keine Tabelle (vorige Probe gescheitert)');
        t.load('name');
        await context.sync();
        // a missing table: the ranges reached from it are null objects too, and loading them fails nothing
        const fehlt = context.workbook.tables.getItemOrNullObject('tblGibtEsNichtSelbsttest');
        const fehltKopf = fehlt.getRange().getRow(0).load('values');
        const fehltDarunter = fehlt.getDataBodyRange().getRowsBelow(2).load('values');
        const da = context.workbook.tables.getItemOrNullObject(t.name);
        const kopf = da.getRange().getRow(0).load('values');
        const darunter = da.getDataBodyRange().getRowsBelow(2).load('address');
        const spalte = da.columns.getItemOrNullObject('Spalte B').getDataBodyRange().load('values');
        const keineSpalte = da.columns.getItemOrNullObject('Spalte X').getDataBodyRange().load('values');
        await context.sync();
        if (!fehlt.isNullObject || !fehltKopf.isNullObject || !fehltDarunter.isNullObject || !keineSpalte.isNullObject) throw new Error('fehlende Tabelle oder Spalte nicht als Null-Objekt gemeldet');
        return `Kopf ${JSON.stringify(kopf.values[0])}, darunter ${darunter.address.split('!').pop() ?? darunter.address}, Spalte B ${JSON.stringify(spalte.values.map((r) => r[0]))}`;
      });
      await probe('Datenüberprüfung (Liste) mit Fehler- und Eingabemeldung', async () => {
        // the layout's longest texts, so a host limit on their length shows here and not in Einrichten
        const g = laengsteGueltigkeit();
        const dv = blatt.getRange('D1:D3').dataValidation;
        dv.rule = { list: { inCellDropDown: true, source: 'ja,nein' } };
        dv.errorAlert = { showAlert: true, style: 'Warning' as Excel.DataValidationAlertStyle, title: g.fehler.titel, message: g.fehler.meldung };
        dv.prompt = { showPrompt: true, title: g.eingabe.titel, message: g.eingabe.meldung };
        await context.sync();
      });
      await probe('Namen für Spaltenüberschriften anlegen und löschen', async () => {
        const name = `${SPALTENTITEL_PRAEFIX}Selbsttest_1`;
        context.workbook.names.add(name, blatt.getRange('D1'));
        await context.sync();
        context.workbook.names.getItem(name).delete();
        await context.sync();
      });
      await probe('Namen verschieben (NamedItem.formula)', async () => {
        const titel = `${SPALTENTITEL_PRAEFIX}Selbsttest_2`;
        context.workbook.names.add(titel, blatt.getRange('D1'));
        await context.sync();
        const n = context.workbook.names.getItem(titel);
        try {
          n.formula = `=${blattImBezug(name)}!$D$5`;
          n.load('formula');
          await context.sync();
          const formel = String(n.formula);
          if (!/!\$D\$5$/.test(formel)) throw new Error(`Zurückgelesen: ${formel}`);
        } finally {
          // the name goes even when moving it failed
          context.workbook.names.getItem(titel).delete();
          await context.sync();
        }
      });
      await probe('Formate über Suchmarken (findAll, vollständig und als Teil), dann die Werte', async () => {
        const r = blatt.getRange('A30:C31');
        r.values = [
          [`${MARKE_RAHMEN}0`, `${MARKE}1`, `${MARKE_RAHMEN}0`],
          [`${MARKE}1`, '', `${MARKE_RAHMEN}0`],
        ];
        blatt.findAll(MARKE_RAHMEN, { completeMatch: false, matchCase: true }).format.fill.color = '#E2EFDA';
        blatt.findAll(`${MARKE}1`, { completeMatch: true, matchCase: true }).format.font.bold = true;
        r.values = [
          ['a', 'b', 'c'],
          ['d', '', 'f'],
        ];
        const zellen = ['A30', 'B30', 'C31', 'A31'].map((a) => {
          const z = blatt.getRange(a);
          z.load('values');
          z.format.fill.load('color');
          z.format.font.load('bold');
          return z;
        });
        await context.sync();
        const [a30, b30, c31, a31] = zellen;
        const gefuellt = (z: Excel.Range): boolean => z.format.fill.color.toUpperCase() === '#E2EFDA';
        const fehler: string[] = [];
        if (!gefuellt(a30) || !gefuellt(c31)) fehler.push('Teilsuche hat nicht alle Zellen gefunden');
        if (gefuellt(b30)) fehler.push('Teilsuche hat eine fremde Marke gefunden');
        if (!b30.format.font.bold || !a31.format.font.bold) fehler.push('vollständige Suche hat nicht alle Zellen gefunden');
        if (a30.format.font.bold) fehler.push('vollständige Suche hat eine fremde Marke gefunden');
        if (a30.values[0][0] !== 'a' || c31.values[0][0] !== 'f') fehler.push(`Werte: ${String(a30.values[0][0])}, ${String(c31.values[0][0])}`);
        if (fehler.length > 0) throw new Error(fehler.join('; '));
      });
      await probe('Seitenlayout: A4 quer, Ränder, Drucktitel, Fußzeile', async () => {
        seiteEinrichten(blatt, DATA_SHEETS[0].print);
        await context.sync();
      });
      await probe('Bedingte Formatierung (Formel)', async () => {
        const cf = blatt.getRange('D1:D3').conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
        cf.custom.rule.formula = '=$D1="ja"';
        cf.custom.format.fill.color = '#E2EFDA';
        await context.sync();
      });
      await probe('Zellen zeilenweise verbinden', async () => {
        blatt.getRange('F1:G2').merge(true);
        await context.sync();
      });
      await probe('Blattschutz an und aus', async () => {
        blatt.protection.protect({ allowFormatColumns: true, allowFormatRows: true });
        await context.sync();
        blatt.protection.unprotect();
        await context.sync();
      });
      await probe('Diagramm anlegen, Daten mit Reihen je Spalte', async () => {
        blatt.getRange('I1:K3').values = [
          ['Datum', 'HF 1', 'HF 2'],
          ['01.01.', 1, 2],
          ['01.02.', 2, 3],
        ];
        const c = blatt.charts.add('Line' as Excel.ChartType, blatt.getRange('I1:K3'), 'Columns' as Excel.ChartSeriesBy);
        c.setData(blatt.getRange('I1:K3'), 'Columns' as Excel.ChartSeriesBy);
        await context.sync();
      });
      await probe("Text mit „'“-Präfix und „=“-Text bleiben Text", async () => {
        const r = blatt.getRange('A20:C20');
        r.values = [["'1.10", "'=A1", "'Mai 2025"]];
        r.load('values');
        await context.sync();
        const [w] = r.values;
        if (w[0] !== '1.10' || w[1] !== '=A1' || w[2] !== 'Mai 2025') throw new Error(`Zurückgelesen: ${JSON.stringify(w)}`);
      });
      await probe('null in einer Matrix lässt die Zelle unverändert', async () => {
        blatt.getRange('A21').values = [['bleibt']];
        const r = blatt.getRange('A21:B21');
        r.values = [[null as unknown as string, 'neu']];
        r.load('values');
        await context.sync();
        if (r.values[0][0] !== 'bleibt') throw new Error(`Zurückgelesen: ${JSON.stringify(r.values[0])}`);
      });
      await probe('Zahlenformate', async () => {
        const r = blatt.getRange('A22:C22');
        r.numberFormat = [['#,##0', '#,##0.0#', 'DD.MM.YYYY']];
        r.load('numberFormat');
        await context.sync();
        return `Zurückgelesen: ${r.numberFormat[0].join(' | ')}`;
      });
    }
    await probe('Benutzerdefinierte Dokumenteigenschaft', async () => {
      context.workbook.properties.custom.add(EIGENSCHAFT, 'ok');
      await context.sync();
      const p = context.workbook.properties.custom.getItemOrNullObject(EIGENSCHAFT);
      p.load('value');
      await context.sync();
      if (p.isNullObject || p.value !== 'ok') throw new Error('Eigenschaft nicht zurückgelesen');
      p.delete();
      await context.sync();
    });
    await probe('Anforderungssätze ExcelApi 1.1–1.17', () => {
      const fehlend = Array.from({ length: 17 }, (_, i) => `1.${i + 1}`).filter((v) => !unterstuetzt('ExcelApi', v));
      if (fehlend.length > 0) return Promise.reject(Object.assign(new Error(`nicht unterstützt: ${fehlend.join(', ')}`), { code: 'ApiNotFound' }));
      return Promise.resolve('alle unterstützt');
    });
    await probe('Neue Arbeitsmappe öffnen (createWorkbook)', () =>
      optionen.neueMappeMoeglich?.() === false ? Promise.reject(Object.assign(new Error('nicht verfügbar'), { code: 'ApiNotFound' })) : Promise.resolve(),
    );
  } finally {
    if (angelegt) {
      // removed even when a probe failed; a failed removal is reported, not thrown
      await probe('Verborgenes Blatt wieder entfernen', async () => {
        context.workbook.worksheets.getItem(name).delete();
        await context.sync();
      });
    }
  }
  return proben;
}

/** Plain-text report for „Bericht kopieren“. */
export function selbsttestBericht(proben: readonly Probe[], umgebung: Readonly<Record<string, string>>): string {
  const kopf = Object.entries(umgebung).map(([k, v]) => `${k}: ${v}`);
  const zeilen = proben.map((p) => `${p.ok ? '✓' : '✗'} ${p.name}${p.code ? ` [${p.code}]` : ''}${p.hinweis ? ` – ${p.hinweis}` : ''}`);
  return ['Integrationsmonitor – Selbsttest', ...kopf, '', ...zeilen].join('\n');
}
