/**
 * The CLI verbs vorlage / pruefen / kpi on real files in a temp dir
 * (in-process via main(), output captured).
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'fs';
import ExcelJS from 'exceljs';
import { berechneKpi, pruefen } from '../../src/domain';
import { SHEETS, TABLE_NAMES } from '../../src/domain/schema';
import type { RawValue } from '../../src/domain/model';
import { beispielTabellen } from '../../src/workbook/beispiel';
import { VERBS } from '../../src/cli/main';
import { kpiJson } from '../../src/cli/kpi';
import { ladeArbeitsmappe } from '../../src/cli/dateiLaden';
import { bearbeite, cli, hash, tabellenModell, tempOrdner, zeileVon } from '../xlsx/hilfen';
import { rohdatenAusMappe } from '../../src/workbook/rohdaten';

const tmp = tempOrdner();
afterAll(() => tmp.weg());
const BEISPIEL = tmp.datei('beispiel.xlsx');

beforeAll(async () => {
  const r = await cli('vorlage', BEISPIEL, '--beispiel');
  expect(r.code).toBe(0);
});

const ohneStack = (r: { out: string; err: string }) => {
  expect(r.out + r.err).not.toMatch(/^\s+at /m);
  expect(r.out + r.err).not.toMatch(/TypeError|ReferenceError|node_modules/);
};

describe('help', () => {
  it('program help lists every registered verb, exit 0', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Aufruf: integrationsmonitor <befehl>/);
    for (const v of Object.keys(VERBS)) expect(r.out).toContain(`  ${v}`);
  });
  it.each(['vorlage', 'pruefen', 'kpi'])('%s --help is German and names the exit codes', async (verb) => {
    const r = await cli(verb, '--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(new RegExp(`Aufruf: integrationsmonitor ${verb}`));
    expect(r.out).toMatch(/Exit-Codes/);
  });
  it('unknown verb or option → exit 2 with one line', async () => {
    for (const args of [['machwas'], ['pruefen', BEISPIEL, '--schnell'], ['pruefen'], ['kpi', BEISPIEL, '--aus']]) {
      const r = await cli(...args);
      expect(r.code).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      ohneStack(r);
    }
  });
});

describe('vorlage', () => {
  it('template → pruefen exit 0 without findings', async () => {
    const pfad = tmp.datei('leer.xlsx');
    const w = await cli('vorlage', pfad);
    expect(w.code).toBe(0);
    const r = await cli('pruefen', pfad, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ fehler: [], warnungen: [] });
  });

  it('template has every sheet of SPEC §2; computed sheets say how they get content and are replaced by kpi --aus', async () => {
    const pfad = tmp.datei('alle-blaetter.xlsx');
    expect((await cli('vorlage', pfad)).code).toBe(0);
    const wb = await ladeArbeitsmappe(pfad);
    const alle = [
      'Stammdaten',
      'Ziele',
      'Arbeitsplanung',
      'Checkliste',
      'Kennzahlen',
      'Zeitreihe',
      SHEETS.kpiUebersicht,
      SHEETS.kpiHandlungsziele,
      SHEETS.umsetzungsbericht,
      SHEETS.verlauf,
    ];
    expect(wb.worksheets.map((w) => w.name)).toEqual(alle);
    expect(String(wb.getWorksheet(SHEETS.verlauf)!.getCell('A2').value)).toMatch(/^Noch nicht berechnet/);

    const ziel = tmp.datei('alle-blaetter-kpi.xlsx');
    expect((await cli('kpi', pfad, '--aus', ziel)).code).toBe(0);
    const wb2 = await ladeArbeitsmappe(ziel);
    expect(wb2.worksheets.map((w) => w.name)).toEqual(alle);
    expect(String(wb2.getWorksheet(SHEETS.kpiUebersicht)!.getCell('A2').value)).toMatch(/^Berechnet am/);
  });

  it('refuses to overwrite without --force, overwrites with it', async () => {
    const pfad = tmp.datei('vorhanden.xlsx');
    writeFileSync(pfad, 'alt');
    const r = await cli('vorlage', pfad);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/existiert bereits.*--force/);
    expect(readFileSync(pfad, 'utf8')).toBe('alt');
    const f = await cli('vorlage', pfad, '--force');
    expect(f.code).toBe(0);
    expect((await cli('pruefen', pfad)).code).toBe(0);
  });

  it('sample validates with no Fehler and only the few intended warnings', async () => {
    const r = await cli('pruefen', BEISPIEL, '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as {
      fehler: unknown[];
      warnungen: { blatt: string; zelle: string; spalte: string; meldung: string }[];
    };
    expect(j.fehler).toEqual([]);
    expect(j.warnungen.length).toBeGreaterThan(0);
    expect(j.warnungen.length).toBeLessThanOrEqual(6);
    for (const w of j.warnungen) expect(Object.keys(w).sort()).toEqual(['blatt', 'meldung', 'spalte', 'zelle']);
  });
});

/** Independent recomputation of SPEC §4 from the sample rows (not via the domain). */
function handGerechnet() {
  const t = beispielTabellen();
  const num = (v: RawValue) => (typeof v === 'number' ? v : null);
  const ze = (r: RawValue[]) => {
    const [a, z, i] = [num(r[5]), num(r[6]), num(r[7])];
    if (i === null || z === null) return null;
    return a !== null && a !== z ? (i - a) / (z - a) : i / z;
  };
  const cap = (x: number) => Math.min(1, Math.max(0, x));
  const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);
  const hz = t.ziele.map((z) => {
    const werte = t.kennzahlen
      .filter((k) => k[1] === z[3])
      .map(ze)
      .filter((x): x is number => x !== null);
    return { id: z[3] as string, hf: z[0] as number, ze: mean(werte.map(cap)) };
  });
  const hf = t.handlungsfelder.map((h) => {
    const zeilen = t.arbeitsplanung.filter((r) => r[1] === h[0] && r[10] !== 'ja');
    const mn = zeilen.filter((r) => r[3] === 'Maßnahme');
    const st = (s: string) => mn.filter((r) => r[9] === s).length;
    const nenner = mn.length - st('entfallen');
    return {
      hf: h[0] as number,
      zielerreichung: mean(hz.filter((x) => x.hf === h[0] && x.ze !== null).map((x) => x.ze as number)),
      massnahmen: mn.length,
      umgesetzt: st('umgesetzt'),
      entfallen: st('entfallen'),
      umsetzungsquote: nenner > 0 ? st('umgesetzt') / nenner : null,
      wirkungen: zeilen.filter((r) => r[3] === 'Wirkung').length,
      standardmassnahmen: t.arbeitsplanung.filter((r) => r[1] === h[0] && r[10] === 'ja').length,
      handlungszieleOhneMassnahme: hz.filter((x) => x.hf === h[0] && !mn.some((r) => r[2] === x.id)).length,
    };
  });
  return { t, ze, hz, hf, gesamtZe: mean(hz.filter((x) => x.ze !== null).map((x) => x.ze as number)) };
}

describe('kpi', () => {
  it('sample as text: German plurals, no "(e)"/"(en)" forms', async () => {
    const r = await cli('kpi', BEISPIEL);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/; 1 Handlungsziel ohne Maßnahme\n/);
    expect(r.out).toMatch(/Hinweis: 5 Warnungen\. Details: integrationsmonitor pruefen/);
    expect(r.out).not.toMatch(/\((e|en|n)\)/);
  });

  it('sample: --json equals berechneKpi and an independent recomputation of SPEC §4', async () => {
    const before = hash(BEISPIEL);
    const r = await cli('kpi', BEISPIEL, '--json');
    expect(r.code).toBe(0);
    expect(hash(BEISPIEL)).toBe(before);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['berichtsjahr', 'kennzahlen', 'handlungsziele', 'handlungsfelder', 'gesamt']);

    const { plan } = pruefen(rohdatenAusMappe(await ladeArbeitsmappe(BEISPIEL), 'beispiel.xlsx'));
    expect(j).toEqual(JSON.parse(JSON.stringify(kpiJson(berechneKpi(plan!)))));

    const h = handGerechnet();
    expect(j.berichtsjahr).toBe(2026);
    expect(j.kennzahlen.map((k: { id: string }) => k.id)).toEqual(h.t.kennzahlen.map((k) => k[0]));
    h.t.kennzahlen.forEach((k, i) => {
      const erwartet = h.ze(k);
      if (erwartet === null) expect(j.kennzahlen[i].zielerreichung).toBeNull();
      else expect(j.kennzahlen[i].zielerreichung).toBeCloseTo(erwartet, 12);
    });
    // falling target: Wartezeit 12 → 6 Wochen, Ist 8 → 2/3
    // vorjahr: the sample's Zeitreihe row 2025 for K1.1.1
    const zr = rohdatenAusMappe(await ladeArbeitsmappe(BEISPIEL)).tables.find((t) => t.name === TABLE_NAMES.zeitreihe)!;
    const vorjahr = zr.rows.find((r) => r[0] === 'K1.1.1' && r[1] === 2025)![2];
    expect(j.kennzahlen[0]).toEqual({ id: 'K1.1.1', handlungszielId: '1.1', zielerreichung: (8 - 12) / (6 - 12), ampel: 'gelb', vorjahr });
    expect(vorjahr).toEqual(expect.any(Number));
    expect(j.kennzahlen.some((k: { zielerreichung: number | null }) => k.zielerreichung !== null && k.zielerreichung > 1)).toBe(
      true,
    );
    expect(j.handlungsfelder.map((x: { hf: number }) => x.hf)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    h.hf.forEach((e, i) => {
      const got = j.handlungsfelder[i];
      for (const key of [
        'massnahmen',
        'umgesetzt',
        'entfallen',
        'wirkungen',
        'standardmassnahmen',
        'handlungszieleOhneMassnahme',
      ] as const)
        expect([e.hf, key, got[key]]).toEqual([e.hf, key, e[key]]);
      if (e.umsetzungsquote === null) expect(got.umsetzungsquote).toBeNull();
      else expect(got.umsetzungsquote).toBeCloseTo(e.umsetzungsquote, 12);
      expect(got.zielerreichung).toBeCloseTo(e.zielerreichung as number, 12);
    });
    expect(j.gesamt.zielerreichung).toBeCloseTo(h.gesamtZe as number, 12);
    expect(j.gesamt.massnahmen).toBe(h.hf.reduce((s, x) => s + x.massnahmen, 0));
    expect(j.gesamt.standardmassnahmen).toBe(6);
    expect(j.gesamt).not.toHaveProperty('hf');
    const hz73 = j.handlungsziele.find((x: { id: string }) => x.id === '7.3');
    expect(hz73).toEqual({ id: '7.3', hf: 7, zielerreichung: null, ampel: 'keine_daten', kennzahlen: 0, kennzahlenMitDaten: 0 });
  });

  it('human output is a German summary', async () => {
    const r = await cli('kpi', BEISPIEL);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Kennzahlen 2026 aus „beispiel.xlsx“/);
    expect(r.out).toMatch(/HF 1 Sprachförderung/);
    expect(r.out).toMatch(/Gesamt: Zielerreichung \d+ %/);
    // the quote names its basis: entfallene Maßnahmen do not count (HF 1: 3 umgesetzt of 7, 1 entfallen → 3 / 6)
    expect(r.out).toContain(
      '     Zielerreichung 68 % (gelb), Umsetzungsquote 50 % (3 von 6 nicht entfallenen Maßnahmen umgesetzt); ' +
        '7 Maßnahmen: 3 umgesetzt, 2 begonnen, 0 geplant, 1 verschoben, 1 entfallen; 3 Wirkungen\n',
    );
    expect(r.out).toContain(
      '  Gesamt: Zielerreichung 75 % (gelb), Umsetzungsquote 37 % (17 von 46 nicht entfallenen Maßnahmen umgesetzt); ' +
        'insgesamt 49 Maßnahmen, 19 Wirkungen, 6 Standardmaßnahmen (gesondert berichtet).',
    );
    expect(r.out).not.toMatch(/Maßnahmen umgesetzt, /);
  });

  it('text: a quote over one Maßnahme is singular, a quote without basis says why it is empty', async () => {
    const pfad = tmp.datei('entfallen.xlsx');
    copyFileSync(BEISPIEL, pfad);
    await bearbeite(pfad, (wb) => {
      const ws = wb.getWorksheet(SHEETS.arbeitsplanung)!;
      let hf6 = 0;
      ws.eachRow((row, nr) => {
        if (nr === 1 || row.getCell(4).value !== 'Maßnahme' || row.getCell(11).value === 'ja') return;
        const hf = Number(row.getCell(2).value);
        if (hf === 8) row.getCell(10).value = 'entfallen';
        // HF 6: the first Maßnahme umgesetzt, all others entfallen
        if (hf === 6) row.getCell(10).value = hf6++ === 0 ? 'umgesetzt' : 'entfallen';
      });
    });
    const r = await cli('kpi', pfad);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /HF 6 .*\n {5}Zielerreichung \d+ % \([^)]+\), Umsetzungsquote 100 % \(1 von 1 nicht entfallenen Maßnahme umgesetzt\); 6 Maßnahmen: 1 umgesetzt, 0 begonnen, 0 geplant, 0 verschoben, 5 entfallen;/,
    );
    expect(r.out).toMatch(
      /HF 8 .*\n {5}Zielerreichung \d+ % \([^)]+\), Umsetzungsquote – \(keine nicht entfallenen Maßnahmen\); 4 Maßnahmen: 0 umgesetzt, 0 begonnen, 0 geplant, 0 verschoben, 4 entfallen;/,
    );
  });

  it('--aus writes a copy with both KPI sheets; input byte-identical; data tables unchanged', async () => {
    const ziel = tmp.datei('mit-kpi.xlsx');
    const before = hash(BEISPIEL);
    const r = await cli('kpi', BEISPIEL, '--aus', ziel, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).berichtsjahr).toBe(2026); // stdout stays pure JSON
    expect(r.err).toMatch(/„KPI Übersicht“.*geschrieben/);
    expect(hash(BEISPIEL)).toBe(before);

    const wb = await ladeArbeitsmappe(ziel);
    expect(wb.worksheets.map((w) => w.name).slice(0, 8)).toEqual([
      'Stammdaten',
      'Ziele',
      'Arbeitsplanung',
      'Checkliste',
      'Kennzahlen',
      'Zeitreihe',
      SHEETS.kpiUebersicht,
      SHEETS.kpiHandlungsziele,
    ]);
    const ue = wb.getWorksheet(SHEETS.kpiUebersicht)!;
    expect(String(ue.getCell('A2').value)).toMatch(/^Berechnet am \d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr aus „beispiel.xlsx“/);
    expect(ue.getCell('A6').value).toBe(1);
    expect(['grün', 'gelb', 'rot']).toContain(ue.getCell('E6').value);
    expect((ue.getCell('E6').fill as ExcelJS.FillPattern).fgColor?.argb).toMatch(/^FF(C6EFCE|FFEB9C|FFC7CE)$/);
    const daten = (w: ExcelJS.Workbook) =>
      rohdatenAusMappe(w).tables.filter((t) => (Object.values(TABLE_NAMES) as string[]).includes(t.name));
    expect(daten(wb)).toEqual(daten(await ladeArbeitsmappe(BEISPIEL)));

    // a second run on the result replaces the sheets in place (no duplicates)
    const ziel2 = tmp.datei('mit-kpi-2.xlsx');
    expect((await cli('kpi', ziel, '--aus', ziel2)).code).toBe(0);
    const wb2 = await ladeArbeitsmappe(ziel2);
    expect(wb2.worksheets.map((w) => w.name)).toEqual(wb.worksheets.map((w) => w.name));
    expect((await cli('pruefen', ziel2)).code).toBe(0);
  });

  it('refuses --aus onto the input file', async () => {
    const before = hash(BEISPIEL);
    const r = await cli('kpi', BEISPIEL, '--aus', BEISPIEL);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Eingabedatei/);
    expect(hash(BEISPIEL)).toBe(before);
  });
});

describe('unreadable files → exit 2, one clear line, no stack trace', () => {
  const leer = tmp.datei('leer-0.xlsx');
  const text = tmp.datei('notiz.xlsx');
  beforeAll(() => {
    writeFileSync(leer, '');
    writeFileSync(text, 'Das ist keine Excel-Datei');
  });
  it.each([
    ['missing', () => tmp.datei('fehlt.xlsx'), /nicht gefunden/],
    ['empty', () => leer, /leer/],
    ['not an xlsx', () => text, /keine Excel-Arbeitsmappe/],
  ])('%s', async (_n, pfad, meldung) => {
    for (const verb of [['pruefen'], ['pruefen', '--json'], ['kpi'], ['kpi', '--json']]) {
      const r = await cli(verb[0], pfad(), ...verb.slice(1));
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      const zeilen = r.err.trim().split('\n');
      expect(zeilen).toHaveLength(1);
      expect(zeilen[0]).toMatch(meldung);
      ohneStack(r);
    }
    expect(existsSync(tmp.datei('fehlt.xlsx'))).toBe(false);
  });
});

describe('wrong calls: one German line starting with „Fehler:“, exit 2, nothing computed', () => {
  it.each([
    ['unknown verb', ['berichte', BEISPIEL], /^Fehler: Unbekannter Befehl „berichte“/],
    [
      'kpi --aus into a missing folder',
      ['kpi', BEISPIEL, '--aus', tmp.datei('gibt-es-nicht/ziel.xlsx')],
      /^Fehler: .*der Ordner „.*gibt-es-nicht“ existiert nicht/,
    ],
    [
      'bericht --aus into a missing folder',
      ['bericht', BEISPIEL, '--aus', tmp.datei('gibt-es-nicht/b.xlsx')],
      /^Fehler: .*der Ordner „.*gibt-es-nicht“ existiert nicht/,
    ],
  ])('%s', async (_n, args, meldung) => {
    const r = await cli(...args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(meldung);
    ohneStack(r);
  });
});

/** Every class of bad input of SPEC §3: a copy of the sample is broken one way, then checked. */
describe('bad input → exit 1 with a German finding naming the cell', () => {
  type Fall = [string, string, (wb: ExcelJS.Workbook) => string | null];
  const ap = (wb: ExcelJS.Workbook, nr: string) => zeileVon(wb, SHEETS.arbeitsplanung, nr);
  const kz = (wb: ExcelJS.Workbook, id: string) => zeileVon(wb, SHEETS.kennzahlen, id);
  const setze = (wb: ExcelJS.Workbook, blatt: string, zelle: string, v: ExcelJS.CellValue) => {
    wb.getWorksheet(blatt)!.getCell(zelle).value = v;
    return zelle;
  };
  const faelle: Fall[] = [
    [
      'value outside its list (Art)',
      SHEETS.arbeitsplanung,
      (wb) => setze(wb, SHEETS.arbeitsplanung, `D${ap(wb, '1-01')}`, 'Massnahme'),
    ],
    [
      'value outside its list (Status)',
      SHEETS.arbeitsplanung,
      (wb) => setze(wb, SHEETS.arbeitsplanung, `J${ap(wb, '2-01')}`, 'erledigt'),
    ],
    ['text in a number column', SHEETS.kennzahlen, (wb) => setze(wb, SHEETS.kennzahlen, `G${kz(wb, 'K1.1.2')}`, 'ca. 400')],
    [
      'Excel error value',
      SHEETS.kennzahlen,
      (wb) => setze(wb, SHEETS.kennzahlen, `H${kz(wb, 'K2.1.2')}`, { error: '#REF!' } as ExcelJS.CellErrorValue),
    ],
    [
      'Excel error value as formula result',
      SHEETS.arbeitsplanung,
      (wb) =>
        setze(wb, SHEETS.arbeitsplanung, `B${ap(wb, '3-01')}`, {
          formula: 'SVERWEIS(1;X;2)',
          result: { error: '#N/A' },
        } as unknown as ExcelJS.CellFormulaValue),
    ],
    ['unknown Handlungsziel-ID', SHEETS.arbeitsplanung, (wb) => setze(wb, SHEETS.arbeitsplanung, `C${ap(wb, '4-01')}`, '4.9')],
    ['Handlungsziel of another HF', SHEETS.arbeitsplanung, (wb) => setze(wb, SHEETS.arbeitsplanung, `B${ap(wb, '5-01')}`, 6)],
    ['HF-Nr not in tblHandlungsfelder', SHEETS.ziele, (wb) => setze(wb, SHEETS.ziele, 'A2', 12)],
    ['duplicate Nr', SHEETS.arbeitsplanung, (wb) => setze(wb, SHEETS.arbeitsplanung, `A${ap(wb, '1-02')}`, '1-01')],
    ['duplicate Kennzahl-ID', SHEETS.kennzahlen, (wb) => setze(wb, SHEETS.kennzahlen, `A${kz(wb, 'K1.1.2')}`, 'K1.1.1')],
    ['missing Zielwert', SHEETS.kennzahlen, (wb) => setze(wb, SHEETS.kennzahlen, `G${kz(wb, 'K3.1.1')}`, null)],
    ['Zielwert 0 without Ausgangswert', SHEETS.kennzahlen, (wb) => setze(wb, SHEETS.kennzahlen, `G${kz(wb, 'K1.1.2')}`, 0)],
    [
      'Zielwert 0 with Ausgangswert = Zielwert',
      SHEETS.kennzahlen,
      (wb) => {
        const r = kz(wb, 'K1.3.1');
        setze(wb, SHEETS.kennzahlen, `F${r}`, 0);
        return setze(wb, SHEETS.kennzahlen, `G${r}`, 0);
      },
    ],
    ['empty Beschreibung', SHEETS.arbeitsplanung, (wb) => setze(wb, SHEETS.arbeitsplanung, `E${ap(wb, '6-01')}`, null)],
    ['Maßnahme without Priorität', SHEETS.arbeitsplanung, (wb) => setze(wb, SHEETS.arbeitsplanung, `G${ap(wb, '7-01')}`, null)],
    [
      'missing header',
      SHEETS.kennzahlen,
      (wb) => {
        setze(wb, SHEETS.kennzahlen, 'G1', 'Ziel');
        tabellenModell(wb, SHEETS.kennzahlen, 'tblKennzahlen').columns[6].name = 'Ziel';
        return null;
      },
    ],
    [
      'missing table',
      SHEETS.kennzahlen,
      (wb) => {
        const ws = wb.getWorksheet(SHEETS.kennzahlen)!;
        const m = tabellenModell(wb, SHEETS.kennzahlen, 'tblKennzahlen');
        ws.removeTable('tblKennzahlen');
        m.name = 'Tabelle1';
        (m as unknown as { displayName: string }).displayName = 'Tabelle1';
        (ws as unknown as { tables: Record<string, unknown> }).tables['Tabelle1'] = { table: m, model: m };
        return null;
      },
    ],
  ];

  it.each(faelle)('%s', async (name, blatt, kaputt) => {
    const pfad = tmp.datei(`kaputt-${name.replace(/[^a-z0-9]+/gi, '-')}.xlsx`);
    copyFileSync(BEISPIEL, pfad);
    let zelle: string | null = null;
    await bearbeite(pfad, (wb) => {
      zelle = kaputt(wb);
    });
    const before = hash(pfad);
    const r = await cli('pruefen', pfad, '--json');
    expect(r.code).toBe(1);
    ohneStack(r);
    const j = JSON.parse(r.out) as { fehler: { blatt: string; zelle: string; spalte: string; meldung: string }[] };
    // the finding sits on the changed cell, or (for cross-column rules) names it in the message
    const treffer = j.fehler.filter(
      (f) => f.blatt === blatt && (zelle === null || f.zelle === zelle || f.meldung.includes(`${blatt}!${zelle}`)),
    );
    expect(treffer.length).toBeGreaterThan(0);
    if (zelle !== null) expect(treffer[0].meldung).toContain(`${blatt}!${zelle}`);
    expect(treffer[0].meldung).toMatch(/Bitte|bitte/);

    const k = await cli('kpi', pfad, '--json');
    expect(k.code).toBe(1);
    expect(JSON.parse(k.out)).toEqual(j);
    const ziel = `${pfad}.kpi.xlsx`;
    const h = await cli('kpi', pfad, '--aus', ziel);
    expect(h.code).toBe(1);
    expect(h.out).toMatch(/keine Kennzahlen berechnet/);
    expect(existsSync(ziel)).toBe(false);
    expect(hash(pfad)).toBe(before);
  });
});

describe('a workbook edited by another tool as a user would', () => {
  it('rows appended to a table, an extra user column and numbers typed as text are read correctly', async () => {
    const pfad = tmp.datei('bearbeitet.xlsx');
    copyFileSync(BEISPIEL, pfad);
    await bearbeite(pfad, (wb) => {
      const ws = wb.getWorksheet(SHEETS.arbeitsplanung)!;
      const m = tabellenModell(wb, SHEETS.arbeitsplanung, 'tblArbeitsplanung');
      const letzte = Number(/\d+$/.exec(m.tableRef)![0]);
      const neu: ExcelJS.CellValue[][] = [
        [
          '8-06',
          '8',
          '8.3',
          'Maßnahme',
          'Umsetzungsbericht 2026 für die Ausschüsse erstellen',
          null,
          'hoch',
          'Integrationsbüro',
          'Q1',
          'umgesetzt',
          'nein',
          null,
        ],
        [
          '8-07',
          8,
          '8.3',
          'Wirkung',
          'Politik kennt den Stand der Umsetzung',
          '8-06',
          null,
          'Integrationsbüro',
          'Q1',
          'geplant',
          null,
          null,
        ],
      ];
      neu.forEach((row, i) => row.forEach((v, c) => (ws.getCell(letzte + 1 + i, c + 1).value = v)));
      ws.getCell(1, 13).value = 'Notiz (Netzwerk)';
      ws.getCell(letzte + 1, 13).value = 'neu im Dezember';
      m.tableRef = `A1:M${letzte + 2}`;
      m.autoFilterRef = m.tableRef;
      m.columns.push({ name: 'Notiz (Netzwerk)', filterButton: true });
      // an Istwert typed as text
      const kws = wb.getWorksheet(SHEETS.kennzahlen)!;
      kws.getCell(`H${zeileVon(wb, SHEETS.kennzahlen, 'K8.3.1')}`).value = '4';
    });
    const p = await cli('pruefen', pfad, '--json');
    expect(p.code).toBe(0);
    const warnungen = JSON.parse(p.out).warnungen as { blatt: string; zelle: string; meldung: string }[];
    // the number stored as text is read and named, and 8.3 no longer lacks a Maßnahme
    expect(warnungen.some((w) => w.blatt === SHEETS.kennzahlen && /als Text/.test(w.meldung))).toBe(true);
    expect(warnungen.some((w) => /„8\.3“.*keine Maßnahme/.test(w.meldung))).toBe(false);

    const k = JSON.parse((await cli('kpi', pfad, '--json')).out);
    const ohne = JSON.parse((await cli('kpi', BEISPIEL, '--json')).out);
    const hf8 = k.handlungsfelder[7];
    expect(hf8.massnahmen).toBe(ohne.handlungsfelder[7].massnahmen + 1);
    expect(hf8.umgesetzt).toBe(ohne.handlungsfelder[7].umgesetzt + 1);
    expect(hf8.wirkungen).toBe(ohne.handlungsfelder[7].wirkungen + 1);
    expect(hf8.handlungszieleOhneMassnahme).toBe(0);
    const k831 = k.kennzahlen.find((x: { id: string }) => x.id === 'K8.3.1');
    expect(k831.zielerreichung).toBeCloseTo(4 / 6, 12);

    // the extra column survives kpi --aus
    const ziel = tmp.datei('bearbeitet-kpi.xlsx');
    expect((await cli('kpi', pfad, '--aus', ziel)).code).toBe(0);
    const raw = rohdatenAusMappe(await ladeArbeitsmappe(ziel));
    const t = raw.tables.find((x) => x.name === 'tblArbeitsplanung')!;
    expect(t.headers.at(-1)).toBe('Notiz (Netzwerk)');
    expect(t.rows.at(-2)![12]).toBe('neu im Dezember');
  });
});
