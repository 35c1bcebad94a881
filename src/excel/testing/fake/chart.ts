/** Chart and ChartCollection. */
import { Basis } from './basis';
import { Kontext } from './kontext';
import { type Block, type FakeBlatt, type FakeDiagramm, FakeOfficeFehler } from './modell';
import { geschuetztImSync, geschuetztPruefen } from './protection';
import { FakeRange } from './range';
import { rechteckAdresse } from '../../../domain/adresse';

/**
 * ChartSeriesBy: 'Auto' lets desktop Excel guess from the shape — fewer rows
 * than columns make one series per row (so a short history plots its dates
 * as series).
 */
export function reihenNach(reihen: string, b: Block): 'Spalten' | 'Zeilen' {
  if (reihen === 'Columns') return 'Spalten';
  if (reihen === 'Rows') return 'Zeilen';
  return b.zeilen < b.spalten ? 'Zeilen' : 'Spalten';
}

export class FakeDiagrammProxy extends Basis {
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
    this.d.quelle = rechteckAdresse(quelle.block);
    this.d.reihenNach = reihenNach(reihen, quelle.block);
  }
  setPosition(start: string | FakeRange): void {
    this.d.position = typeof start === 'string' ? start : rechteckAdresse(start.block);
  }
  delete(): void {
    this.blatt.diagramme = this.blatt.diagramme.filter((x) => x !== this.d);
  }
}

export class FakeDiagramme extends Basis {
  private schnappschuss: FakeDiagrammProxy[] = [];
  constructor(
    k: Kontext,
    private readonly blatt: () => FakeBlatt,
  ) {
    super(k);
  }
  protected override nachLaden(): void {
    // the charts of a null worksheet (getItemOrNullObject) load as nothing, as in Office.js
    let b: FakeBlatt | null;
    try {
      b = this.blatt();
    } catch {
      b = null;
    }
    this.schnappschuss = b ? b.diagramme.map((d) => this.fuerEintraege(new FakeDiagrammProxy(this.k, d, b))) : [];
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
      quelle: rechteckAdresse(quelle.block),
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
