/** RangeAreas (Worksheet.getRanges). */
import { Basis } from './basis';
import { FakeFormat } from './format';
import { Kontext } from './kontext';
import { type Block, type FakeBlatt, blockAdresse, quote } from './modell';

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
