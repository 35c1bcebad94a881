/**
 * speichereCheckliste against the in-memory Office.js fake: only the target
 * Handlungsziel's rows change, other rows and extra user columns stay, and
 * the sync count does not grow with the table size.
 */
import { TABLES } from '../domain/schema';
import { formularZeilen, LEERE_CHECKLISTE, LEERE_KENNZAHL, type KennzahlEntwurf } from '../domain/formular';
import { speichereCheckliste } from './checkliste';
import { createFakeExcel, type FakeWert } from './testing/fakeExcel';

const CL = TABLES.checkliste.columns.map((c) => c.header);
const KZ = TABLES.kennzahlen.columns.map((c) => c.header);

function clZeile(id: string, zielgruppe: string, notiz: string): FakeWert[] {
  return [id, zielgruppe, '', '', 'in Umsetzung', '', 'keiner', '', notiz];
}
function kzZeile(id: string, ziel: string, istwert: number | null, notiz: string): FakeWert[] {
  return [id, ziel, `Kennzahl ${id}`, 'Anzahl', 'Output', null, 100, istwert, null, '', '', '', notiz];
}

/** A workbook with `n` other Handlungsziele plus 1.1 (Checkliste + 2 Kennzahlen), each table with an extra user column "Notiz". */
function arbeitsmappe(n: number) {
  const cl: FakeWert[][] = [];
  const kz: FakeWert[][] = [];
  for (let i = 0; i < n; i++) {
    cl.push(clZeile(`9.${i}`, `Gruppe ${i}`, `Notiz ${i}`));
    kz.push(kzZeile(`K9.${i}`, `9.${i}`, i, `N${i}`));
  }
  cl.splice(Math.floor(n / 2), 0, clZeile('1.1', 'alt', 'meine Notiz'));
  kz.splice(Math.floor(n / 2), 0, kzZeile('K1.1.1', '1.1', 10, 'bleibt'), kzZeile('K1.1.2', '1.1', 20, 'weg'));
  return createFakeExcel({
    tabellen: [
      { name: 'tblCheckliste', blatt: 'Checkliste', kopf: [...CL, 'Notiz'], zeilen: cl },
      { name: 'tblKennzahlen', blatt: 'Kennzahlen', kopf: [...KZ, 'Notiz'], zeilen: kz },
    ],
  });
}

const entwurf = (x: Partial<KennzahlEntwurf>): KennzahlEntwurf => ({
  ...LEERE_KENNZAHL,
  name: 'Teilnehmende',
  einheit: 'Personen',
  zielwert: '50',
  ...x,
});

describe('speichereCheckliste: Schlüsselspalten', () => {
  it('key columns by their contract header in the first request; a header spelt differently costs one sync more, same result', async () => {
    const z = formularZeilen('1.1', { ...LEERE_CHECKLISTE, zielgruppe: 'Eltern' }, [entwurf({ id: 'K1.1.1', istwert: '42' })]);
    const genau = arbeitsmappe(4);
    const anders = arbeitsmappe(4);
    // Excel matches the column name exactly (apart from case); the adapter also accepts extra spaces
    const kz = anders.tabelle('tblKennzahlen')!.tabelle;
    anders.tippen('Kennzahlen', `B${kz.zeile}`, ' Handlungsziel-ID ');
    const a = await speichereCheckliste(genau.context, '1.1', z.checkliste, z.kennzahlen);
    const b = await speichereCheckliste(anders.context, '1.1', z.checkliste, z.kennzahlen);
    expect(a.syncs).toBe(2);
    expect(b.syncs).toBe(3);
    expect(anders.tabelle('tblKennzahlen')!.zeilen).toEqual(genau.tabelle('tblKennzahlen')!.zeilen);
  });
});

describe('speichereCheckliste', () => {
  it('writes only the target Handlungsziel: update, add, remove; others and extra columns intact', async () => {
    const x = arbeitsmappe(6);
    const vorherCl = x.tabelle('tblCheckliste')!.zeilen.filter((r) => r[0] !== '1.1');
    const vorherKz = x.tabelle('tblKennzahlen')!.zeilen.filter((r) => r[1] !== '1.1');
    const z = formularZeilen('1.1', { ...LEERE_CHECKLISTE, zielgruppe: 'Eltern', umsetzungsstand: 'erreicht' }, [
      entwurf({ id: 'K1.1.1', istwert: '42', stichtag: '31.12.2026' }),
      entwurf({ id: 'K1.1.3', name: '=SUMME(A1)', istwert: '7' }),
      entwurf({ id: 'K1.1.4', istwert: '8' }),
    ]);
    const r = await speichereCheckliste(x.context, '1.1', z.checkliste, z.kennzahlen);
    expect(r).toMatchObject({
      checkliste: 'aktualisiert',
      kennzahlenAktualisiert: 1,
      kennzahlenAngelegt: 2,
      kennzahlenEntfernt: 1,
    });

    const cl = x.tabelle('tblCheckliste')!;
    const ziel = cl.zeilen.find((row) => row[0] === '1.1')!;
    expect(ziel.slice(0, 5)).toEqual(['1.1', 'Eltern', '', '', 'erreicht']);
    expect(ziel[8]).toBe('meine Notiz');
    expect(cl.zeilen.filter((row) => row[0] !== '1.1')).toEqual(vorherCl);

    const kz = x.tabelle('tblKennzahlen')!;
    const eigene = kz.zeilen.filter((row) => row[1] === '1.1');
    expect(eigene.map((row) => row[0])).toEqual(['K1.1.1', 'K1.1.3', 'K1.1.4']);
    const k1 = eigene[0];
    expect(k1[7]).toBe(42);
    expect(k1[8]).toBe(46387); // 31.12.2026 as serial
    expect(k1[12]).toBe('bleibt');
    // K1.1.3 is a new row (the removed K1.1.2's row is gone, with its note); the formula-like name stays text
    expect(eigene[1][12]).toBe('');
    expect(eigene[1][2]).toBe('=SUMME(A1)');
    expect(kz.zeilen.filter((row) => row[1] !== '1.1')).toEqual(vorherKz);
    expect(kz.tabelle.zeilen).toBe(vorherKz.length + 3);
    expect(kz.zeilen.some((row) => row[12] === 'weg')).toBe(false);
  });

  it('deletes removed Kennzahlen of that Handlungsziel only, and appends a missing Checkliste row', async () => {
    const x = arbeitsmappe(4);
    const z = formularZeilen('1.2', { ...LEERE_CHECKLISTE, zielgruppe: 'Neu' }, []);
    const r = await speichereCheckliste(x.context, '1.2', z.checkliste, z.kennzahlen);
    expect(r.checkliste).toBe('angelegt');
    const cl = x.tabelle('tblCheckliste')!;
    expect(cl.zeilen).toHaveLength(6);
    expect(cl.zeilen[5].slice(0, 2)).toEqual(['1.2', 'Neu']);

    const y = arbeitsmappe(4);
    const vorher = y.tabelle('tblKennzahlen')!.zeilen.filter((row) => row[1] !== '1.1');
    const z2 = formularZeilen('1.1', LEERE_CHECKLISTE, [entwurf({ id: 'K1.1.2', istwert: '1' })]);
    const r2 = await speichereCheckliste(y.context, '1.1', z2.checkliste, z2.kennzahlen);
    expect(r2).toMatchObject({ kennzahlenAktualisiert: 1, kennzahlenEntfernt: 1 });
    const kz = y.tabelle('tblKennzahlen')!;
    expect(kz.zeilen.filter((row) => row[1] === '1.1').map((row) => [row[0], row[12]])).toEqual([['K1.1.2', 'weg']]);
    expect(kz.zeilen.filter((row) => row[1] !== '1.1')).toEqual(vorher);
  });

  it('fills the blank row of an empty table first', async () => {
    const x = createFakeExcel({
      tabellen: [
        { name: 'tblCheckliste', blatt: 'Checkliste', kopf: CL, zeilen: [] },
        { name: 'tblKennzahlen', blatt: 'Kennzahlen', kopf: KZ, zeilen: [] },
      ],
    });
    const z = formularZeilen('1.1', LEERE_CHECKLISTE, [entwurf({ id: 'K1' }), entwurf({ id: 'K2' })]);
    await speichereCheckliste(x.context, '1.1', z.checkliste, z.kennzahlen);
    expect(x.tabelle('tblCheckliste')!.zeilen.map((r) => r[0])).toEqual(['1.1']);
    expect(x.tabelle('tblKennzahlen')!.zeilen.map((r) => r[0])).toEqual(['K1', 'K2']);
  });

  it('keeps number-like IDs and text as text in cells Excel would convert ("1.10" stays "1.10")', async () => {
    const x = createFakeExcel({
      zahlenErkennen: true,
      tabellen: [
        { name: 'tblCheckliste', blatt: 'Checkliste', kopf: CL, zeilen: [] },
        { name: 'tblKennzahlen', blatt: 'Kennzahlen', kopf: KZ, zeilen: [] },
      ],
    });
    const z = formularZeilen('1.10', { ...LEERE_CHECKLISTE, zielgruppe: '2026' }, [entwurf({ id: '3.5', istwert: '7' })]);
    await speichereCheckliste(x.context, '1.10', z.checkliste, z.kennzahlen);
    const cl = x.tabelle('tblCheckliste')!.zeilen;
    expect(cl[0].slice(0, 2)).toEqual(['1.10', '2026']);
    const kz = x.tabelle('tblKennzahlen')!.zeilen;
    expect(kz[0].slice(0, 2)).toEqual(['3.5', '1.10']);
    expect(kz[0][7]).toBe(7); // real numbers stay numbers
    // saving again finds the same rows (a converted 1.1 would not match "1.10" and be appended twice)
    const r = await speichereCheckliste(x.context, '1.10', z.checkliste, z.kennzahlen);
    expect(r).toMatchObject({ checkliste: 'aktualisiert', kennzahlenAktualisiert: 1, kennzahlenAngelegt: 0 });
    expect(x.tabelle('tblCheckliste')!.zeilen).toHaveLength(1);
    expect(x.tabelle('tblKennzahlen')!.zeilen).toHaveLength(1);
  });

  it('works on an ExcelApi 1.4 host (no getRangeByIndexes 1.7, no Table.resize 1.13): same result as with resize', async () => {
    const z = formularZeilen('1.1', { ...LEERE_CHECKLISTE, zielgruppe: 'Eltern' }, [
      entwurf({ id: 'K1.1.1', istwert: '42' }),
      entwurf({ id: 'K1.1.3', istwert: '7' }),
      entwurf({ id: 'K1.1.4', istwert: '8' }),
      entwurf({ id: 'K1.1.5', istwert: '9' }),
    ]);
    const alt = createFakeExcel({
      apiVersion: '1.4',
      tabellen: [
        { name: 'tblCheckliste', blatt: 'Checkliste', kopf: [...CL, 'Notiz'], zeilen: [clZeile('9.1', 'G', 'N')] },
        {
          name: 'tblKennzahlen',
          blatt: 'Kennzahlen',
          kopf: [...KZ, 'Notiz'],
          zeilen: [kzZeile('K1.1.1', '1.1', 10, 'bleibt'), kzZeile('K1.1.2', '1.1', 20, 'weg')],
        },
      ],
    });
    const neu = createFakeExcel({
      tabellen: [
        { name: 'tblCheckliste', blatt: 'Checkliste', kopf: [...CL, 'Notiz'], zeilen: [clZeile('9.1', 'G', 'N')] },
        {
          name: 'tblKennzahlen',
          blatt: 'Kennzahlen',
          kopf: [...KZ, 'Notiz'],
          zeilen: [kzZeile('K1.1.1', '1.1', 10, 'bleibt'), kzZeile('K1.1.2', '1.1', 20, 'weg')],
        },
      ],
    });
    const r = await speichereCheckliste(alt.context, '1.1', z.checkliste, z.kennzahlen, { unterstuetzt: alt.unterstuetzt });
    await speichereCheckliste(neu.context, '1.1', z.checkliste, z.kennzahlen);
    expect(r).toMatchObject({ checkliste: 'angelegt', kennzahlenAktualisiert: 1, kennzahlenAngelegt: 3, syncs: 2 });
    expect(alt.protokoll.some((p) => p.startsWith('Table.resize'))).toBe(false);
    for (const t of ['tblCheckliste', 'tblKennzahlen']) expect(alt.tabelle(t)).toEqual(neu.tabelle(t));
    expect(alt.tabelle('tblKennzahlen')!.zeilen.map((row) => [row[0], row[7]])).toEqual([
      ['K1.1.1', 42],
      ['K1.1.3', 7],
      ['K1.1.4', 8],
      ['K1.1.5', 9],
    ]);
    expect(alt.tabelle('tblCheckliste')!.zeilen.map((row) => row.slice(0, 2))).toEqual([
      ['9.1', 'G'],
      ['1.1', 'Eltern'],
    ]);
  });

  it('needs the same number of syncs for 10 and 10,000 rows', async () => {
    const zaehle = async (n: number): Promise<number> => {
      const x = arbeitsmappe(n);
      const z = formularZeilen('1.1', LEERE_CHECKLISTE, [
        entwurf({ id: 'K1.1.1' }),
        entwurf({ id: 'K1.1.9' }),
        entwurf({ id: 'K1.1.8' }),
      ]);
      const vor = x.syncs();
      const r = await speichereCheckliste(x.context, '1.1', z.checkliste, z.kennzahlen);
      expect(x.syncs() - vor).toBe(r.syncs);
      return r.syncs;
    };
    const klein = await zaehle(10);
    expect(klein).toBe(2);
    expect(await zaehle(10_000)).toBe(klein);
  });

  it('names a missing table or column in German', async () => {
    const x = createFakeExcel({ tabellen: [{ name: 'tblCheckliste', blatt: 'Checkliste', kopf: CL, zeilen: [] }] });
    await expect(speichereCheckliste(x.context, '1.1', {}, [])).rejects.toThrow(/tblKennzahlen/);
    const y = createFakeExcel({
      tabellen: [
        { name: 'tblCheckliste', blatt: 'Checkliste', kopf: CL, zeilen: [] },
        { name: 'tblKennzahlen', blatt: 'Kennzahlen', kopf: KZ.filter((h) => h !== 'Kennzahl-ID'), zeilen: [] },
      ],
    });
    await expect(speichereCheckliste(y.context, '1.1', {}, [])).rejects.toThrow(
      /Spalte „Kennzahl-ID“.*„Einrichten“ im Reiter „Start“/,
    );
  });
});

describe('speichereCheckliste: gefilterte Kennzahlen-Tabelle', () => {
  test.each(['fehler', 'wirkungslos'] as const)(
    'Excel %s beim Löschen in gefilterter Tabelle: Filter wird aufgehoben, Zeile gelöscht, Hinweis im Ergebnis',
    async (gefiltertLoeschen) => {
      const basis = arbeitsmappe(4);
      const y = createFakeExcel({
        gefiltertLoeschen,
        tabellen: [
          { name: 'tblCheckliste', blatt: 'Checkliste', kopf: basis.tabelle('tblCheckliste')!.kopf, zeilen: basis.tabelle('tblCheckliste')!.zeilen },
          { name: 'tblKennzahlen', blatt: 'Kennzahlen', kopf: basis.tabelle('tblKennzahlen')!.kopf, zeilen: basis.tabelle('tblKennzahlen')!.zeilen },
        ],
      });
      // the user shows only Handlungsziel 1.1
      y.filtern('tblKennzahlen', 'Handlungsziel-ID', ['1.1']);
      const z = formularZeilen('1.1', LEERE_CHECKLISTE, [entwurf({ id: 'K1.1.2', istwert: '1' })]);
      const r = await speichereCheckliste(y.context, '1.1', z.checkliste, z.kennzahlen);
      expect(r.kennzahlenEntfernt).toBe(1);
      const kz = y.tabelle('tblKennzahlen')!;
      expect(kz.zeilen.filter((row) => row[1] === '1.1').map((row) => row[0])).toEqual(['K1.1.2']);
      expect(kz.zeilen).toHaveLength(5);
      expect(kz.tabelle.filter).toBeUndefined();
      expect(r.hinweise).toEqual([expect.stringContaining('Filter der Tabelle „tblKennzahlen“ wurde aufgehoben')]);
    },
  );

  test('ohne Filter: kein Hinweis, 2 syncs', async () => {
    const y = arbeitsmappe(4);
    const z = formularZeilen('1.1', LEERE_CHECKLISTE, [entwurf({ id: 'K1.1.2', istwert: '1' })]);
    const r = await speichereCheckliste(y.context, '1.1', z.checkliste, z.kennzahlen);
    expect(r.hinweise).toEqual([]);
    expect(r.syncs).toBe(2);
  });

  test('von Hand ausgeblendete Zeilen: deutsche Meldung, nichts gelöscht', async () => {
    const y = arbeitsmappe(4);
    y.blatt('Kennzahlen').ausgeblendet.push(2);
    y.filtern('tblKennzahlen', 'Handlungsziel-ID', ['1.1']);
    const vorher = y.tabelle('tblKennzahlen')!.zeilen.length;
    const z = formularZeilen('1.1', LEERE_CHECKLISTE, [entwurf({ id: 'K1.1.2', istwert: '1' })]);
    await expect(speichereCheckliste(y.context, '1.1', z.checkliste, z.kennzahlen)).rejects.toThrow(
      'Die Tabelle „tblKennzahlen“ hat ausgeblendete Zeilen',
    );
    expect(y.tabelle('tblKennzahlen')!.zeilen).toHaveLength(vorher);
  });
});

describe('speichereCheckliste: Tabelle vergrößern, während ein anderes Blatt aktiv ist', () => {
  test('resize mit einem Bereich des eigenen Blatts, nicht des aktiven', async () => {
    const y = arbeitsmappe(2);
    y.modell.aktivesBlatt = 'Checkliste';
    const z = formularZeilen('1.1', LEERE_CHECKLISTE, [entwurf({ id: 'K1.1.1' }), entwurf({ id: 'K1.1.2' }), entwurf({ id: 'K1.1.9' })]);
    const r = await speichereCheckliste(y.context, '1.1', z.checkliste, z.kennzahlen);
    expect(r.kennzahlenAngelegt).toBe(1);
    expect(y.tabelle('tblKennzahlen')!.zeilen.map((row) => row[0])).toContain('K1.1.9');
  });
});

describe('speichereCheckliste: Spalten der Nutzerin bleiben unberührt', () => {
  test('eine berechnete Spalte behält ihre Formel, auch wenn eine Kennzahl ersetzt wird', async () => {
    const y = arbeitsmappe(3);
    const t = y.tabelle('tblKennzahlen')!.tabelle;
    // the user's column "Notiz" (M) as a calculated column: the same formula in every body row
    for (let z = t.zeile + 1; z <= t.zeile + t.zeilen; z++) y.zelle('Kennzahlen', `M${z}`)!.formel = '=[@Istwert]*2';
    const z = formularZeilen('1.1', LEERE_CHECKLISTE, [entwurf({ id: 'K1.1.1' }), entwurf({ id: 'K1.1.7' })]);
    const r = await speichereCheckliste(y.context, '1.1', z.checkliste, z.kennzahlen);
    expect(r).toMatchObject({ kennzahlenAktualisiert: 1, kennzahlenAngelegt: 1, kennzahlenEntfernt: 1 });
    const nach = y.tabelle('tblKennzahlen')!.tabelle;
    for (let zeile = nach.zeile + 1; zeile <= nach.zeile + nach.zeilen; zeile++) {
      expect(y.zelle('Kennzahlen', `M${zeile}`)?.formel).toBe('=[@Istwert]*2');
    }
  });
});

describe('speichereCheckliste: Tabelle mit Ergebniszeile', () => {
  test('neue Kennzahlen kommen über die Ergebniszeile, die Ergebniszeile bleibt, gelesen wird sie nie als Daten', async () => {
    const basis = arbeitsmappe(2);
    const y = createFakeExcel({
      tabellen: [
        { name: 'tblCheckliste', blatt: 'Checkliste', kopf: basis.tabelle('tblCheckliste')!.kopf, zeilen: basis.tabelle('tblCheckliste')!.zeilen },
        {
          name: 'tblKennzahlen',
          blatt: 'Kennzahlen',
          kopf: basis.tabelle('tblKennzahlen')!.kopf,
          zeilen: basis.tabelle('tblKennzahlen')!.zeilen,
          summenzeile: ['Summe', null, null, null, null, null, 200],
        },
      ],
    });
    const z = formularZeilen('1.1', LEERE_CHECKLISTE, [entwurf({ id: 'K1.1.1' }), entwurf({ id: 'K1.1.2' }), entwurf({ id: 'K1.1.9' })]);
    await speichereCheckliste(y.context, '1.1', z.checkliste, z.kennzahlen);
    const t = y.tabelle('tblKennzahlen')!;
    expect(t.zeilen.map((r) => r[0])).toEqual(['K9.0', 'K1.1.1', 'K1.1.2', 'K9.1', 'K1.1.9']);
    // the totals row is still the row below the body, with its contents
    expect(y.werte('Kennzahlen', `A${t.tabelle.zeile + t.tabelle.zeilen + 1}:A${t.tabelle.zeile + t.tabelle.zeilen + 1}`)).toEqual([['Summe']]);
    expect(t.tabelle.summenzeile).toBe(true);
    // a second save reads the table without the totals row
    const r2 = await speichereCheckliste(y.context, '1.1', z.checkliste, z.kennzahlen);
    expect(r2).toMatchObject({ kennzahlenAktualisiert: 3, kennzahlenAngelegt: 0, kennzahlenEntfernt: 0 });
  });
});
