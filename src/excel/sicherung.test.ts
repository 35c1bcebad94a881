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

// instants, named by their German wall time (CET = UTC+1 in November), whatever the test machine's zone
const T1 = new Date(Date.UTC(2026, 10, 25, 14, 30, 12));
const T2 = new Date(Date.UTC(2026, 10, 25, 14, 45, 0));

describe('Sicherung', () => {
  test('Name: kurz genug für Excel, eindeutig', () => {
    expect(sicherungsName(T1)).toBe('Sicherung 2026-11-25 153012');
    expect(sicherungsName(T1).length).toBeLessThanOrEqual(31);
    expect(freierName('Sicherung X', new Set(['sicherung x']))).toBe('Sicherung X 02');
    expect(freierName('Sicherung X', new Set(['Sicherung X', 'Sicherung X 02']))).toBe('Sicherung X 03');
  });

  test('Name in deutscher Zeit (Europe/Berlin), auch über Mitternacht und in der Sommerzeit', () => {
    // 23:30 UTC on 31 Dec is already New Year in Germany
    expect(sicherungsName(new Date(Date.UTC(2026, 11, 31, 23, 30, 5)))).toBe('Sicherung 2027-01-01 003005');
    // summer time: UTC+2
    expect(sicherungsName(new Date(Date.UTC(2026, 6, 1, 10, 0, 0)))).toBe('Sicherung 2026-07-01 120000');
    expect(sicherungsName(new Date(Date.UTC(2026, 6, 1, 22, 0, 0)))).toBe('Sicherung 2026-07-02 000000');
  });

  test('mehr als 9 Sicherungen in derselben Sekunde: neueste zuerst', () => {
    const basis = sicherungsName(T1);
    const belegt = new Set<string>([basis]);
    const reihenfolge = [basis];
    for (let i = 0; i < 11; i++) {
      const n = freierName(basis, belegt);
      belegt.add(n);
      reihenfolge.push(n);
    }
    expect(reihenfolge[11]).toBe(`${basis} 12`);
    expect(reihenfolge.every((n) => n.length <= 31)).toBe(true);
    const gemischt = [...reihenfolge.filter((_, i) => i % 2 === 1), sicherungsName(T2), ...reihenfolge.filter((_, i) => i % 2 === 0)];
    expect(sicherungsblaetter(gemischt)).toEqual([sicherungsName(T2), ...[...reihenfolge].reverse()]);
    // also the names of older versions (" 2" … " 10", unpadded)
    expect(sicherungsblaetter([`${basis} 10`, basis, `${basis} 2`, `${basis} 9`])).toEqual([`${basis} 10`, `${basis} 9`, `${basis} 2`, basis]);
    // plain text sorting would put " 10" before " 2"
    expect([`${basis} 2`, `${basis} 10`].sort()).toEqual([`${basis} 10`, `${basis} 2`]);
  });

  test('Sicherungsblätter: nur Blätter mit dem Präfix, neueste zuerst', () => {
    const alt = sicherungsName(new Date(Date.UTC(2026, 0, 5, 8, 0, 0)));
    const neu = sicherungsName(T1);
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

describe('Wiederherstellen in eine gefilterte Tabelle', () => {
  test.each(['fehler', 'wirkungslos'] as const)('Excel %s: Filter aufgehoben, Zeilenzahl stimmt, Hinweis', async (gefiltertLoeschen) => {
    const fx = createFakeExcel({ ...beispielSaat(10), gefiltertLoeschen });
    const original = fx.tabelle('tblArbeitsplanung')!.zeilen.map((r) => [...r]);
    await sicherungAnlegen(fx.context, 'tblArbeitsplanung', { jetzt: T1 });
    fx.tippen('Arbeitsplanung', 'A12', 'NEU');
    fx.tabelle('tblArbeitsplanung')!.tabelle.zeilen += 1;
    const erste = String(original[0][0]);
    fx.filtern('tblArbeitsplanung', fx.tabelle('tblArbeitsplanung')!.kopf[0], [erste]);
    const w = await letzteSicherungWiederherstellen(fx.context, 'tblArbeitsplanung');
    expect(fx.tabelle('tblArbeitsplanung')!.zeilen).toEqual(original);
    expect(fx.tabelle('tblArbeitsplanung')!.tabelle.filter).toBeUndefined();
    expect(w.hinweise).toEqual([expect.stringContaining('Filter der Tabelle „tblArbeitsplanung“ wurde aufgehoben')]);
  });
});

describe('Wiederherstellen: neue Zeilen ohne TableRowCollection.add (Co-Authoring)', () => {
  test('fehlende Zeilen gehen als Werte unter die Tabelle, die Tabelle wird darüber vergrößert', async () => {
    const fx = createFakeExcel(beispielSaat(10));
    const original = fx.tabelle('tblArbeitsplanung')!.zeilen.map((r) => [...r]);
    await sicherungAnlegen(fx.context, 'tblArbeitsplanung', { jetzt: T1 });
    // three rows deleted after the backup
    fx.context.workbook.worksheets.getItem('Arbeitsplanung').getRange('A2:L4').delete('Up' as Excel.DeleteShiftDirection);
    const start = fx.protokoll.length;
    await letzteSicherungWiederherstellen(fx.context, 'tblArbeitsplanung');
    expect(fx.tabelle('tblArbeitsplanung')!.zeilen).toEqual(original);
    expect(fx.protokoll.slice(start).filter((p) => p.startsWith('TableRows.add'))).toEqual([]);
  });
});
