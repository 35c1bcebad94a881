/** Table, TableCollection, TableColumnCollection and TableRowCollection. */
import { Basis } from './basis';
import { setzeEingabe } from './eingabe';
import { Kontext } from './kontext';
import { type Block, type FakeBlatt, FakeOfficeFehler, type FakeTabelle, type FakeZelle, fakeBlock, key, neueZelle, neuesBlatt, schneidet, verschiebeSpalten, verschiebeZeilen, zellText } from './modell';
import { geschuetztPruefen } from './protection';
import { FakeRange } from './range';
import { FakeWorksheet } from './worksheet';
import { rechteckAdresse } from '../../../domain/adresse';

export class FakeTabellenSammlung extends Basis {
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
    this.k.log(`Tables.add ${blatt.name}!${rechteckAdresse(b)}`);
    this.k.modell.tabellen.push(t);
    return new FakeTable(this.k, t.name);
  }
}

/** A TableColumn by name or index (getItemOrNullObject, ExcelApi 1.4); Excel matches column names case-insensitively. */
export class FakeTabellenSpalte extends Basis {
  constructor(
    k: Kontext,
    private readonly t: () => FakeTabelle,
    private readonly schluessel: string | number,
  ) {
    super(k, true);
  }
  private index(): number {
    const t = this.t();
    if (typeof this.schluessel === 'number') return this.schluessel >= 0 && this.schluessel < t.spalten ? this.schluessel : -1;
    const blatt = this.k.modell.blaetter.find((b) => b.name === t.blatt) as FakeBlatt;
    for (let s = 0; s < t.spalten; s++) if (zellText(blatt, t.zeile, t.spalte + s).toLowerCase() === this.schluessel.toLowerCase()) return s;
    return -1;
  }
  protected override existiert(): boolean {
    return this.index() >= 0;
  }
  getDataBodyRange(): FakeRange {
    const i = this.index();
    if (i < 0) return new FakeRange(this.k, neuesBlatt(''), { zeile: 1, spalte: 1, zeilen: 1, spalten: 1 }, true, true);
    const t = this.t();
    const blatt = this.k.modell.blaetter.find((b) => b.name === t.blatt) as FakeBlatt;
    return new FakeRange(this.k, blatt, { zeile: t.zeile + 1, spalte: t.spalte + i, zeilen: t.zeilen, spalten: 1 });
  }
}

export class FakeSpalten {
  constructor(
    private readonly k: Kontext,
    private readonly t: () => FakeTabelle,
  ) {}
  getItemOrNullObject(schluessel: string | number): FakeTabellenSpalte {
    this.k.braucht('1.4', 'TableColumnCollection.getItemOrNullObject');
    return new FakeTabellenSpalte(this.k, this.t, schluessel);
  }
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
export function berechneteSpalten(t: FakeTabelle, blatt: FakeBlatt): Map<number, string> {
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
export function spaltenformatUebernehmen(blatt: FakeBlatt, vorlageZeile: number, spalte: number, ziel: FakeZelle): void {
  const v = blatt.zellen.get(key(vorlageZeile, spalte));
  if (!v) return;
  if (v.gueltigkeit && !ziel.gueltigkeit) ziel.gueltigkeit = JSON.parse(JSON.stringify(v.gueltigkeit)) as Excel.DataValidationRule;
  if (ziel.zahlenformat === 'General') ziel.zahlenformat = v.zahlenformat;
  if (Object.keys(ziel.format).length === 0) ziel.format = { ...v.format };
}

export class FakeZeilen {
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

export class FakeTable extends Basis {
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
  /** Office.js: a range reached from a null object is a null object too (loads on it succeed, reads fail) */
  private nullBereich(): FakeRange | null {
    if (!this.nullbar || this.existiert()) return null;
    return new FakeRange(this.k, neuesBlatt(''), { zeile: 1, spalte: 1, zeilen: 1, spalten: 1 }, true, true);
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
    const n = this.nullBereich();
    if (n) return n;
    const t = this.t();
    return new FakeRange(this.k, this.blatt(), { zeile: t.zeile + 1, spalte: t.spalte, zeilen: t.zeilen, spalten: t.spalten });
  }
  getRange(): FakeRange {
    const n = this.nullBereich();
    if (n) return n;
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
    this.k.log(`Table.resize ${t.name} ${rechteckAdresse(b)}`);
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
