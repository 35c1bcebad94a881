/** ConditionalFormatCollection, ConditionalFormat and its custom rule. */
import { Basis } from './basis';
import { Kontext } from './kontext';
import { type Block, type FakeBedingtesFormat, type FakeBlatt, FakeOfficeFehler, schneidet } from './modell';
import { geschuetztPruefen } from './protection';
import { rechteckAdresse } from '../../../domain/adresse';

export class FakeCfRegel extends Basis {
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

export class FakeCf extends Basis {
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

export class FakeCfSammlung extends Basis {
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
    this.k.log(`ConditionalFormats.add ${typ} ${this.blatt.name}!${rechteckAdresse(this.block)}`);
    geschuetztPruefen(this.blatt, 'ConditionalFormats.add');
    const cf: FakeBedingtesFormat = { id: `cf${this.blatt.bedingteFormate.length + 1}`, bereich: { ...this.block }, typ, formel: '', fuellung: '' };
    this.blatt.bedingteFormate.push(cf);
    return new FakeCf(this.k, cf);
  }
  clearAll(): void {
    this.blatt.bedingteFormate = this.blatt.bedingteFormate.filter((c) => !schneidet(c.bereich, this.block));
  }
}
