/**
 * `bericht --aus` when the target is in the way: an existing file is kept
 * unless `--force`, a folder that is missing or read-only ends with exit 2,
 * and a write that fails half-way leaves neither a partial report nor a
 * temporary file (an existing report stays as it was). Every format.
 */
import { promises as fs } from 'fs';
import * as fsModul from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Io } from '../../src/cli/common';
import { main } from '../../src/cli/main';

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => void (out += `${t}\n`), err: (t) => void (err += `${t}\n`) };
  const code = await main(args, io);
  return { code, out, err };
}

const FORMATE = ['.xlsx', '.html', '.docx'] as const;
const ROOT = typeof process.getuid === 'function' && process.getuid() === 0;

describe('bericht --aus: target in the way', () => {
  let dir: string;
  let beispiel: string;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'im-bericht-ziel-'));
    beispiel = path.join(dir, 'beispiel.xlsx');
    expect((await cli('vorlage', beispiel, '--beispiel')).code).toBe(0);
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  /** files in `ordner` apart from the input: no temporary file may stay behind */
  const dateien = async (ordner: string): Promise<string[]> =>
    (await fs.readdir(ordner)).filter((n) => n !== 'beispiel.xlsx').sort();

  it.each(FORMATE)(
    '%s: an existing target is kept without --force (exit 2, before any work) and replaced with --force',
    async (endung) => {
      const ziel = path.join(dir, `vorhanden${endung}`);
      await fs.writeFile(ziel, 'alter Bericht');
      const ohne = await cli('bericht', beispiel, '--aus', ziel);
      expect(ohne.code).toBe(2);
      expect(ohne.out).toBe('');
      expect(ohne.err.trim().split('\n')).toEqual([
        `Fehler: Die Datei „${ziel}“ existiert bereits und wird nicht überschrieben. Zum Ersetzen --force angeben.`,
      ]);
      expect(await fs.readFile(ziel, 'utf8')).toBe('alter Bericht');

      const mit = await cli('bericht', beispiel, '--aus', ziel, '--force');
      expect(mit.err).toBe('');
      expect(mit.code).toBe(0);
      expect(await fs.readFile(ziel, 'utf8')).not.toBe('alter Bericht');
      expect(await dateien(dir)).toEqual([`vorhanden${endung}`]);
      await fs.rm(ziel);
    },
  );

  it('also refuses a symbolic link of that name (it would be written through)', async () => {
    const ziel = path.join(dir, 'link.html');
    await fs.symlink(path.join(dir, 'nirgends.html'), ziel);
    try {
      expect((await cli('bericht', beispiel, '--aus', ziel)).code).toBe(2);
    } finally {
      await fs.rm(ziel);
    }
  });

  it.each(FORMATE)('%s: a missing folder: exit 2, German message, nothing written', async (endung) => {
    const ziel = path.join(dir, 'fehlt', `bericht${endung}`);
    const r = await cli('bericht', beispiel, '--aus', ziel);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^Fehler: Die Datei „.*“ kann nicht geschrieben werden: der Ordner „.*fehlt“ existiert nicht\./);
    await expect(fs.stat(path.join(dir, 'fehlt'))).rejects.toThrow();
  });

  // root writes into read-only folders: there the check runs with the effective user id of „nobody“
  const alsNobody = ROOT && typeof process.seteuid === 'function';
  (process.platform === 'win32' || (ROOT && !alsNobody) ? it.skip : it).each(FORMATE)(
    '%s: a read-only folder: exit 2, no partial file',
    async (endung) => {
      const ordner = await fs.mkdtemp(path.join(dir, 'nurlesen-'));
      await fs.chmod(ordner, 0o555);
      // nobody must reach the folder and read the input
      if (alsNobody) await fs.chmod(dir, 0o755);
      try {
        if (alsNobody) process.seteuid!(65534);
        let r;
        try {
          r = await cli('bericht', beispiel, '--aus', path.join(ordner, `bericht${endung}`));
        } finally {
          if (alsNobody) process.seteuid!(0);
        }
        expect(r.code).toBe(2);
        expect(r.err).toContain('keine Schreibberechtigung');
        expect(await fs.readdir(ordner)).toEqual([]);
      } finally {
        await fs.chmod(ordner, 0o755);
      }
    },
  );

  describe('a write that fails half-way (permission lost while writing – simulated, so it also runs as root)', () => {
    let schreiben: jest.SpyInstance;
    beforeEach(() => {
      const echt = fsModul.promises.writeFile.bind(fsModul.promises);
      // writes a few bytes, then fails as a full disk or a revoked permission would
      schreiben = jest.spyOn(fsModul.promises, 'writeFile').mockImplementation(async (datei, _daten) => {
        await echt(datei as string, 'PK halb');
        throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      });
    });
    afterEach(() => schreiben.mockRestore());

    it.each(FORMATE)('%s: exit 2, no partial report, no temporary file', async (endung) => {
      const ordner = await fs.mkdtemp(path.join(dir, 'halb-'));
      const ziel = path.join(ordner, `bericht${endung}`);
      const r = await cli('bericht', beispiel, '--aus', ziel);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toContain(`Fehler: Die Datei „${ziel}“ kann nicht geschrieben werden: keine Schreibberechtigung`);
      expect(r.err).not.toMatch(/\bat .*\.ts:\d+/);
      expect(await fs.readdir(ordner)).toEqual([]);
    });

    it.each(FORMATE)('%s with --force: the existing report stays as it was', async (endung) => {
      const ordner = await fs.mkdtemp(path.join(dir, 'alt-'));
      const ziel = path.join(ordner, `bericht${endung}`);
      // synchronous: the promise API is the one failing here
      fsModul.writeFileSync(ziel, 'alter Bericht');
      schreiben.mockClear();
      const r = await cli('bericht', beispiel, '--aus', ziel, '--force');
      expect(r.code).toBe(2);
      expect(schreiben).toHaveBeenCalled();
      expect(await fs.readFile(ziel, 'utf8')).toBe('alter Bericht');
      expect(await fs.readdir(ordner)).toEqual([`bericht${endung}`]);
    });
  });
});
