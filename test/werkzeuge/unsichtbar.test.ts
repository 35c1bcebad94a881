/**
 * Values pasted from PDFs and web pages with invisible characters, written
 * by openpyxl into a real file: the visible value is read with a Warnung
 * naming the character, or the Fehler names it.
 */
import { spawnSync } from 'child_process';
import { cli, tempOrdner } from '../xlsx/hilfen';
import { hatOpenpyxl, PYTHON } from './fremd';

const tmp = tempOrdner();
afterAll(() => tmp.weg());

interface Befund {
  blatt: string;
  zelle: string;
  spalte: string;
  meldung: string;
}

(hatOpenpyxl ? it : it.skip)(
  'soft hyphen in Art, zero-width space in an ID, NBSP in Status, BOM in a Kennzahl-ID; a wrong value names the character',
  async () => {
    const eigen = tmp.datei('eigen.xlsx');
    expect((await cli('vorlage', eigen, '--beispiel')).code).toBe(0);
    const vorher = JSON.parse((await cli('pruefen', eigen, '--json')).out) as { warnungen: Befund[] };
    const kpiVorher = JSON.parse((await cli('kpi', eigen, '--json')).out);
    const gelesen = tmp.datei('gelesen.xlsx');
    const falsch = tmp.datei('falsch.xlsx');
    const r = spawnSync(
      PYTHON,
      [
        '-c',
        String.raw`
import sys
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1])
ap = wb['Arbeitsplanung']
ap['D2'] = ap['D2'].value[:3] + '\u00ad' + ap['D2'].value[3:]
ap['C3'] = ap['C3'].value + '\u200b'
ap['J4'] = '\u00a0' + ap['J4'].value
kz = wb['Kennzahlen']
kz['A2'] = '\ufeff' + kz['A2'].value
wb.save(sys.argv[2])
ap['J5'] = 'fer\u00adtig'
wb.save(sys.argv[3])
`,
        eigen,
        gelesen,
        falsch,
      ],
      { encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    const p = await cli('pruefen', gelesen, '--json');
    expect(p.code).toBe(0);
    const neu = (JSON.parse(p.out) as { warnungen: Befund[] }).warnungen.filter(
      (w) => !vorher.warnungen.some((v) => v.meldung === w.meldung),
    );
    expect(neu.map((w) => `${w.blatt}!${w.zelle}`).sort()).toEqual([
      'Arbeitsplanung!C3',
      'Arbeitsplanung!D2',
      'Arbeitsplanung!J4',
      'Kennzahlen!A2',
    ]);
    expect(neu.find((w) => w.zelle === 'D2')!.meldung).toMatch(
      /^Arbeitsplanung!D2 \(Art\): „Maßnahme“ enthält das unsichtbare Zeichen weiches Trennzeichen \(U\+00AD\)/,
    );
    expect(neu.find((w) => w.zelle === 'C3')!.meldung).toContain('Leerzeichen ohne Breite (U+200B)');
    expect(neu.find((w) => w.zelle === 'J4')!.meldung).toContain('geschütztes Leerzeichen (U+00A0)');
    expect(neu.find((w) => w.zelle === 'A2')!.meldung).toContain('BOM, U+FEFF');
    // the visible values count as before
    expect(JSON.parse((await cli('kpi', gelesen, '--json')).out)).toEqual(kpiVorher);
    const f = await cli('pruefen', falsch, '--json');
    expect(f.code).toBe(1);
    expect(JSON.parse(f.out).fehler).toEqual([
      expect.objectContaining({
        blatt: 'Arbeitsplanung',
        zelle: 'J5',
        meldung: expect.stringContaining(
          '„fertig“ ist kein erlaubter Wert (die Zelle enthält außerdem das unsichtbare Zeichen weiches Trennzeichen (U+00AD))',
        ),
      }),
    ]);
  },
);
