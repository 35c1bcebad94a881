/**
 * `bericht --aus <.docx|.pdf>` with real files: the input is never changed,
 * the output appears whole (no temporary files left), a PDF without
 * LibreOffice ends with exit 2 and says how to get one with Word, and a
 * failing LibreOffice leaves no file behind. Where `soffice` is installed,
 * one real conversion to tagged PDF.
 */
import { accessSync, constants, promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { JSDOM } from 'jsdom';
import JSZip from 'jszip';
import { findeSoffice } from '../../src/cli/berichtDatei';
// every file the CLI writes passes the package check
import { cli, hash } from '../xlsx/hilfen';




/** Runs `f` with PATH set to `pfad` only. */
async function mitPath<T>(pfad: string, f: () => Promise<T>): Promise<T> {
  const alt = process.env.PATH;
  process.env.PATH = pfad;
  try {
    return await f();
  } finally {
    process.env.PATH = alt;
  }
}

/** LibreOffice on PATH (checked before the tests are declared, so the PDF test can be skipped visibly). */
const sofficeDa = (process.env.PATH ?? '').split(path.delimiter).some((o) => {
  try {
    accessSync(path.join(o, 'soffice'), constants.X_OK);
    return true;
  } catch {
    return false;
  }
});

describe('bericht --aus .docx / .pdf', () => {
  let dir: string;
  let beispiel: string;
  let vorher: string;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'im-bericht-docx-'));
    beispiel = path.join(dir, 'beispiel.xlsx');
    expect((await cli('vorlage', beispiel, '--beispiel')).code).toBe(0);
    vorher = hash(beispiel);
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });
  afterEach(async () => {
    // the input is never changed and no temporary file is left beside the output
    expect(hash(beispiel)).toBe(vorher);
    expect((await fs.readdir(dir)).filter((n) => n.startsWith('.') || n.endsWith('.tmp'))).toEqual([]);
  });

  it('writes a Word document whose overview has the figures of kpi --json', async () => {
    const ziel = path.join(dir, 'Umsetzungsbericht.docx');
    const r = await cli('bericht', beispiel, '--aus', ziel);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Umsetzungsbericht 2026 geschrieben (Word-Dokument): ${ziel}`);
    const zip = await JSZip.loadAsync(await fs.readFile(ziel));
    const xml = await zip.file('word/document.xml')!.async('string');
    const doc = new new JSDOM('').window.DOMParser().parseFromString(xml, 'application/xml');
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const text = (e: Element): string =>
      Array.from(e.getElementsByTagNameNS(W, 't'))
        .map((t) => t.textContent)
        .join('');
    const zeilen = Array.from(doc.getElementsByTagNameNS(W, 'tbl')[0].getElementsByTagNameNS(W, 'tr')).slice(1);
    const kpi = JSON.parse((await cli('kpi', beispiel, '--json')).out) as {
      handlungsfelder: { hf: number; zielerreichung: number | null; umsetzungsquote: number | null }[];
    };
    const prozent = (x: number | null): string => (x === null ? '–' : `${Math.round(x * 100)} %`);
    kpi.handlungsfelder.forEach((h, i) => {
      const zellen = Array.from(zeilen[i].getElementsByTagNameNS(W, 'tc')).map(text);
      expect([zellen[0], zellen[2], zellen[4]]).toEqual([String(h.hf), prozent(h.zielerreichung), prozent(h.umsetzungsquote)]);
    });
  });

  it('keeps an existing report without --force and replaces it as a whole with --force', async () => {
    const ziel = path.join(dir, 'ersetzt.docx');
    await fs.writeFile(ziel, 'alt');
    const ohne = await cli('bericht', beispiel, '--aus', ziel);
    expect(ohne.code).toBe(2);
    expect(ohne.err).toContain('existiert bereits und wird nicht überschrieben. Zum Ersetzen --force angeben.');
    expect(await fs.readFile(ziel, 'utf8')).toBe('alt');
    expect((await cli('bericht', beispiel, '--aus', ziel, '--force')).code).toBe(0);
    expect((await fs.readFile(ziel)).subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses other extensions before any work', async () => {
    const r = await cli('bericht', beispiel, '--aus', path.join(dir, 'bericht.odt'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('Mögliche Endungen für --aus: .xlsx (Arbeitsmappe), .html (Webseite), .docx (Word-Dokument) oder .pdf (PDF)');
  });

  it('PDF without LibreOffice: exit 2, says how to get the PDF with Word, writes nothing', async () => {
    const leer = await fs.mkdtemp(path.join(os.tmpdir(), 'im-ohne-soffice-'));
    try {
      const ziel = path.join(dir, 'ohne.pdf');
      const r = await mitPath(leer, () => cli('bericht', beispiel, '--aus', ziel));
      expect(r.code).toBe(2);
      expect(r.err).toContain('LibreOffice');
      expect(r.err).toContain('„soffice“');
      expect(r.err).toContain('Speichern unter › PDF');
      expect(r.err).toContain(path.join(dir, 'ohne.docx'));
      expect(r.out).toBe('');
      await expect(fs.stat(ziel)).rejects.toThrow();
    } finally {
      await fs.rm(leer, { recursive: true, force: true });
    }
  });

  (process.platform === 'win32' ? it.skip : it)('PDF when LibreOffice fails: exit 2, no file', async () => {
    const ordner = await fs.mkdtemp(path.join(os.tmpdir(), 'im-soffice-kaputt-'));
    try {
      const fake = path.join(ordner, 'soffice');
      await fs.writeFile(fake, '#!/bin/sh\necho "Fehler beim Laden" >&2\nexit 1\n', { mode: 0o755 });
      const ziel = path.join(dir, 'kaputt.pdf');
      const r = await mitPath(`${ordner}${path.delimiter}/usr/bin${path.delimiter}/bin`, () =>
        cli('bericht', beispiel, '--aus', ziel),
      );
      expect(r.code).toBe(2);
      expect(r.err).toContain('LibreOffice konnte den Bericht nicht in PDF umwandeln');
      expect(r.err).toContain('Speichern unter › PDF');
      await expect(fs.stat(ziel)).rejects.toThrow();
    } finally {
      await fs.rm(ordner, { recursive: true, force: true });
    }
  });

  (sofficeDa ? it : it.skip)(
    'PDF with LibreOffice (where installed): a tagged PDF/A-2b',
    async () => {
      const ziel = path.join(dir, 'Umsetzungsbericht.pdf');
      const r = await cli('bericht', beispiel, '--aus', ziel);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      const pdf = await fs.readFile(ziel);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      // tagged: the catalog has a structure tree and marks the content
      const text = pdf.toString('latin1');
      expect(text).toContain('/StructTreeRoot');
      expect(text).toMatch(/\/MarkInfo\s*<<\s*\/Marked\s+true/);
      // and PDF/A-2b: the XMP metadata says so and an output intent fixes the colours
      expect(text).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
      expect(text).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/);
      expect(text).toContain('/OutputIntents');
    },
    180_000,
  );
});

(process.platform === 'win32' ? describe.skip : describe)('findeSoffice', () => {
  it('takes the first executable soffice on PATH, not a plain file of that name', async () => {
    const a = await fs.mkdtemp(path.join(os.tmpdir(), 'im-soffice-a-'));
    const b = await fs.mkdtemp(path.join(os.tmpdir(), 'im-soffice-b-'));
    try {
      await fs.writeFile(path.join(a, 'soffice'), 'kein Programm', { mode: 0o644 });
      await fs.writeFile(path.join(b, 'soffice'), '#!/bin/sh\n', { mode: 0o755 });
      expect(await findeSoffice({ PATH: [a, b].join(path.delimiter) }, 'linux')).toBe(path.join(b, 'soffice'));
      expect(await findeSoffice({ PATH: a }, 'linux')).toBeNull();
      expect(await findeSoffice({}, 'linux')).toBeNull();
    } finally {
      await fs.rm(a, { recursive: true, force: true });
      await fs.rm(b, { recursive: true, force: true });
    }
  });
});
