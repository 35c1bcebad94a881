/** DataValidation of a range. */
import { Kontext } from './kontext';
import { type Block, type FakeBlatt, FakeOfficeFehler, type FakeZelle, key, neueZelle } from './modell';
import { geschuetztImSync } from './protection';
import { rechteckAdresse } from '../../../domain/adresse';

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
    this.k.log(`DataValidation.clear ${this.blatt.name}!${rechteckAdresse(this.block)}`);
    if (!geschuetztImSync(this.k, this.blatt, 'DataValidation.clear')) return;
    // only cells that exist: clearing creates nothing
    const b = this.block;
    for (const [k2, c] of this.blatt.zellen) {
      const [z, s2] = k2.split(',').map(Number);
      if (z >= b.zeile && z < b.zeile + b.zeilen && s2 >= b.spalte && s2 < b.spalte + b.spalten) {
        delete c.gueltigkeit;
        delete c.fehlerhinweis;
        delete c.eingabehinweis;
      }
    }
  }
  set rule(r: Excel.DataValidationRule) {
    this.k.log(`DataValidation.rule ${this.blatt.name}!${rechteckAdresse(this.block)}`);
    if (!geschuetztImSync(this.k, this.blatt, 'DataValidation.rule')) return;
    let belegt = false;
    this.jede((z) => {
      if (z.gueltigkeit) belegt = true;
    });
    // Office.js refuses a new rule over an existing one; callers must clear first
    if (belegt) throw new FakeOfficeFehler('InvalidOperation', 'Datenüberprüfung existiert bereits; zuerst clear() aufrufen');
    this.jede((z) => (z.gueltigkeit = JSON.parse(JSON.stringify(r)) as Excel.DataValidationRule));
  }
  set errorAlert(a: Excel.DataValidationErrorAlert) {
    this.k.log(`DataValidation.errorAlert ${this.blatt.name}!${rechteckAdresse(this.block)}`);
    if (!geschuetztImSync(this.k, this.blatt, 'DataValidation.errorAlert')) return;
    texteImRahmen(a.title, a.message);
    this.jede((z) => (z.fehlerhinweis = { ...a }));
  }
  set prompt(p: Excel.DataValidationPrompt) {
    this.k.log(`DataValidation.prompt ${this.blatt.name}!${rechteckAdresse(this.block)}`);
    if (!geschuetztImSync(this.k, this.blatt, 'DataValidation.prompt')) return;
    texteImRahmen(p.title, p.message);
    this.jede((z) => (z.eingabehinweis = { ...p }));
  }
}

/**
 * Excel's limits for the title (32) and message (255) of an error alert or
 * input message: its dialog takes no more, and a file with longer ones is
 * repaired on opening. Refused here, so an overlong text fails in tests.
 */
function texteImRahmen(titel: string | undefined, meldung: string | undefined): void {
  if ((titel ?? '').length > 32) throw new FakeOfficeFehler('InvalidArgument', `Titel „${titel}“ ist länger als 32 Zeichen`);
  if ((meldung ?? '').length > 255) throw new FakeOfficeFehler('InvalidArgument', 'Meldung ist länger als 255 Zeichen');
}
