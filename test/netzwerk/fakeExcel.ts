/**
 * A small in-memory stand-in for the parts of the Office.js Excel API the
 * network import and the backup/restore use. Writes and loads take effect
 * at once; `sync()` only counts round trips, which is what the tests check
 * (constant sync count), together with the resulting cell contents.
 * Text written through `values` behaves like typing in Excel: a leading
 * apostrophe makes it text, "=…" otherwise becomes a formula.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */

type Zelle = string | number | boolean | { formula: string };

function spaltenNr(s: string): number {
  let n = 0;
  for (const ch of s.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** Permissive stub for formats, page layout, application…: every property and call is accepted. */
function stub(): any {
  const f = function () {
    return stub();
  };
  return new Proxy(f, {
    get: (_t, p) => (p === 'then' ? undefined : stub()),
    set: () => true,
    apply: () => stub(),
  });
}

export class FakeBlatt {
  readonly zellen = new Map<number, Map<number, Zelle>>();
  visibility = 'Visible';
  tabColor = '';
  readonly protection = { protected: false, load: () => undefined, protect: () => undefined, unprotect: () => undefined };
  readonly charts = { items: [] as any[], load: () => undefined, add: () => stub(), getItem: () => stub() };
  readonly freezePanes = stub();
  readonly pageLayout = stub();
  readonly horizontalPageBreaks = stub();
  readonly tables: { add: (r: FakeBereich, kopf: boolean) => FakeTabelle };

  constructor(
    readonly mappe: FakeMappe,
    public name: string,
  ) {
    this.tables = { add: (r) => mappe.neueTabelle(this, r.top, r.left, Math.max(1, r.rows - 1), r.cols, `Tabelle${mappe.tabellen.length + 1}`) };
  }

  get(r: number, c: number): Zelle | undefined {
    return this.zellen.get(r)?.get(c);
  }

  set(r: number, c: number, v: Zelle | undefined): void {
    if (v === undefined || v === '') {
      this.zellen.get(r)?.delete(c);
      return;
    }
    let z = this.zellen.get(r);
    if (!z) this.zellen.set(r, (z = new Map()));
    z.set(c, v);
  }

  getRange(adresse?: string): FakeBereich {
    if (!adresse) return new FakeBereich(this, 1, 1, 1048576, 16384);
    const a = adresse.includes('!') ? adresse.slice(adresse.lastIndexOf('!') + 1) : adresse;
    const spalte = /^([A-Z]+):([A-Z]+)$/i.exec(a);
    if (spalte) return new FakeBereich(this, 1, spaltenNr(spalte[1]), 1048576, spaltenNr(spalte[2]) - spaltenNr(spalte[1]) + 1);
    const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(a);
    if (!m) throw new Error(`Fake: Adresse ${adresse}`);
    const top = Number(m[2]);
    const left = spaltenNr(m[1]);
    const bottom = m[4] ? Number(m[4]) : top;
    const right = m[3] ? spaltenNr(m[3]) : left;
    return new FakeBereich(this, top, left, bottom - top + 1, right - left + 1);
  }

  getRanges(): any {
    return stub();
  }

  getUsedRange(): FakeBereich {
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    for (const [r, z] of this.zellen) {
      for (const c of z.keys()) {
        top = Math.min(top, r);
        bottom = Math.max(bottom, r);
        left = Math.min(left, c);
        right = Math.max(right, c);
      }
    }
    if (bottom === 0) return new FakeBereich(this, 1, 1, 1, 1);
    return new FakeBereich(this, top, left, bottom - top + 1, right - left + 1);
  }

  /** Text of all cells as Excel would show them; for assertions. */
  wert(adresse: string): Zelle | undefined {
    const b = this.getRange(adresse);
    return this.get(b.top, b.left);
  }
}

export class FakeBereich {
  readonly format = stub();
  numberFormat: unknown = null;

  constructor(
    readonly blatt: FakeBlatt,
    readonly top: number,
    readonly left: number,
    readonly rows: number,
    readonly cols: number,
  ) {}

  load(): this {
    return this;
  }
  get rowIndex(): number {
    return this.top - 1;
  }
  get columnIndex(): number {
    return this.left - 1;
  }
  get rowCount(): number {
    return this.rows;
  }
  get columnCount(): number {
    return this.cols;
  }

  get values(): (string | number | boolean)[][] {
    const out: (string | number | boolean)[][] = [];
    for (let r = 0; r < this.rows; r++) {
      const zeile: (string | number | boolean)[] = [];
      for (let c = 0; c < this.cols; c++) {
        const v = this.blatt.get(this.top + r, this.left + c);
        zeile.push(v === undefined ? '' : typeof v === 'object' ? 0 : v);
      }
      out.push(zeile);
    }
    return out;
  }

  set values(m: (string | number | boolean | null)[][]) {
    if (m.length !== this.rows || m.some((r) => r.length !== this.cols)) {
      throw new Error(`Fake: ${m.length}×${m[0]?.length} Werte für einen Bereich ${this.rows}×${this.cols}`);
    }
    m.forEach((zeile, r) =>
      zeile.forEach((v, c) => {
        let z: Zelle | undefined = v === null ? undefined : v;
        // like typing: apostrophe → text, "=" → formula
        if (typeof z === 'string' && z.startsWith("'")) z = z.slice(1);
        else if (typeof z === 'string' && z.startsWith('=')) z = { formula: z };
        this.blatt.set(this.top + r, this.left + c, z);
      }),
    );
  }

  get valueTypes(): string[][] {
    return this.values.map((r, i) =>
      r.map((v, j) => {
        const roh = this.blatt.get(this.top + i, this.left + j);
        if (roh === undefined) return 'Empty';
        if (typeof roh === 'object') return 'Double';
        return typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String';
      }),
    );
  }

  getCell(r: number, c: number): FakeBereich {
    return new FakeBereich(this.blatt, this.top + r, this.left + c, 1, 1);
  }

  copyFrom(quelle: FakeBereich): void {
    for (let r = 0; r < quelle.rows; r++) {
      for (let c = 0; c < quelle.cols; c++) this.blatt.set(this.top + r, this.left + c, quelle.blatt.get(quelle.top + r, quelle.left + c));
    }
  }

  /** delete('Up') within the range's columns; tables above/inside shrink accordingly */
  delete(): void {
    const b = this.blatt;
    const maxRow = Math.max(0, ...b.zellen.keys());
    for (let r = this.top; r <= maxRow; r++) {
      for (let c = this.left; c < this.left + this.cols; c++) b.set(r, c, b.get(r + this.rows, c));
    }
    for (const t of b.mappe.tabellen) {
      if (t.blatt === b && t.top < this.top && this.top <= t.top + t.bodyRows) t.bodyRows = Math.max(1, t.bodyRows - this.rows);
    }
  }

  clear(): void {
    for (let r = this.top; r < this.top + Math.min(this.rows, 100000); r++) this.blatt.zellen.delete(r);
  }
  unmerge(): void {}
  merge(): void {}
}

export class FakeTabelle {
  constructor(
    readonly mappe: FakeMappe,
    public blatt: FakeBlatt,
    public name: string,
    readonly top: number,
    readonly left: number,
    readonly width: number,
    public bodyRows: number,
  ) {}

  style = '';
  get worksheet(): FakeBlatt {
    return this.blatt;
  }
  getHeaderRowRange(): FakeBereich {
    return new FakeBereich(this.blatt, this.top, this.left, 1, this.width);
  }
  getDataBodyRange(): FakeBereich {
    return new FakeBereich(this.blatt, this.top + 1, this.left, this.bodyRows, this.width);
  }
  getRange(): FakeBereich {
    return new FakeBereich(this.blatt, this.top, this.left, 1 + this.bodyRows, this.width);
  }
  /** like Excel: appended after the last body row (an empty table keeps its one blank row) */
  readonly rows = {
    add: (_index: unknown, werte: (string | number | boolean)[][]) => {
      new FakeBereich(this.blatt, this.top + 1 + this.bodyRows, this.left, werte.length, this.width).values = werte;
      this.bodyRows += werte.length;
      this.mappe.zeilenHinzugefuegt += 1;
    },
  };
  resize(): void {}
  convertToRange(): void {
    this.mappe.tabellen.splice(this.mappe.tabellen.indexOf(this), 1);
  }
  load(): this {
    return this;
  }
}

export class FakeMappe {
  readonly blaetter: FakeBlatt[] = [];
  readonly tabellen: FakeTabelle[] = [];
  syncs = 0;
  zeilenHinzugefuegt = 0;

  blatt(name: string): FakeBlatt {
    const b = this.blaetter.find((x) => x.name === name);
    if (!b) throw new Error(`Fake: Blatt ${name} fehlt`);
    return b;
  }

  neuesBlatt(name: string): FakeBlatt {
    if (this.blaetter.some((b) => b.name.toLowerCase() === name.toLowerCase())) throw new Error(`Fake: Blatt ${name} gibt es schon`);
    const b = new FakeBlatt(this, name);
    this.blaetter.push(b);
    return b;
  }

  neueTabelle(blatt: FakeBlatt, top: number, left: number, bodyRows: number, width: number, name: string): FakeTabelle {
    const t = new FakeTabelle(this, blatt, name, top, left, width, bodyRows);
    this.tabellen.push(t);
    return t;
  }

  tabelle(name: string): FakeTabelle {
    const t = this.tabellen.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!t) throw new Error(`Fake: Tabelle ${name} fehlt`);
    return t;
  }

  /** Data rows of a table as matrix (for assertions). */
  tabellenWerte(name: string): (string | number | boolean)[][] {
    const t = this.tabelle(name);
    return t.getDataBodyRange().values;
  }

  /** Fill a new sheet with a table (header + rows) at A1. */
  legeTabelleAn(blattName: string, tabellenName: string, kopf: string[], zeilen: (string | number | boolean | null)[][], left = 1): FakeTabelle {
    const b = this.blaetter.find((x) => x.name === blattName) ?? this.neuesBlatt(blattName);
    new FakeBereich(b, 1, left, 1, kopf.length).values = [kopf];
    if (zeilen.length) new FakeBereich(b, 2, left, zeilen.length, kopf.length).values = zeilen.map((r) => kopf.map((_, i) => r[i] ?? null));
    // an Excel table always has at least one (possibly blank) body row
    return this.neueTabelle(b, 1, left, Math.max(1, zeilen.length), kopf.length, tabellenName);
  }

  context(): Excel.RequestContext {
    const blaetter = (): FakeBlatt[] => this.blaetter;
    const tabellen = (): FakeTabelle[] => this.tabellen;
    const mappe = { blatt: (n: string) => this.blatt(n), neuesBlatt: (n: string) => this.neuesBlatt(n), tabelle: (n: string) => this.tabelle(n), sync: () => (this.syncs += 1) };
    const worksheets = {
      get items() {
        return blaetter();
      },
      load: () => undefined,
      getItem: (n: string) => mappe.blatt(n),
      add: (n: string) => mappe.neuesBlatt(n),
    };
    const tables = {
      get items() {
        return tabellen();
      },
      load: () => undefined,
      getItem: (n: string) => mappe.tabelle(n),
    };
    const ctx = {
      workbook: { worksheets, tables, application: stub() },
      sync: async () => {
        mappe.sync();
      },
    };
    return ctx as unknown as Excel.RequestContext;
  }
}
