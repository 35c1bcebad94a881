/**
 * `npm run bench`: the performance figures of README in one run (< 5 minutes on the
 * 2-core machine). Prints a short German table on stderr and the full JSON
 * on stdout; `--doku` also writes docs/BENCHMARK.md.
 *   npm run -s bench -- [--groessen 100,1000,10000] [--laeufe 5] [--ohne-bundle] [--nur cli,domain] [--doku] > ergebnis.json
 * (-s keeps npm's own lines out of the JSON). `--nur` measures only the named
 * sections (domain, cli, syncs, jahreswechsel, berichte, bundle), for
 * iterating on one of them; the others are reported as skipped.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { messeBundle, type BundleMessung } from './bundle';
import { messeCli, type CliMessung } from './cli';
import { messeDomain, type DomainMessung } from './domain';
import { jetztMs, runde } from './messen';
import { markdown, tabelle, ZIELE } from './bericht';
import { messeSyncs, type SyncMessung } from './syncs';
import { messeJahreswechsel, type JahreswechselMessung } from './jahreswechsel';
import { messeBerichte, type BerichtMessung } from './umsetzungsbericht';

export interface Ergebnis {
  zeitpunkt: string;
  rechner: { cpus: number; cpuModell: string; node: string; plattform: string; lastVorher: number[]; lastNachher: number[] };
  ziele: typeof ZIELE;
  domain: DomainMessung[] | { fehler: string };
  cli: { messungen: CliMessung[]; startMs: Record<string, number> } | { fehler: string };
  syncs: SyncMessung | { fehler: string };
  jahreswechsel: JahreswechselMessung[] | { fehler: string };
  berichte: BerichtMessung[] | { fehler: string };
  bundle: BundleMessung | { fehler: string } | null;
  bewertung: { ziel: string; gemessen: string; erfuellt: boolean | null }[];
  dauerSekunden: number;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const ABSCHNITTE = ['domain', 'cli', 'syncs', 'jahreswechsel', 'berichte', 'bundle'] as const;
const nur = arg('--nur')?.split(',');
const UEBERSPRUNGEN = 'übersprungen (--nur)';

/** A failing section is reported in the JSON (and the exit code), the others still run. */
async function abschnitt<T>(schluessel: (typeof ABSCHNITTE)[number], name: string, f: () => Promise<T> | T): Promise<T | { fehler: string }> {
  if (nur && !nur.includes(schluessel)) return { fehler: UEBERSPRUNGEN };
  const t0 = jetztMs();
  process.stderr.write(`… ${name}\n`);
  try {
    const r = await f();
    process.stderr.write(`  ${name}: ${runde((jetztMs() - t0) / 1000, 1)} s\n`);
    return r;
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    process.stderr.write(`  ${name} FEHLGESCHLAGEN: ${text}\n`);
    return { fehler: text };
  }
}

async function main(): Promise<number> {
  const t0 = jetztMs();
  const root = path.join(__dirname, '..', '..');
  const groessen = (arg('--groessen') ?? '100,1000,10000').split(',').map(Number);
  if (groessen.some((g) => !Number.isInteger(g) || g < 1)) throw new Error('--groessen erwartet ganze Zahlen, z. B. 100,1000,10000');
  const laeufe = Number(arg('--laeufe') ?? '5');
  if (nur && nur.some((n) => !(ABSCHNITTE as readonly string[]).includes(n))) throw new Error(`--nur erwartet eine Liste aus ${ABSCHNITTE.join(', ')}`);
  // docs/BENCHMARK.md always describes a whole run
  if (nur && process.argv.includes('--doku')) throw new Error('--doku nur mit allen Abschnitten, ohne --nur');
  const lastVorher = os.loadavg().map((x) => runde(x, 2));
  const ordner = mkdtempSync(path.join(os.tmpdir(), 'im-bench-'));
  try {
    const domain = await abschnitt('domain', 'Domäne (prüfen + KPI)', () => messeDomain(groessen, 15));
    const cli = await abschnitt('cli', 'CLI gegen nacktes exceljs-Lesen', () => messeCli(root, ordner, groessen, laeufe));
    const syncs = await abschnitt('syncs', 'context.sync() je Add-in-Aktion', () => messeSyncs(groessen));
    const jahreswechsel = await abschnitt('jahreswechsel', 'Jahreswechsel (CLI und Domäne)', () => messeJahreswechsel(root, ordner, groessen, Math.min(laeufe, 3)));
    // the sample and the largest plan: a report of every size in between would only repeat the trend
    const berichte = await abschnitt('berichte', 'bericht je Format (Beispiel und größte Planung)', () =>
      messeBerichte(root, ordner, [Math.max(...groessen)], laeufe),
    );
    const bundle = process.argv.includes('--ohne-bundle') ? null : await abschnitt('bundle', 'Aufgabenbereich-Bundle (webpack production)', () => messeBundle(root, ordner));
    const cpu = os.cpus();
    const ergebnis: Ergebnis = {
      zeitpunkt: new Date().toISOString(),
      rechner: { cpus: cpu.length, cpuModell: cpu[0]?.model ?? '?', node: process.version, plattform: `${os.platform()} ${os.release()}`, lastVorher, lastNachher: os.loadavg().map((x) => runde(x, 2)) },
      ziele: ZIELE,
      domain,
      cli,
      syncs,
      jahreswechsel,
      berichte,
      bundle,
      bewertung: [],
      dauerSekunden: 0,
    };
    ergebnis.dauerSekunden = runde((jetztMs() - t0) / 1000, 1);
    const { zeilen, bewertung } = tabelle(ergebnis);
    ergebnis.bewertung = bewertung;
    process.stderr.write(`\n${zeilen.join('\n')}\n\n`);
    process.stdout.write(`${JSON.stringify(ergebnis, null, 2)}\n`);
    if (process.argv.includes('--doku')) {
      const ziel = path.join(root, 'docs', 'BENCHMARK.md');
      writeFileSync(ziel, markdown(ergebnis));
      process.stderr.write(`docs/BENCHMARK.md geschrieben.\n`);
    }
    const kaputt = [domain, cli, syncs, jahreswechsel, berichte, bundle].some((x) => x !== null && 'fehler' in x && x.fehler !== UEBERSPRUNGEN);
    return kaputt ? 1 : 0;
  } finally {
    rmSync(ordner, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`Benchmark abgebrochen: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  },
);
