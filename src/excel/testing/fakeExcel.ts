/**
 * An in-memory fake of the Office.js Excel API surface this project uses,
 * for unit tests (office-addin-mock cannot express RangeAreas, dynamic
 * ranges or tables), the task-pane tests and the browser end-to-end run.
 *
 * Model: sheets with sparse cells (value, number format, visual format,
 * validation), tables positioned on sheets (header/body live in the cells),
 * conditional formats, charts, protection, page layout, custom properties.
 *
 * Proxy behaviour follows Office.js where it matters for correctness:
 * - reading a property needs `load(...)` and a following `context.sync()`,
 *   otherwise it throws like Office.js ("PropertyNotLoaded");
 * - `isNullObject` is readable only after a sync;
 * - writes apply immediately (same end state as Office.js applying the
 *   queued batch in order at sync);
 * - `range.values = …` interprets strings like typing: a leading apostrophe
 *   stores text, "=…" stores a formula (value unevaluated, recorded in `formel`).
 * Every sync is counted; API calls are logged in `protokoll`.
 */
import { columnLetter } from '../../workbook/layout';
import { utf8Laenge } from '../bloecke';

/* ------------------------------------------------------------------ model */

export type FakeWert = string | number | boolean | null | { error: string };

export interface FakeZellFormat {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  fontColor?: string;
  fill?: string;
  wrap?: boolean;
  horizontal?: string;
  rahmen?: string[];
}

export interface FakeZelle {
  wert: string | number | boolean;
  fehler?: string;
  formel?: string;
  zahlenformat: string;
  format: FakeZellFormat;
  gueltigkeit?: Excel.DataValidationRule;
}

export interface FakeTabelle {
  name: string;
  blatt: string;
  /** 1-based header row / first column */
  zeile: number;
  spalte: number;
  spalten: number;
  /** data rows (body) */
  zeilen: number;
  stil: string;
  /** totals row shown (Tabellenentwurf › Ergebniszeile): the row below the body belongs to the table */
  summenzeile?: boolean;
  /** header row switched off by the user (Tabellenentwurf › Kopfzeile); `zeile` then is the row above the body */
  ohneKopf?: boolean;
  /** active filter criteria set by the user: per 0-based table column the texts still shown */
  filter?: { spalte: number; werte: string[] }[];
}

export interface FakeBedingtesFormat {
  id: string;
  bereich: Block;
  typ: string;
  formel: string;
  fuellung: string;
}

export interface FakeDiagramm {
  name: string;
  typ: string;
  quelle: string;
  /** how the series run: one per column or one per row of the source */
  reihenNach: 'Spalten' | 'Zeilen';
  titel: string;
  position: string;
  breite: number;
  hoehe: number;
}

export interface FakeBlatt {
  name: string;
  sichtbarkeit: string;
  registerfarbe: string;
  zellen: Map<string, FakeZelle>;
  spaltenbreiten: Map<number, number>;
  /** explicit row heights in points (1-based row → height) */
  zeilenhoehen: Map<number, number>;
  verbunden: string[];
  /** rows the user hid by hand (1-based); rows hidden by a table filter follow from FakeTabelle.filter */
  ausgeblendet: number[];
  fixierteZeilen: number;
  geschuetzt: boolean;
  /** protection password set by the user (unprotect without it fails as in Excel) */
  kennwort?: string;
  schutzOptionen: Excel.WorksheetProtectionOptions | null;
  bedingteFormate: FakeBedingtesFormat[];
  diagramme: FakeDiagramm[];
  seite: { ausrichtung?: string; papier?: string; zoom?: Excel.PageLayoutZoomOptions; titelzeilen?: string; umbrueche: string[] };
}

export interface FakeArbeitsmappe {
  name: string;
  blaetter: FakeBlatt[];
  tabellen: FakeTabelle[];
  eigenschaften: Map<string, unknown>;
  aktivesBlatt: string | null;
  auswahl: { blatt: string; adresse: string } | null;
  /** workbook structure protected (Überprüfen › Arbeitsmappe schützen): no sheets added, hidden, renamed */
  strukturGeschuetzt?: boolean;
}

interface Block {
  zeile: number;
  spalte: number;
  zeilen: number;
  spalten: number;
}

const MAX_ZEILEN = 1048576;
/** Excel's limit for one request and one response (Excel on the web; desktop hosts are similar) */
export const MAX_NUTZLAST_BYTES = 5 * 1024 * 1024;

function jsonBytes(v: unknown): number {
  return utf8Laenge(JSON.stringify(v) ?? '');
}
const MAX_SPALTEN = 16384;

export class FakeOfficeFehler extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

function spaltenNr(b: string): number {
  let n = 0;
  for (const ch of b.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Parse "A1", "A1:C3", "B:B", "2:2", "$A$1", with optional sheet prefix (ignored). */
export function fakeBlock(adresse: string): Block {
  let a = adresse.trim();
  const bang = a.lastIndexOf('!');
  if (bang >= 0) a = a.slice(bang + 1);
  a = a.replace(/\$/g, '');
  let m = /^([A-Za-z]+)(\d+)(?::([A-Za-z]+)(\d+))?$/.exec(a);
  if (m) {
    const c1 = spaltenNr(m[1]);
    const r1 = Number(m[2]);
    const c2 = m[3] ? spaltenNr(m[3]) : c1;
    const r2 = m[4] ? Number(m[4]) : r1;
    return { zeile: Math.min(r1, r2), spalte: Math.min(c1, c2), zeilen: Math.abs(r2 - r1) + 1, spalten: Math.abs(c2 - c1) + 1 };
  }
  m = /^([A-Za-z]+):([A-Za-z]+)$/.exec(a);
  if (m) {
    const c1 = spaltenNr(m[1]);
    const c2 = spaltenNr(m[2]);
    return { zeile: 1, spalte: Math.min(c1, c2), zeilen: MAX_ZEILEN, spalten: Math.abs(c2 - c1) + 1 };
  }
  m = /^(\d+):(\d+)$/.exec(a);
  if (m) {
    const r1 = Number(m[1]);
    const r2 = Number(m[2]);
    return { zeile: Math.min(r1, r2), spalte: 1, zeilen: Math.abs(r2 - r1) + 1, spalten: MAX_SPALTEN };
  }
  throw new FakeOfficeFehler('InvalidArgument', `Ungültige Adresse ${adresse}`);
}

function blockAdresse(b: Block): string {
  const a = `${columnLetter(b.spalte)}${b.zeile}`;
  if (b.zeilen === 1 && b.spalten === 1) return a;
  return `${a}:${columnLetter(b.spalte + b.spalten - 1)}${b.zeile + b.zeilen - 1}`;
}

function quote(blatt: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(blatt) ? blatt : `'${blatt.replace(/'/g, "''")}'`;
}

function schneidet(a: Block, b: Block): boolean {
  return a.zeile < b.zeile + b.zeilen && b.zeile < a.zeile + a.zeilen && a.spalte < b.spalte + b.spalten && b.spalte < a.spalte + a.spalten;
}

const key = (z: number, s: number): string => `${z},${s}`;

function zellText(blatt: FakeBlatt, z: number, s: number): string {
  const c = blatt.zellen.get(key(z, s));
  return c ? String(c.fehler ?? c.wert) : '';
}

/** Is a sheet row hidden: by hand, or because a table filter on that sheet excludes it. */
function zeileAusgeblendet(wm: FakeArbeitsmappe, blatt: FakeBlatt, z: number): boolean {
  if (blatt.ausgeblendet.includes(z)) return true;
  return wm.tabellen.some(
    (t) =>
      t.blatt === blatt.name &&
      (t.filter?.length ?? 0) > 0 &&
      z > t.zeile &&
      z <= t.zeile + t.zeilen &&
      (t.filter ?? []).some((f) => !f.werte.includes(zellText(blatt, z, t.spalte + f.spalte))),
  );
}

/**
 * Excel reserves the name of its change-history sheet: "History", in German
 * Excel „Verlauf“ (any case). A file may travel between languages, so both
 * are refused in every mode.
 */
const RESERVIERTE_BLATTNAMEN = ['history', 'verlauf'];

function blattnamePruefen(name: string): void {
  if (RESERVIERTE_BLATTNAMEN.includes(name.trim().toLowerCase())) {
    throw new FakeOfficeFehler('InvalidArgument', `Das Argument ist ungültig oder fehlt oder hat ein falsches Format (Blattname „${name}“ ist in Excel reserviert)`);
  }
}

function neueZelle(): FakeZelle {
  return { wert: '', zahlenformat: 'General', format: {} };
}

function neuesBlatt(name: string): FakeBlatt {
  return {
    name,
    sichtbarkeit: 'Visible',
    registerfarbe: '',
    zellen: new Map(),
    spaltenbreiten: new Map(),
    zeilenhoehen: new Map(),
    verbunden: [],
    ausgeblendet: [],
    fixierteZeilen: 0,
    geschuetzt: false,
    schutzOptionen: null,
    bedingteFormate: [],
    diagramme: [],
    seite: { umbrueche: [] },
  };
}

/* ------------------------------------------------------------ proxy base */

/** "1.13" → [1, 13], so "1.9" < "1.13" */
function versionTeile(v: string): number[] {
  return v.split('.').map(Number);
}

export function versionMindestens(vorhanden: string, noetig: string): boolean {
  const a = versionTeile(vorhanden);
  const b = versionTeile(noetig);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

class Kontext {
  syncs = 0;
  zahlenErkennen = false;
  /** highest ExcelApi set of the simulated host; null = everything */
  apiVersion: string | null = null;
  /** which Excel is simulated where hosts differ (address-list separator …) */
  host: FakeHost = 'web';
  /** what deleting cells of a filtered table does (both seen in Excel) */
  gefiltertLoeschen: 'fehler' | 'wirkungslos' = 'fehler';
  readonly protokoll: string[] = [];
  private offen: Basis[] = [];
  constructor(readonly modell: FakeArbeitsmappe) {}
  vormerken(o: Basis): void {
    this.offen.push(o);
  }
  /** a user is editing a cell: Excel rejects every request until the edit ends */
  zellbearbeitung = false;
  /** error of a queued call: Office.js reports it at the next sync, not at the call */
  private fehlerBeimSync: FakeOfficeFehler | null = null;
  spaeterFehler(f: FakeOfficeFehler): void {
    this.fehlerBeimSync ??= f;
  }
  /** data bytes of the request being queued (values, number formats) */
  anfrageBytes = 0;
  async sync(): Promise<void> {
    // Excel's 5 MB limits, on the request (what was queued) and on the response (what was loaded)
    const anfrage = this.anfrageBytes;
    this.anfrageBytes = 0;
    if (anfrage > MAX_NUTZLAST_BYTES) {
      this.offen = [];
      throw new FakeOfficeFehler('RequestPayloadSizeLimitExceeded', `Anfrage mit ${anfrage} Bytes über dem Limit`);
    }
    const antwort = this.offen.reduce((n, o) => n + o.antwortBytes(), 0);
    if (antwort > MAX_NUTZLAST_BYTES) {
      this.offen = [];
      throw new FakeOfficeFehler('ResponsePayloadSizeLimitExceeded', `Antwort mit ${antwort} Bytes über dem Limit`);
    }
    const f = this.fehlerBeimSync;
    if (f) {
      this.fehlerBeimSync = null;
      this.offen = [];
      throw f;
    }
    if (this.zellbearbeitung) {
      this.offen = [];
      throw new FakeOfficeFehler('InvalidOperationInCellEditMode', 'Excel befindet sich im Zellbearbeitungsmodus.');
    }
    this.syncs++;
    const offen = this.offen;
    this.offen = [];
    for (const o of offen) o.aufloesen();
  }
  log(eintrag: string): void {
    this.protokoll.push(eintrag);
  }
  /** Office.js on an older host: a member above its requirement sets fails with ApiNotFound */
  braucht(version: string, member: string): void {
    if (this.apiVersion !== null && !versionMindestens(this.apiVersion, version)) {
      throw new FakeOfficeFehler('ApiNotFound', `${member} braucht ExcelApi ${version}, dieser Host kann nur ${this.apiVersion}`);
    }
  }
}

abstract class Basis {
  protected angefordert = new Set<string>();
  private geladen = new Set<string>();
  private readonly geboren: number;
  protected alles = false;
  constructor(
    protected readonly k: Kontext,
    private readonly nullbar = false,
  ) {
    this.geboren = k.syncs;
  }
  get context(): Kontext {
    return this.k;
  }
  /** for *OrNullObject proxies: does the object exist */
  protected existiert(): boolean {
    return true;
  }
  get isNullObject(): boolean {
    if (this.k.syncs <= this.geboren) throw new FakeOfficeFehler('PropertyNotLoaded', 'isNullObject vor context.sync() gelesen');
    return this.nullbar && !this.existiert();
  }
  load(arg?: string | string[] | Record<string, unknown>): this {
    let namen: string[];
    if (arg === undefined) namen = ['*'];
    else if (typeof arg === 'string') namen = arg.split(',');
    else if (Array.isArray(arg)) namen = arg.flatMap((a) => a.split(','));
    else namen = Object.keys(arg);
    for (const n of namen) {
      this.angefordert.add(n.trim().split('/')[0]);
      this.angefordertePfade.add(n.trim());
    }
    this.k.vormerken(this);
    return this;
  }
  /** full load paths ("items/worksheet/name"), for what collection items and navigation properties get */
  private angefordertePfade = new Set<string>();
  private geladenePfade = new Set<string>();
  /** Mark what a load path list gives this object: first segments loaded, the rest for its navigation properties. */
  mitPfaden(pfade: readonly string[]): this {
    for (const p of pfade) {
      this.geladen.add(p.split('/')[0]);
      this.geladenePfade.add(p);
    }
    return this;
  }
  /** load paths below a navigation property, e.g. unterPfade('worksheet') → ['name'] */
  protected unterPfade(eigenschaft: string): string[] {
    return [...this.geladenePfade].filter((p) => p.startsWith(`${eigenschaft}/`)).map((p) => p.slice(eigenschaft.length + 1));
  }
  /**
   * Office.js gives collection items only the properties named in "items/…"
   * paths; "items" alone or load() gives them all their scalar properties.
   */
  protected fuerEintraege<T extends Basis>(eintrag: T): T {
    if (this.alles || this.geladen.has('*') || this.geladenePfade.has('items')) return eintrag.alsGeladen();
    return eintrag.mitPfaden(this.unterPfade('items'));
  }
  /** bytes this object adds to the response of the coming sync (loaded data) */
  antwortBytes(): number {
    return 0;
  }
  aufloesen(): void {
    for (const n of this.angefordert) this.geladen.add(n);
    for (const p of this.angefordertePfade) this.geladenePfade.add(p);
    this.angefordert.clear();
    this.angefordertePfade.clear();
    this.nachLaden();
  }
  protected nachLaden(): void {
    /* collections snapshot their items here */
  }
  alsGeladen(): this {
    this.alles = true;
    return this;
  }
  protected pruefe(name: string): void {
    if (this.alles || this.geladen.has('*') || this.geladen.has(name)) {
      if (this.nullbar && !this.existiert()) throw new FakeOfficeFehler('InvalidObjectPath', `${name} eines Null-Objekts gelesen`);
      return;
    }
    throw new FakeOfficeFehler('PropertyNotLoaded', `Eigenschaft ${name} wurde nicht geladen (load + sync fehlen)`);
  }
  toJSON(): Record<string, never> {
    return {};
  }
}

/* ---------------------------------------------------------------- ranges */

class FakeRahmen {
  constructor(
    private readonly ziele: () => FakeZelle[],
    private readonly kante: string,
    private readonly k: Kontext,
    private readonly blatt: string,
  ) {}
  set style(s: string) {
    this.k.log(`RangeBorder.style ${this.blatt}`);
    for (const z of this.ziele()) {
      const r = new Set(z.format.rahmen ?? []);
      if (s === 'None') r.delete(this.kante);
      else r.add(this.kante);
      z.format.rahmen = [...r].sort();
    }
  }
  set color(_c: string) {
    // colour of borders is not modelled, but it is a call in the request
    this.k.log(`RangeBorder.color ${this.blatt}`);
  }
}

/** Excel on a protected sheet: only what the protection options allow (formatting columns/rows …) may change. */
function geschuetztPruefen(blatt: FakeBlatt, was: string, erlaubt?: keyof Excel.WorksheetProtectionOptions): void {
  if (!blatt.geschuetzt) return;
  if (erlaubt && blatt.schutzOptionen?.[erlaubt]) return;
  throw new FakeOfficeFehler('AccessDenied', `${was}: Blatt ${blatt.name} ist geschützt`);
}

/**
 * The same check for a queued call, as Office.js does it: the call itself
 * succeeds, the request fails with AccessDenied at the next sync, and the
 * change is not made. False when the caller must not apply the change.
 */
function geschuetztImSync(k: Kontext, blatt: FakeBlatt, was: string, erlaubt?: keyof Excel.WorksheetProtectionOptions): boolean {
  try {
    geschuetztPruefen(blatt, was, erlaubt);
    return true;
  } catch (e) {
    k.spaeterFehler(e as FakeOfficeFehler);
    return false;
  }
}

class FakeFormat {
  constructor(
    private readonly k: Kontext,
    private readonly blatt: FakeBlatt,
    private readonly bloecke: () => Block[],
  ) {}
  private zellen(): FakeZelle[] {
    const out: FakeZelle[] = [];
    for (const b of this.bloecke()) {
      if (b.zeilen * b.spalten > 2_000_000) throw new FakeOfficeFehler('InvalidArgument', 'Formatieren ganzer Spalten/Zeilen wird von der Fälschung nicht unterstützt');
      for (let z = b.zeile; z < b.zeile + b.zeilen; z++)
        for (let s = b.spalte; s < b.spalte + b.spalten; s++) {
          let c = this.blatt.zellen.get(key(z, s));
          if (!c) {
            c = neueZelle();
            this.blatt.zellen.set(key(z, s), c);
          }
          out.push(c);
        }
    }
    return out;
  }
  private setze(f: (z: FakeZelle) => void, eigenschaft = 'Format'): void {
    this.k.log(`RangeFormat.${eigenschaft} ${this.blatt.name}`);
    if (!geschuetztImSync(this.k, this.blatt, `RangeFormat.${eigenschaft}`, 'allowFormatCells')) return;
    for (const z of this.zellen()) f(z);
  }
  get font(): { bold: boolean; italic: boolean; size: number; color: string } {
    const setze = (f: (z: FakeZelle) => void, e: string): void => this.setze(f, e);
    return {
      set bold(v: boolean) {
        setze((z) => (z.format.bold = v), 'font.bold');
      },
      set italic(v: boolean) {
        setze((z) => (z.format.italic = v), 'font.italic');
      },
      set size(v: number) {
        setze((z) => (z.format.size = v), 'font.size');
      },
      set color(v: string) {
        setze((z) => (z.format.fontColor = v.toUpperCase()), 'font.color');
      },
    } as { bold: boolean; italic: boolean; size: number; color: string };
  }
  get fill(): { color: string } {
    const setze = (f: (z: FakeZelle) => void, e: string): void => this.setze(f, e);
    return {
      set color(v: string) {
        setze((z) => (z.format.fill = v.toUpperCase()), 'fill.color');
      },
    } as { color: string };
  }
  set wrapText(v: boolean) {
    this.setze((z) => (z.format.wrap = v), 'wrapText');
  }
  set horizontalAlignment(v: string) {
    this.setze((z) => (z.format.horizontal = v), 'horizontalAlignment');
  }
  set columnWidth(v: number) {
    this.k.log(`RangeFormat.columnWidth ${this.blatt.name}`);
    if (!geschuetztImSync(this.k, this.blatt, 'RangeFormat.columnWidth', 'allowFormatColumns')) return;
    for (const b of this.bloecke()) for (let s = b.spalte; s < b.spalte + b.spalten; s++) this.blatt.spaltenbreiten.set(s, v);
  }
  /** Excel fits the rows to wrapped text; the fake records which rows were fitted (height -1). */
  autofitRows(): void {
    this.k.log(`RangeFormat.autofitRows ${this.blatt.name}`);
    if (!geschuetztImSync(this.k, this.blatt, 'RangeFormat.autofitRows', 'allowFormatRows')) return;
    for (const b of this.bloecke()) for (let z = b.zeile; z < b.zeile + b.zeilen; z++) this.blatt.zeilenhoehen.set(z, -1);
  }
  set rowHeight(v: number) {
    this.k.log(`RangeFormat.rowHeight ${this.blatt.name}`);
    if (!geschuetztImSync(this.k, this.blatt, 'RangeFormat.rowHeight', 'allowFormatRows')) return;
    for (const b of this.bloecke()) {
      if (b.zeilen > 100_000) throw new FakeOfficeFehler('InvalidArgument', 'Zeilenhöhe ganzer Spalten wird von der Fälschung nicht unterstützt');
      for (let z = b.zeile; z < b.zeile + b.zeilen; z++) this.blatt.zeilenhoehen.set(z, v);
    }
  }
  get borders(): { getItem: (k: string) => FakeRahmen } {
    return { getItem: (kante: string) => new FakeRahmen(() => this.zellen(), kante, this.k, this.blatt.name) };
  }
  get context(): Kontext {
    return this.k;
  }
}

class FakeGueltigkeit {
  constructor(
    private readonly blatt: FakeBlatt,
    private readonly block: Block,
    private readonly k: Kontext,
  ) {}
  private jede(f: (z: FakeZelle) => void): void {
    const b = this.block;
    for (let z = b.zeile; z < b.zeile + b.zeilen; z++)
      for (let s = b.spalte; s < b.spalte + b.spalten; s++) {
        let c = this.blatt.zellen.get(key(z, s));
        if (!c) {
          c = neueZelle();
          this.blatt.zellen.set(key(z, s), c);
        }
        f(c);
      }
  }
  clear(): void {
    this.k.log(`DataValidation.clear ${this.blatt.name}!${blockAdresse(this.block)}`);
    if (!geschuetztImSync(this.k, this.blatt, 'DataValidation.clear')) return;
    // only cells that exist: clearing creates nothing
    const b = this.block;
    for (const [k2, c] of this.blatt.zellen) {
      const [z, s2] = k2.split(',').map(Number);
      if (z >= b.zeile && z < b.zeile + b.zeilen && s2 >= b.spalte && s2 < b.spalte + b.spalten) delete c.gueltigkeit;
    }
  }
  set rule(r: Excel.DataValidationRule) {
    this.k.log(`DataValidation.rule ${this.blatt.name}!${blockAdresse(this.block)}`);
    if (!geschuetztImSync(this.k, this.blatt, 'DataValidation.rule')) return;
    let belegt = false;
    this.jede((z) => {
      if (z.gueltigkeit) belegt = true;
    });
    // Office.js refuses a new rule over an existing one; callers must clear first
    if (belegt) throw new FakeOfficeFehler('InvalidOperation', 'Datenüberprüfung existiert bereits; zuerst clear() aufrufen');
    this.jede((z) => (z.gueltigkeit = JSON.parse(JSON.stringify(r)) as Excel.DataValidationRule));
  }
}

class FakeCfRegel extends Basis {
  constructor(
    k: Kontext,
    private readonly cf: FakeBedingtesFormat,
  ) {
    super(k);
  }
  get formula(): string {
    this.pruefe('formula');
    return this.cf.formel;
  }
  set formula(f: string) {
    this.cf.formel = f;
  }
}

class FakeCf extends Basis {
  constructor(
    k: Kontext,
    private readonly cf: FakeBedingtesFormat,
  ) {
    super(k);
  }
  get type(): string {
    this.pruefe('type');
    return this.cf.typ;
  }
  get id(): string {
    this.pruefe('id');
    return this.cf.id;
  }
  get custom(): { rule: FakeCfRegel; format: { fill: { color: string } } } {
    if (this.cf.typ !== 'Custom') throw new FakeOfficeFehler('InvalidOperation', 'kein benutzerdefiniertes bedingtes Format');
    const cf = this.cf;
    return {
      rule: new FakeCfRegel(this.k, cf),
      format: {
        fill: {
          set color(v: string) {
            cf.fuellung = v.toUpperCase();
          },
        } as { color: string },
      },
    };
  }
}

class FakeCfSammlung extends Basis {
  private schnappschuss: FakeCf[] = [];
  constructor(
    k: Kontext,
    private readonly blatt: FakeBlatt,
    private readonly block: Block,
  ) {
    super(k);
  }
  private treffer(): FakeBedingtesFormat[] {
    return this.blatt.bedingteFormate.filter((c) => schneidet(c.bereich, this.block));
  }
  protected override nachLaden(): void {
    this.schnappschuss = this.treffer().map((c) => this.fuerEintraege(new FakeCf(this.k, c)));
  }
  get items(): FakeCf[] {
    this.pruefe('items');
    return this.schnappschuss;
  }
  add(typ: string): FakeCf {
    this.k.log(`ConditionalFormats.add ${typ} ${this.blatt.name}!${blockAdresse(this.block)}`);
    geschuetztPruefen(this.blatt, 'ConditionalFormats.add');
    const cf: FakeBedingtesFormat = { id: `cf${this.blatt.bedingteFormate.length + 1}`, bereich: { ...this.block }, typ, formel: '', fuellung: '' };
    this.blatt.bedingteFormate.push(cf);
    return new FakeCf(this.k, cf);
  }
  clearAll(): void {
    this.blatt.bedingteFormate = this.blatt.bedingteFormate.filter((c) => !schneidet(c.bereich, this.block));
  }
}

class FakeRange extends Basis {
  constructor(
    k: Kontext,
    readonly blatt: FakeBlatt,
    readonly block: Block,
    nullbar = false,
    private readonly leer = false,
  ) {
    super(k, nullbar);
  }
  protected override existiert(): boolean {
    return !this.leer;
  }
  private wm(): FakeArbeitsmappe {
    return this.k.modell;
  }
  get address(): string {
    this.pruefe('address');
    return `${quote(this.blatt.name)}!${blockAdresse(this.block)}`;
  }
  get rowIndex(): number {
    this.pruefe('rowIndex');
    return this.block.zeile - 1;
  }
  get columnIndex(): number {
    this.pruefe('columnIndex');
    return this.block.spalte - 1;
  }
  get rowCount(): number {
    this.pruefe('rowCount');
    return this.block.zeilen;
  }
  get columnCount(): number {
    this.pruefe('columnCount');
    return this.block.spalten;
  }
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.k, this.blatt.name);
  }
  /** Office.js: true when all rows are hidden, false when none, null when some */
  get rowHidden(): boolean | null {
    this.pruefe('rowHidden');
    const b = this.block;
    if (b.zeilen > 100_000) throw new FakeOfficeFehler('NotImplemented', 'rowHidden ganzer Spalten wird von der Fälschung nicht unterstützt');
    let versteckt = 0;
    for (let z = b.zeile; z < b.zeile + b.zeilen; z++) if (zeileAusgeblendet(this.k.modell, this.blatt, z)) versteckt++;
    return versteckt === 0 ? false : versteckt === b.zeilen ? true : null;
  }
  set rowHidden(v: boolean) {
    const b = this.block;
    const rest = this.blatt.ausgeblendet.filter((z) => z < b.zeile || z >= b.zeile + b.zeilen);
    if (v) for (let z = b.zeile; z < b.zeile + b.zeilen; z++) rest.push(z);
    this.blatt.ausgeblendet = rest.sort((x, y) => x - y);
  }
  private matrix<T>(f: (z: FakeZelle | undefined) => T): T[][] {
    const b = this.block;
    if (b.zeilen * b.spalten > 5_000_000) throw new FakeOfficeFehler('ResponsePayloadSizeLimitExceeded', 'Bereich zu groß');
    const out: T[][] = [];
    for (let z = b.zeile; z < b.zeile + b.zeilen; z++) {
      const r: T[] = [];
      for (let s = b.spalte; s < b.spalte + b.spalten; s++) r.push(f(this.blatt.zellen.get(key(z, s))));
      out.push(r);
    }
    return out;
  }
  override antwortBytes(): number {
    let n = 0;
    const alles = this.angefordert.has('*');
    if (alles || this.angefordert.has('values')) n += jsonBytes(this.matrix((c) => (c ? (c.fehler ?? c.wert) : '')));
    if (alles || this.angefordert.has('valueTypes')) n += this.block.zeilen * this.block.spalten * 9;
    return n;
  }
  get values(): (string | number | boolean)[][] {
    this.pruefe('values');
    return this.matrix((c) => (c ? (c.fehler ?? c.wert) : ''));
  }
  set values(v: unknown[][] | string | number | boolean) {
    this.k.log(`Range.values ${this.blatt.name}!${blockAdresse(this.block)}`);
    this.k.anfrageBytes += jsonBytes(v);
    this.schreibe(v, (c, w) => setzeEingabe(c, w, this.k.zahlenErkennen));
    this.tabelleErweitern(v);
  }
  /**
   * Excel's AutoExpansion: values written into the row directly below a
   * table (no totals row), within its columns and not all empty, make that
   * row part of the table, with the columns' validation, formats and
   * calculated columns.
   */
  private tabelleErweitern(v: unknown): void {
    const b = this.block;
    const werte = Array.isArray(v) ? (v as unknown[][]) : [[v]];
    for (const t of this.wm().tabellen) {
      if (t.blatt !== this.blatt.name || t.summenzeile || t.ohneKopf) continue;
      if (b.zeile !== t.zeile + t.zeilen + 1 || b.spalte < t.spalte || b.spalte + b.spalten > t.spalte + t.spalten) continue;
      let n = 0;
      while (n < werte.length && werte[n].some((w) => w !== null && w !== '' && w !== undefined)) n++;
      if (n === 0) continue;
      this.k.log(`Table erweitert ${t.name} +${n}`);
      const berechnet = berechneteSpalten(t, this.blatt);
      const altEnde = t.zeile + t.zeilen;
      t.zeilen += n;
      for (let z = altEnde + 1; z <= altEnde + n; z++)
        for (let s2 = 0; s2 < t.spalten; s2++) {
          const c = this.blatt.zellen.get(key(z, t.spalte + s2)) ?? neueZelle();
          spaltenformatUebernehmen(this.blatt, altEnde, t.spalte + s2, c);
          const f = berechnet.get(s2);
          if (f && c.wert === '' && !c.formel && !c.fehler) c.formel = f;
          this.blatt.zellen.set(key(z, t.spalte + s2), c);
        }
    }
  }
  get valueTypes(): string[][] {
    this.pruefe('valueTypes');
    return this.matrix((c) => {
      if (!c || (c.wert === '' && !c.fehler && !c.formel)) return 'Empty';
      if (c.fehler) return 'Error';
      if (typeof c.wert === 'number') return 'Double';
      if (typeof c.wert === 'boolean') return 'Boolean';
      return 'String';
    });
  }
  get numberFormat(): string[][] {
    this.pruefe('numberFormat');
    return this.matrix((c) => (c ? c.zahlenformat : 'General'));
  }
  set numberFormat(v: unknown[][] | string) {
    this.k.anfrageBytes += jsonBytes(v);
    this.k.log(`Range.numberFormat ${this.blatt.name}!${blockAdresse(this.block)}`);
    this.schreibe(v, (c, w) => (c.zahlenformat = String(w)));
  }
  private schreibe(v: unknown, f: (c: FakeZelle, w: unknown) => void): void {
    const b = this.block;
    if (this.blatt.geschuetzt) throw new FakeOfficeFehler('AccessDenied', `Blatt ${this.blatt.name} ist geschützt`);
    const skalar = !Array.isArray(v);
    if (!skalar) {
      const m = v as unknown[][];
      if (m.length !== b.zeilen || m.some((r) => !Array.isArray(r) || r.length !== b.spalten)) {
        throw new FakeOfficeFehler('InvalidArgument', `Matrix ${m.length}×${m[0]?.length ?? 0} passt nicht zu ${blockAdresse(b)}`);
      }
    }
    for (let z = 0; z < b.zeilen; z++)
      for (let s = 0; s < b.spalten; s++) {
        const k2 = key(b.zeile + z, b.spalte + s);
        let c = this.blatt.zellen.get(k2);
        if (!c) {
          c = neueZelle();
          this.blatt.zellen.set(k2, c);
        }
        const w = skalar ? v : (v as unknown[][])[z][s];
        // Office.js: null inside a 2-D array leaves that cell unchanged
        if (!skalar && w === null) continue;
        f(c, w);
      }
  }
  get format(): FakeFormat {
    return new FakeFormat(this.k, this.blatt, () => [this.block]);
  }
  get dataValidation(): FakeGueltigkeit {
    this.k.braucht('1.8', 'Range.dataValidation');
    return new FakeGueltigkeit(this.blatt, this.block, this.k);
  }
  get conditionalFormats(): FakeCfSammlung {
    this.k.braucht('1.6', 'Range.conditionalFormats');
    return new FakeCfSammlung(this.k, this.blatt, this.block);
  }
  /** across = true merges each row of the range separately (Office.js Range.merge(across), ExcelApi 1.2) */
  merge(across?: boolean): void {
    this.k.log(`Range.merge${across ? ' (zeilenweise)' : ''} ${this.blatt.name}!${blockAdresse(this.block)}`);
    if (!geschuetztImSync(this.k, this.blatt, 'Range.merge')) return;
    const b = this.block;
    if (across && b.zeilen > 1) {
      for (let z = b.zeile; z < b.zeile + b.zeilen; z++) this.blatt.verbunden.push(blockAdresse({ ...b, zeile: z, zeilen: 1 }));
    } else this.blatt.verbunden.push(blockAdresse(b));
  }
  unmerge(): void {
    if (!geschuetztImSync(this.k, this.blatt, 'Range.unmerge')) return;
    this.blatt.verbunden = this.blatt.verbunden.filter((m) => !schneidet(fakeBlock(m), this.block));
  }
  clear(applyTo: string = 'All'): void {
    this.k.log(`Range.clear ${applyTo} ${this.blatt.name}!${blockAdresse(this.block)}`);
    if (this.blatt.geschuetzt) throw new FakeOfficeFehler('AccessDenied', `Blatt ${this.blatt.name} ist geschützt`);
    if (applyTo === 'All' || applyTo === 'Contents') {
      // pessimistic model of Excel: clearing a block that holds a whole table removes the table
      const b = this.block;
      this.wm().tabellen = this.wm().tabellen.filter((t) => {
        const weg =
          t.blatt === this.blatt.name &&
          t.zeile >= b.zeile &&
          t.zeile + t.zeilen <= b.zeile + b.zeilen - 1 &&
          t.spalte >= b.spalte &&
          t.spalte + t.spalten <= b.spalte + b.spalten;
        if (weg) this.k.log(`Table entfernt durch Range.clear ${t.name}`);
        return !weg;
      });
    }
    for (const [k2, c] of [...this.blatt.zellen]) {
      const [z, s] = k2.split(',').map(Number);
      if (!schneidet({ zeile: z, spalte: s, zeilen: 1, spalten: 1 }, this.block)) continue;
      if (applyTo === 'All' || applyTo === 'Contents') {
        c.wert = '';
        delete c.fehler;
        delete c.formel;
      }
      if (applyTo === 'All' || applyTo === 'Formats') {
        c.zahlenformat = 'General';
        c.format = {};
      }
      if (applyTo === 'All') delete c.gueltigkeit;
      if (c.wert === '' && !c.formel && !c.fehler && c.zahlenformat === 'General' && Object.keys(c.format).length === 0 && !c.gueltigkeit) {
        this.blatt.zellen.delete(k2);
      }
    }
    if (applyTo === 'All' || applyTo === 'Formats') {
      this.blatt.verbunden = this.blatt.verbunden.filter((m) => !schneidet(fakeBlock(m), this.block));
      this.blatt.bedingteFormate = this.blatt.bedingteFormate.filter((c) => !schneidet(c.bereich, this.block));
    }
  }
  select(): void {
    this.wm().auswahl = { blatt: this.blatt.name, adresse: blockAdresse(this.block) };
    this.wm().aktivesBlatt = this.blatt.name;
  }
  delete(richtung: string): void {
    if (richtung !== 'Up') throw new FakeOfficeFehler('NotImplemented', 'Die Fälschung kann nur nach oben löschen');
    geschuetztPruefen(this.blatt, 'Range.delete');
    const b = this.block;
    // Excel with a table filter active: deleting its rows fails, or silently does nothing
    const gefiltert = this.wm().tabellen.find(
      (t) => t.blatt === this.blatt.name && (t.filter?.length ?? 0) > 0 && schneidet({ zeile: t.zeile + 1, spalte: t.spalte, zeilen: t.zeilen, spalten: t.spalten }, b),
    );
    if (gefiltert) {
      this.k.log(`Range.delete gefiltert ${gefiltert.name}`);
      if (this.k.gefiltertLoeschen === 'wirkungslos') return;
      throw new FakeOfficeFehler('InsertDeleteConflict', `Der Einfüge- oder Löschvorgang führte zu einem Konflikt (Tabelle ${gefiltert.name} ist gefiltert)`);
    }
    verschiebeZeilen(this.blatt, b.spalte, b.spalten, b.zeile + b.zeilen, -b.zeilen);
    for (const t of this.wm().tabellen) {
      if (t.blatt !== this.blatt.name) continue;
      const koerper = { zeile: t.zeile + 1, spalte: t.spalte, zeilen: t.zeilen, spalten: t.spalten };
      if (schneidet(koerper, b) && b.spalte <= t.spalte && b.spalte + b.spalten >= t.spalte + t.spalten) t.zeilen -= b.zeilen;
    }
  }
  copyFrom(quelle: FakeRange | string, typ = 'All'): void {
    this.k.braucht('1.9', 'Range.copyFrom');
    const q = typeof quelle === 'string' ? new FakeWorksheet(this.k, this.blatt.name).getRange(quelle) : quelle;
    this.k.log(`Range.copyFrom ${typ} ${q.blatt.name}!${blockAdresse(q.block)} → ${this.blatt.name}!${blockAdresse(this.block)}`);
    const qb = q.block;
    for (let z = 0; z < qb.zeilen; z++)
      for (let s = 0; s < qb.spalten; s++) {
        const src = q.blatt.zellen.get(key(qb.zeile + z, qb.spalte + s));
        const ziel = neueZelle();
        if (src) {
          ziel.wert = src.wert;
          if (src.fehler) ziel.fehler = src.fehler;
          if (typ !== 'Values' && src.formel) ziel.formel = src.formel;
        }
        this.blatt.zellen.set(key(this.block.zeile + z, this.block.spalte + s), ziel);
      }
  }
}

/**
 * Interpret an assigned value like Office.js: apostrophe → text, "=…" →
 * formula; with `zahlenErkennen` number-like text becomes a number (off by
 * default for compatibility; `createFakeExcel({ zahlenErkennen: true })`
 * catches IDs like "1.10" silently becoming 1.1).
 */
function setzeEingabe(c: FakeZelle, w: unknown, zahlenErkennen = false): void {
  delete c.fehler;
  delete c.formel;
  if (w === null || w === undefined) {
    c.wert = '';
    return;
  }
  if (typeof w === 'string') {
    if (w.startsWith("'")) {
      c.wert = w.slice(1);
      return;
    }
    if (/^[=+-]/.test(w) && w.length > 1 && !/^[+-]?\d+([.,]\d+)?$/.test(w)) {
      c.formel = w;
      c.wert = '';
      return;
    }
    // Excel parses typed numbers (locale-neutral through the API): "1.10" becomes 1.1 — unless the cell is formatted as text
    if (zahlenErkennen && c.zahlenformat !== '@' && /^[+-]?\d+(\.\d+)?$/.test(w.trim())) {
      c.wert = Number(w);
      return;
    }
    // Excel also reads dates with month names („Mai 2025“, „1. Mai“, „15-Feb“) and error literals („#NV“)
    if (zahlenErkennen && c.zahlenformat !== '@' && /\d/.test(w) && FAKE_MONATSDATUM.test(w.trim())) {
      c.wert = 45_778; // some serial: the text is gone, which is what matters
      return;
    }
    if (zahlenErkennen && c.zahlenformat !== '@' && FAKE_FEHLERWERT.test(w.trim())) {
      c.wert = w.trim().toUpperCase();
      c.fehler = c.wert;
      return;
    }
    c.wert = w;
    return;
  }
  if (typeof w === 'number' || typeof w === 'boolean') {
    c.wert = w;
    return;
  }
  throw new FakeOfficeFehler('InvalidArgument', `Wert ${String(w)} kann nicht geschrieben werden`);
}

const FAKE_MONATSDATUM =
  /^[\d\s.,/-]*(januar|jänner|jan|februar|feb|märz|mär|mrz|april|apr|mai|juni|jun|juli|jul|august|aug|september|sep|oktober|okt|november|nov|dezember|dez|march|may|oct|dec)\.?[\d\s.,/-]*$/i;
const FAKE_FEHLERWERT = /^#(NV|N\/A|DIV\/0!|WERT!|VALUE!|BEZUG!|REF!|NAME\?|ZAHL!|NUM!|NULL!)$/i;

/** Move cells in columns [spalte, spalte+spalten) from row `ab` on by `um` rows. */
function verschiebeZeilen(blatt: FakeBlatt, spalte: number, spalten: number, ab: number, um: number): void {
  const bewegt: [number, number, FakeZelle][] = [];
  for (const [k2, c] of [...blatt.zellen]) {
    const [z, s] = k2.split(',').map(Number);
    if (s < spalte || s >= spalte + spalten) continue;
    if (um < 0 && z >= ab + um && z < ab) blatt.zellen.delete(k2);
    if (z >= ab) {
      blatt.zellen.delete(k2);
      bewegt.push([z + um, s, c]);
    }
  }
  for (const [z, s, c] of bewegt) blatt.zellen.set(key(z, s), c);
}

function verschiebeSpalten(blatt: FakeBlatt, zeile: number, zeilen: number, ab: number, um: number): void {
  const bewegt: [number, number, FakeZelle][] = [];
  for (const [k2, c] of [...blatt.zellen]) {
    const [z, s] = k2.split(',').map(Number);
    if (z < zeile || z >= zeile + zeilen || s < ab) continue;
    blatt.zellen.delete(k2);
    bewegt.push([z, s + um, c]);
  }
  for (const [z, s, c] of bewegt) blatt.zellen.set(key(z, s), c);
}

class FakeRangeAreas extends Basis {
  constructor(
    k: Kontext,
    private readonly blatt: FakeBlatt,
    private readonly bloecke: Block[],
  ) {
    super(k);
  }
  get address(): string {
    this.pruefe('address');
    return this.bloecke.map((b) => `${quote(this.blatt.name)}!${blockAdresse(b)}`).join(',');
  }
  get areaCount(): number {
    this.pruefe('areaCount');
    return this.bloecke.length;
  }
  get format(): FakeFormat {
    return new FakeFormat(this.k, this.blatt, () => this.bloecke);
  }
}

/* ----------------------------------------------------------- worksheets */

class FakeSchutz extends Basis {
  constructor(
    k: Kontext,
    private readonly blatt: () => FakeBlatt,
  ) {
    super(k);
  }
  get protected(): boolean {
    this.pruefe('protected');
    return this.blatt().geschuetzt;
  }
  protect(optionen?: Excel.WorksheetProtectionOptions): void {
    const b = this.blatt();
    this.k.log(`Protection.protect ${b.name}`);
    if (b.geschuetzt) throw new FakeOfficeFehler('InvalidOperation', `Blatt ${b.name} ist bereits geschützt`);
    b.geschuetzt = true;
    b.schutzOptionen = optionen ?? {};
  }
  unprotect(kennwort?: string): void {
    const b = this.blatt();
    this.k.log(`Protection.unprotect ${b.name}`);
    if (b.geschuetzt && b.kennwort !== undefined && kennwort !== b.kennwort) {
      throw new FakeOfficeFehler('InvalidArgument', `Blatt ${b.name}: falsches oder fehlendes Kennwort`);
    }
    b.geschuetzt = false;
  }
}

/**
 * ChartSeriesBy: 'Auto' lets desktop Excel guess from the shape — fewer rows
 * than columns make one series per row (so a short history plots its dates
 * as series).
 */
function reihenNach(reihen: string, b: Block): 'Spalten' | 'Zeilen' {
  if (reihen === 'Columns') return 'Spalten';
  if (reihen === 'Rows') return 'Zeilen';
  return b.zeilen < b.spalten ? 'Zeilen' : 'Spalten';
}

class FakeDiagrammProxy extends Basis {
  constructor(
    k: Kontext,
    private readonly d: FakeDiagramm,
    private readonly blatt: FakeBlatt,
  ) {
    super(k);
  }
  get name(): string {
    this.pruefe('name');
    return this.d.name;
  }
  set name(n: string) {
    this.d.name = n;
  }
  get title(): { text: string } {
    const d = this.d;
    return {
      set text(t: string) {
        d.titel = t;
      },
    } as { text: string };
  }
  set width(w: number) {
    this.d.breite = w;
  }
  set height(h: number) {
    this.d.hoehe = h;
  }
  setData(quelle: FakeRange, reihen: string = 'Auto'): void {
    this.k.log(`Chart.setData ${this.d.name}`);
    if (!geschuetztImSync(this.k, this.blatt, 'Chart.setData', 'allowEditObjects')) return;
    this.d.quelle = blockAdresse(quelle.block);
    this.d.reihenNach = reihenNach(reihen, quelle.block);
  }
  setPosition(start: string | FakeRange): void {
    this.d.position = typeof start === 'string' ? start : blockAdresse(start.block);
  }
  delete(): void {
    this.blatt.diagramme = this.blatt.diagramme.filter((x) => x !== this.d);
  }
}

class FakeDiagramme extends Basis {
  private schnappschuss: FakeDiagrammProxy[] = [];
  constructor(
    k: Kontext,
    private readonly blatt: () => FakeBlatt,
  ) {
    super(k);
  }
  protected override nachLaden(): void {
    const b = this.blatt();
    this.schnappschuss = b.diagramme.map((d) => this.fuerEintraege(new FakeDiagrammProxy(this.k, d, b)));
  }
  get items(): FakeDiagrammProxy[] {
    this.pruefe('items');
    return this.schnappschuss;
  }
  add(typ: string, quelle: FakeRange, reihen: string = 'Auto'): FakeDiagrammProxy {
    const b = this.blatt();
    this.k.log(`Charts.add ${typ} ${b.name}`);
    geschuetztPruefen(b, 'Charts.add', 'allowEditObjects');
    const d: FakeDiagramm = {
      name: `Diagramm ${b.diagramme.length + 1}`,
      typ,
      quelle: blockAdresse(quelle.block),
      reihenNach: reihenNach(reihen, quelle.block),
      titel: '',
      position: '',
      breite: 0,
      hoehe: 0,
    };
    b.diagramme.push(d);
    return new FakeDiagrammProxy(this.k, d, b);
  }
  getItem(name: string): FakeDiagrammProxy {
    const b = this.blatt();
    const d = b.diagramme.find((x) => x.name === name);
    if (!d) throw new FakeOfficeFehler('ItemNotFound', `Diagramm ${name} nicht gefunden`);
    return new FakeDiagrammProxy(this.k, d, b);
  }
}

class FakeTabellenSammlung extends Basis {
  private schnappschuss: FakeTable[] = [];
  constructor(
    k: Kontext,
    private readonly nurBlatt?: string,
  ) {
    super(k);
  }
  private liste(): FakeTabelle[] {
    return this.k.modell.tabellen.filter((t) => !this.nurBlatt || t.blatt === this.nurBlatt);
  }
  protected override nachLaden(): void {
    this.schnappschuss = this.liste().map((t) => this.fuerEintraege(new FakeTable(this.k, t.name)));
  }
  get items(): FakeTable[] {
    this.pruefe('items');
    return this.schnappschuss;
  }
  getItem(name: string): FakeTable {
    if (!this.liste().some((t) => t.name.toLowerCase() === name.toLowerCase())) throw new FakeOfficeFehler('ItemNotFound', `Tabelle ${name} nicht gefunden`);
    return new FakeTable(this.k, name);
  }
  getItemOrNullObject(name: string): FakeTable {
    return new FakeTable(this.k, name, true);
  }
  add(adresse: FakeRange | string, mitKopf: boolean): FakeTable {
    let blatt: FakeBlatt;
    let b: Block;
    if (typeof adresse === 'string') {
      const bang = adresse.lastIndexOf('!');
      const name = bang >= 0 ? adresse.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'") : this.nurBlatt;
      const gefunden = this.k.modell.blaetter.find((x) => x.name === name);
      if (!gefunden) throw new FakeOfficeFehler('ItemNotFound', `Blatt ${String(name)} nicht gefunden`);
      blatt = gefunden;
      b = fakeBlock(adresse);
    } else {
      blatt = adresse.blatt;
      b = adresse.block;
    }
    if (!mitKopf) throw new FakeOfficeFehler('NotImplemented', 'Die Fälschung legt nur Tabellen mit Kopfzeile an');
    for (const t of this.k.modell.tabellen) {
      if (t.blatt === blatt.name && schneidet({ zeile: t.zeile, spalte: t.spalte, zeilen: t.zeilen + 1, spalten: t.spalten }, b)) {
        throw new FakeOfficeFehler('InvalidOperation', `Bereich überschneidet Tabelle ${t.name}`);
      }
    }
    let n = 1;
    while (this.k.modell.tabellen.some((t) => t.name === `Tabelle${n}`)) n++;
    const t: FakeTabelle = { name: `Tabelle${n}`, blatt: blatt.name, zeile: b.zeile, spalte: b.spalte, spalten: b.spalten, zeilen: Math.max(1, b.zeilen - 1), stil: 'TableStyleMedium2' };
    this.k.log(`Tables.add ${blatt.name}!${blockAdresse(b)}`);
    this.k.modell.tabellen.push(t);
    return new FakeTable(this.k, t.name);
  }
}

class FakeSpalten {
  constructor(
    private readonly k: Kontext,
    private readonly t: () => FakeTabelle,
  ) {}
  add(index?: number | null, _werte?: unknown, name?: string): void {
    const t = this.t();
    if (index !== null && index !== undefined && index !== -1 && index !== t.spalten) throw new FakeOfficeFehler('NotImplemented', 'Die Fälschung hängt Spalten nur rechts an');
    const blatt = this.k.modell.blaetter.find((b) => b.name === t.blatt) as FakeBlatt;
    this.k.log(`TableColumns.add ${t.name} ${name ?? ''}`);
    // Excel keeps column names unique regardless of case and surrounding spaces: "Status" next to "status" becomes "Status2"
    const vergeben = new Set<string>();
    for (let s2 = 0; s2 < t.spalten; s2++) vergeben.add(zellText(blatt, t.zeile, t.spalte + s2).trim().toLowerCase());
    let eindeutig = name ?? `Spalte${t.spalten + 1}`;
    for (let n = 2; vergeben.has(eindeutig.trim().toLowerCase()); n++) eindeutig = `${name ?? 'Spalte'}${n}`;
    // Excel inserts cells for the new column: what stood right of the table moves right
    verschiebeSpalten(blatt, t.zeile, t.zeilen + 1, t.spalte + t.spalten, 1);
    t.spalten++;
    const c = neueZelle();
    c.wert = eindeutig;
    blatt.zellen.set(key(t.zeile, t.spalte + t.spalten - 1), c);
  }
}

/** Excel's calculated columns: a column whose body rows all hold the same formula (0-based column → formula) */
function berechneteSpalten(t: FakeTabelle, blatt: FakeBlatt): Map<number, string> {
  const berechnet = new Map<number, string>();
  for (let s = 0; s < t.spalten; s++) {
    const formeln = new Set<string | undefined>();
    for (let z = t.zeile + 1; z <= t.zeile + t.zeilen; z++) formeln.add(blatt.zellen.get(key(z, t.spalte + s))?.formel);
    const [f] = [...formeln];
    if (formeln.size === 1 && f) berechnet.set(s, f);
  }
  return berechnet;
}

/** A table's new rows take their column's validation, number format and formats from the row above, as in Excel. */
function spaltenformatUebernehmen(blatt: FakeBlatt, vorlageZeile: number, spalte: number, ziel: FakeZelle): void {
  const v = blatt.zellen.get(key(vorlageZeile, spalte));
  if (!v) return;
  if (v.gueltigkeit && !ziel.gueltigkeit) ziel.gueltigkeit = JSON.parse(JSON.stringify(v.gueltigkeit)) as Excel.DataValidationRule;
  if (ziel.zahlenformat === 'General') ziel.zahlenformat = v.zahlenformat;
  if (Object.keys(ziel.format).length === 0) ziel.format = { ...v.format };
}

class FakeZeilen {
  constructor(
    private readonly k: Kontext,
    private readonly t: () => FakeTabelle,
  ) {}
  add(index?: number | null, werte?: unknown[][]): void {
    const t = this.t();
    if (index !== null && index !== undefined && index !== -1) throw new FakeOfficeFehler('NotImplemented', 'Die Fälschung hängt Zeilen nur unten an');
    const m = werte ?? [[]];
    // Office.js: each row of the values must span exactly the table's columns
    if (werte && werte.some((r) => !Array.isArray(r) || r.length !== t.spalten)) {
      throw new FakeOfficeFehler('InvalidArgument', `TableRows.add: Zeilenbreite passt nicht zu ${t.spalten} Spalten von ${t.name}`);
    }
    this.k.log(`TableRows.add ${t.name} ${m.length}`);
    const blatt = this.k.modell.blaetter.find((b) => b.name === t.blatt) as FakeBlatt;
    geschuetztPruefen(blatt, 'TableRows.add', 'allowInsertRows');
    const ab = t.zeile + t.zeilen + 1;
    const berechnet = berechneteSpalten(t, blatt);
    verschiebeZeilen(blatt, t.spalte, t.spalten, ab, m.length);
    m.forEach((r, i) =>
      r.forEach((w, s) => {
        const c = neueZelle();
        spaltenformatUebernehmen(blatt, ab - 1, t.spalte + s, c);
        const formel = berechnet.get(s);
        if ((w === null || w === undefined) && formel) c.formel = formel;
        else setzeEingabe(c, w, this.k.zahlenErkennen);
        blatt.zellen.set(key(ab + i, t.spalte + s), c);
      }),
    );
    t.zeilen += m.length;
  }
}

class FakeTable extends Basis {
  constructor(
    k: Kontext,
    private readonly tabName: string,
    nullbar = false,
  ) {
    super(k, nullbar);
  }
  protected override existiert(): boolean {
    return this.k.modell.tabellen.some((t) => t.name.toLowerCase() === this.tabName.toLowerCase());
  }
  private t(): FakeTabelle {
    const t = this.k.modell.tabellen.find((x) => x.name.toLowerCase() === this.tabName.toLowerCase());
    if (!t) throw new FakeOfficeFehler('ItemNotFound', `Tabelle ${this.tabName} nicht gefunden`);
    return t;
  }
  private blatt(): FakeBlatt {
    return this.k.modell.blaetter.find((b) => b.name === this.t().blatt) as FakeBlatt;
  }
  get name(): string {
    this.pruefe('name');
    return this.t().name;
  }
  set name(n: string) {
    if (this.k.modell.tabellen.some((x) => x.name.toLowerCase() === n.toLowerCase() && x !== this.t())) throw new FakeOfficeFehler('InvalidArgument', `Tabellenname ${n} ist vergeben`);
    const t = this.t();
    this.k.log(`Table.name ${t.name} → ${n}`);
    t.name = n;
    (this as unknown as { tabName: string }).tabName = n;
  }
  set style(s: string) {
    this.t().stil = s;
  }
  get worksheet(): FakeWorksheet {
    const w = new FakeWorksheet(this.k, this.t().blatt);
    return this.alles ? w.alsGeladen() : w.mitPfaden(this.unterPfade('worksheet'));
  }
  get showTotals(): boolean {
    this.pruefe('showTotals');
    return !!this.t().summenzeile;
  }
  set showTotals(v: boolean) {
    const t = this.t();
    // Excel puts the totals row below the body (cells there must be free); switching it off frees that row
    t.summenzeile = v;
  }
  getTotalRowRange(): FakeRange {
    const t = this.t();
    if (!t.summenzeile) this.k.spaeterFehler(new FakeOfficeFehler('InvalidOperation', `Tabelle ${t.name} hat keine Ergebniszeile`));
    return new FakeRange(this.k, this.blatt(), { zeile: t.zeile + t.zeilen + 1, spalte: t.spalte, zeilen: 1, spalten: t.spalten });
  }
  get showHeaders(): boolean {
    this.pruefe('showHeaders');
    return !this.t().ohneKopf;
  }
  set showHeaders(v: boolean) {
    this.t().ohneKopf = !v;
  }
  getHeaderRowRange(): FakeRange {
    const t = this.t();
    // Excel has no header row range for such a table: the batch fails at the next sync
    if (t.ohneKopf) {
      this.k.spaeterFehler(new FakeOfficeFehler('InvalidOperation', `Tabelle ${t.name} hat keine Kopfzeile`));
      return this.getDataBodyRange();
    }
    return new FakeRange(this.k, this.blatt(), { zeile: t.zeile, spalte: t.spalte, zeilen: 1, spalten: t.spalten });
  }
  getDataBodyRange(): FakeRange {
    const t = this.t();
    return new FakeRange(this.k, this.blatt(), { zeile: t.zeile + 1, spalte: t.spalte, zeilen: t.zeilen, spalten: t.spalten });
  }
  getRange(): FakeRange {
    const t = this.t();
    if (t.ohneKopf) return this.getDataBodyRange();
    return new FakeRange(this.k, this.blatt(), { zeile: t.zeile, spalte: t.spalte, zeilen: t.zeilen + 1 + (t.summenzeile ? 1 : 0), spalten: t.spalten });
  }
  get columns(): FakeSpalten {
    return new FakeSpalten(this.k, () => this.t());
  }
  get rows(): FakeZeilen {
    return new FakeZeilen(this.k, () => this.t());
  }
  resize(bereich: FakeRange | string): void {
    this.k.braucht('1.13', 'Table.resize');
    const b = typeof bereich === 'string' ? fakeBlock(bereich) : bereich.block;
    const t = this.t();
    // an address without sheet name means the active sheet, as in Excel; a table cannot move to another sheet
    const zielBlatt =
      typeof bereich !== 'string'
        ? bereich.blatt.name
        : bereich.includes('!')
          ? bereich.slice(0, bereich.lastIndexOf('!')).replace(/^'|'$/g, '').replace(/''/g, "'")
          : (this.k.modell.aktivesBlatt ?? this.k.modell.blaetter[0]?.name);
    if (zielBlatt?.toLowerCase() !== t.blatt.toLowerCase()) {
      throw new FakeOfficeFehler('InvalidArgument', `Table.resize: Bereich auf Blatt ${String(zielBlatt)}, Tabelle ${t.name} steht auf ${t.blatt}`);
    }
    this.k.log(`Table.resize ${t.name} ${blockAdresse(b)}`);
    const blatt = this.blatt();
    geschuetztPruefen(blatt, 'Table.resize');
    const berechnet = berechneteSpalten(t, blatt);
    const altEnde = t.zeile + t.zeilen;
    // with the totals row shown, the range's last row is the totals row: whatever stands there becomes it
    Object.assign(t, { zeile: b.zeile, spalte: b.spalte, spalten: b.spalten, zeilen: Math.max(1, b.zeilen - 1 - (t.summenzeile ? 1 : 0)) });
    // the rows the table grew over take the columns' validation and formats
    for (let z = altEnde + 1; z <= t.zeile + t.zeilen; z++)
      for (let s2 = 0; s2 < t.spalten; s2++) {
        const c = blatt.zellen.get(key(z, t.spalte + s2)) ?? neueZelle();
        spaltenformatUebernehmen(blatt, altEnde, t.spalte + s2, c);
        blatt.zellen.set(key(z, t.spalte + s2), c);
      }
    // a calculated column fills the rows the table grew over, where they are empty
    for (const [s2, formel] of berechnet)
      for (let z = altEnde + 1; z <= t.zeile + t.zeilen; z++) {
        const c = blatt.zellen.get(key(z, t.spalte + s2));
        if (c && (c.wert !== '' || c.formel || c.fehler)) continue;
        const neu = c ?? neueZelle();
        neu.formel = formel;
        blatt.zellen.set(key(z, t.spalte + s2), neu);
      }
  }
  /** ExcelApi 1.2: removes every filter criterion of the table (rows hidden by hand stay hidden) */
  clearFilters(): void {
    const t = this.t();
    this.k.log(`Table.clearFilters ${t.name}`);
    delete t.filter;
  }
  convertToRange(): void {
    const t = this.t();
    this.k.log(`Table.convertToRange ${t.name}`);
    this.k.modell.tabellen = this.k.modell.tabellen.filter((x) => x !== t);
  }
}

class FakeWorksheet extends Basis {
  constructor(
    k: Kontext,
    private blattName: string,
    nullbar = false,
  ) {
    super(k, nullbar);
  }
  protected override existiert(): boolean {
    return this.k.modell.blaetter.some((b) => b.name === this.blattName);
  }
  private b(): FakeBlatt {
    const b = this.k.modell.blaetter.find((x) => x.name === this.blattName);
    if (!b) throw new FakeOfficeFehler('ItemNotFound', `Blatt ${this.blattName} nicht gefunden`);
    return b;
  }
  get name(): string {
    this.pruefe('name');
    return this.b().name;
  }
  set name(n: string) {
    const b = this.b();
    blattnamePruefen(n);
    for (const t of this.k.modell.tabellen) if (t.blatt === b.name) t.blatt = n;
    b.name = n;
    this.blattName = n;
  }
  get visibility(): string {
    this.pruefe('visibility');
    return this.b().sichtbarkeit;
  }
  set visibility(v: string) {
    if (this.k.modell.strukturGeschuetzt) throw new FakeOfficeFehler('AccessDenied', `Worksheet.visibility ${this.blattName}: Arbeitsmappenstruktur ist geschützt`);
    this.b().sichtbarkeit = v;
  }
  set tabColor(c: string) {
    this.k.braucht('1.7', 'Worksheet.tabColor');
    this.b().registerfarbe = c.toUpperCase();
  }
  get tabColor(): string {
    this.pruefe('tabColor');
    return this.b().registerfarbe;
  }
  getRange(adresse?: string): FakeRange {
    if (adresse === undefined) return new FakeRange(this.k, this.b(), { zeile: 1, spalte: 1, zeilen: MAX_ZEILEN, spalten: MAX_SPALTEN });
    return new FakeRange(this.k, this.b(), fakeBlock(adresse));
  }
  getRanges(adressen: string): FakeRangeAreas {
    this.k.braucht('1.9', 'Worksheet.getRanges');
    // the list separator of getRanges depends on the host: German desktop Excel wants the
    // locale's ";", Excel on the web ","; each rejects the other as an invalid argument
    const trenner = this.k.host === 'desktop-de' ? ';' : ',';
    const fremd = this.k.host === 'desktop-de' ? ',' : ';';
    if (adressen.includes(fremd)) throw new FakeOfficeFehler('InvalidArgument', `Das Argument ist ungültig oder fehlt oder hat ein falsches Format (Adressliste mit „${fremd}“ auf ${this.k.host})`);
    const teile = adressen.split(trenner);
    this.k.log(`Worksheet.getRanges ${this.blattName} (${teile.length})`);
    if (adressen.length > 8000) throw new FakeOfficeFehler('InvalidArgument', 'Adressliste zu lang');
    return new FakeRangeAreas(
      this.k,
      this.b(),
      teile.map((a) => fakeBlock(a)),
    );
  }
  getRangeByIndexes(zeile: number, spalte: number, zeilen: number, spalten: number): FakeRange {
    this.k.braucht('1.7', 'Worksheet.getRangeByIndexes');
    return new FakeRange(this.k, this.b(), { zeile: zeile + 1, spalte: spalte + 1, zeilen, spalten });
  }
  private benutzt(nurWerte: boolean): Block | null {
    let z1 = Infinity;
    let z2 = -Infinity;
    let s1 = Infinity;
    let s2 = -Infinity;
    for (const [k2, c] of this.b().zellen) {
      if (nurWerte && c.wert === '' && !c.formel && !c.fehler) continue;
      const [z, s] = k2.split(',').map(Number);
      z1 = Math.min(z1, z);
      z2 = Math.max(z2, z);
      s1 = Math.min(s1, s);
      s2 = Math.max(s2, s);
    }
    if (z1 === Infinity) return null;
    return { zeile: z1, spalte: s1, zeilen: z2 - z1 + 1, spalten: s2 - s1 + 1 };
  }
  getUsedRange(nurWerte = false): FakeRange {
    return new FakeRange(this.k, this.b(), this.benutzt(nurWerte) ?? { zeile: 1, spalte: 1, zeilen: 1, spalten: 1 });
  }
  getUsedRangeOrNullObject(nurWerte = false): FakeRange {
    const b = this.benutzt(nurWerte);
    return new FakeRange(this.k, this.b(), b ?? { zeile: 1, spalte: 1, zeilen: 1, spalten: 1 }, true, b === null);
  }
  get tables(): FakeTabellenSammlung {
    return new FakeTabellenSammlung(this.k, this.blattName);
  }
  private diagrammeCache?: FakeDiagramme;
  private schutzCache?: FakeSchutz;
  // navigation properties return the same proxy each time, as in Office.js
  get charts(): FakeDiagramme {
    this.diagrammeCache ??= new FakeDiagramme(this.k, () => this.b());
    return this.diagrammeCache;
  }
  get protection(): FakeSchutz {
    this.schutzCache ??= new FakeSchutz(this.k, () => this.b());
    return this.schutzCache;
  }
  get freezePanes(): { freezeRows: (n: number) => void; unfreeze: () => void } {
    this.k.braucht('1.7', 'Worksheet.freezePanes');
    return {
      freezeRows: (n: number) => {
        this.b().fixierteZeilen = n;
      },
      unfreeze: () => {
        this.b().fixierteZeilen = 0;
      },
    };
  }
  get pageLayout(): { orientation: string; paperSize: string; zoom: Excel.PageLayoutZoomOptions; setPrintTitleRows: (r: string) => void } {
    this.k.braucht('1.9', 'Worksheet.pageLayout');
    const s = this.b().seite;
    return {
      set orientation(v: string) {
        s.ausrichtung = v;
      },
      set paperSize(v: string) {
        s.papier = v;
      },
      set zoom(v: Excel.PageLayoutZoomOptions) {
        s.zoom = v;
      },
      setPrintTitleRows: (r: string) => {
        s.titelzeilen = r;
      },
    } as { orientation: string; paperSize: string; zoom: Excel.PageLayoutZoomOptions; setPrintTitleRows: (r: string) => void };
  }
  get horizontalPageBreaks(): { add: (a: string) => void; removePageBreaks: () => void } {
    this.k.braucht('1.9', 'Worksheet.horizontalPageBreaks');
    const s = this.b().seite;
    return {
      add: (a: string) => {
        s.umbrueche.push(a);
      },
      removePageBreaks: () => {
        s.umbrueche = [];
      },
    };
  }
  delete(): void {
    const b = this.b();
    if (this.k.modell.strukturGeschuetzt) throw new FakeOfficeFehler('AccessDenied', `Worksheet.delete ${b.name}: Arbeitsmappenstruktur ist geschützt`);
    this.k.log(`Worksheet.delete ${b.name}`);
    this.k.modell.tabellen = this.k.modell.tabellen.filter((t) => t.blatt !== b.name);
    this.k.modell.blaetter = this.k.modell.blaetter.filter((x) => x !== b);
    if (this.k.modell.aktivesBlatt === b.name) this.k.modell.aktivesBlatt = null;
  }
  activate(): void {
    const b = this.b();
    if (b.sichtbarkeit !== 'Visible') throw new FakeOfficeFehler('InvalidOperation', `Ausgeblendetes Blatt ${b.name} kann nicht aktiviert werden`);
    this.k.modell.aktivesBlatt = b.name;
  }
}

class FakeBlaetter extends Basis {
  private schnappschuss: FakeWorksheet[] = [];
  protected override nachLaden(): void {
    this.schnappschuss = this.k.modell.blaetter.map((b) => this.fuerEintraege(new FakeWorksheet(this.k, b.name)));
  }
  get items(): FakeWorksheet[] {
    this.pruefe('items');
    return this.schnappschuss;
  }
  /** Excel finds sheets by name case-insensitively ("ziele" is the sheet "Ziele") */
  private echterName(name: string): string | undefined {
    return this.k.modell.blaetter.find((b) => b.name.toLowerCase() === name.toLowerCase())?.name;
  }
  getItem(name: string): FakeWorksheet {
    const echt = this.echterName(name);
    if (echt === undefined) throw new FakeOfficeFehler('ItemNotFound', `Blatt ${name} nicht gefunden`);
    return new FakeWorksheet(this.k, echt);
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.k, this.echterName(name) ?? name, true);
  }
  add(name: string): FakeWorksheet {
    if (this.k.modell.blaetter.some((b) => b.name.toLowerCase() === name.toLowerCase())) throw new FakeOfficeFehler('ItemAlreadyExists', `Blatt ${name} existiert schon`);
    if (name.length > 31) throw new FakeOfficeFehler('InvalidArgument', `Blattname ${name} ist länger als 31 Zeichen`);
    // Excel's rules for sheet names: not empty, none of \ / ? * [ ] :, no apostrophe at either end
    if (name.trim() === '' || /[\\/?*[\]:]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
      throw new FakeOfficeFehler('InvalidArgument', `Blattname ${name} enthält ein unzulässiges Zeichen`);
    }
    blattnamePruefen(name);
    if (this.k.modell.strukturGeschuetzt) throw new FakeOfficeFehler('AccessDenied', `Worksheets.add ${name}: Arbeitsmappenstruktur ist geschützt`);
    this.k.log(`Worksheets.add ${name}`);
    this.k.modell.blaetter.push(neuesBlatt(name));
    return new FakeWorksheet(this.k, name);
  }
}

class FakeEigenschaft extends Basis {
  constructor(
    k: Kontext,
    private readonly schluessel: string,
    nullbar = false,
  ) {
    super(k, nullbar);
  }
  protected override existiert(): boolean {
    return this.k.modell.eigenschaften.has(this.schluessel.toLowerCase());
  }
  get value(): unknown {
    this.pruefe('value');
    return this.k.modell.eigenschaften.get(this.schluessel.toLowerCase());
  }
  get key(): string {
    return this.schluessel;
  }
  delete(): void {
    this.k.modell.eigenschaften.delete(this.schluessel.toLowerCase());
  }
}

class FakeMappenSchutz extends Basis {
  get protected(): boolean {
    this.pruefe('protected');
    return !!this.k.modell.strukturGeschuetzt;
  }
}

class FakeWorkbook extends Basis {
  override load(arg?: string | string[] | Record<string, unknown>): this {
    const namen = arg === undefined ? [] : typeof arg === 'string' ? arg.split(',') : Array.isArray(arg) ? arg.flatMap((a) => a.split(',')) : Object.keys(arg);
    if (namen.some((n) => n.trim() === 'name')) this.k.braucht('1.7', 'Workbook.name');
    return super.load(arg);
  }
  get name(): string {
    this.pruefe('name');
    return this.k.modell.name;
  }
  get worksheets(): FakeBlaetter {
    return new FakeBlaetter(this.k);
  }
  private mappenSchutz?: FakeMappenSchutz;
  get protection(): FakeMappenSchutz {
    this.k.braucht('1.7', 'Workbook.protection');
    this.mappenSchutz ??= new FakeMappenSchutz(this.k);
    return this.mappenSchutz;
  }
  get tables(): FakeTabellenSammlung {
    return new FakeTabellenSammlung(this.k);
  }
  get application(): { suspendApiCalculationUntilNextSync: () => void; suspendScreenUpdatingUntilNextSync: () => void } {
    return {
      suspendApiCalculationUntilNextSync: () => {
        this.k.braucht('1.6', 'Application.suspendApiCalculationUntilNextSync');
        this.k.log('Application.suspendApiCalculationUntilNextSync');
      },
      suspendScreenUpdatingUntilNextSync: () => {
        this.k.braucht('1.9', 'Application.suspendScreenUpdatingUntilNextSync');
        this.k.log('Application.suspendScreenUpdatingUntilNextSync');
      },
    };
  }
  get properties(): { custom: { add: (k: string, v: unknown) => FakeEigenschaft; getItemOrNullObject: (k: string) => FakeEigenschaft } } {
    this.k.braucht('1.7', 'Workbook.properties');
    return {
      custom: {
        add: (schluessel: string, wert: unknown) => {
          this.k.modell.eigenschaften.set(schluessel.toLowerCase(), wert);
          return new FakeEigenschaft(this.k, schluessel);
        },
        getItemOrNullObject: (schluessel: string) => new FakeEigenschaft(this.k, schluessel, true),
      },
    };
  }
}

/* --------------------------------------------------------------- factory */

export interface FakeTabellenSaat {
  readonly name: string;
  readonly blatt: string;
  /** 1-based header row / first column (default 1 / 1) */
  readonly zeile?: number;
  readonly spalte?: number;
  readonly kopf: readonly string[];
  readonly zeilen: readonly (readonly FakeWert[])[];
  /** totals row below the body (shown), e.g. ['Summe', null, …] */
  readonly summenzeile?: readonly FakeWert[];
}

export interface FakeSaat {
  readonly name?: string;
  /** sheets in order (sheets of seeded tables are added automatically) */
  readonly blaetter?: readonly string[];
  readonly tabellen?: readonly FakeTabellenSaat[];
  readonly eigenschaften?: Readonly<Record<string, unknown>>;
  /**
   * Number-like text assigned through range.values becomes a number, as in
   * Excel (cells formatted "@" keep text). Recommended for new tests.
   */
  readonly zahlenErkennen?: boolean;
  /**
   * Highest ExcelApi requirement set of the simulated host (e.g. '1.4', the
   * manifest's minimum): members of later sets throw ApiNotFound, as on an
   * old Excel. Default: everything supported.
   */
  readonly apiVersion?: string;
  /** host whose differences are simulated (default 'web'), see FakeHost */
  readonly host?: FakeHost;
  /**
   * Deleting rows of a table while a filter is active: 'fehler' (default)
   * throws InsertDeleteConflict, 'wirkungslos' leaves the rows in place
   * without an error — Excel has been seen doing either.
   */
  readonly gefiltertLoeschen?: 'fehler' | 'wirkungslos';
}

/**
 * The simulated Excel where hosts behave differently: 'web' (Excel on the
 * web, the default) and 'desktop-de' (German Excel for Windows).
 */
export type FakeHost = 'web' | 'desktop-de';

export interface FakeExcel {
  /** pass this wherever an Excel.RequestContext is expected */
  readonly context: Excel.RequestContext;
  readonly modell: FakeArbeitsmappe;
  /** API calls in order, e.g. "Range.values KPI Übersicht!A1:O20" */
  readonly protokoll: string[];
  syncs(): number;
  /** isSetSupported of the simulated host (pass as `unterstuetzt` to the adapter) */
  unterstuetzt(set: string, version: string): boolean;
  blatt(name: string): FakeBlatt;
  /** values of a block as Office.js would return them ('' for empty) */
  werte(blatt: string, adresse: string): (string | number | boolean)[][];
  zelle(blatt: string, adresse: string): FakeZelle | undefined;
  tabelle(name: string): { kopf: string[]; zeilen: (string | number | boolean)[][]; tabelle: FakeTabelle } | undefined;
  /** the whole model as plain JSON, for "running twice changes nothing" */
  schnappschuss(): string;
  /** type a value into a cell as a user would (also inside protected sheets: user edits are outside the API) */
  tippen(blatt: string, adresse: string, wert: FakeWert): void;
  /** filter a table column as a user would: only rows whose text is one of `sichtbar` stay visible */
  filtern(tabelle: string, spalte: string, sichtbar: readonly string[]): void;
  /** a user starts (true) or ends (false) editing a cell: meanwhile every sync fails with InvalidOperationInCellEditMode */
  zelleBearbeiten(an: boolean): void;
}

function wertSetzen(c: FakeZelle, w: FakeWert): void {
  delete c.fehler;
  delete c.formel;
  if (w === null) c.wert = '';
  else if (typeof w === 'object') {
    c.wert = w.error;
    c.fehler = w.error;
  } else c.wert = w;
}

export function createFakeExcel(saat: FakeSaat = {}): FakeExcel {
  const modell: FakeArbeitsmappe = {
    name: saat.name ?? 'Arbeitsplanung-2026.xlsx',
    blaetter: [],
    tabellen: [],
    eigenschaften: new Map(Object.entries(saat.eigenschaften ?? {}).map(([k2, v]) => [k2.toLowerCase(), v])),
    aktivesBlatt: null,
    auswahl: null,
  };
  const blattHolen = (name: string): FakeBlatt => {
    let b = modell.blaetter.find((x) => x.name === name);
    if (!b) {
      b = neuesBlatt(name);
      modell.blaetter.push(b);
    }
    return b;
  };
  for (const n of saat.blaetter ?? []) blattHolen(n);
  for (const t of saat.tabellen ?? []) {
    const b = blattHolen(t.blatt);
    const zeile = t.zeile ?? 1;
    const spalte = t.spalte ?? 1;
    t.kopf.forEach((h, i) => {
      const c = neueZelle();
      c.wert = h;
      b.zellen.set(key(zeile, spalte + i), c);
    });
    t.zeilen.forEach((r, ri) =>
      r.forEach((w, ci) => {
        if (w === null || w === '') return;
        const c = neueZelle();
        wertSetzen(c, w);
        b.zellen.set(key(zeile + 1 + ri, spalte + ci), c);
      }),
    );
    const koerper = Math.max(1, t.zeilen.length);
    t.summenzeile?.forEach((w, ci) => {
      if (w === null || w === '') return;
      const c = neueZelle();
      wertSetzen(c, w);
      b.zellen.set(key(zeile + 1 + koerper, spalte + ci), c);
    });
    modell.tabellen.push({ name: t.name, blatt: t.blatt, zeile, spalte, spalten: t.kopf.length, zeilen: koerper, stil: 'TableStyleMedium2', ...(t.summenzeile ? { summenzeile: true } : {}) });
  }
  if (modell.blaetter.length === 0) blattHolen('Tabelle1');

  const k = new Kontext(modell);
  const wb = new FakeWorkbook(k);
  k.zahlenErkennen = saat.zahlenErkennen ?? false;
  k.apiVersion = saat.apiVersion ?? null;
  k.host = saat.host ?? 'web';
  k.gefiltertLoeschen = saat.gefiltertLoeschen ?? 'fehler';
  const context = {
    workbook: wb,
    application: wb.application,
    sync: () => k.sync(),
    trackedObjects: { add: () => undefined, remove: () => undefined },
  };

  const blatt = (name: string): FakeBlatt => {
    const b = modell.blaetter.find((x) => x.name === name);
    if (!b) throw new Error(`Blatt ${name} gibt es im Modell nicht`);
    return b;
  };
  const werte = (name: string, adresse: string): (string | number | boolean)[][] => {
    const b = blatt(name);
    const bl = fakeBlock(adresse);
    const out: (string | number | boolean)[][] = [];
    for (let z = bl.zeile; z < bl.zeile + bl.zeilen; z++) {
      const r: (string | number | boolean)[] = [];
      for (let s = bl.spalte; s < bl.spalte + bl.spalten; s++) {
        const c = b.zellen.get(key(z, s));
        r.push(c ? (c.fehler ?? c.wert) : '');
      }
      out.push(r);
    }
    return out;
  };

  return {
    context: context as unknown as Excel.RequestContext,
    modell,
    protokoll: k.protokoll,
    syncs: () => k.syncs,
    unterstuetzt: (set, version) => set === 'ExcelApi' && (k.apiVersion === null || versionMindestens(k.apiVersion, version)),
    blatt,
    werte,
    zelle: (name, adresse) => {
      const bl = fakeBlock(adresse);
      return blatt(name).zellen.get(key(bl.zeile, bl.spalte));
    },
    tabelle: (name) => {
      const t = modell.tabellen.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!t) return undefined;
      const alle = werte(t.blatt, blockAdresse({ zeile: t.zeile, spalte: t.spalte, zeilen: t.zeilen + 1, spalten: t.spalten }));
      return { kopf: alle[0].map(String), zeilen: alle.slice(1), tabelle: t };
    },
    schnappschuss: () =>
      JSON.stringify(modell, (_k, v: unknown) => {
        if (v instanceof Map) return [...v.entries()].sort(([a], [b]) => String(a).localeCompare(String(b)));
        return v;
      }),
    tippen: (name, adresse, w) => {
      const b = blatt(name);
      const bl = fakeBlock(adresse);
      let c = b.zellen.get(key(bl.zeile, bl.spalte));
      if (!c) {
        c = neueZelle();
        b.zellen.set(key(bl.zeile, bl.spalte), c);
      }
      wertSetzen(c, w);
    },
    zelleBearbeiten: (an) => {
      k.zellbearbeitung = an;
    },
    filtern: (name, spalte, sichtbar) => {
      const t = modell.tabellen.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!t) throw new Error(`Tabelle ${name} gibt es im Modell nicht`);
      const b = blatt(t.blatt);
      let i = -1;
      for (let s = 0; s < t.spalten; s++) if (zellText(b, t.zeile, t.spalte + s).toLowerCase() === spalte.toLowerCase()) i = s;
      if (i < 0) throw new Error(`Spalte ${spalte} gibt es in ${name} nicht`);
      t.filter = [...(t.filter ?? []).filter((f) => f.spalte !== i), { spalte: i, werte: [...sichtbar] }];
    },
  };
}
