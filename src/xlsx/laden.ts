/**
 * Opening a workbook from its bytes: check the bytes, normalise the package
 * so exceljs 4.4 can read files written by other tools, then load. Shared by
 * the CLI (bytes from a file, src/cli/dateiLaden.ts) and the task pane
 * (bytes from a picked file), so both read a file the same way. Runs in the
 * browser: no fs/path/Buffer here.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { normalisiereTeil } from './paketPfade';
import { kanonischePraefixe, kanonischeTeilnamen } from './paketKanon';
import { DateiFehler } from './fehler';
import { bereichsAdresse } from '../domain/adresse';
import { zitat } from '../domain/format';
import { istKompakt, mitKompaktenDatenpruefungen } from './datenpruefungen';

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
/** OLE compound file: password-protected xlsx (encrypted package) or old .xls */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];

function beginntMit(bytes: Uint8Array, sig: readonly number[]): boolean {
  return bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
}

/** Last segment of a path or file name, for messages (path.basename is Node-only). */
function dateiname(pfad: string): string {
  return pfad.slice(Math.max(pfad.lastIndexOf('/'), pfad.lastIndexOf('\\')) + 1);
}

/** Rejects bytes that cannot be an .xlsx (empty, encrypted/.xls, not a ZIP) with a German DateiFehler. */
export function pruefeDateikopf(bytes: Uint8Array, pfad: string): void {
  const name = dateiname(pfad);
  if (bytes.length === 0)
    throw new DateiFehler('leer', pfad, `Die Datei „${name}“ ist leer (0 Byte). Bitte eine gespeicherte Excel-Arbeitsmappe (.xlsx) angeben.`);
  if (beginntMit(bytes, OLE_SIGNATURE))
    throw new DateiFehler(
      'verschluesselt',
      pfad,
      `Die Datei „${name}“ ist kennwortgeschützt oder im alten Excel-Format (.xls). Bitte in Excel den Kennwortschutz entfernen und als „Excel-Arbeitsmappe (*.xlsx)“ speichern.`,
    );
  if (!beginntMit(bytes, ZIP_SIGNATURE))
    throw new DateiFehler(
      'keinXlsx',
      pfad,
      `Die Datei „${name}“ ist keine Excel-Arbeitsmappe (.xlsx). Bitte in Excel als „Excel-Arbeitsmappe (*.xlsx)“ speichern.`,
    );
}

/**
 * Largest unpacked part and package that are read (docs/KORPUS.md). A plan
 * of 10,000 rows is about 5 MB of sheet XML; a 200 MB sheet took 30 s and
 * 2.4 GB of memory, so a broken or hostile file is refused before unpacking.
 */
export const MAX_TEIL_BYTES = 50 * 1024 * 1024;
export const MAX_PAKET_BYTES = 150 * 1024 * 1024;

function megabyte(n: number): string {
  return `${Math.round(n / (1024 * 1024)).toLocaleString('de-DE')} MB`;
}

/** Refuses a package whose declared unpacked sizes exceed the limits, without unpacking anything. */
function pruefeGroessen(zip: JSZip, pfad: string): void {
  const name = dateiname(pfad);
  let summe = 0;
  for (const teil of Object.keys(zip.files)) {
    // JSZip keeps the size from the ZIP directory on the loaded entry; its typings do not show it
    const groesse = (zip.files[teil] as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
    summe += groesse;
    if (groesse > MAX_TEIL_BYTES)
      throw new DateiFehler(
        'zuGross',
        pfad,
        `Die Datei „${name}“ ist zu groß zum Lesen: der Teil „${teil}“ ist entpackt ${megabyte(groesse)} groß, erlaubt sind höchstens ${megabyte(MAX_TEIL_BYTES)} je Teil. Bitte leere Zeilen und Spalten am Ende der Blätter löschen (markieren › Zellen löschen) und neu speichern, oder eine intakte Kopie verwenden.`,
      );
  }
  if (summe > MAX_PAKET_BYTES)
    throw new DateiFehler(
      'zuGross',
      pfad,
      `Die Datei „${name}“ ist zu groß zum Lesen: entpackt ${megabyte(summe)}, erlaubt sind höchstens ${megabyte(MAX_PAKET_BYTES)}. Bitte leere Zeilen und Spalten am Ende der Blätter löschen und neu speichern, oder eine intakte Kopie verwenden.`,
    );
}

function xmlText(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * Names of sheets whose worksheet part is missing from the package. exceljs
 * silently drops such sheets, so a damaged file would look like a plan with
 * a missing table instead of a damaged file.
 */
async function fehlendeBlattteile(zip: JSZip, texte: Texte): Promise<string[]> {
  if (!zip.file('xl/_rels/workbook.xml.rels') || !zip.file('xl/workbook.xml')) return [];
  const teile = new Map<string, string>();
  for (const tag of (await texte.lies(zip, 'xl/_rels/workbook.xml.rels')).match(/<Relationship\b[^>]*>/g) ?? []) {
    if (!/Type\s*=\s*"[^"]*\/worksheet"/.test(tag)) continue;
    const id = /\bId\s*=\s*"([^"]*)"/.exec(tag)?.[1];
    const ziel = /\bTarget\s*=\s*"([^"]*)"/.exec(tag)?.[1];
    if (id && ziel) teile.set(id, ziel.startsWith('/') ? ziel.slice(1) : normalisiereTeil(`xl/${ziel}`));
  }
  const fehlend: string[] = [];
  for (const tag of (await texte.lies(zip, 'xl/workbook.xml')).match(/<(\w+:)?sheet\b[^>]*>/g) ?? []) {
    const id = /\s\w+:id\s*=\s*"([^"]*)"/.exec(tag)?.[1];
    const teil = id ? teile.get(id) : undefined;
    if (teil && !zip.file(teil)) fehlend.push(xmlText(/\bname\s*=\s*"([^"]*)"/.exec(tag)?.[1] ?? teil));
  }
  return fehlend;
}

/**
 * A text formula (t="str") whose cached result is empty. Only text results
 * may get the " " placeholder: on a number cell exceljs would read " " as a
 * number and write <v>NaN</v>, which Excel repairs.
 */
const LEERES_TEXTERGEBNIS = /(<c\b[^>]*\st\s*=\s*"str"[^>]*>\s*(?:<f\b[^>]*\/>|<f\b[^>]*>[^<]*<\/f>))\s*<v\s*(?:\/>|>\s*<\/v>)/g;

/** A note whose text is a bare <t> (openpyxl); exceljs reads only runs (<r><t>) and would lose the text. */
const NOTIZ_OHNE_LAUF = /<text>\s*<t(\b[^>]*)>([^<]*)<\/t>\s*<\/text>/g;

/**
 * exceljs reads a table's filter button as shown only from an explicit
 * hiddenButton="0", takes the filter columns by position, and writes
 * hiddenButton="1" for every column it has no entry for. LibreOffice and
 * others write <autoFilter> without <filterColumn> (all buttons shown, the
 * OOXML default), so every column gets an entry that says what the file means.
 */
function filterKnoepfe(xml: string): string {
  const spalten = (xml.match(/<tableColumn\b/g) ?? []).length;
  return xml.replace(/<autoFilter\b([^>]*?)(?:\/>|>([\s\S]*?)<\/autoFilter>)/, (ganz, attrs: string, inhalt: string | undefined) => {
    const vorhanden = new Map<number, string>();
    const rest = (inhalt ?? '').replace(/<filterColumn\b([^>]*?)(?:\/>|>[\s\S]*?<\/filterColumn>)/g, (fc: string, a: string) => {
      const id = Number(/\scolId\s*=\s*"(\d+)"/.exec(a)?.[1]);
      if (Number.isInteger(id)) vorhanden.set(id, /\shiddenButton\s*=/.test(a) ? fc : fc.replace(/<filterColumn\b/, '<filterColumn hiddenButton="0"'));
      return '';
    });
    if (spalten === 0 || [...vorhanden.keys()].some((id) => id >= spalten)) return ganz;
    const liste = Array.from({ length: spalten }, (_x, i) => vorhanden.get(i) ?? `<filterColumn colId="${i}" hiddenButton="0"/>`);
    return `<autoFilter${attrs}>${liste.join('')}${rest}</autoFilter>`;
  });
}

/**
 * The unpacked text of the parts, each unpacked once: the checks below read
 * a worksheet several times, and exceljs gets the texts instead of unpacking
 * the package again (uebergibEntpackt).
 */
class Texte {
  readonly teile = new Map<string, string>();
  async lies(zip: JSZip, name: string): Promise<string> {
    const bekannt = this.teile.get(name);
    if (bekannt !== undefined) return bekannt;
    const xml = await zip.files[name].async('string');
    this.teile.set(name, xml);
    return xml;
  }
}

async function ersetzeTeil(zip: JSZip, texte: Texte, name: string, aendern: (xml: string) => string | null): Promise<boolean> {
  const xml = await texte.lies(zip, name);
  const neu = aendern(xml);
  if (neu === null || neu === xml) return false;
  zip.file(name, neu);
  texte.teile.set(name, neu);
  return true;
}

/**
 * Normalises a package written by another tool (openpyxl, XlsxWriter,
 * LibreOffice, the Open XML SDK, …) so exceljs 4.4 reads it correctly:
 * - parts get the names exceljs looks for and relationship targets become
 *   relative (exceljs looks tables up by '../tables/…' and crashes on
 *   absolute targets or notes under 'xl/comments/comment1.xml')
 * - namespace prefixes become the ones exceljs matches literally
 *   ('x:worksheet' → 'worksheet', a default-namespace 'wsDr' → 'xdr:wsDr')
 * - a note's plain text becomes a text run, the only form exceljs reads
 * - tables without headerRowCount get headerRowCount="1" (the OOXML default);
 *   exceljs would otherwise treat them as header-less and write them back broken
 * - a text formula whose cached result is empty (`<f>…</f><v></v>`, what
 *   Excel stores for a formula returning "") gets the result " ": exceljs
 *   drops an empty <v>, and the cell would then look like a formula that was
 *   never calculated (see FORMEL_OHNE_ERGEBNIS); " " still reads as empty
 * Returns the original bytes when nothing needed changing.
 */
export async function normalisierePaket(bytes: Uint8Array, pfad = 'Datei'): Promise<Uint8Array> {
  return (await normalisiere(bytes, pfad)).bytes;
}

/** normalisierePaket, and the unpacked package with the texts of its parts as they are after normalising. */
async function normalisiere(bytes: Uint8Array, pfad: string): Promise<{ bytes: Uint8Array; zip: JSZip; texte: Texte }> {
  const name = dateiname(pfad);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    const grund = e instanceof Error ? e.message : String(e);
    throw new DateiFehler(
      'beschaedigt',
      pfad,
      `Die Datei „${name}“ ist beschädigt (ZIP-Archiv nicht lesbar). Bitte eine intakte Kopie verwenden oder die Datei in Excel öffnen und neu speichern.`,
      grund,
    );
  }
  pruefeGroessen(zip, pfad);
  if (!zip.file('[Content_Types].xml') || !(zip.file('xl/workbook.xml') || (await hauptteil(zip))))
    throw new DateiFehler(
      'keinXlsx',
      pfad,
      `Die Datei „${name}“ ist ein ZIP-Archiv, aber keine Excel-Arbeitsmappe (.xlsx). Bitte die richtige Datei angeben.`,
    );
  let geaendert = await kanonischeTeilnamen(zip);
  // read after the renaming, which rewrites .rels and content types
  const texte = new Texte();
  if (!zip.file('xl/workbook.xml'))
    throw new DateiFehler(
      'keinXlsx',
      pfad,
      `Die Datei „${name}“ ist ein ZIP-Archiv, aber keine Excel-Arbeitsmappe (.xlsx). Bitte die richtige Datei angeben.`,
    );
  for (const teil of Object.keys(zip.files)) {
    if (zip.files[teil].dir || !/\.(xml|rels|vml)$/.test(teil)) continue;
    if (await ersetzeTeil(zip, texte, teil, kanonischePraefixe)) geaendert = true;
  }
  const fehlend = await fehlendeBlattteile(zip, texte);
  if (fehlend.length > 0)
    throw new DateiFehler(
      'beschaedigt',
      pfad,
      `Die Datei „${name}“ ist beschädigt: ${fehlend.length === 1 ? 'das Blatt' : 'die Blätter'} ${fehlend.map(zitat).join(', ')} ${fehlend.length === 1 ? 'fehlt' : 'fehlen'} im Dateipaket. Bitte die Datei in Excel öffnen und reparieren lassen und neu als .xlsx speichern oder eine intakte Kopie verwenden.`,
    );
  for (const teil of Object.keys(zip.files)) {
    if (zip.files[teil].dir) continue;
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(teil)) {
      // the pattern needs a literal "str"; a worksheet of 10,000 rows is 5 MB of text, most with no text formula
      if (await ersetzeTeil(zip, texte, teil, (xml) => (xml.includes('"str"') ? xml.replace(LEERES_TEXTERGEBNIS, '$1<v> </v>') : xml))) geaendert = true;
    } else if (/^xl\/comments\d+\.xml$/.test(teil)) {
      if (await ersetzeTeil(zip, texte, teil, (xml) => xml.replace(NOTIZ_OHNE_LAUF, '<text><r><t$1>$2</t></r></text>'))) geaendert = true;
    } else if (/^xl\/tables\/[^/]+\.xml$/.test(teil)) {
      const neu = (xml: string) =>
        filterKnoepfe(
          xml.replace(/<table\b[^>]*>/, (tag) => (/\sheaderRowCount\s*=/.test(tag) ? tag : tag.replace(/<table\b/, '<table headerRowCount="1"'))),
        );
      if (await ersetzeTeil(zip, texte, teil, neu)) geaendert = true;
    }
  }
  if (!geaendert) return { bytes, zip, texte };
  return { bytes: await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }), zip, texte };
}

/** Packages unpacked by normalisiere, by the bytes handed to exceljs. */
const entpackt = new WeakMap<object, JSZip>();
let ladenUmgeleitet = false;

/**
 * exceljs unpacks the bytes it is given with JSZip.loadAsync. For bytes
 * registered in `entpackt` (the same package, already unpacked and checked)
 * it gets that JSZip instead, with the part texts in place of the compressed
 * data, so a plan is inflated once rather than twice. Anything else, and an
 * exceljs with its own JSZip (the browser build), loads as before.
 */
function leiteLadenUm(): void {
  if (ladenUmgeleitet) return;
  ladenUmgeleitet = true;
  const statisch = JSZip as unknown as { loadAsync?: (data: unknown, options?: unknown) => Promise<JSZip> };
  const original = statisch.loadAsync;
  if (typeof original !== 'function') return;
  statisch.loadAsync = function (this: unknown, data: unknown, options?: unknown): Promise<JSZip> {
    const zip = options === undefined && typeof data === 'object' && data !== null ? entpackt.get(data) : undefined;
    if (!zip) return original.call(this, data, options);
    entpackt.delete(data as object);
    return Promise.resolve(zip);
  };
}

/** Which parts exceljs 4.4 reads as text (its XLSX.load reads media and themes as bytes). */
const ALS_BYTES_GELESEN = /xl\/media\/|xl\/theme\/([a-zA-Z0-9]+)[.]xml/;

/** Registers the unpacked package for the next exceljs load of `bytes`; the returned function withdraws it. */
function uebergibEntpackt(bytes: Uint8Array, zip: JSZip, texte: Texte): () => void {
  leiteLadenUm();
  for (const [teil, xml] of texte.teile) {
    if (ALS_BYTES_GELESEN.test(teil.startsWith('/') ? teil.slice(1) : teil)) continue;
    // no folder entries: exceljs walks zip.files and the package keeps its parts as read
    zip.file(teil, xml, { createFolders: false });
  }
  entpackt.set(bytes, zip);
  return () => entpackt.delete(bytes);
}

/** The workbook part named by the package relationships, when a writer did not call it xl/workbook.xml. */
async function hauptteil(zip: JSZip): Promise<string | null> {
  const rels = zip.file('_rels/.rels');
  if (!rels) return null;
  const tag = (await rels.async('string')).match(/<Relationship\b[^>]*officeDocument"[^>]*>/)?.[0];
  const ziel = tag ? /\bTarget\s*=\s*"\/?([^"]*)"/.exec(tag)?.[1] : undefined;
  return ziel && zip.file(normalisiereTeil(ziel)) ? ziel : null;
}

interface MergeIntern {
  _merges: Record<string, unknown>;
  _parseMergeCells?: (model: { mergeCells?: string[] }) => void;
  mergeCellsWithoutStyle(range: string): void;
}
let mergePatch = false;

/**
 * exceljs checks every merged range of a loaded sheet against all ranges
 * before it (quadratic: a sheet with 10,000 merges took 18 s to open).
 * Ranges in a saved file cannot overlap, so parsing skips that check by
 * merging each range against an empty index. Patched once, only if the
 * internal method looks as expected.
 */
function beschleunigeVerbundeneZellen(): void {
  if (mergePatch) return;
  mergePatch = true;
  const proto = Object.getPrototypeOf(new ExcelJS.Workbook().addWorksheet('x')) as MergeIntern;
  if (typeof proto._parseMergeCells !== 'function' || typeof proto.mergeCellsWithoutStyle !== 'function') return;
  proto._parseMergeCells = function (this: MergeIntern, model: { mergeCells?: string[] }): void {
    const alle: Record<string, unknown> = { ...this._merges };
    for (const merge of model.mergeCells ?? []) {
      this._merges = {};
      this.mergeCellsWithoutStyle(merge);
      Object.assign(alle, this._merges);
    }
    this._merges = alle;
  };
}

/**
 * Fills in what exceljs needs to write a loaded table back: tables from
 * LibreOffice carry no <tableStyleInfo>, and exceljs then crashes on save
 * ("reading 'theme'"). No style name means the app's default look.
 */
function ergaenzeTabellen(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets) {
    for (const t of ws.getTables()) {
      const model = (t as unknown as { table?: { style?: unknown } }).table;
      if (model && (model.style === null || model.style === undefined))
        model.style = { theme: null, showFirstColumn: false, showLastColumn: false, showRowStripes: false, showColumnStripes: false };
    }
  }
}

/** Column and row of a plain cell address ("AB12": letters A–Z, then digits), read without a regex or allocations. */
const zelle = { spalte: 0, zeile: 0 };
function leseZelle(adresse: string): boolean {
  const n = adresse.length;
  let i = 0;
  let spalte = 0;
  for (; i < n && i < 4; i++) {
    const c = adresse.charCodeAt(i);
    if (c < 65 || c > 90) break;
    spalte = spalte * 26 + c - 64;
  }
  if (i === 0 || i > 3 || i === n) return false;
  let zeile = 0;
  for (let j = i; j < n; j++) {
    const c = adresse.charCodeAt(j);
    if (c < 48 || c > 57) return false;
    zeile = zeile * 10 + c - 48;
  }
  // beyond 2^53 the digit loop could round differently from Number()
  zelle.zeile = n - i > 15 ? Number(adresse.slice(i)) : zeile;
  zelle.spalte = spalte;
  return true;
}

/**
 * exceljs expands every loaded validation range into one entry per cell and,
 * on saving, merges them again in text order of the addresses ("A10" before
 * "A2"), so A2:A501 comes back as A10:A501 plus A2:A501 — the rules double
 * with every round trip. Turning the cells back into the ranges they came
 * from (one validation object per <dataValidation>) keeps them as read.
 */
function kompakteDatenpruefungen(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets) {
    const dv = (ws as unknown as { dataValidations?: { model?: Record<string, unknown> } }).dataValidations;
    const model = dv?.model;
    if (!dv || !model || istKompakt(model)) continue;
    const gruppen = new Map<unknown, Map<number, number[]>>();
    const neu: Record<string, unknown> = {};
    // a plan of 10,000 rows has some 80,000 cells here: the common case (the next cell has the rule and column of the last) skips the lookups
    let letzteRegel: unknown = undefined;
    let letzteSpalten: Map<number, number[]> | undefined;
    let letzteSpalte = 0;
    let letzteZeilen: number[] | undefined;
    for (const adresse of Object.keys(model)) {
      const regel = model[adresse];
      if (regel === undefined) continue;
      if (!leseZelle(adresse)) {
        neu[adresse] = regel;
        continue;
      }
      if (regel !== letzteRegel || !letzteSpalten) {
        letzteSpalten = gruppen.get(regel);
        if (!letzteSpalten) gruppen.set(regel, (letzteSpalten = new Map<number, number[]>()));
        letzteRegel = regel;
        letzteZeilen = undefined;
      }
      if (!letzteZeilen || zelle.spalte !== letzteSpalte) {
        letzteSpalte = zelle.spalte;
        letzteZeilen = letzteSpalten.get(letzteSpalte);
        if (!letzteZeilen) letzteSpalten.set(letzteSpalte, (letzteZeilen = []));
      }
      letzteZeilen.push(zelle.zeile);
    }
    for (const [regel, spalten] of gruppen) {
      // runs of rows per column, then neighbouring columns with the same run become one rectangle
      const laeufe = new Map<string, number[]>();
      for (const [sp, zeilen] of spalten) {
        zeilen.sort((a, b) => a - b);
        for (let i = 0; i < zeilen.length; ) {
          let j = i;
          while (j + 1 < zeilen.length && zeilen[j + 1] === zeilen[j] + 1) j++;
          const k = `${zeilen[i]}:${zeilen[j]}`;
          const cols = laeufe.get(k);
          if (cols) cols.push(sp);
          else laeufe.set(k, [sp]);
          i = j + 1;
        }
      }
      for (const [k, cols] of laeufe) {
        const [oben, unten] = k.split(':').map(Number);
        cols.sort((a, b) => a - b);
        for (let i = 0; i < cols.length; ) {
          let j = i;
          while (j + 1 < cols.length && cols[j + 1] === cols[j] + 1) j++;
          neu[bereichsAdresse(oben, cols[i], unten - oben + 1, cols[j] - cols[i] + 1)] = regel;
          i = j + 1;
        }
      }
    }
    dv.model = neu;
  }
}

/**
 * exceljs always writes a relationship to xl/theme/theme1.xml but writes only
 * the themes it read: from a file without theme (LibreOffice writes none) or
 * with another theme name it would save a dangling reference, which Excel
 * repairs. Without a theme1 the first theme read, or exceljs' default, is used.
 */
function ergaenzeThema(wb: ExcelJS.Workbook): void {
  const intern = wb as unknown as { _themes?: Record<string, string> };
  const themen = intern._themes;
  if (!themen || themen.theme1) return;
  const erstes = Object.values(themen)[0];
  intern._themes = erstes ? { theme1: erstes } : undefined;
}

/**
 * Loads the bytes of an .xlsx file into exceljs; every failure becomes a
 * DateiFehler with a German message. `name` is the file name or path:
 * messages show its last segment, DateiFehler.pfad carries it whole.
 */
export async function ladeMappe(bytes: Uint8Array | ArrayBuffer, name: string): Promise<ExcelJS.Workbook> {
  const roh = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  pruefeDateikopf(roh, name);
  const { bytes: paket, zip, texte } = await normalisiere(roh, name);
  beschleunigeVerbundeneZellen();
  const wb = new ExcelJS.Workbook();
  const zurueckziehen = uebergibEntpackt(paket, zip, texte);
  try {
    // exceljs' typings want its own Buffer type; it hands the bytes to JSZip, which takes a Uint8Array
    await mitKompaktenDatenpruefungen(() => wb.xlsx.load(paket as unknown as ExcelJS.Buffer));
  } catch (e) {
    const grund = e instanceof Error ? e.message : String(e);
    throw new DateiFehler(
      'beschaedigt',
      name,
      `Die Datei „${dateiname(name)}“ kann nicht als Excel-Arbeitsmappe gelesen werden: ein Teil des Dateipakets hat eine Form, die der Integrationsmonitor nicht kennt. Bitte die Datei in Excel öffnen, mit „Speichern unter“ als „Excel-Arbeitsmappe (*.xlsx)“ speichern und die neue Datei verwenden.`,
      grund,
    );
  } finally {
    zurueckziehen();
  }
  ergaenzeTabellen(wb);
  kompakteDatenpruefungen(wb);
  ergaenzeThema(wb);
  return wb;
}
