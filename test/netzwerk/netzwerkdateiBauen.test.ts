/**
 * The task pane's "Netzwerkdatei erstellen" builds the network workbook in
 * the browser with the CLI's writer: for HF 3 of the sample it holds the
 * same tables and rows as the file of `integrationsmonitor aufteilen --hf 3`,
 * including the hidden origin marker, and merging it back changes nothing.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { verb as aufteilenVerb } from '../../src/cli/aufteilen';
import { fuehreAus } from '../../src/cli/main';
import type { Io } from '../../src/cli/common';
import type { RawWorkbook } from '../../src/domain/model';
import { aufteilen, leseHerkunft, zusammenfuehren } from '../../src/domain/netzwerk';
import { beispielTabellen } from '../../src/workbook/beispiel';
import { HERKUNFT_BLATT } from '../../src/workbook/herkunft';
import { rohdatenAusMappe } from '../../src/workbook/rohdaten';
import { schreibeVorlage } from '../../src/xlsx';
import { ladeArbeitsmappe } from '../../src/cli/dateiLaden';
import { speichereArbeitsmappe } from '../../src/cli/speichern';
import { netzwerkdateiBauen, UNBEKANNTE_MAPPE } from '../../src/taskpane/netzwerk/netzwerkdateiBauen';
import { BenutzerFehler } from '../../src/taskpane/gateway';

const JETZT = new Date(Date.UTC(2026, 10, 25, 15, 0, 0));
const stumm: Io = { out: () => undefined, err: () => undefined };

describe('netzwerkdateiBauen (Aufgabenbereich) = CLI aufteilen', () => {
  let dir: string;
  let gesamtPfad: string;
  let gesamt: RawWorkbook;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'netzwerk-pane-'));
    gesamtPfad = path.join(dir, 'Arbeitsplanung-2026.xlsx');
    const wb = new ExcelJS.Workbook();
    schreibeVorlage(wb, beispielTabellen());
    await speichereArbeitsmappe(wb, gesamtPfad);
    // what the pane reads from the open workbook: its tables, source = the file name
    gesamt = rohdatenAusMappe(await ladeArbeitsmappe(gesamtPfad), 'Arbeitsplanung-2026.xlsx');
  });

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('builds for HF 3 the same workbook as the CLI, marker included, and it merges back without changes', async () => {
    const erstellt = await netzwerkdateiBauen(gesamt, 3, JETZT);
    expect(erstellt.hf).toBe(3);
    expect(erstellt.datei).toMatch(/^HF3-.*\.xlsx$/);

    const ordner = path.join(dir, 'netzwerke');
    expect(await fuehreAus(aufteilenVerb, [gesamtPfad, ordner, '--hf', '3'], stumm, () => JETZT)).toBe(0);
    expect(await fs.readdir(ordner)).toEqual([erstellt.datei]);
    const cliMappe = await ladeArbeitsmappe(path.join(ordner, erstellt.datei));
    const cli = rohdatenAusMappe(cliMappe, erstellt.datei);

    // the browser bytes read back like a file the user picks in the pane
    const paneMappe = await new ExcelJS.Workbook().xlsx.load(erstellt.inhalt.slice().buffer);
    const pane = rohdatenAusMappe(paneMappe, erstellt.datei);

    expect(pane.sheets).toEqual(cli.sheets);
    expect(pane.tables).toEqual(cli.tables);
    expect(paneMappe.worksheets.map((w) => [w.name, w.state])).toEqual(cliMappe.worksheets.map((w) => [w.name, w.state]));
    expect(paneMappe.getWorksheet(HERKUNFT_BLATT)?.state).toBe('veryHidden');

    // only HF 3's rows; the marker names HF, source and export time and fingerprints every row
    const erwartet = aufteilen(gesamt, 3, {
      quelle: 'Arbeitsplanung-2026.xlsx',
      exportiertAm: JETZT,
      nurVertragsspalten: ['handlungsfelder', 'einstellungen'],
    });
    const herkunft = leseHerkunft(pane, erstellt.datei);
    expect(herkunft).toEqual(erwartet.herkunft);
    expect(herkunft?.hf).toBe(3);
    expect(herkunft?.quelle).toBe('Arbeitsplanung-2026.xlsx');
    const plan = pane.tables.find((t) => t.name === 'tblArbeitsplanung');
    const hfSpalte = plan?.headers.indexOf('HF-Nr') ?? -1;
    expect(plan?.rows.length).toBeGreaterThan(0);
    expect(plan?.rows.every((r) => r[hfSpalte] === 3)).toBe(true);
    expect(erstellt.zeilen).toBe(
      (['ziele', 'arbeitsplanung', 'checkliste', 'kennzahlen'] as const).reduce(
        (n, k) => n + erwartet.tabellen[k].rows.length,
        0,
      ),
    );

    const zurueck = zusammenfuehren(gesamt, [{ datei: erstellt.datei, raw: pane }]);
    expect(zurueck.aenderungen).toEqual({ neu: [], geaendert: [], konflikte: [], abgelehnt: [] });
  });

  it('names an unknown workbook in the marker and turns domain errors into a German BenutzerFehler', async () => {
    const ohneName = await netzwerkdateiBauen({ ...gesamt, source: undefined }, 3, JETZT);
    const raw = rohdatenAusMappe(await new ExcelJS.Workbook().xlsx.load(ohneName.inhalt.slice().buffer), ohneName.datei);
    expect(leseHerkunft(raw, ohneName.datei)?.quelle).toBe(UNBEKANNTE_MAPPE);

    const fehler = await netzwerkdateiBauen(gesamt, 42, JETZT).catch((e: unknown) => e);
    expect(fehler).toBeInstanceOf(BenutzerFehler);
    expect((fehler as BenutzerFehler).message).toBe('Die Netzwerkdatei für Handlungsfeld 42 kann nicht erstellt werden.');
    expect((fehler as BenutzerFehler).hinweis).toMatch(/Handlungsfeld 42 steht nicht in der Tabelle „tblHandlungsfelder“/);
  });
});
