/** RangeFormat and RangeBorder. */
import { Kontext } from './kontext';
import { type Block, type FakeBlatt, FakeOfficeFehler, type FakeZelle, key, neueZelle } from './modell';
import { geschuetztImSync } from './protection';

export class FakeRahmen {
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

export class FakeFormat {
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
  /** A read property as Office.js returns it: the common value of all cells, null when they differ. */
  private gemeinsam<T>(f: (z: FakeZelle) => T): T | null {
    const werte = new Set(this.zellen().map(f));
    return werte.size === 1 ? [...werte][0] : null;
  }
  get font(): { bold: boolean; italic: boolean; size: number; color: string } {
    const setze = (f: (z: FakeZelle) => void, e: string): void => this.setze(f, e);
    const lies = <T>(f: (z: FakeZelle) => T): T | null => this.gemeinsam(f);
    return {
      load() {
        return this;
      },
      get bold() {
        return lies((z) => z.format.bold ?? false) as boolean;
      },
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
    const lies = <T>(f: (z: FakeZelle) => T): T | null => this.gemeinsam(f);
    return {
      load() {
        return this;
      },
      // Excel reports an unfilled cell as white
      get color() {
        return lies((z) => z.format.fill ?? '#FFFFFF') as string;
      },
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
