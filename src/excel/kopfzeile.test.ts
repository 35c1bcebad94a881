/**
 * A table whose header row the user switched off (Tabellenentwurf ›
 * Kopfzeile): Excel's getHeaderRowRange fails the whole batch. Prüfen,
 * status and refresh must still run and report one Fehler for that table.
 */
import { pruefen } from '../domain';
import { formularZeilen, LEERE_CHECKLISTE } from '../domain/formular';
import { speichereCheckliste } from './checkliste';
import { einrichten } from './einrichten';
import { kpiAktualisieren } from './kpi';
import { leseArbeitsmappe } from './lesen';
import { arbeitsmappenStatus } from './status';
import { createFakeExcel } from './testing/fakeExcel';
import { beispielSaat } from './testing/saat';

const HINWEIS = 'Kopfzeile einschalten (Tabellenentwurf › Kopfzeile)';

function ohneKopf(tabelle = 'tblKennzahlen') {
  const fx = createFakeExcel(beispielSaat());
  fx.modell.tabellen.find((t) => t.name === tabelle)!.ohneKopf = true;
  return fx;
}

describe('Tabelle ohne Kopfzeile', () => {
  test('die Fälschung: getHeaderRowRange scheitert beim nächsten sync, wie in Excel', async () => {
    const fx = ohneKopf();
    const t = fx.context.workbook.tables.getItem('tblKennzahlen');
    t.getHeaderRowRange().load('values');
    await expect(fx.context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
  });

  test('Prüfen: genau ein Fehler für die Tabelle, kein „Spalte fehlt“', async () => {
    const fx = ohneKopf();
    const raw = await leseArbeitsmappe(fx.context);
    const f = pruefen(raw).findings.filter((x) => x.meldung.includes('tblKennzahlen'));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ schwere: 'Fehler', regel: 'KOPFZEILE_AUS', blatt: 'Kennzahlen' });
    expect(f[0].meldung).toContain(HINWEIS);
    // one request: the header-less table is read through getRange (getHeaderRowRange would fail the batch)
    expect(fx.syncs()).toBe(1);
  });

  test('Status: Kopfzeile einschalten statt Spalten ergänzen', async () => {
    const fx = ohneKopf();
    const s = await arbeitsmappenStatus(fx.context);
    expect(s.fehlend).toEqual([expect.stringContaining(HINWEIS)]);
    expect(s.tabellen.find((t) => t.tabelle === 'tblKennzahlen')!.fehlendeSpalten).toEqual([]);
  });

  test('KPIs aktualisieren: stoppt mit dem Fehler, schreibt nichts', async () => {
    const fx = ohneKopf();
    const r = await kpiAktualisieren(fx.context, new Date(2026, 10, 25));
    expect(r.kpi).toBeNull();
    expect(r.findings.some((x) => x.regel === 'KOPFZEILE_AUS')).toBe(true);
    expect(fx.modell.blaetter.some((b) => b.name === 'KPI Übersicht')).toBe(false);
  });

  test('Einrichten und Checkliste speichern: deutsche Meldung, nichts geändert', async () => {
    const fx = ohneKopf();
    const vorher = fx.schnappschuss();
    await expect(einrichten(fx.context)).rejects.toThrow(HINWEIS);
    const z = formularZeilen('1.1', LEERE_CHECKLISTE, []);
    await expect(speichereCheckliste(fx.context, '1.1', z.checkliste, z.kennzahlen)).rejects.toThrow(HINWEIS);
    expect(fx.schnappschuss()).toBe(vorher);
  });
});
