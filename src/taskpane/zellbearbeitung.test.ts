/**
 * While a user edits a cell, Excel rejects every request
 * (InvalidOperationInCellEditMode). Every action must let that code through
 * to the task pane unchanged, which tells the user how to end the edit.
 */
import { createFakeExcel } from '../excel/testing/fakeExcel';
import { beispielSaat } from '../excel/testing/saat';
import { leseArbeitsmappe } from '../excel/lesen';
import { arbeitsmappenStatus } from '../excel/status';
import { einrichten } from '../excel/einrichten';
import { kpiAktualisieren } from '../excel/kpi';
import { speichereCheckliste } from '../excel/checkliste';
import { waehleZelle } from '../excel/navigation';
import { sicherungAnlegen, letzteSicherungWiederherstellen } from '../excel/sicherung';
import { letztenImportRueckgaengig } from '../excel/netzwerk';
import { formularZeilen, LEERE_CHECKLISTE, LEERE_KENNZAHL } from '../domain/formular';
import { alsBenutzerFehler, ZELLBEARBEITUNG } from './fehler';

type Aktion = (ctx: Excel.RequestContext) => Promise<unknown>;

const z = formularZeilen('1.1', LEERE_CHECKLISTE, [{ ...LEERE_KENNZAHL, id: 'K-neu', name: 'Neu', einheit: 'Anzahl', zielwert: '5' }]);
const AKTIONEN: [string, Aktion][] = [
  ['Arbeitsmappe lesen', (c) => leseArbeitsmappe(c)],
  ['Status', (c) => arbeitsmappenStatus(c)],
  ['Einrichten', (c) => einrichten(c)],
  ['KPIs aktualisieren', (c) => kpiAktualisieren(c, new Date(2026, 10, 25))],
  ['Checkliste speichern', (c) => speichereCheckliste(c, '1.1', z.checkliste, z.kennzahlen)],
  ['Zelle auswählen', (c) => waehleZelle(c, 'Ziele', 'A2')],
  ['Sicherung anlegen', (c) => sicherungAnlegen(c, 'tblKennzahlen')],
  ['Sicherung wiederherstellen', (c) => letzteSicherungWiederherstellen(c, 'tblKennzahlen')],
  ['Import rückgängig', (c) => letztenImportRueckgaengig(c)],
];

describe('Zellbearbeitung: jede Aktion meldet sie auf Deutsch', () => {
  test.each(AKTIONEN)('%s', async (name, aktion) => {
    for (const ab of [0, 1, 2]) {
      const fx = createFakeExcel(beispielSaat());
      await sicherungAnlegen(fx.context, 'tblKennzahlen');
      // the edit starts after `ab` syncs of the action
      let n = 0;
      const sync = fx.context.sync.bind(fx.context);
      fx.context.sync = (async () => {
        if (n++ === ab) fx.zelleBearbeiten(true);
        return sync();
      }) as typeof fx.context.sync;
      let fehler: unknown = null;
      try {
        await aktion(fx.context);
      } catch (e) {
        fehler = e;
      }
      // an action with fewer syncs than `ab` ends (or refuses on its own) before the edit starts
      if (fehler === null || (n <= ab && !(fehler as { code?: string }).code)) {
        expect(n).toBeLessThanOrEqual(ab);
        continue;
      }
      expect(fehler).toMatchObject({ code: 'InvalidOperationInCellEditMode' });
      const f = alsBenutzerFehler(fehler, name);
      expect(f.hinweis).toBe(ZELLBEARBEITUNG);
    }
  });
});
