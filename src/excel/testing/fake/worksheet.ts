/** Worksheet and WorksheetCollection. */
import { Basis } from './basis';
import { FakeDiagramme } from './chart';
import { Kontext } from './kontext';
import { type Block, type FakeBlatt, FakeOfficeFehler, MAX_SPALTEN, MAX_ZEILEN, blattnamePruefen, fakeBlock, neuesBlatt } from './modell';
import { FakeSchutz } from './protection';
import { FakeRange } from './range';
import { FakeRangeAreas } from './rangeAreas';
import { FakeTabellenSammlung } from './table';

const woertlich = (ch: string): string => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class FakeWorksheet extends Basis {
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
  /** Office.js: a range reached from a null worksheet is a null object too (loads on it succeed, reads fail) */
  private nullBereich(): FakeRange | null {
    if (!this.nullbar || this.existiert()) return null;
    return new FakeRange(this.k, neuesBlatt(''), { zeile: 1, spalte: 1, zeilen: 1, spalten: 1 }, true, true);
  }
  getRange(adresse?: string): FakeRange {
    const n = this.nullBereich();
    if (n) return n;
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
  /**
   * Worksheet.findAll: every cell whose value matches the text, as one
   * RangeAreas (one area per run of matching cells in a row). As in Excel's
   * search, `*` and `?` are wildcards and `~` escapes them; without
   * `matchCase` case is ignored; no match is ItemNotFound.
   */
  findAll(text: string, kriterien: { completeMatch?: boolean; matchCase?: boolean } = {}): FakeRangeAreas {
    this.k.braucht('1.9', 'Worksheet.findAll');
    this.k.log(`Worksheet.findAll ${this.blattName}`);
    const bloecke = this.treffer(text, kriterien);
    if (bloecke.length === 0) throw new FakeOfficeFehler('ItemNotFound', `„${text}“ kommt im Blatt ${this.blattName} nicht vor`);
    return new FakeRangeAreas(this.k, this.b(), bloecke);
  }
  private treffer(text: string, kriterien: { completeMatch?: boolean; matchCase?: boolean }): Block[] {
    let muster = '';
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch === '~' && i + 1 < text.length) muster += woertlich(text[++i]);
      else if (ch === '*') muster += '.*';
      else if (ch === '?') muster += '.';
      else muster += woertlich(ch);
    }
    const re = new RegExp(kriterien.completeMatch ? `^${muster}$` : muster, kriterien.matchCase ? 'su' : 'isu');
    const zeilen = new Map<number, number[]>();
    for (const [k2, c] of this.b().zellen) {
      const w = c.fehler ?? c.wert;
      if (w === '' || !re.test(String(w))) continue;
      const [z, s] = k2.split(',').map(Number);
      zeilen.set(z, [...(zeilen.get(z) ?? []), s]);
    }
    const out: Block[] = [];
    for (const [zeile, spalten] of [...zeilen].sort((a, b) => a[0] - b[0])) {
      spalten.sort((a, b) => a - b);
      for (let i = 0; i < spalten.length; ) {
        let j = i;
        while (j + 1 < spalten.length && spalten[j + 1] === spalten[j] + 1) j++;
        out.push({ zeile, spalte: spalten[i], zeilen: 1, spalten: j - i + 1 });
        i = j + 1;
      }
    }
    return out;
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
    const n = this.nullBereich();
    if (n) return n;
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
  get pageLayout(): FakeSeitenlayout {
    this.k.braucht('1.9', 'Worksheet.pageLayout');
    const s = this.b().seite;
    // write-only properties, each into its field of the sheet's page model
    const setzer = <T extends object>(ziel: T, felder: Readonly<Record<string, keyof T>>): PropertyDescriptorMap =>
      Object.fromEntries(Object.entries(felder).map(([api, feld]) => [api, { set: (v: T[keyof T]) => void (ziel[feld] = v) }]));
    const fuss = Object.defineProperties({}, setzer(s.fusszeile, { leftFooter: 'links', centerFooter: 'mitte', rightFooter: 'rechts' }));
    const layout = {
      headersFooters: { defaultForAllPages: fuss },
      setPrintTitleRows: (r: string) => {
        s.titelzeilen = r;
      },
    };
    Object.defineProperties(layout, setzer(s, { orientation: 'ausrichtung', paperSize: 'papier', zoom: 'zoom' }));
    Object.defineProperties(
      layout,
      setzer(s.raender, { leftMargin: 'links', rightMargin: 'rechts', topMargin: 'oben', bottomMargin: 'unten', headerMargin: 'kopf', footerMargin: 'fuss' }),
    );
    return layout as unknown as FakeSeitenlayout;
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

export class FakeBlaetter extends Basis {
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

/** The part of Excel.PageLayout the add-in uses (ExcelApi 1.9). */
export interface FakeSeitenlayout {
  orientation: string;
  paperSize: string;
  zoom: Excel.PageLayoutZoomOptions;
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
  headersFooters: { defaultForAllPages: { leftFooter: string; centerFooter: string; rightFooter: string } };
  setPrintTitleRows: (r: string) => void;
}
