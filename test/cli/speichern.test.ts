/**
 * speichereDatei: a file appears whole or not at all; a failed write keeps
 * the old file and leaves no temporary file behind.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { DateiFehler } from '../../src/xlsx';
import { speichereDatei } from '../../src/cli/speichern';
import { tempOrdner } from '../xlsx/hilfen';

describe('speichereDatei', () => {
  const tmp = tempOrdner();
  afterAll(() => tmp.weg());

  it('writes UTF-8 text and replaces an existing file', async () => {
    const ziel = tmp.datei('bericht.html');
    writeFileSync(ziel, 'alt');
    await speichereDatei(ziel, '<p>Maßnahmen – „grün“</p>');
    expect(readFileSync(ziel, 'utf8')).toBe('<p>Maßnahmen – „grün“</p>');
    expect(readdirSync(tmp.dir)).toEqual(['bericht.html']);
  });

  it('keeps the old file when producing the content fails', async () => {
    const ziel = tmp.datei('bericht.html');
    writeFileSync(ziel, 'alt');
    await expect(
      speichereDatei(ziel, async () => {
        throw new Error('Abbruch');
      }),
    ).rejects.toThrow(DateiFehler);
    expect(readFileSync(ziel, 'utf8')).toBe('alt');
    expect(readdirSync(tmp.dir)).toEqual(['bericht.html']);
  });

  it('reports a target it cannot replace in German and removes the temporary file', async () => {
    const ordner = tmp.datei('ordner.html');
    mkdirSync(ordner);
    await expect(speichereDatei(ordner, 'x')).rejects.toThrow(
      /^Die Datei „.*ordner\.html“ kann nicht geschrieben werden: unter diesem Namen gibt es einen Ordner\.$/,
    );
    expect(readdirSync(tmp.dir).sort()).toEqual(['bericht.html', 'ordner.html']);
  });
});
