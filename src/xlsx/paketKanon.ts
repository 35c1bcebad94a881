/**
 * Brings a package written by another tool into the shape exceljs 4.4 can
 * read. exceljs matches XML element names literally ('worksheet', 'xdr:wsDr',
 * 'v:shape') and finds parts by fixed names ('xl/worksheets/sheet1.xml',
 * 'xl/comments1.xml', '../tables/table1.xml'); valid OOXML may use any
 * namespace prefix (the Open XML SDK writes 'x:worksheet', openpyxl a default
 * namespace in drawings and 'ns0:' in VML) and any part name (openpyxl puts
 * notes at 'xl/comments/comment1.xml'). Browser-safe: no Node APIs.
 */
import type JSZip from 'jszip';
import { normalisiereTeil, quellteilVonRels, relativerPfad, verzeichnis } from './paketPfade';

/** The prefix exceljs expects for each namespace ('' = default namespace). */
const KANONISCHES_PRAEFIX: Readonly<Record<string, string>> = {
  'http://schemas.openxmlformats.org/spreadsheetml/2006/main': '',
  'http://schemas.openxmlformats.org/package/2006/relationships': '',
  'http://schemas.openxmlformats.org/package/2006/content-types': '',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing': 'xdr',
  'http://schemas.openxmlformats.org/drawingml/2006/main': 'a',
  'http://schemas.openxmlformats.org/drawingml/2006/chart': 'c',
  'http://schemas.openxmlformats.org/drawingml/2006/picture': 'pic',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'urn:schemas-microsoft-com:vml': 'v',
  'urn:schemas-microsoft-com:office:office': 'o',
  'urn:schemas-microsoft-com:office:excel': 'x',
};

const DEKLARATION = /\sxmlns(?::([\w.-]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** True when some known namespace is declared under another prefix than exceljs expects. */
function brauchtPraefixe(xml: string): boolean {
  for (const m of xml.matchAll(DEKLARATION)) {
    const uri = m[2] ?? m[3] ?? '';
    const soll = KANONISCHES_PRAEFIX[uri];
    if (soll !== undefined && soll !== (m[1] ?? '')) return true;
  }
  return false;
}

const TAG = /<(\/?)([A-Za-z_][\w.-]*(?::[\w.-]+)?)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
const ATTRIBUT = /([^\s=]+)\s*=\s*("[^"]*"|'[^']*')/g;

function teile(name: string): [string, string] {
  const i = name.indexOf(':');
  return i < 0 ? ['', name] : [name.slice(0, i), name.slice(i + 1)];
}

/**
 * Rewrites element and attribute prefixes to the canonical ones, honouring
 * nested declarations (a prefix may mean different namespaces in different
 * subtrees). Returns null when the result would bind one prefix to two
 * namespaces; the part is then left as it is.
 */
export function kanonischePraefixe(xml: string): string | null {
  if (!brauchtPraefixe(xml)) return xml;
  const stapel: { scope: Map<string, string>; name: string }[] = [];
  const ausgabe = new Map<string, string>();
  let konflikt = false;
  const neuesPraefix = (alt: string, uri: string | undefined): string => {
    if (uri === undefined) return alt;
    const p = KANONISCHES_PRAEFIX[uri] ?? alt;
    const bisher = ausgabe.get(p);
    if (bisher !== undefined && bisher !== uri) konflikt = true;
    ausgabe.set(p, uri);
    return p;
  };
  const mitPraefix = (p: string, lokal: string) => (p ? `${p}:${lokal}` : lokal);
  const neu = xml.replace(TAG, (ganz, schluss: string, name: string, attrs: string, leer: string) => {
    if (schluss) {
      const oben = stapel.pop();
      return oben ? `</${oben.name}>` : ganz;
    }
    const eltern = stapel.length > 0 ? stapel[stapel.length - 1].scope : new Map<string, string>([['xml', 'xml']]);
    const scope = new Map(eltern);
    const liste: [string, string][] = [];
    for (const m of attrs.matchAll(ATTRIBUT)) liste.push([m[1], m[2]]);
    for (const [n, wert] of liste) {
      if (n === 'xmlns') scope.set('', wert.slice(1, -1));
      else if (n.startsWith('xmlns:')) scope.set(n.slice(6), wert.slice(1, -1));
    }
    const [p, lokal] = teile(name);
    const elementName = mitPraefix(neuesPraefix(p, scope.get(p)), lokal);
    const gesehen = new Set<string>();
    const aus: string[] = [];
    for (const [n, wert] of liste) {
      let ziel: string;
      if (n === 'xmlns' || n.startsWith('xmlns:')) {
        const alt = n === 'xmlns' ? '' : n.slice(6);
        const np = neuesPraefix(alt, wert.slice(1, -1));
        ziel = np ? `xmlns:${np}` : 'xmlns';
      } else if (n.includes(':')) {
        const [ap, al] = teile(n);
        ziel = ap === 'xml' ? n : mitPraefix(neuesPraefix(ap, scope.get(ap)), al);
      } else ziel = n;
      if (gesehen.has(ziel)) continue;
      gesehen.add(ziel);
      aus.push(` ${ziel}=${wert}`);
    }
    if (!leer) stapel.push({ scope, name: elementName });
    return `<${elementName}${aus.join('')}${leer ? '/' : ''}>`;
  });
  return konflikt ? null : neu;
}

const REL_TYP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

interface Beziehung {
  tag: string;
  typ: string;
  ziel: string | null;
}

function attribut(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)
    .exec(tag)
    ?.slice(1)
    .find((x) => x !== undefined);
}

/** Absolute part of a relationship target; null for external targets. */
function zielteil(quelle: string, tag: string): string | null {
  if (attribut(tag, 'TargetMode') === 'External') return null;
  const ziel = attribut(tag, 'Target');
  if (ziel === undefined) return null;
  let ohneAnker: string;
  try {
    ohneAnker = decodeURI(ziel.split('#')[0]);
  } catch {
    return null;
  }
  // a link inside the workbook ("#Blatt!A1") or an URL names no part
  if (ohneAnker === '' || /^[a-z][a-z0-9+.-]*:/i.test(ohneAnker)) return null;
  return ohneAnker.startsWith('/') ? normalisiereTeil(ohneAnker) : normalisiereTeil(`${verzeichnis(quelle)}/${ohneAnker}`);
}

function relsVon(teil: string): string {
  const dir = verzeichnis(teil);
  const name = teil.slice(teil.lastIndexOf('/') + 1);
  return dir ? `${dir}/_rels/${name}.rels` : `_rels/${name}.rels`;
}

/** Where exceljs looks for a part of this relationship type; `n` numbers parts of the same kind. */
const ZIELNAMEN: Readonly<Record<string, { passt: RegExp; name: (n: number, alt: string) => string }>> = {
  officeDocument: { passt: /^xl\/workbook\.xml$/, name: () => 'xl/workbook.xml' },
  worksheet: { passt: /^xl\/worksheets\/sheet\d+\.xml$/, name: (n) => `xl/worksheets/sheet${n}.xml` },
  sharedStrings: { passt: /^xl\/sharedStrings\.xml$/, name: () => 'xl/sharedStrings.xml' },
  styles: { passt: /^xl\/styles\.xml$/, name: () => 'xl/styles.xml' },
  theme: { passt: /^xl\/theme\/[a-zA-Z0-9]+\.xml$/, name: (n) => `xl/theme/theme${n}.xml` },
  table: { passt: /^xl\/tables\/table\d+\.xml$/, name: (n) => `xl/tables/table${n}.xml` },
  comments: { passt: /^xl\/comments\d+\.xml$/, name: (n) => `xl/comments${n}.xml` },
  vmlDrawing: { passt: /^xl\/drawings\/vmlDrawing\d+\.vml$/, name: (n) => `xl/drawings/vmlDrawing${n}.vml` },
  drawing: { passt: /^xl\/drawings\/[a-zA-Z0-9]+\.xml$/, name: (n) => `xl/drawings/drawing${n}.xml` },
  image: {
    passt: /^xl\/media\/[a-zA-Z0-9]+\.[a-zA-Z0-9]{3,4}$/,
    name: (n, alt) => `xl/media/image${n}${/\.[a-zA-Z0-9]{3,4}$/.exec(alt)?.[0] ?? '.png'}`,
  },
};

/**
 * Renames parts to the names exceljs looks for and rewrites every .rels
 * file (targets relative again, which exceljs also needs) and the content
 * types. Returns true when something changed.
 */
export async function kanonischeTeilnamen(zip: JSZip): Promise<boolean> {
  const relsDateien = Object.keys(zip.files).filter((n) => !zip.files[n].dir && /(^|\/)_rels\/[^/]*\.rels$/.test(n));
  const beziehungen = new Map<string, { quelle: string; xml: string; liste: Beziehung[] }>();
  for (const rels of relsDateien) {
    const xml = await zip.files[rels].async('string');
    const quelle = quellteilVonRels(rels);
    const liste = (xml.match(/<Relationship\b[^>]*>/g) ?? []).map((tag) => ({
      tag,
      typ: (attribut(tag, 'Type') ?? '').replace(REL_TYP, ''),
      ziel: zielteil(quelle, tag),
    }));
    beziehungen.set(rels, { quelle, xml, liste });
  }
  const umbenannt = new Map<string, string>();
  const vergeben = new Set(Object.keys(zip.files));
  const zaehler = new Map<string, number>();
  // the package root first, then the workbook, so sheets are numbered in workbook order
  const reihenfolge = [...beziehungen.keys()].sort((a, b) =>
    a === '_rels/.rels' ? -1 : b === '_rels/.rels' ? 1 : a.startsWith('xl/_rels/') ? -1 : b.startsWith('xl/_rels/') ? 1 : 0,
  );
  for (const rels of reihenfolge) {
    for (const b of beziehungen.get(rels)!.liste) {
      const regel = ZIELNAMEN[b.typ];
      if (!regel || !b.ziel || !zip.file(b.ziel) || umbenannt.has(b.ziel) || regel.passt.test(b.ziel)) continue;
      let n = zaehler.get(b.typ) ?? 1;
      let name = regel.name(n, b.ziel);
      while (vergeben.has(name) && n < 10000) name = regel.name(++n, b.ziel);
      zaehler.set(b.typ, n + 1);
      vergeben.add(name);
      umbenannt.set(b.ziel, name);
    }
  }
  const neuerName = (teil: string) => umbenannt.get(teil) ?? teil;
  let geaendert = umbenannt.size > 0;
  for (const [rels, { quelle, xml, liste }] of beziehungen) {
    const neueQuelle = neuerName(quelle);
    let neu = xml;
    for (const b of liste) {
      if (!b.ziel) continue;
      const ziel = relativerPfad(neueQuelle, neuerName(b.ziel));
      const tag = b.tag.replace(/(\sTarget\s*=\s*)(?:"[^"]*"|'[^']*')/, `$1"${ziel}"`);
      if (tag !== b.tag) neu = neu.replace(b.tag, tag);
    }
    const neuerRels = rels === '_rels/.rels' ? rels : relsVon(neueQuelle);
    if (neu !== xml || neuerRels !== rels) {
      geaendert = true;
      if (neuerRels !== rels) zip.remove(rels);
      zip.file(neuerRels, neu);
    }
  }
  for (const [alt, neu] of umbenannt) {
    const inhalt = await zip.files[alt].async('uint8array');
    zip.remove(alt);
    zip.file(neu, inhalt);
  }
  const ct = zip.file('[Content_Types].xml');
  if (ct && umbenannt.size > 0) {
    const xml = await ct.async('string');
    const neu = xml.replace(
      /(PartName\s*=\s*")\/?([^"]*)"/g,
      (_m, vor: string, teil: string) => `${vor}/${neuerName(normalisiereTeil(decodeURI(teil)))}"`,
    );
    // a renamed .vml needs the vml default when the writer only had an override for its old name
    const mitVml =
      [...umbenannt.values()].some((n) => n.endsWith('.vml')) && !/Extension\s*=\s*"vml"/i.test(neu)
        ? neu.replace(
            /<Types\b[^>]*>/,
            (t) => `${t}<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>`,
          )
        : neu;
    zip.file('[Content_Types].xml', mitVml);
  }
  return geaendert;
}
