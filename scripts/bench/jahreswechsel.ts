/**
 * `jahreswechsel` on the CLI (fresh processes, as a user waits for it) for the
 * sample and the bench sizes, plus the pure rollover in one process, to show
 * that it scales linearly with the rows.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { pruefen } from '../../src/domain';
import { jahreswechsel } from '../../src/domain/jahreswechsel';
import type { RawWorkbook } from '../../src/domain/model';
import { alsRohmappe, beispielTabellen } from '../../src/workbook/beispiel';
import { schreibeVorlage } from '../../src/xlsx';
import { speichereArbeitsmappe } from '../../src/cli/speichern';
import { schreibeBenchDatei } from './cli';
import { benchTabellen } from './daten';
import { jetztMs, median, prozess, runde } from './messen';

export interface JahreswechselMessung {
  /** Arbeitsplanung rows; 0 = the sample plan of `vorlage --beispiel` */
  zeilen: number;
  cliMs: number;
  cliCpuMs: number;
  /** the rollover alone (domain), median in one warm process */
  domainMs: number;
  exit: number | null;
}

export async function messeJahreswechsel(root: string, ordner: string, groessen: readonly number[], laeufe: number): Promise<JahreswechselMessung[]> {
  const bin = path.join(root, 'bin', 'integrationsmonitor.js');
  const beispiel = path.join(ordner, 'jw-beispiel.xlsx');
  const wb = new ExcelJS.Workbook();
  schreibeVorlage(wb, beispielTabellen());
  await speichereArbeitsmappe(wb, beispiel);
  const dateien: { zeilen: number; pfad: string; raw: RawWorkbook }[] = [
    { zeilen: 0, pfad: beispiel, raw: alsRohmappe(beispielTabellen(), 'bench.xlsx') },
  ];
  for (const g of groessen) dateien.push({ zeilen: g, pfad: await schreibeBenchDatei(ordner, g), raw: alsRohmappe(benchTabellen(g), 'bench.xlsx') });

  const out: JahreswechselMessung[] = [];
  for (const d of dateien) {
    const plan = pruefen(d.raw).plan;
    if (!plan) throw new Error(`Bench-Daten ${d.zeilen} nicht lesbar`);
    const domain: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t = jetztMs();
      jahreswechsel(d.raw, plan, plan.einstellungen.berichtsjahr + 1);
      domain.push(jetztMs() - t);
    }
    const ziel = path.join(ordner, `jw-neu-${d.zeilen}.xlsx`);
    const laeufeCli = [];
    for (let i = 0; i < laeufe; i++) laeufeCli.push(prozess([bin, 'jahreswechsel', d.pfad, '--aus', ziel, '--force'], root));
    await fs.rm(ziel, { force: true });
    out.push({
      zeilen: d.zeilen,
      cliMs: runde(median(laeufeCli.map((x) => x.ms))),
      cliCpuMs: runde(median(laeufeCli.map((x) => x.cpuMs))),
      domainMs: runde(median(domain), 2),
      exit: laeufeCli[0].code,
    });
  }
  return out;
}
