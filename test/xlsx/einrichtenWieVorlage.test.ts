/**
 * The add-in's Einrichten and the CLI's vorlage render the same declarative
 * layout: each data column gets the same validation (rule, error alert,
 * input message) and each data sheet the same print setup. The file is read
 * from its XML, the add-in's result from the in-memory Excel.
 */
import { readFileSync } from 'fs';
import JSZip from 'jszip';
import { einrichten } from '../../src/excel/einrichten';
import { createFakeExcel } from '../../src/excel/testing/fakeExcel';
import { MELDUNG_HOECHSTENS, TITEL_HOECHSTENS } from '../../src/workbook/gueltigkeit';
import { DATA_SHEETS } from '../../src/workbook/layout';
import { spaltenBuchstabe } from '../../src/domain/adresse';
import { schreibeMappe, tempOrdner } from './hilfen';

const tmp = tempOrdner();
afterAll(() => tmp.weg());

const ent = (s: string | undefined): string | undefined =>
  s?.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const attr = (tag: string, name: string): string | undefined => ent(new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1]);

interface Regel {
  art: string;
  fehlerStil: string;
  fehlerTitel?: string;
  fehler?: string;
  eingabeTitel?: string;
  eingabe?: string;
}

async function dateiBlaetter(): Promise<Map<string, string>> {
  const pfad = tmp.datei('vorlage.xlsx');
  await schreibeMappe(pfad, false);
  const zip = await JSZip.loadAsync(readFileSync(pfad));
  const wbXml = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const out = new Map<string, string>();
  for (const m of wbXml.matchAll(/<sheet\b[^>]*>/g)) {
    const name = ent(attr(m[0], 'name'))!;
    const rid = attr(m[0], 'r:id')!;
    const ziel = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)!;
    const t = (ziel[1] ?? ziel[2]).replace(/^\/?xl\//, '');
    out.set(name, await zip.file(`xl/${t}`)!.async('string'));
  }
  return out;
}

/** The validations of a sheet's XML by the first cell of their range. */
function dateiRegeln(xml: string): Map<string, Regel> {
  const out = new Map<string, Regel>();
  for (const m of xml.matchAll(/<dataValidation\b[^>]*>/g)) {
    const erste = attr(m[0], 'sqref')!.split(/[ :]/)[0];
    out.set(erste, {
      art: attr(m[0], 'type')!,
      fehlerStil: attr(m[0], 'errorStyle') ?? 'stop',
      fehlerTitel: attr(m[0], 'errorTitle'),
      fehler: attr(m[0], 'error'),
      eingabeTitel: attr(m[0], 'showInputMessage') === '1' ? attr(m[0], 'promptTitle') : undefined,
      eingabe: attr(m[0], 'showInputMessage') === '1' ? attr(m[0], 'prompt') : undefined,
    });
  }
  return out;
}

const ART: Readonly<Record<string, string>> = { list: 'list', wholeNumber: 'whole', decimal: 'decimal', date: 'date' };

describe('Einrichten im Add-in und vorlage auf der Kommandozeile', () => {
  test('jede Eingabespalte: gleiche Regel, Fehlermeldung und Eingabemeldung, Texte in Excels Grenzen', async () => {
    const blaetter = await dateiBlaetter();
    const fx = createFakeExcel();
    await einrichten(fx.context);
    let geprueft = 0;
    for (const sheet of DATA_SHEETS) {
      const datei = dateiRegeln(blaetter.get(sheet.name)!);
      for (const tl of sheet.tables) {
        tl.columns.forEach((c, i) => {
          const zelle = `${spaltenBuchstabe(tl.firstColumn + i)}${tl.headerRow + 1}`;
          const z = fx.zelle(sheet.name, zelle);
          if (!c.gueltigkeit) {
            expect([sheet.name, zelle, datei.get(zelle)]).toEqual([sheet.name, zelle, undefined]);
            expect([sheet.name, zelle, z?.gueltigkeit]).toEqual([sheet.name, zelle, undefined]);
            return;
          }
          const art = Object.keys(z?.gueltigkeit ?? {})[0];
          const addin: Regel = {
            art: ART[art] ?? art,
            fehlerStil: z?.fehlerhinweis?.style === 'Warning' ? 'warning' : 'stop',
            fehlerTitel: z?.fehlerhinweis?.title,
            fehler: z?.fehlerhinweis?.message,
            eingabeTitel: z?.eingabehinweis?.title,
            eingabe: z?.eingabehinweis?.message,
          };
          expect([sheet.name, zelle, addin]).toEqual([sheet.name, zelle, datei.get(zelle)]);
          expect(addin.eingabe).toBeTruthy();
          expect(addin.fehler).toContain(`„${c.spec.header}“`);
          for (const t of [addin.fehlerTitel, addin.eingabeTitel]) expect((t ?? '').length).toBeLessThanOrEqual(TITEL_HOECHSTENS);
          for (const t of [addin.fehler, addin.eingabe]) expect((t ?? '').length).toBeLessThanOrEqual(MELDUNG_HOECHSTENS);
          geprueft++;
        });
      }
    }
    // Art, Priorität, Zeitraum, Status, Standardmaßnahme, … and the reference and type columns
    expect(geprueft).toBeGreaterThanOrEqual(15);
  });

  test('Verweislisten warnen nur, feste Listen und Typregeln halten an', async () => {
    const fx = createFakeExcel();
    await einrichten(fx.context);
    expect(fx.zelle('Arbeitsplanung', 'D2')?.fehlerhinweis?.style).toBe('Stop'); // Art
    const hz = fx.zelle('Arbeitsplanung', 'C2'); // Handlungsziel-ID from tblZiele
    expect(hz?.gueltigkeit?.list?.source).toBe('=INDIRECT("tblZiele[Handlungsziel-ID]")');
    expect(hz?.fehlerhinweis?.style).toBe('Warning');
    expect(hz?.eingabehinweis?.message).toContain('Blatt „Ziele“');
  });

  test('jedes Datenblatt: A4 quer, eine Seite breit, Kopfzeile auf jeder Seite, gleiche Ränder und Fußzeile', async () => {
    const blaetter = await dateiBlaetter();
    const fx = createFakeExcel();
    await einrichten(fx.context);
    for (const sheet of DATA_SHEETS) {
      const xml = blaetter.get(sheet.name)!;
      const s = fx.blatt(sheet.name).seite;
      const setup = /<pageSetup\b[^>]*>/.exec(xml)?.[0] ?? '';
      expect([sheet.name, attr(setup, 'orientation'), attr(setup, 'paperSize')]).toEqual([sheet.name, 'landscape', '9']);
      expect([sheet.name, s.ausrichtung, s.papier]).toEqual([sheet.name, 'Landscape', 'A4']);
      expect(s.zoom).toEqual({ horizontalFitToPages: 1 });
      const raender = /<pageMargins\b[^>]*>/.exec(xml)?.[0] ?? '';
      const zoll = (n: string): number => Number(attr(raender, n));
      expect(s.raender).toEqual({
        links: zoll('left') * 72,
        rechts: zoll('right') * 72,
        oben: Math.round(zoll('top') * 7200) / 100,
        unten: Math.round(zoll('bottom') * 7200) / 100,
        kopf: Math.round(zoll('header') * 7200) / 100,
        fuss: Math.round(zoll('footer') * 7200) / 100,
      });
      const fuss = ent(/<oddFooter>([^<]*)<\/oddFooter>/.exec(xml)?.[1]);
      expect(fuss).toBe(`&L${s.fusszeile.links}&R${s.fusszeile.rechts}`);
      expect(s.titelzeilen).toBe('$1:$1');
    }
    // print titles of the file: a defined name _xlnm.Print_Titles per sheet
    const pfad = tmp.datei('vorlage.xlsx');
    const wb = await (await JSZip.loadAsync(readFileSync(pfad))).file('xl/workbook.xml')!.async('string');
    expect(wb.match(/_xlnm\.Print_Titles/g)?.length).toBe(DATA_SHEETS.length);
  });

  test('zweimal Einrichten: die Texte bleiben, nichts doppelt', async () => {
    const fx = createFakeExcel();
    await einrichten(fx.context);
    const vorher = JSON.stringify(fx.zelle('Arbeitsplanung', 'D2'));
    await einrichten(fx.context);
    expect(JSON.stringify(fx.zelle('Arbeitsplanung', 'D2'))).toBe(vorher);
  });
});
