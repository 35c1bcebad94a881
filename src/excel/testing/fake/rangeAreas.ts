/** RangeAreas (Worksheet.getRanges). */
import { Basis } from './basis';
import { FakeFormat } from './format';
import { Kontext } from './kontext';
import { type Block, type FakeBlatt } from './modell';
import { blattImBezug, rechteckAdresse } from '../../../domain/adresse';

export class FakeRangeAreas extends Basis {
  constructor(
    k: Kontext,
    private readonly blatt: FakeBlatt,
    private readonly bloecke: Block[],
  ) {
    super(k);
  }
  get address(): string {
    this.pruefe('address');
    return this.bloecke.map((b) => `${blattImBezug(this.blatt.name)}!${rechteckAdresse(b)}`).join(',');
  }
  get areaCount(): number {
    this.pruefe('areaCount');
    return this.bloecke.length;
  }
  get format(): FakeFormat {
    return new FakeFormat(this.k, this.blatt, () => this.bloecke);
  }
}
