/**
 * The command line as parsed by node:util parseArgs: each wrong call ends
 * with exactly one German line and exit code 2, before any file is read.
 */
import { main, VERBS } from '../../src/cli/main';
import type { Io } from '../../src/cli/common';

async function aufruf(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => void (out += `${t}\n`), err: (t) => void (err += `${t}\n`) };
  const code = await main(argv, io);
  return { code, out, err };
}

const HILFE = (verb: string): string => `Hilfe: integrationsmonitor ${verb} --help`;

describe('wrong command lines', () => {
  it.each([
    [['pruefen', 'a.xlsx', '--gibtsnicht'], `Fehler: Unbekannte Option „--gibtsnicht“ für „pruefen“. ${HILFE('pruefen')}`],
    [['pruefen', 'a.xlsx', '--gibtsnicht=1'], `Fehler: Unbekannte Option „--gibtsnicht=1“ für „pruefen“. ${HILFE('pruefen')}`],
    [['pruefen', 'a.xlsx', '-x'], `Fehler: Unbekannte Option „-x“ für „pruefen“. ${HILFE('pruefen')}`],
    // a group of short options is named as typed, not by its first unknown letter
    [['pruefen', 'a.xlsx', '-hx'], `Fehler: Unbekannte Option „-hx“ für „pruefen“. ${HILFE('pruefen')}`],
    [['pruefen', 'a.xlsx', '-json'], `Fehler: Unbekannte Option „-json“ für „pruefen“. ${HILFE('pruefen')}`],
    [['pruefen', 'a.xlsx', '---json'], `Fehler: Unbekannte Option „---json“ für „pruefen“. ${HILFE('pruefen')}`],
    [['pruefen', 'a.xlsx', '--help=1'], `Fehler: Unbekannte Option „--help=1“ für „pruefen“. ${HILFE('pruefen')}`],
    // an option of another verb
    [['pruefen', 'a.xlsx', '--aus', 'b.xlsx'], `Fehler: Unbekannte Option „--aus“ für „pruefen“. ${HILFE('pruefen')}`],
    [['pruefen', 'a.xlsx', '--json=1'], `Fehler: Die Option „--json“ erwartet keinen Wert. ${HILFE('pruefen')}`],
    [['kpi', 'a.xlsx', '--aus'], `Fehler: Die Option „--aus“ braucht einen Wert, z. B. „--aus ziel.xlsx“. ${HILFE('kpi')}`],
    [['kpi', 'a.xlsx', '--aus='], `Fehler: Die Option „--aus“ braucht einen Wert, z. B. „--aus ziel.xlsx“. ${HILFE('kpi')}`],
    [['kpi', 'a.xlsx', '--aus', ''], `Fehler: Die Option „--aus“ braucht einen Wert, z. B. „--aus ziel.xlsx“. ${HILFE('kpi')}`],
    // the next option is no value
    [['kpi', 'a.xlsx', '--aus', '--json'], `Fehler: Die Option „--aus“ braucht einen Wert, z. B. „--aus ziel.xlsx“. ${HILFE('kpi')}`],
    [['pruefen'], `Fehler: „pruefen“ braucht <datei.xlsx>. ${HILFE('pruefen')}`],
    [['pruefen', 'a.xlsx', 'b.xlsx'], `Fehler: Zu viele Angaben für „pruefen“: „b.xlsx“. ${HILFE('pruefen')}`],
    // wrong type: the verbs' own checks of a value
    [['aufteilen', 'a.xlsx', 'ordner', '--hf', 'drei'], 'Fehler: „--hf“ erwartet die Nummer eines Handlungsfelds, z. B. „--hf 3“.'],
    // a value may start with a single dash
    [['jahreswechsel', 'a.xlsx', '--aus', 'neu.xlsx', '--jahr', '-5'], 'Fehler: „--jahr -5“ ist keine Jahreszahl. Bitte z. B. „--jahr 2027“ angeben.'],
    [['gibtsnicht'], 'Fehler: Unbekannter Befehl „gibtsnicht“. Verfügbare Befehle: vorlage, pruefen, kpi, bericht, fehlend, aufteilen, zusammenfuehren, jahreswechsel. Hilfe: integrationsmonitor --help'],
  ])('%j', async (argv, meldung) => {
    const r = await aufruf(...argv);
    expect(r).toEqual({ code: 2, out: '', err: `${meldung}\n` });
  });

  it('reports the first problem from the left, even after --help', async () => {
    expect((await aufruf('pruefen', '--help', '--x', '--y')).err).toBe(`Fehler: Unbekannte Option „--x“ für „pruefen“. ${HILFE('pruefen')}\n`);
  });

  it('--debug is taken out anywhere before --, not after it', async () => {
    const vorne = await aufruf('--debug', 'pruefen', 'fehlt.xlsx');
    expect(vorne.code).toBe(2);
    expect(vorne.err).toMatch(/^Fehler: Die Datei „fehlt\.xlsx“ wurde nicht gefunden\.[^\n]*\nTechnischer Hinweis: /);
    const danach = await aufruf('pruefen', '--', '--debug');
    expect(danach.err).toBe('Fehler: Die Datei „--debug“ wurde nicht gefunden. Bitte Pfad und Dateinamen prüfen.\n');
  });
});

describe('help', () => {
  it.each(['-h', '--help', '--hilfe'])('%s prints the verb help on stdout, exit 0', async (h) => {
    for (const name of Object.keys(VERBS)) {
      const verb = await VERBS[name]();
      expect(await aufruf(name, h)).toEqual({ code: 0, out: `${verb.hilfe}\n`, err: '' });
    }
  });

  it('every registered verb carries its own name', async () => {
    for (const [name, laden] of Object.entries(VERBS)) expect((await laden()).name).toBe(name);
  });
});
