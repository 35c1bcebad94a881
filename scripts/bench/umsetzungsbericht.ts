/**
 * `bericht --aus <.xlsx|.html|.docx>` as a user runs it (fresh node
 * processes, wall and CPU time), for the sample plan and for the large
 * benchmark plans, plus an in-process breakdown: load and check the
 * workbook, compute KPIs and the report model, render, write. The PDF is
 * left out: its time is LibreOffice's.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { BERICHT_FORMATE } from '../../src/cli/bericht';
import { berechneKpi, hatFehler, pruefen } from '../../src/domain';
import { umsetzungsbericht } from '../../src/domain/bericht';
import { ladeArbeitsmappe } from '../../src/cli/dateiLaden';
import { schreibeBenchDatei } from './cli';
import { jetztMs, median, prozess, runde, type Prozess } from './messen';
import { rohdatenAusMappe } from '../../src/workbook/rohdaten';

export const BERICHT_ENDUNGEN = ['.xlsx', '.html', '.docx'] as const;

export interface BerichtFormatMessung {
  format: (typeof BERICHT_ENDUNGEN)[number];
  /** fresh process `bericht <datei> --aus <ziel> --force`, median */
  ms: number;
  cpuMs: number;
  minimumMs: number;
  exit: number | null;
  dateiKB: number;
  /** in one warm process: the format's writer alone (render, pack, write the file) */
  schreibenMs: number;
}

export interface BerichtMessung {
  /** "Beispiel" or the number of Arbeitsplanung rows */
  plan: string;
  zeilen: number;
  /** fresh processes per format */
  laeufe: number;
  /** in one warm process (fastest of 3 for the sample, one run for the large plans): ladeArbeitsmappe + pruefen, then berechneKpi + umsetzungsbericht */
  ladenMs: number;
  modellMs: number;
  formate: BerichtFormatMessung[];
}

const schnellste = async (f: () => Promise<unknown>, n: number): Promise<number> => {
  let best = Infinity;
  for (let i = 0; i < n; i++) {
    const t0 = jetztMs();
    await f();
    best = Math.min(best, jetztMs() - t0);
  }
  return runde(best);
};

async function einePlanung(root: string, ordner: string, plan: string, pfad: string, laeufe: number): Promise<BerichtMessung> {
  const bin = path.join(root, 'bin', 'integrationsmonitor.js');
  const lade = async () => pruefen(rohdatenAusMappe(await ladeArbeitsmappe(pfad), path.basename(pfad)));
  const r = await lade();
  if (!r.plan || hatFehler(r.findings)) throw new Error(`${plan}: die Arbeitsmappe hat Fehler: ${r.findings[0]?.meldung}`);
  const p = r.plan;
  // the Word document of 10,000 rows takes tens of seconds: one run there keeps the bench short
  const n = p.arbeitsplanung.length > 1000 ? 1 : 3;
  const ladenMs = await schnellste(lade, n);
  const modellMs = await schnellste(async () => umsetzungsbericht(p, berechneKpi(p)), n);
  const bericht = umsetzungsbericht(p, berechneKpi(p));
  const meta = { berechnetAm: new Date(), quelle: path.basename(pfad) };

  const formate: BerichtFormatMessung[] = [];
  for (const format of BERICHT_ENDUNGEN) {
    const ziel = path.join(ordner, `bericht-${plan}${format}`);
    const laeufeP: Prozess[] = [];
    for (let i = 0; i < laeufe; i++) laeufeP.push(prozess([bin, 'bericht', pfad, '--aus', ziel, '--force'], root));
    const fehler = laeufeP.find((x) => x.code !== 0);
    if (fehler) throw new Error(`bericht ${plan} ${format}: Exit ${fehler.code}: ${fehler.stderr}`);
    const schreibenMs = await schnellste(() => BERICHT_FORMATE[format].schreibe(bericht, meta, ziel), n);
    formate.push({
      format,
      ms: runde(median(laeufeP.map((x) => x.ms))),
      cpuMs: runde(median(laeufeP.map((x) => x.cpuMs))),
      minimumMs: runde(Math.min(...laeufeP.map((x) => x.ms))),
      exit: laeufeP[0].code,
      dateiKB: Math.round((await fs.stat(ziel)).size / 1024),
      schreibenMs,
    });
  }
  return { plan, zeilen: p.arbeitsplanung.length, laeufe, ladenMs, modellMs, formate };
}

/** The sample with `laeufe` processes per format, the large plans with one (their Word document takes long). */
export async function messeBerichte(
  root: string,
  ordner: string,
  groessen: readonly number[],
  laeufe: number,
): Promise<BerichtMessung[]> {
  const beispiel = path.join(ordner, 'bericht-beispiel.xlsx');
  const v = prozess([path.join(root, 'bin', 'integrationsmonitor.js'), 'vorlage', beispiel, '--beispiel', '--force'], root);
  if (v.code !== 0) throw new Error(`Beispielplanung nicht geschrieben: ${v.stderr}`);
  const out = [await einePlanung(root, ordner, 'Beispiel', beispiel, laeufe)];
  for (const zeilen of groessen)
    out.push(await einePlanung(root, ordner, String(zeilen), await schreibeBenchDatei(ordner, zeilen), 1));
  return out;
}
