/**
 * Rows typed below a table (after an empty row) or appended under it by a
 * script are not part of the table: pruefen warns naming the rows and the
 * fix instead of silently under-counting. The file is edited by openpyxl.
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
  'openpyxl appends rows under tblArbeitsplanung and after an empty row under tblKennzahlen',
  async () => {
    const eigen = tmp.datei('eigen.xlsx');
    expect((await cli('vorlage', eigen, '--beispiel')).code).toBe(0);
    const vorher = JSON.parse((await cli('pruefen', eigen, '--json')).out) as { warnungen: Befund[] };
    const pfad = tmp.datei('angehaengt.xlsx');
    const r = spawnSync(
      PYTHON,
      [
        '-c',
        String.raw`
import sys
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1])
ws = wb['Arbeitsplanung']
ende = int(ws.tables['tblArbeitsplanung'].ref.split(':')[1].lstrip('ABCDEFGHIJKLMNOPQRSTUVWXYZ'))
ws.cell(row=ende + 1, column=1, value='X1'); ws.cell(row=ende + 1, column=4, value='Maßnahme')
ws.cell(row=ende + 2, column=1, value='X2'); ws.cell(row=ende + 2, column=4, value='Maßnahme')
kz = wb['Kennzahlen']
kende = int(kz.tables['tblKennzahlen'].ref.split(':')[1].lstrip('ABCDEFGHIJKLMNOPQRSTUVWXYZ'))
kz.cell(row=kende + 2, column=1, value='K9.9'); kz.cell(row=kende + 2, column=7, value=10)
wb.save(sys.argv[2])
print(ende, kende)
`,
        eigen,
        pfad,
      ],
      { encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    const [ende, kende] = r.stdout.trim().split(' ').map(Number);
    const p = await cli('pruefen', pfad, '--json');
    expect(p.code).toBe(0);
    const neu = (JSON.parse(p.out) as { warnungen: Befund[] }).warnungen.filter(
      (w) => !vorher.warnungen.some((v) => v.meldung === w.meldung),
    );
    expect(neu).toEqual([
      {
        blatt: 'Arbeitsplanung',
        zelle: `A${ende + 1}`,
        spalte: '',
        meldung: `Arbeitsplanung!A${ende + 1}: Die Zeilen ${ende + 1}–${ende + 2} unter der Tabelle „tblArbeitsplanung“ enthalten Daten, gehören aber nicht zur Tabelle und werden deshalb nicht ausgewertet. Bitte die Tabelle erweitern: Tabellenentwurf › Tabellengröße ändern (bis Zeile ${ende + 2}) – oder die Zeilen löschen, wenn sie nicht gebraucht werden.`,
      },
      expect.objectContaining({
        blatt: 'Kennzahlen',
        zelle: `A${kende + 2}`,
        meldung: expect.stringContaining(`Zeile ${kende + 2} unter der Tabelle „tblKennzahlen“ enthält Daten`),
      }),
    ]);
  },
);

(hatOpenpyxl ? it : it.skip)(
  'a tool that drops the table definitions (openpyxl removes them): Fehler says the tables were lost and how to restore them',
  async () => {
    const eigen = tmp.datei('mit-tabellen.xlsx');
    expect((await cli('vorlage', eigen, '--beispiel')).code).toBe(0);
    const pfad = tmp.datei('ohne-tabellen.xlsx');
    const r = spawnSync(
      PYTHON,
      [
        '-c',
        'import sys\nfrom openpyxl import load_workbook\nwb = load_workbook(sys.argv[1])\nfor ws in wb.worksheets:\n    for n in list(ws.tables.keys()): del ws.tables[n]\nwb.save(sys.argv[2])',
        eigen,
        pfad,
      ],
      { encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    const p = await cli('pruefen', pfad);
    expect(p.code).toBe(1);
    expect(p.out).toContain(
      'Die Tabelle „tblArbeitsplanung“ (erwartet auf Blatt „Arbeitsplanung“) fehlt. Die Arbeitsmappe enthält gar keine Tabellen mehr',
    );
    expect(p.out).toContain('Bitte auf Blatt „Arbeitsplanung“ in die Überschriftenzeile der Daten klicken, Strg+T drücken');
  },
);
