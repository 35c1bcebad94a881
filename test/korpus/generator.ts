/**
 * Writes the corpus into a directory. Used by korpus.test.ts (temp dir, so
 * no binaries are committed) and by hand to look at the files:
 *   node -r ts-node/register/transpile-only test/korpus/generator.ts <ordner>
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { FAELLE, type Erwartung, type Fall } from './faelle';

export interface KorpusDatei {
  fall: Fall;
  pfad: string;
  erwartet: Erwartung;
}

export async function erzeugeKorpus(ordner: string): Promise<KorpusDatei[]> {
  await fs.mkdir(ordner, { recursive: true });
  const ids = new Set<string>();
  const out: KorpusDatei[] = [];
  for (const fall of FAELLE) {
    if (ids.has(fall.id)) throw new Error(`Korpusfall ${fall.id} doppelt`);
    ids.add(fall.id);
    const { bytes, erwartet } = await fall.baue();
    const pfad = path.join(ordner, `${fall.id}${fall.endung ?? '.xlsx'}`);
    if (bytes) await fs.writeFile(pfad, bytes);
    out.push({ fall, pfad, erwartet });
  }
  return out;
}

if (require.main === module) {
  const ordner = process.argv[2];
  if (!ordner) {
    process.stderr.write('Aufruf: generator.ts <ordner>\n');
    process.exit(2);
  }
  erzeugeKorpus(ordner).then(
    (d) => process.stdout.write(`${d.length} Korpusdateien in ${ordner}\n`),
    (e: unknown) => {
      process.stderr.write(`Korpus konnte nicht erzeugt werden: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
