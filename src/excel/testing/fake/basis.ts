/** Proxy base: load/sync rules of Office.js (PropertyNotLoaded, isNullObject, collection item paths). */
import { Kontext } from './kontext';
import { FakeOfficeFehler } from './modell';

export abstract class Basis {
  protected angefordert = new Set<string>();
  private geladen = new Set<string>();
  private readonly geboren: number;
  protected alles = false;
  constructor(
    protected readonly k: Kontext,
    protected readonly nullbar = false,
  ) {
    this.geboren = k.syncs;
  }
  get context(): Kontext {
    return this.k;
  }
  /** for *OrNullObject proxies: does the object exist */
  protected existiert(): boolean {
    return true;
  }
  get isNullObject(): boolean {
    if (this.k.syncs <= this.geboren) throw new FakeOfficeFehler('PropertyNotLoaded', 'isNullObject vor context.sync() gelesen');
    return this.nullbar && !this.existiert();
  }
  load(arg?: string | string[] | Record<string, unknown>): this {
    let namen: string[];
    if (arg === undefined) namen = ['*'];
    else if (typeof arg === 'string') namen = arg.split(',');
    else if (Array.isArray(arg)) namen = arg.flatMap((a) => a.split(','));
    else namen = Object.keys(arg);
    for (const n of namen) {
      this.angefordert.add(n.trim().split('/')[0]);
      this.angefordertePfade.add(n.trim());
    }
    this.k.vormerken(this);
    return this;
  }
  /** full load paths ("items/worksheet/name"), for what collection items and navigation properties get */
  private angefordertePfade = new Set<string>();
  private geladenePfade = new Set<string>();
  /** Mark what a load path list gives this object: first segments loaded, the rest for its navigation properties. */
  mitPfaden(pfade: readonly string[]): this {
    for (const p of pfade) {
      this.geladen.add(p.split('/')[0]);
      this.geladenePfade.add(p);
    }
    return this;
  }
  /** load paths below a navigation property, e.g. unterPfade('worksheet') → ['name'] */
  protected unterPfade(eigenschaft: string): string[] {
    return [...this.geladenePfade].filter((p) => p.startsWith(`${eigenschaft}/`)).map((p) => p.slice(eigenschaft.length + 1));
  }
  /**
   * Office.js gives collection items only the properties named in "items/…"
   * paths; "items" alone or load() gives them all their scalar properties.
   */
  protected fuerEintraege<T extends Basis>(eintrag: T): T {
    if (this.alles || this.geladen.has('*') || this.geladenePfade.has('items')) return eintrag.alsGeladen();
    return eintrag.mitPfaden(this.unterPfade('items'));
  }
  /** bytes this object adds to the response of the coming sync (loaded data) */
  antwortBytes(): number {
    return 0;
  }
  aufloesen(): void {
    for (const n of this.angefordert) this.geladen.add(n);
    for (const p of this.angefordertePfade) this.geladenePfade.add(p);
    this.angefordert.clear();
    this.angefordertePfade.clear();
    this.nachLaden();
  }
  protected nachLaden(): void {
    /* collections snapshot their items here */
  }
  alsGeladen(): this {
    this.alles = true;
    return this;
  }
  protected pruefe(name: string): void {
    if (this.alles || this.geladen.has('*') || this.geladen.has(name)) {
      if (this.nullbar && !this.existiert()) throw new FakeOfficeFehler('InvalidObjectPath', `${name} eines Null-Objekts gelesen`);
      return;
    }
    throw new FakeOfficeFehler('PropertyNotLoaded', `Eigenschaft ${name} wurde nicht geladen (load + sync fehlen)`);
  }
  toJSON(): Record<string, never> {
    return {};
  }
}
