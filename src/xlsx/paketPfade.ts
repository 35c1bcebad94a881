/**
 * Paths inside an OOXML package (always '/'-separated, no leading '/'),
 * without Node's path module so the readers and writers run in the browser.
 */
/** Resolves '.', '..' and empty segments of a package path (like path.posix.normalize, without a leading '/'). */
export function normalisiereTeil(teil: string): string {
  const out: string[] = [];
  for (const seg of teil.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

export function verzeichnis(teil: string): string {
  const i = teil.lastIndexOf('/');
  return i < 0 ? '' : teil.slice(0, i);
}

/** Posix-relative path from the directory of `fromPart` to `toPart` (both without leading '/'). */
export function relativerPfad(fromPart: string, toPart: string): string {
  const von = normalisiereTeil(verzeichnis(fromPart)).split('/').filter(Boolean);
  const nach = normalisiereTeil(toPart).split('/').filter(Boolean);
  let gemeinsam = 0;
  while (gemeinsam < von.length && gemeinsam < nach.length && von[gemeinsam] === nach[gemeinsam]) gemeinsam++;
  return [...von.slice(gemeinsam).map(() => '..'), ...nach.slice(gemeinsam)].join('/');
}

/** The part a .rels file describes: xl/worksheets/_rels/sheet1.xml.rels → xl/worksheets/sheet1.xml */
export function quellteilVonRels(relsPath: string): string {
  const dir = verzeichnis(verzeichnis(relsPath));
  const base = relsPath.slice(relsPath.lastIndexOf('/') + 1).replace(/\.rels$/, '');
  return dir === '' ? base : `${dir}/${base}`;
}


/** The last segment: xl/worksheets/sheet1.xml → sheet1.xml */
export function teilName(teil: string): string {
  return teil.slice(teil.lastIndexOf('/') + 1);
}
