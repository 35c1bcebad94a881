/** DataValidation of a range. */
import { Kontext } from './kontext';
import { type Block, type FakeBlatt, FakeOfficeFehler, type FakeZelle, blockAdresse, key, neueZelle } from './modell';
import { geschuetztImSync } from './protection';

export class FakeGueltigkeit {
  constructor(
    private readonly blatt: FakeBlatt,
    private readonly block: Block,
    private readonly k: Kontext,
  ) {}
  private jede(f: (z: FakeZelle) => void): void {
    const b = this.block;
    for (let z = b.zeile; z < b.zeile + b.zeilen; z++)
      for (let s = b.spalte; s < b.spalte + b.spalten; s++) {
        let c = this.blatt.zellen.get(key(z, s));
        if (!c) {
          c = neueZelle();
          this.blatt.zellen.set(key(z, s), c);
        }
        f(c);
      }
  }
  clear(): void {
    this.k.log(`DataValidation.clear ${this.blatt.name}!${blockAdresse(this.block)}`);
    if (!geschuetztImSync(this.k, this.blatt, 'DataValidation.clear')) return;
    // only cells that exist: clearing creates nothing
    const b = this.block;
    for (const [k2, c] of this.blatt.zellen) {
      const [z, s2] = k2.split(',').map(Number);
      if (z >= b.zeile && z < b.zeile + b.zeilen && s2 >= b.spalte && s2 < b.spalte + b.spalten) delete c.gueltigkeit;
    }
  }
  set rule(r: Excel.DataValidationRule) {
    this.k.log(`DataValidation.rule ${this.blatt.name}!${blockAdresse(this.block)}`);
    if (!geschuetztImSync(this.k, this.blatt, 'DataValidation.rule')) return;
    let belegt = false;
    this.jede((z) => {
      if (z.gueltigkeit) belegt = true;
    });
    // Office.js refuses a new rule over an existing one; callers must clear first
    if (belegt) throw new FakeOfficeFehler('InvalidOperation', 'Datenüberprüfung existiert bereits; zuerst clear() aufrufen');
    this.jede((z) => (z.gueltigkeit = JSON.parse(JSON.stringify(r)) as Excel.DataValidationRule));
  }
}
