/**
 * SPEC §4/§5 acceptance on a workbook written by a different library
 * (openpyxl, as a Python script or another office tool would build it from
 * scratch by table name and header), with expected values computed by hand.
 * Needs /usr/bin/python3 with openpyxl (apt-get install python3-openpyxl);
 * CI installs it, so there a missing openpyxl fails instead of skipping.
 */
import { spawnSync } from 'child_process';
import { writeFileSync } from 'fs';
import { cli, tempOrdner } from '../xlsx/hilfen';

const PYTHON = '/usr/bin/python3';
const hatOpenpyxl = spawnSync(PYTHON, ['-c', 'import openpyxl'], { encoding: 'utf8' }).status === 0;
if (!hatOpenpyxl && process.env.CI) throw new Error('openpyxl fehlt (apt-get install -y python3-openpyxl)');
const mitOpenpyxl = hatOpenpyxl ? describe : describe.skip;

const tmp = tempOrdner();
afterAll(() => tmp.weg());

/**
 * Tables deliberately not in "nice" order: tblHandlungsfelder unsorted (3, 1, 2)
 * with HF 2 without any data; Standardmaßnahme empty, "nein" and "ja";
 * a falling target; Zielwert 0 with an Ausgangswert ≠ 0 (allowed).
 */
const SKRIPT = String.raw`
import sys, datetime
from openpyxl import Workbook
from openpyxl.worksheet.table import Table
from openpyxl.utils import get_column_letter
ausgangswert_k3 = float(sys.argv[2])
def tabelle(ws, name, kopf, zeilen, spalte=1):
    for j, h in enumerate(kopf): ws.cell(row=1, column=spalte + j, value=h)
    for i, z in enumerate(zeilen):
        for j, v in enumerate(z): ws.cell(row=2 + i, column=spalte + j, value=v)
    ende = get_column_letter(spalte + len(kopf) - 1)
    ws.add_table(Table(displayName=name, ref=f"{get_column_letter(spalte)}1:{ende}{1 + len(zeilen)}"))
wb = Workbook()
ws = wb.active; ws.title = 'Stammdaten'
tabelle(ws, 'tblHandlungsfelder', ['HF-Nr', 'Handlungsfeld', 'Netzwerk', 'Netzwerkleitung'],
        [[3, 'Ausbildung', 'N3', 'L3'], [1, 'Sprachförderung', 'N1', 'L1'], [2, 'Kita', 'N2', 'L2']])
tabelle(ws, 'tblEinstellungen', ['Einstellung', 'Wert'],
        [['Berichtsjahr', 2026], ['Ampel grün ab', 0.9], ['Ampel gelb ab', 0.6]], spalte=6)
tabelle(wb.create_sheet('Ziele'), 'tblZiele', ['HF-Nr', 'Herausforderung', 'Leitziel', 'Handlungsziel-ID', 'Handlungsziel'],
        [[3, 'H', 'L', '3.1', 'Z31'], [1, 'H', 'L', '1.2', 'Z12'], [1, 'H', 'L', '1.1', 'Z11'], [3, 'H', 'L', '3.2', 'Z32']])
tabelle(wb.create_sheet('Arbeitsplanung'), 'tblArbeitsplanung',
        ['Nr', 'HF-Nr', 'Handlungsziel-ID', 'Art', 'Beschreibung', 'Bezug', 'Priorität', 'Verantwortlich', 'Zeitraum', 'Status', 'Standardmaßnahme', 'Bemerkung'],
        [['M1', 1, '1.1', 'Maßnahme', 'b', None, 'hoch', 'X', 'Q1', 'umgesetzt', None, None],
         ['M2', 1, '1.1', 'Maßnahme', 'b', None, 'mittel', 'X', 'Q2', 'entfallen', 'nein', None],
         ['W1', 1, '1.1', 'Wirkung', 'b', 'M1', None, None, None, None, None, None],
         ['S1', 1, '1.2', 'Maßnahme', 'b', None, 'hoch', 'X', 'ganzjährig', 'umgesetzt', 'ja', None],
         ['M3', 3, '3.1', 'Maßnahme', 'b', None, 'hoch', 'X', 'Q3', 'begonnen', None, None],
         ['M4', 3, '3.1', 'Maßnahme', 'b', None, 'hoch', 'X', 'Q3', 'geplant', None, None],
         ['M5', 3, '3.2', 'Maßnahme', 'b', None, 'niedrig', 'X', 'Q4', 'verschoben', 'nein', None]])
tabelle(wb.create_sheet('Checkliste'), 'tblCheckliste',
        ['Handlungsziel-ID', 'Zielgruppe', 'Ressourcen', 'Kooperationspartner', 'Umsetzungsstand', 'Einschätzung', 'Anpassungsbedarf', 'Nächste Schritte'],
        [[i, None, None, None, None, None, None, None] for i in ['3.1', '1.2', '1.1', '3.2']])
tabelle(wb.create_sheet('Kennzahlen'), 'tblKennzahlen',
        ['Kennzahl-ID', 'Handlungsziel-ID', 'Kennzahl', 'Einheit', 'Wirkungsebene', 'Ausgangswert', 'Zielwert', 'Istwert', 'Stichtag', 'Datenquelle', 'Verantwortlich', 'Begründung'],
        [['K1', '1.1', 'k', 'Anzahl', 'Output', 40, 20, 30, datetime.datetime(2026, 6, 30), None, None, 'b'],
         ['K2', '1.1', 'k', 'Anzahl', 'Outcome', None, 10, 15, None, None, None, None],
         ['K3', '1.2', 'k', 'Anzahl', 'Impact', ausgangswert_k3, 0, 2, None, None, None, None],
         ['K4', '3.1', 'k', 'Anzahl', 'Output', None, 100, None, None, None, None, None],
         ['K5', '3.1', 'k', 'Anzahl', 'Output', 10, 20, 5, None, None, None, 'b']])
wb.save(sys.argv[1])
`;

function baue(datei: string, ausgangswertK3: number): string {
  const skript = tmp.datei('baue.py');
  writeFileSync(skript, SKRIPT);
  const pfad = tmp.datei(datei);
  const r = spawnSync(PYTHON, [skript, pfad, String(ausgangswertK3)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openpyxl-Skript schlug fehl: ${r.stderr}`);
  return pfad;
}

const nah = (x: number) => expect.closeTo(x, 12);
const leer = { umgesetzt: 0, begonnen: 0, geplant: 0, verschoben: 0, entfallen: 0 };

mitOpenpyxl('a workbook written by openpyxl', () => {
  let gut = '';
  beforeAll(() => {
    gut = baue('gut.xlsx', 5);
  });

  it('kpi --json: SPEC §4 values by hand, HF by number incl. one without data, tables in table order', async () => {
    const r = await cli('kpi', gut, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({
      berichtsjahr: 2026,
      kennzahlen: [
        { id: 'K1', handlungszielId: '1.1', zielerreichung: nah(0.5), ampel: 'rot', vorjahr: null }, // falling: (30−40)/(20−40)
        { id: 'K2', handlungszielId: '1.1', zielerreichung: nah(1.5), ampel: 'gruen', vorjahr: null }, // I/Z, uncapped
        { id: 'K3', handlungszielId: '1.2', zielerreichung: nah(0.6), ampel: 'gelb', vorjahr: null }, // (2−5)/(0−5)
        { id: 'K4', handlungszielId: '3.1', zielerreichung: null, ampel: 'keine_daten', vorjahr: null },
        { id: 'K5', handlungszielId: '3.1', zielerreichung: nah(-0.5), ampel: 'rot', vorjahr: null },
      ],
      handlungsziele: [
        { id: '3.1', hf: 3, zielerreichung: nah(0), ampel: 'rot', kennzahlen: 2, kennzahlenMitDaten: 1 },
        { id: '1.2', hf: 1, zielerreichung: nah(0.6), ampel: 'gelb', kennzahlen: 1, kennzahlenMitDaten: 1 },
        { id: '1.1', hf: 1, zielerreichung: nah(0.75), ampel: 'gelb', kennzahlen: 2, kennzahlenMitDaten: 2 },
        { id: '3.2', hf: 3, zielerreichung: null, ampel: 'keine_daten', kennzahlen: 0, kennzahlenMitDaten: 0 },
      ],
      handlungsfelder: [
        {
          hf: 1,
          zielerreichung: nah(0.675),
          ampel: 'gelb',
          massnahmen: 2,
          ...leer,
          umgesetzt: 1,
          entfallen: 1,
          umsetzungsquote: nah(1),
          wirkungen: 1,
          standardmassnahmen: 1,
          handlungszieleOhneMassnahme: 1,
        },
        {
          hf: 2,
          zielerreichung: null,
          ampel: 'keine_daten',
          massnahmen: 0,
          ...leer,
          umsetzungsquote: null,
          wirkungen: 0,
          standardmassnahmen: 0,
          handlungszieleOhneMassnahme: 0,
        },
        {
          hf: 3,
          zielerreichung: nah(0),
          ampel: 'rot',
          massnahmen: 3,
          ...leer,
          begonnen: 1,
          geplant: 1,
          verschoben: 1,
          umsetzungsquote: nah(0),
          wirkungen: 0,
          standardmassnahmen: 0,
          handlungszieleOhneMassnahme: 0,
        },
      ],
      gesamt: {
        zielerreichung: nah(0.45),
        ampel: 'rot',
        massnahmen: 5,
        umgesetzt: 1,
        begonnen: 1,
        geplant: 1,
        verschoben: 1,
        entfallen: 1,
        umsetzungsquote: nah(0.25),
        wirkungen: 1,
        standardmassnahmen: 1,
        handlungszieleOhneMassnahme: 1,
      },
    });
  });

  it('pruefen --json: only warnings, each finding exactly {blatt, zelle, spalte, meldung}', async () => {
    const r = await cli('pruefen', gut, '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { fehler: unknown[]; warnungen: Record<string, unknown>[] };
    expect(Object.keys(j)).toEqual(['fehler', 'warnungen']);
    expect(j.fehler).toEqual([]);
    for (const w of j.warnungen) expect(Object.keys(w)).toEqual(['blatt', 'zelle', 'spalte', 'meldung']);
    // Handlungsziel 1.2 has only a Standardmaßnahme
    expect(j.warnungen).toContainEqual(expect.objectContaining({ blatt: 'Ziele', zelle: 'D3', spalte: 'Handlungsziel-ID' }));
  });

  it('Zielwert 0 with Ausgangswert = Zielwert is a Fehler at the Zielwert cell; kpi prints it and exits 1', async () => {
    const pfad = baue('null.xlsx', 0);
    const p = await cli('pruefen', pfad, '--json');
    expect(p.code).toBe(1);
    expect(JSON.parse(p.out).fehler).toEqual([
      { blatt: 'Kennzahlen', zelle: 'G4', spalte: 'Zielwert', meldung: expect.stringContaining('Kennzahlen!G4') },
    ]);
    const k = await cli('kpi', pfad, '--json');
    expect(k.code).toBe(1);
    expect(JSON.parse(k.out)).toEqual(JSON.parse(p.out));
  });
});
