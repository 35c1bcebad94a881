import { createFakeExcel } from './testing/fakeExcel';
import { beispielSaat } from './testing/saat';
import {
  sicherungAnlegen,
  letzteSicherungWiederherstellen,
  sicherungsName,
  freierName,
  aufKopfAbbilden,
  sicherungsblaetter,
} from './sicherung';

const T1 = new Date(2026, 10, 25, 15, 30, 12);
const T2 = new Date(2026, 10, 25, 15, 45, 0);

describe('Sicherung', () => {
  test('Name: kurz genug für Excel, eindeutig', () => {
    expect(sicherungsName(T1)).toBe('Sicherung 2026-11-25 153012');
    expect(sicherungsName(T1).length).toBeLessThanOrEqual(31);
    expect(freierName('Sicherung X', new Set(['sicherung x']))).toBe('Sicherung X 2');
  });

  test('Sicherungsblätter: nur Blätter mit dem Präfix, neueste zuerst', () => {
    const alt = sicherungsName(new Date(2026, 0, 5, 9, 0, 0));
    const neu = sicherungsName(new Date(2026, 10, 25, 15, 30, 12));
    const namen = ['Arbeitsplanung', alt, `${neu} 2`, 'KPI Übersicht', neu, 'Sicherungen (Notizen)'];
    expect(sicherungsblaetter(namen)).toEqual([`${neu} 2`, neu, alt]);
    expect(sicherungsblaetter(['Stammdaten', 'Ziele'])).toEqual([]);
    expect(namen[0]).toBe('Arbeitsplanung'); // input left unsorted
  });

  test('anlegen: verstecktes Blatt mit Kennung und Werten; 2 syncs', async () => {
    const fx = createFakeExcel(beispielSaat());
    const s = await sicherungAnlegen(fx.context, 'tblArbeitsplanung', { jetzt: T1 });
    expect(fx.syncs()).toBe(2);
    expect(s.blatt).toBe('Sicherung 2026-11-25 153012');
    const b = fx.blatt(s.blatt);
    expect(b.sichtbarkeit).toBe('Hidden');
    expect(fx.werte(s.blatt, 'A1:B1')).toEqual([['Sicherung der Tabelle', 'tblArbeitsplanung']]);
    const t = fx.tabelle('tblArbeitsplanung')!;
    expect(fx.werte(s.blatt, 'A3:L3')).toEqual([t.kopf]);
    expect(fx.werte(s.blatt, `A4:L${3 + t.zeilen.length}`)).toEqual(t.zeilen);
  });

  test('wiederherstellen nach Massenänderung: Werte, Zeilenzahl, Zusatzspalte', async () => {
    const fx = createFakeExcel(beispielSaat());
    const original = fx.tabelle('tblArbeitsplanung')!.zeilen.map((r) => [...r]);
    await sicherungAnlegen(fx.context, 'tblArbeitsplanung', { jetzt: T1 });
    // a bulk change: statuses overwritten and rows removed
    fx.tippen('Arbeitsplanung', 'J2', 'entfallen');
    const t = fx.tabelle('tblArbeitsplanung')!.tabelle;
    t.zeilen -= 3;
    const r = await letzteSicherungWiederherstellen(fx.context, 'tblArbeitsplanung');
    expect(r.tabelle).toBe('tblArbeitsplanung');
    expect(r.zeilen).toBe(original.length);
    expect(fx.tabelle('tblArbeitsplanung')!.zeilen).toEqual(original);
  });

  test('wiederherstellen verkleinert die Tabelle; syncs gleich für kleine und große Tabellen', async () => {
    const messen = async (n: number) => {
      const fx = createFakeExcel(beispielSaat(n));
      const original = fx.tabelle('tblArbeitsplanung')!.zeilen.map((r) => [...r]);
      await sicherungAnlegen(fx.context, 'tblArbeitsplanung', { jetzt: T1 });
      await sicherungAnlegen(fx.context, 'tblKennzahlen', { jetzt: T2 });
      // rows were added after the backup
      fx.tippen('Arbeitsplanung', `A${n + 2}`, 'NEU');
      fx.tabelle('tblArbeitsplanung')!.tabelle.zeilen += 1;
      const vorher = fx.syncs();
      await letzteSicherungWiederherstellen(fx.context, 'tblArbeitsplanung');
      expect(fx.tabelle('tblArbeitsplanung')!.zeilen).toEqual(original);
      return fx.syncs() - vorher;
    };
    const klein = await messen(10);
    const gross = await messen(10_000);
    expect(klein).toBe(4);
    expect(gross).toBe(klein);
  });

  test('Zuordnung nach Kopfzeile; ohne Sicherung deutsche Meldung', async () => {
    expect(aufKopfAbbilden([['B', 'A'], [2, 1], ['', '']], ['A', 'B', 'C'])).toEqual({ zeilen: [[1, 2, null]], ohneSicherung: ['C'] });
    const fx = createFakeExcel(beispielSaat());
    await expect(letzteSicherungWiederherstellen(fx.context)).rejects.toThrow('Es gibt keine Sicherung');
    await expect(sicherungAnlegen(fx.context, 'tblGibtsNicht')).rejects.toThrow('Die Tabelle tblGibtsNicht wurde in dieser Arbeitsmappe nicht gefunden');
  });
});
