/**
 * What every action writes, as the fake workbook looks afterwards: compared
 * with snapshots taken before the calls that write it were regrouped (fewer
 * calls and syncs must not change a single value or format), on the sample
 * plan (the changed lines) and, by hash, on a plan of 300 rows; actions
 * that only read leave the workbook as it was.
 */
import { abbild, abbildHash, aenderungen } from './testing/abbild';
import { SZENARIEN } from './testing/aktionen';

describe('Aktionen schreiben unverändert', () => {
  for (const s of SZENARIEN) {
    test(`${s.name}: Beispiel`, async () => {
      const vorbereitet = await s.vorbereiten?.();
      const fx = s.mappe();
      const vorher = abbild(fx);
      const ergebnis = await s.lauf(fx, vorbereitet);
      expect(aenderungen(vorher, abbild(fx))).toMatchSnapshot('Änderungen');
      expect(JSON.stringify(ergebnis, (k, v: unknown) => (k === 'anfrage' || k === 'syncs' ? undefined : v))).toMatchSnapshot('Ergebnis');
    });
    test(`${s.name}: 300 Zeilen`, async () => {
      const vorbereitet = await s.vorbereiten?.(300);
      const fx = s.mappe(300);
      const vorher = abbild(fx);
      await s.lauf(fx, vorbereitet);
      const nachher = abbild(fx);
      if (s.liestNur) expect(nachher).toBe(vorher);
      expect(abbildHash(fx)).toMatchSnapshot();
    });
  }
});

/** Round trips per action: one read, and one write if the action writes (SZENARIEN names). */
const ZIEL_SYNCS: Readonly<Record<string, number>> = {
  'Einrichten (leere Mappe)': 2,
  'Einrichten (Mappe mit Daten)': 2,
  Prüfen: 1,
  Status: 1,
  'KPIs aktualisieren': 2,
  'Checkliste speichern': 2,
  'Übernehmen (Vorschau)': 1,
  Übernehmen: 2,
};

describe('Syncs je Aktion: gleich für 10 und 10.000 Zeilen, das Ziel', () => {
  for (const s of SZENARIEN) {
    test(s.name, async () => {
      const zaehlen = async (n: number): Promise<number> => {
        const vorbereitet = await s.vorbereiten?.(n);
        const fx = s.mappe(n);
        const spy = jest.spyOn(fx.context, 'sync');
        await s.lauf(fx, vorbereitet);
        return spy.mock.calls.length;
      };
      const klein = await zaehlen(10);
      const gross = await zaehlen(10_000);
      expect(klein).toBe(ZIEL_SYNCS[s.name]);
      expect(gross).toBe(klein);
    });
  }
});
