/** Workbook and its custom document properties. */
import { Basis } from './basis';
import { Kontext } from './kontext';
import { FakeNamen } from './names';
import { FakeMappenSchutz } from './protection';
import { FakeTabellenSammlung } from './table';
import { FakeBlaetter } from './worksheet';

export class FakeEigenschaft extends Basis {
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

export class FakeWorkbook extends Basis {
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
  get names(): FakeNamen {
    return new FakeNamen(this.k);
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
