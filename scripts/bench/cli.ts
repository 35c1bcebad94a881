/**
 * CLI against a bare exceljs read of the same file, both as fresh node
 * processes (what a user waits for), plus an in-process breakdown of where
 * the CLI's time goes.
 */
import { spawnSync } from 'child_process';
import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { berechneKpi, pruefen } from '../../src/domain';
import { ladeMappe, normalisierePaket, schreibeVorlage } from '../../src/xlsx';
import { leseDateiBytes } from '../../src/cli/dateiLaden';
import { speichereArbeitsmappe } from '../../src/cli/speichern';
import { benchTabellen } from './daten';
import { jetztMs, median, prozess, runde, type Prozess } from './messen';
import { rohdatenAusMappe } from '../../src/workbook/rohdaten';

export interface CliMessung {
  zeilen: number;
  kennzahlen: number;
  dateiKB: number;
  laeufe: number;
  nackterLeseMs: number;
  pruefenMs: number;
  kpiMs: number;
  pruefenFaktor: number;
  kpiFaktor: number;
  /** CPU time (user + system) of the processes, median: hardly affected by other load on the machine */
  cpuMs: { nackterLese: number; pruefen: number; kpi: number };
  pruefenFaktorCpu: number;
  kpiFaktorCpu: number;
  /** peak memory (RSS high-water mark) of the processes, MB, median: the whole process, node itself included */
  maxRssMB: { nackterLese: number; pruefen: number; kpi: number };
  /** the same from the fastest run of each (less sensitive to other load on the machine) */
  minimumMs: { nackterLese: number; pruefen: number; kpi: number };
  pruefenFaktorMinimum: number;
  kpiFaktorMinimum: number;
  pruefenExit: number | null;
  kpiExit: number | null;
  /** in one warm process: where the time of `kpi` goes */
  profilMs: Record<string, number>;
}

const BARE_READ = "const E=require('exceljs');new E.Workbook().xlsx.readFile(process.argv[1]).then(()=>process.exit(0),e=>{console.error(e.message);process.exit(3)})";

export async function schreibeBenchDatei(ordner: string, zeilen: number): Promise<string> {
  const pfad = path.join(ordner, `bench-${zeilen}.xlsx`);
  const wb = new ExcelJS.Workbook();
  schreibeVorlage(wb, benchTabellen(zeilen));
  await speichereArbeitsmappe(wb, pfad);
  return pfad;
}

async function profil(pfad: string): Promise<Record<string, number>> {
  const p: Record<string, number> = {};
  let t = jetztMs();
  const lap = (name: string): void => {
    const n = jetztMs();
    p[name] = runde(n - t, 1);
    t = n;
  };
  const roh = await leseDateiBytes(pfad);
  lap('dateiLesen');
  // the package check alone; ladeMappe below does it too and hands the unpacked parts to exceljs
  const buf = await normalisierePaket(roh, pfad);
  lap('normalisieren');
  p.normalisiertNeuGepackt = buf === roh ? 0 : 1;
  t = jetztMs();
  const wb = await ladeMappe(roh, pfad);
  lap('ladeMappe');
  const raw = rohdatenAusMappe(wb, path.basename(pfad));
  lap('rohdatenAusMappe');
  const r = pruefen(raw);
  lap('pruefen');
  if (r.plan) berechneKpi(r.plan);
  lap('berechneKpi');
  const nackt = jetztMs();
  await new ExcelJS.Workbook().xlsx.readFile(pfad);
  p.nacktesReadFile = runde(jetztMs() - nackt, 1);
  return p;
}

const min = (xs: readonly Prozess[]): number => Math.min(...xs.map((x) => x.ms));
const cpu = (xs: readonly Prozess[]): number => median(xs.map((x) => x.cpuMs));
const rss = (xs: readonly Prozess[]): number => median(xs.map((x) => x.maxRssMB));

/** Phases of the CLI path in one process; the fastest of three runs per phase. */
async function profilMin(pfad: string): Promise<Record<string, number>> {
  const laeufe = [await profil(pfad), await profil(pfad), await profil(pfad)];
  const out: Record<string, number> = {};
  for (const k of Object.keys(laeufe[0])) out[k] = Math.min(...laeufe.map((l) => l[k]));
  return out;
}

export async function messeCli(root: string, ordner: string, groessen: readonly number[], laeufe: number): Promise<{ messungen: CliMessung[]; startMs: Record<string, number> }> {
  const bin = path.join(root, 'bin', 'integrationsmonitor.js');
  // node start alone, and module load inside one process (exceljs first, then what the CLI adds on top)
  const REQUIRE_ZEITEN =
    "const h=()=>Number(process.hrtime.bigint())/1e6;const a=h();require('exceljs');const b=h();require('./lib/cli/main.js');const c=h();process.stdout.write(JSON.stringify([b-a,c-b]))";
  const leer: number[] = [];
  const exceljs: number[] = [];
  const cliExtra: number[] = [];
  for (let i = 0; i < 5; i++) {
    leer.push(prozess(['-e', '0'], root).ms);
    const r = spawnSync(process.execPath, ['-e', REQUIRE_ZEITEN], { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`Modulladezeit nicht messbar: ${r.stderr}`);
    const [e, c] = JSON.parse(r.stdout) as [number, number];
    exceljs.push(e);
    cliExtra.push(c);
  }
  const startMs = { nodeLeer: runde(median(leer)), requireExceljs: runde(median(exceljs)), requireCliZusaetzlich: runde(median(cliExtra)) };

  const messungen: CliMessung[] = [];
  await profil(await schreibeBenchDatei(ordner, 100)); // warm up the in-process path
  for (const zeilen of groessen) {
    const pfad = await schreibeBenchDatei(ordner, zeilen);
    const stat = await fs.stat(pfad);
    const bare: Prozess[] = [];
    const pr: Prozess[] = [];
    const kp: Prozess[] = [];
    // interleaved, so drift on the shared machine hits all three alike
    for (let i = 0; i < laeufe; i++) {
      bare.push(prozess(['-e', BARE_READ, pfad], root));
      pr.push(prozess([bin, 'pruefen', pfad, '--json'], root));
      kp.push(prozess([bin, 'kpi', pfad, '--json'], root));
    }
    for (const b of bare) if (b.code !== 0) throw new Error(`exceljs konnte ${pfad} nicht lesen: ${b.stderr}`);
    const n = median(bare.map((x) => x.ms));
    const pm = median(pr.map((x) => x.ms));
    const km = median(kp.map((x) => x.ms));
    messungen.push({
      zeilen,
      kennzahlen: Math.max(8, Math.round(zeilen / 5)),
      dateiKB: Math.round(stat.size / 1024),
      laeufe,
      nackterLeseMs: runde(n),
      pruefenMs: runde(pm),
      kpiMs: runde(km),
      pruefenFaktor: runde(pm / n, 2),
      kpiFaktor: runde(km / n, 2),
      cpuMs: { nackterLese: runde(cpu(bare)), pruefen: runde(cpu(pr)), kpi: runde(cpu(kp)) },
      pruefenFaktorCpu: runde(cpu(pr) / cpu(bare), 2),
      kpiFaktorCpu: runde(cpu(kp) / cpu(bare), 2),
      maxRssMB: { nackterLese: runde(rss(bare)), pruefen: runde(rss(pr)), kpi: runde(rss(kp)) },
      minimumMs: { nackterLese: runde(min(bare)), pruefen: runde(min(pr)), kpi: runde(min(kp)) },
      pruefenFaktorMinimum: runde(min(pr) / min(bare), 2),
      kpiFaktorMinimum: runde(min(kp) / min(bare), 2),
      pruefenExit: pr[0].code,
      kpiExit: kp[0].code,
      profilMs: await profilMin(pfad),
    });
  }
  return { messungen, startMs };
}
