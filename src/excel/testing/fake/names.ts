/** Defined names of the workbook (NamedItemCollection, ExcelApi 1.4). */
import { Basis } from './basis';
import { Kontext } from './kontext';
import { FakeOfficeFehler } from './modell';
import type { FakeRange } from './range';
import { blattImBezug, rechteckAdresse } from '../../../domain/adresse';

export class FakeName extends Basis {
  constructor(
    k: Kontext,
    private readonly schluessel: string,
  ) {
    super(k);
  }
  get name(): string {
    this.pruefe('name');
    return this.k.modell.namen.get(this.schluessel)?.name ?? this.schluessel;
  }
  get formula(): string {
    this.pruefe('formula');
    return this.k.modell.namen.get(this.schluessel)?.bezug ?? '';
  }
  set formula(f: string) {
    this.k.braucht('1.7', 'NamedItem.formula');
    this.k.log(`NamedItem.formula ${this.schluessel}`);
    const n = this.k.modell.namen.get(this.schluessel);
    if (!n) throw new FakeOfficeFehler('ItemNotFound', `Name ${this.schluessel} nicht gefunden`);
    if (!f.startsWith('=')) throw new FakeOfficeFehler('InvalidArgument', `Bezug ${f} beginnt nicht mit „=“`);
    n.bezug = f;
  }
  delete(): void {
    this.k.braucht('1.4', 'NamedItem.delete');
    this.k.log(`NamedItem.delete ${this.schluessel}`);
    if (!this.k.modell.namen.delete(this.schluessel)) throw new FakeOfficeFehler('ItemNotFound', `Name ${this.schluessel} nicht gefunden`);
  }
}

export class FakeNamen extends Basis {
  private schnappschuss: FakeName[] = [];
  protected override nachLaden(): void {
    this.schnappschuss = [...this.k.modell.namen.keys()].map((n) => this.fuerEintraege(new FakeName(this.k, n)));
  }
  get items(): FakeName[] {
    this.pruefe('items');
    return this.schnappschuss;
  }
  /** Excel finds names case-insensitively */
  getItem(name: string): FakeName {
    if (!this.k.modell.namen.has(name.toLowerCase())) throw new FakeOfficeFehler('ItemNotFound', `Name ${name} nicht gefunden`);
    return new FakeName(this.k, name.toLowerCase());
  }
  add(name: string, bezug: FakeRange | string): FakeName {
    this.k.braucht('1.4', 'NamedItemCollection.add');
    this.k.log(`NamedItemCollection.add ${name}`);
    if (this.k.modell.namen.has(name.toLowerCase())) throw new FakeOfficeFehler('ItemAlreadyExists', `Name ${name} existiert schon`);
    // Excel's rule for names: a letter, _ or \ first, then letters, digits, _ and .; no cell reference
    if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name)) throw new FakeOfficeFehler('InvalidArgument', `Ungültiger Name ${name}`);
    const formel = typeof bezug === 'string' ? bezug : `=${blattImBezug(bezug.blatt.name)}!${rechteckAdresse(bezug.block).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`;
    this.k.modell.namen.set(name.toLowerCase(), { name, bezug: formel });
    return new FakeName(this.k, name.toLowerCase());
  }
}
