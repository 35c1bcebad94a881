/** Worksheet and workbook protection, and the checks other proxies make against a protected sheet. */
import { Basis } from './basis';
import { Kontext } from './kontext';
import { type FakeBlatt, FakeOfficeFehler } from './modell';

/** Excel on a protected sheet: only what the protection options allow (formatting columns/rows …) may change. */
export function geschuetztPruefen(blatt: FakeBlatt, was: string, erlaubt?: keyof Excel.WorksheetProtectionOptions): void {
  if (!blatt.geschuetzt) return;
  if (erlaubt && blatt.schutzOptionen?.[erlaubt]) return;
  throw new FakeOfficeFehler('AccessDenied', `${was}: Blatt ${blatt.name} ist geschützt`);
}

/**
 * The same check for a queued call, as Office.js does it: the call itself
 * succeeds, the request fails with AccessDenied at the next sync, and the
 * change is not made. False when the caller must not apply the change.
 */
export function geschuetztImSync(k: Kontext, blatt: FakeBlatt, was: string, erlaubt?: keyof Excel.WorksheetProtectionOptions): boolean {
  try {
    geschuetztPruefen(blatt, was, erlaubt);
    return true;
  } catch (e) {
    k.spaeterFehler(e as FakeOfficeFehler);
    return false;
  }
}

export class FakeSchutz extends Basis {
  constructor(
    k: Kontext,
    private readonly blatt: () => FakeBlatt,
  ) {
    super(k);
  }
  get protected(): boolean {
    this.pruefe('protected');
    return this.blatt().geschuetzt;
  }
  protect(optionen?: Excel.WorksheetProtectionOptions): void {
    const b = this.blatt();
    this.k.log(`Protection.protect ${b.name}`);
    if (b.geschuetzt) throw new FakeOfficeFehler('InvalidOperation', `Blatt ${b.name} ist bereits geschützt`);
    b.geschuetzt = true;
    b.schutzOptionen = optionen ?? {};
  }
  unprotect(kennwort?: string): void {
    const b = this.blatt();
    this.k.log(`Protection.unprotect ${b.name}`);
    if (b.geschuetzt && b.kennwort !== undefined && kennwort !== b.kennwort) {
      throw new FakeOfficeFehler('InvalidArgument', `Blatt ${b.name}: falsches oder fehlendes Kennwort`);
    }
    b.geschuetzt = false;
  }
}

export class FakeMappenSchutz extends Basis {
  get protected(): boolean {
    this.pruefe('protected');
    return !!this.k.modell.strukturGeschuetzt;
  }
}
