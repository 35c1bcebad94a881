/**
 * speichereCheckliste against office-addin-mock objects: pins which ranges get values —
 * only the rows of the saved Handlungsziel — and that the number of
 * context.sync() calls is the same for 10 and 10,000 rows.
 */
import { TABLES } from '../domain/schema';
import { formularZeilen, LEERE_CHECKLISTE, LEERE_KENNZAHL, type KennzahlEntwurf } from '../domain/formular';
import { speichereCheckliste } from './checkliste';
import { officeMockArbeitsmappe } from './testing/officeMock';
import { parseAdresse } from '../domain/adresse';

const CL = TABLES.checkliste.columns.map((c) => c.header);
const KZ = TABLES.kennzahlen.columns.map((c) => c.header);

/**
 * n other Handlungsziele (one Checkliste row, one Kennzahl each) and 1.1 in
 * the middle (Checkliste + Kennzahlen K1.1.1, K1.1.2); an extra user column
 * "Notiz" in both tables. Returns the mock and the 1-based sheet rows of 1.1.
 */
function arbeitsmappe(n: number) {
  const cl: (string | number)[][] = [];
  const kz: (string | number)[][] = [];
  for (let i = 0; i < n; i++) {
    cl.push([`9.${i}`, `Gruppe ${i}`, '', '', 'in Umsetzung', '', 'keiner', '', `Notiz ${i}`]);
    kz.push([`K9.${i}`, `9.${i}`, `Kennzahl ${i}`, 'Anzahl', 'Output', '', 100, i, '', '', '', '', `N${i}`]);
  }
  const mitte = Math.floor(n / 2);
  cl.splice(mitte, 0, ['1.1', 'alt', '', '', 'in Umsetzung', '', 'keiner', '', 'meine Notiz']);
  kz.splice(mitte, 0, ['K1.1.1', '1.1', 'Alt 1', 'Anzahl', 'Output', '', 100, 10, '', '', '', '', 'bleibt'], ['K1.1.2', '1.1', 'Alt 2', 'Anzahl', 'Output', '', 100, 20, '', '', '', '', 'weg']);
  const m = officeMockArbeitsmappe([
    { name: 'tblCheckliste', blatt: 'Checkliste', kopf: [...CL, 'Notiz'], zeilen: cl },
    { name: 'tblKennzahlen', blatt: 'Kennzahlen', kopf: [...KZ, 'Notiz'], zeilen: kz },
  ]);
  // header in row 1: data row i is sheet row i + 2
  return { m, clZeile: mitte + 2, kzZeilen: [mitte + 2, mitte + 3] };
}

const entwurf = (x: Partial<KennzahlEntwurf>): KennzahlEntwurf => ({ ...LEERE_KENNZAHL, name: 'Teilnehmende', einheit: 'Personen', zielwert: '50', ...x });

async function speichern(n: number) {
  const a = arbeitsmappe(n);
  const z = formularZeilen('1.1', { ...LEERE_CHECKLISTE, zielgruppe: 'Eltern', umsetzungsstand: 'erreicht' }, [
    entwurf({ id: 'K1.1.1', istwert: '42' }),
    // new: appended below the table; the removed K1.1.2's row is deleted
    entwurf({ id: 'K1.1.3', name: '=SUMME(A1)', istwert: '7' }),
  ]);
  const r = await speichereCheckliste(a.m.context, '1.1', z.checkliste, z.kennzahlen);
  return { ...a, r };
}

describe('speichereCheckliste (office-addin-mock)', () => {
  test('schreibt nur die Zeilen des Handlungsziels 1.1; die Zusatzspalte der Nutzerin nie', async () => {
    const { m, r, clZeile, kzZeilen } = await speichern(10);
    expect(r).toMatchObject({ checkliste: 'aktualisiert', kennzahlenAktualisiert: 1, kennzahlenAngelegt: 1, kennzahlenEntfernt: 1, syncs: 2 });
    // the new Kennzahl goes below the table (12 body rows, header in row 1), not into the removed one's row
    const neueZeile = 10 + 2 + 2;
    const geschrieben = m.geschrieben();
    expect(geschrieben.length).toBeGreaterThan(0);
    for (const g of geschrieben) {
      const b = parseAdresse(g.adresse);
      expect(b.zeilen).toBe(1);
      expect(g.blatt === 'Checkliste' ? [clZeile] : [kzZeilen[0], neueZeile]).toContain(b.zeile);
    }
    // the Checkliste row: known columns A:H in one range, the user's column I untouched
    const cl = geschrieben.filter((g) => g.blatt === 'Checkliste');
    expect(cl.map((g) => g.adresse)).toEqual([`A${clZeile}:H${clZeile}`]);
    // the ID goes out with Excel's text prefix, so "1.1" is never read as a number or a date
    expect(cl[0].werte[0].slice(0, 5)).toEqual(["'1.1", 'Eltern', '', '', 'erreicht']);
    // Kennzahlen: the updated row and the new row; the formula-like name is sent as text
    const kz = geschrieben.filter((g) => g.blatt === 'Kennzahlen');
    const erste = kz.find((g) => g.adresse === `A${kzZeilen[0]}:L${kzZeilen[0]}`);
    expect(erste?.werte[0].slice(0, 3)).toEqual(['K1.1.1', "'1.1", 'Teilnehmende']);
    expect(erste?.werte[0][7]).toBe(42);
    const zweite = kz.find((g) => g.adresse === `A${neueZeile}:L${neueZeile}`);
    expect(zweite?.werte[0].slice(0, 3)).toEqual(['K1.1.3', "'1.1", "'=SUMME(A1)"]);
    // the user's column M (notes, or a calculated column) is never written
    expect(kz.filter((g) => g.adresse.startsWith('M'))).toEqual([]);
    // the removed Kennzahl's row is deleted, the table resized over the new row
    expect(m.aufrufe.filter((x) => x.startsWith('delete'))).toEqual([`delete Up Kennzahlen!A${kzZeilen[1]}:M${kzZeilen[1]}`]);
    expect(m.aufrufe.filter((x) => x.startsWith('resize'))).toHaveLength(1);
  });

  test('gleich viele syncs und gleich viele Schreibaufrufe für 10 und 10.000 Zeilen', async () => {
    const klein = await speichern(10);
    const gross = await speichern(10_000);
    expect(klein.m.syncs()).toBe(2);
    expect(gross.m.syncs()).toBe(klein.m.syncs());
    expect(gross.r.syncs).toBe(klein.r.syncs);
    expect(gross.m.geschrieben()).toHaveLength(klein.m.geschrieben().length);
    // only the key columns are read, not whole rows: two Kennzahlen key columns + one Checkliste key column
    const gelesen = gross.m.bereiche.filter((b) => Array.isArray(b.m.values) && b.m.values === b.m.saat && (b.m.values as unknown[][]).length > 1000);
    expect(gelesen.map((b) => `${b.blatt}!${b.adresse}`).sort()).toEqual(['Checkliste!A2:A10002', 'Kennzahlen!A2:A10003', 'Kennzahlen!B2:B10003']);
  });

  test('fehlende Kennzahl wird entfernt: Zeile nach oben gelöscht (eine Zeile, keine Schleife über die Tabelle)', async () => {
    const a = arbeitsmappe(10_000);
    const z = formularZeilen('1.1', LEERE_CHECKLISTE, [entwurf({ id: 'K1.1.1' })]);
    const r = await speichereCheckliste(a.m.context, '1.1', z.checkliste, z.kennzahlen);
    expect(r).toMatchObject({ kennzahlenAktualisiert: 1, kennzahlenEntfernt: 1, syncs: 2 });
    expect(a.m.aufrufe.filter((x) => x.startsWith('delete'))).toEqual([`delete Up Kennzahlen!A${a.kzZeilen[1]}:M${a.kzZeilen[1]}`]);
  });
});
