/**
 * Checks an .xlsx package for what makes Excel say „Wir haben ein Problem
 * mit einigen Inhalten … reparieren?“. Returns the problems found (empty
 * when the file should open without repair). Used by the CLI test helper on
 * every file the CLI writes.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import JSZip from 'jszip';

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`).exec(tag)?.[1];
}

function xmlText(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function relsQuelle(rels: string): string {
  return rels.replace(/(^|\/)_rels\/([^/]*)\.rels$/, '$1$2');
}

interface Rechteck {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function spalte(s: string): number {
  return s
    .toUpperCase()
    .split('')
    .reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

function bereich(ref: string): Rechteck | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(ref.trim());
  if (!m) return null;
  const l = spalte(m[1]);
  const t = Number(m[2]);
  const r = m[3] ? spalte(m[3]) : l;
  const b = m[4] ? Number(m[4]) : t;
  return { top: Math.min(t, b), left: Math.min(l, r), bottom: Math.max(t, b), right: Math.max(l, r) };
}

const ueberlappt = (a: Rechteck, b: Rechteck) => a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;

export async function paketProbleme(pfad: string): Promise<string[]> {
  const p: string[] = [];
  const zip = await JSZip.loadAsync(readFileSync(pfad));
  const teile = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  const lies = (n: string) => zip.file(n)!.async('string');
  const ct = zip.file('[Content_Types].xml') ? await lies('[Content_Types].xml') : '';
  if (!ct) p.push('[Content_Types].xml fehlt');
  const defaults = new Set([...ct.matchAll(/<Default\b[^>]*>/g)].map((m) => (attr(m[0], 'Extension') ?? '').toLowerCase()));
  const overrides = new Set(
    [...ct.matchAll(/<Override\b[^>]*>/g)].map((m) => decodeURI((attr(m[0], 'PartName') ?? '').replace(/^\//, ''))),
  );
  for (const o of overrides) if (!zip.file(o)) p.push(`[Content_Types].xml nennt den fehlenden Teil ${o}`);
  for (const t of teile) {
    if (t === '[Content_Types].xml') continue;
    const ext = t.slice(t.lastIndexOf('.') + 1).toLowerCase();
    if (!overrides.has(t) && !defaults.has(ext)) p.push(`Teil ohne Inhaltstyp: ${t}`);
  }
  // every internal relationship target exists
  for (const rels of teile.filter((t) => t.endsWith('.rels'))) {
    const quelle = relsQuelle(rels);
    for (const m of (await lies(rels)).matchAll(/<Relationship\b[^>]*>/g)) {
      if (attr(m[0], 'TargetMode') === 'External') continue;
      const ziel = attr(m[0], 'Target') ?? '';
      const teil = ziel.startsWith('/')
        ? ziel.slice(1)
        : path.posix.normalize(path.posix.join(path.posix.dirname(quelle), decodeURI(ziel)));
      if (!zip.file(teil)) p.push(`${rels}: Ziel ${ziel} fehlt`);
    }
  }
  if (!zip.file('xl/theme/theme1.xml')) p.push('xl/theme/theme1.xml fehlt');
  // sheets: names, values, validations
  const wb = zip.file('xl/workbook.xml') ? await lies('xl/workbook.xml') : '';
  const wbRels = zip.file('xl/_rels/workbook.xml.rels') ? await lies('xl/_rels/workbook.xml.rels') : '';
  const ziele = new Map(
    [...wbRels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [attr(m[0], 'Id'), attr(m[0], 'Target') ?? '']),
  );
  const namen = new Set<string>();
  const blattTeile: { name: string; teil: string }[] = [];
  for (const m of wb.matchAll(/<sheet\b[^>]*>/g)) {
    const name = xmlText(attr(m[0], 'name') ?? '');
    if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name))
      p.push(`ungültiger Blattname „${name}“`);
    if (namen.has(name.toLowerCase())) p.push(`Blattname doppelt: „${name}“`);
    namen.add(name.toLowerCase());
    const ziel = ziele.get(attr(m[0], 'r:id'));
    if (ziel) blattTeile.push({ name, teil: ziel.startsWith('/') ? ziel.slice(1) : path.posix.join('xl', ziel) });
  }
  for (const m of wb.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)) {
    const name = attr(m[0], 'name') ?? '';
    if (!/^[A-Za-z_\\][\w.\\]*$/.test(name.replace(/^_xlnm\./, '_'))) p.push(`ungültiger Name „${name}“`);
    if (/#REF!/.test(m[2])) p.push(`Name „${name}“ verweist auf #REF!`);
  }
  const tabellenIds = new Map<string, string>();
  const tabellenNamen = new Map<string, string>();
  for (const { name, teil } of blattTeile) {
    if (!zip.file(teil)) continue;
    const xml = await lies(teil);
    for (const m of xml.matchAll(/<c\b([^>]*)>(?:(?!<\/c>).)*?<v>([^<]*)<\/v>/gs)) {
      if (/^(-?Infinity|NaN)$/i.test(m[2].trim())) p.push(`${name}!${attr(m[0], 'r')}: Wert ${m[2]}`);
      if ((attr(`<c ${m[1]}>`, 't') ?? 'n') === 'n' && m[2].trim() !== '' && !Number.isFinite(Number(m[2])))
        p.push(`${name}!${attr(m[0], 'r')}: keine Zahl in einer Zahlenzelle (${m[2]})`);
    }
    const dv: { sqref: string; r: Rechteck[] }[] = [];
    for (const m of xml.matchAll(/<dataValidation\b[^>]*>/g)) {
      const sqref = attr(m[0], 'sqref') ?? '';
      // Excel's limits for the texts of a validation (XML-escaped length is an upper bound, checked unescaped)
      for (const [feld, max] of [['errorTitle', 32], ['promptTitle', 32], ['error', 255], ['prompt', 255]] as const) {
        const text = (attr(m[0], feld) ?? '').replace(/&(quot|amp|lt|gt|apos|#\d+);/g, '_');
        if (text.length > max) p.push(`${name}: Datenüberprüfung ${sqref}: ${feld} länger als ${max} Zeichen`);
      }
      dv.push({
        sqref,
        r: sqref
          .split(/\s+/)
          .map(bereich)
          .filter((x): x is Rechteck => x !== null),
      });
    }
    for (let i = 0; i < dv.length; i++)
      for (let j = i + 1; j < dv.length; j++)
        if (dv[i].r.some((a) => dv[j].r.some((b) => ueberlappt(a, b))))
          p.push(`${name}: Datenüberprüfungen überlappen (${dv[i].sqref} / ${dv[j].sqref})`);
    const dvZahl = /<dataValidations\b[^>]*\bcount="(\d+)"/.exec(xml)?.[1];
    if (dvZahl !== undefined && Number(dvZahl) !== dv.length)
      p.push(`${name}: dataValidations count=${dvZahl}, aber ${dv.length} Regeln`);
    // tables of this sheet
    const relsTeil = path.posix.join(path.posix.dirname(teil), '_rels', `${path.posix.basename(teil)}.rels`);
    const rels = zip.file(relsTeil) ? await lies(relsTeil) : '';
    const bereiche: { name: string; r: Rechteck }[] = [];
    for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
      const typ = attr(m[0], 'Type') ?? '';
      const ziel = attr(m[0], 'Target') ?? '';
      const zteil = ziel.startsWith('/') ? ziel.slice(1) : path.posix.normalize(path.posix.join(path.posix.dirname(teil), ziel));
      if (!zip.file(zteil)) continue;
      if (typ.endsWith('/table')) {
        const t = /<table\b[^>]*>/.exec(await lies(zteil))?.[0] ?? '';
        const id = attr(t, 'id') ?? '';
        const tname = xmlText(attr(t, 'displayName') ?? attr(t, 'name') ?? '');
        if (tabellenIds.has(id)) p.push(`Tabellen-id ${id} doppelt (${tabellenIds.get(id)}, ${tname})`);
        tabellenIds.set(id, tname);
        if (tabellenNamen.has(tname.toLowerCase())) p.push(`Tabellenname „${tname}“ doppelt`);
        tabellenNamen.set(tname.toLowerCase(), tname);
        if (namen.has(tname.toLowerCase())) p.push(`Tabellenname „${tname}“ gleich einem Blattnamen`);
        const r = bereich(attr(t, 'ref') ?? '');
        if (!r || r.bottom > 1048576 || r.right > 16384)
          p.push(`${name}: Tabelle „${tname}“ mit ungültigem Bereich ${attr(t, 'ref')}`);
        else {
          for (const o of bereiche) if (ueberlappt(o.r, r)) p.push(`${name}: Tabellen „${o.name}“ und „${tname}“ überlappen`);
          bereiche.push({ name: tname, r });
        }
      }
      if (typ.endsWith('/drawing')) {
        const ids = [...(await lies(zteil)).matchAll(/<xdr:cNvPr\b[^>]*\bid="(\d+)"/g)].map((x) => x[1]);
        if (new Set(ids).size !== ids.length) p.push(`${zteil}: Zeichnungs-ids doppelt (${ids.join(', ')})`);
      }
    }
  }
  for (const c of teile.filter((t) => /^xl\/charts\/chart\d+\.xml$/.test(t))) {
    for (const m of (await lies(c)).matchAll(/<c:v>([^<]*)<\/c:v>/g))
      if (/^(-?Infinity|NaN)$/i.test(m[1].trim())) p.push(`${c}: Wert ${m[1]}`);
  }
  return p;
}
