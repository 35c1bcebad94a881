/** Range: values, number formats, formats, merge, clear, delete, copy; AutoExpansion of tables. */
import { Basis } from './basis';
import { FakeCfSammlung } from './conditionalFormat';
import { FakeGueltigkeit } from './dataValidation';
import { setzeEingabe } from './eingabe';
import { FakeFormat } from './format';
import { Kontext } from './kontext';
import { type Block, type FakeArbeitsmappe, type FakeBlatt, FakeOfficeFehler, type FakeZelle, fakeBlock, jsonBytes, key, MAX_ZEILEN, neueZelle, schneidet, verschiebeZeilen, zeileAusgeblendet } from './modell';
import { geschuetztImSync, geschuetztPruefen } from './protection';
import { berechneteSpalten, spaltenformatUebernehmen } from './table';
import { FakeWorksheet } from './worksheet';
import { blattImBezug, rechteckAdresse } from '../../../domain/adresse';

export class FakeRange extends Basis {
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
    return `${blattImBezug(this.blatt.name)}!${rechteckAdresse(this.block)}`;
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
    if (this.leer) return 0;
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
    this.k.log(`Range.values ${this.blatt.name}!${rechteckAdresse(this.block)}`);
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
    this.k.log(`Range.numberFormat ${this.blatt.name}!${rechteckAdresse(this.block)}`);
    this.schreibe(v, (c, w) => (c.zahlenformat = String(w)));
  }
  private schreibe(v: unknown, f: (c: FakeZelle, w: unknown) => void): void {
    const b = this.block;
    if (this.blatt.geschuetzt) throw new FakeOfficeFehler('AccessDenied', `Blatt ${this.blatt.name} ist geschützt`);
    const skalar = !Array.isArray(v);
    if (!skalar) {
      const m = v as unknown[][];
      if (m.length !== b.zeilen || m.some((r) => !Array.isArray(r) || r.length !== b.spalten)) {
        throw new FakeOfficeFehler('InvalidArgument', `Matrix ${m.length}×${m[0]?.length ?? 0} passt nicht zu ${rechteckAdresse(b)}`);
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
  /** Range.getRow (ExcelApi 1.1): one row of the range, 0-based */
  getRow(i: number): FakeRange {
    if (this.leer) return this;
    if (i < 0 || i >= this.block.zeilen) throw new FakeOfficeFehler('InvalidArgument', `Zeile ${i} liegt außerhalb von ${rechteckAdresse(this.block)}`);
    return new FakeRange(this.k, this.blatt, { ...this.block, zeile: this.block.zeile + i, zeilen: 1 });
  }
  /** Range.getRowsBelow (ExcelApi 1.2): `n` rows directly below the range, same columns */
  getRowsBelow(n = 1): FakeRange {
    this.k.braucht('1.2', 'Range.getRowsBelow');
    if (this.leer) return this;
    const zeile = this.block.zeile + this.block.zeilen;
    // beyond the last row of the sheet: the request fails at the next sync
    if (zeile + n - 1 > MAX_ZEILEN) this.k.spaeterFehler(new FakeOfficeFehler('InvalidArgument', 'Bereich unterhalb liegt außerhalb des Blatts'));
    return new FakeRange(this.k, this.blatt, { ...this.block, zeile: Math.min(zeile, MAX_ZEILEN), zeilen: Math.max(1, Math.min(n, MAX_ZEILEN - zeile + 1)) });
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
    this.k.log(`Range.merge${across ? ' (zeilenweise)' : ''} ${this.blatt.name}!${rechteckAdresse(this.block)}`);
    if (!geschuetztImSync(this.k, this.blatt, 'Range.merge')) return;
    const b = this.block;
    if (across && b.zeilen > 1) {
      for (let z = b.zeile; z < b.zeile + b.zeilen; z++) this.blatt.verbunden.push(rechteckAdresse({ ...b, zeile: z, zeilen: 1 }));
    } else this.blatt.verbunden.push(rechteckAdresse(b));
  }
  unmerge(): void {
    if (!geschuetztImSync(this.k, this.blatt, 'Range.unmerge')) return;
    this.blatt.verbunden = this.blatt.verbunden.filter((m) => !schneidet(fakeBlock(m), this.block));
  }
  clear(applyTo: string = 'All'): void {
    this.k.log(`Range.clear ${applyTo} ${this.blatt.name}!${rechteckAdresse(this.block)}`);
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
    this.wm().auswahl = { blatt: this.blatt.name, adresse: rechteckAdresse(this.block) };
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
    this.k.log(`Range.copyFrom ${typ} ${q.blatt.name}!${rechteckAdresse(q.block)} → ${this.blatt.name}!${rechteckAdresse(this.block)}`);
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
