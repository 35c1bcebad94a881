/**
 * Data validations of a loaded sheet as ranges. exceljs expands every
 * <dataValidation> into one entry per cell; laden.ts turns the cells back
 * into ranges (kompakteDatenpruefungen). Where the parser is reachable
 * (Node, see src/cli/dateiLaden.ts) the ranges are computed from the sqref lists
 * directly, with exactly the result of expanding and compacting, without
 * the some 80,000 entries of a plan of 10,000 rows. Browser-safe.
 */
import { bereichsAdresse, spaltenNummer } from '../domain/adresse';

export interface DatenpruefungElement {
  /** the validation object exceljs made for the element */
  readonly regel: unknown;
  /** its sqref as read ("A2:A501 C2:C501") */
  readonly sqref: unknown;
}

/** Models computed here: kompakteDatenpruefungen leaves them as they are. */
const KOMPAKT = new WeakSet<object>();

export function istKompakt(model: object): boolean {
  return KOMPAKT.has(model);
}

const TOKEN = /^([A-Z]{1,3})([1-9]\d{0,6})(?::([A-Z]{1,3})([1-9]\d{0,6}))?$/;
/** Larger areas go the way exceljs goes (cell by cell), so the grids below stay small. */
const MAX_FLAECHE = 4_000_000;
const MAX_ZELLEN = 16_000_000;

/**
 * The model kompakteDatenpruefungen would make from exceljs' cell-by-cell
 * model of these elements: a later element wins a cell, the rules come in
 * the order of their first cell, the columns of a rule likewise, runs of
 * rows per column, neighbouring columns with the same run as one range.
 * null for anything unusual (a sqref exceljs reads in its own way, very
 * large areas): the caller then expands as exceljs does.
 */
export function kompaktAusBereichen(elemente: readonly DatenpruefungElement[]): Record<string, unknown> | null {
  const rechtecke: number[] = [];
  let links = Infinity;
  let oben = Infinity;
  let rechts = 0;
  let unten = 0;
  let zellen = 0;
  for (let e = 0; e < elemente.length; e++) {
    const sqref = elemente[e].sqref;
    if (typeof sqref !== 'string') return null;
    for (const teil of sqref.split(/\s+/g)) {
      const m = TOKEN.exec(teil);
      if (!m) return null;
      const l = spaltenNummer(m[1]);
      const o = Number(m[2]);
      const r = m[3] ? spaltenNummer(m[3]) : l;
      const u = m[4] ? Number(m[4]) : o;
      if (r < l || u < o) return null;
      zellen += (r - l + 1) * (u - o + 1);
      if (zellen > MAX_ZELLEN) return null;
      rechtecke.push(e, l, o, r, u);
      links = Math.min(links, l);
      oben = Math.min(oben, o);
      rechts = Math.max(rechts, r);
      unten = Math.max(unten, u);
    }
  }
  const neu: Record<string, unknown> = {};
  if (rechtecke.length === 0) return neu;
  const breite = rechts - links + 1;
  const hoehe = unten - oben + 1;
  if (breite * hoehe > MAX_FLAECHE) return null;
  // per cell: the element that wins it (index + 1) and when exceljs first set it (its key's place in the model)
  const besitzer = new Int32Array(breite * hoehe);
  const erstes = new Int32Array(breite * hoehe);
  let zeit = 0;
  for (let i = 0; i < rechtecke.length; i += 5) {
    const e = rechtecke[i] + 1;
    // exceljs walks a range column by column, each top to bottom
    for (let c = rechtecke[i + 1]; c <= rechtecke[i + 3]; c++) {
      for (let z = rechtecke[i + 2]; z <= rechtecke[i + 4]; z++) {
        const k = (z - oben) * breite + (c - links);
        if (erstes[k] === 0) erstes[k] = ++zeit;
        besitzer[k] = e;
      }
    }
  }
  // runs of one element per column, with the first time of their cells
  const laeufeVon = new Map<number, number[]>();
  const zuerst = new Map<number, number>();
  const spalteZuerst = new Map<number, number>();
  for (let c = 0; c < breite; c++) {
    let e = 0;
    let start = 0;
    let frueh = 0;
    for (let z = 0; z <= hoehe; z++) {
      const k = z * breite + c;
      const jetzt = z < hoehe ? besitzer[k] : 0;
      if (jetzt !== e) {
        if (e !== 0) {
          const liste = laeufeVon.get(e);
          if (liste) liste.push(c, start, z - 1);
          else laeufeVon.set(e, [c, start, z - 1]);
          if (!(zuerst.get(e)! <= frueh)) zuerst.set(e, frueh);
          const sk = e * breite + c;
          if (!(spalteZuerst.get(sk)! <= frueh)) spalteZuerst.set(sk, frueh);
        }
        e = jetzt;
        start = z;
        frueh = Infinity;
      }
      if (e !== 0) frueh = Math.min(frueh, erstes[k]);
    }
  }
  const gruppen = [...laeufeVon.keys()].sort((a, b) => zuerst.get(a)! - zuerst.get(b)!);
  for (const e of gruppen) {
    const liste = laeufeVon.get(e)!;
    // the runs of a column in the order of the column's first cell; within a column top to bottom (as scanned)
    const spalten = [...new Set(liste.filter((_x, i) => i % 3 === 0))].sort((a, b) => spalteZuerst.get(e * breite + a)! - spalteZuerst.get(e * breite + b)!);
    const rang = new Map(spalten.map((c, i) => [c, i]));
    const laeufe: number[][] = [];
    for (let i = 0; i < liste.length; i += 3) laeufe.push([liste[i], liste[i + 1], liste[i + 2]]);
    laeufe.sort((a, b) => rang.get(a[0])! - rang.get(b[0])! || a[1] - b[1]);
    const gleicheZeilen = new Map<string, number[]>();
    for (const [c, o, u] of laeufe) {
      const k = `${o + oben}:${u + oben}`;
      const cols = gleicheZeilen.get(k);
      if (cols) cols.push(c + links);
      else gleicheZeilen.set(k, [c + links]);
    }
    const regel = elemente[e - 1].regel;
    for (const [k, cols] of gleicheZeilen) {
      const [von, bis] = k.split(':');
      cols.sort((a, b) => a - b);
      for (let i = 0; i < cols.length; ) {
        let j = i;
        while (j + 1 < cols.length && cols[j + 1] === cols[j] + 1) j++;
        neu[bereichsAdresse(Number(von), cols[i], Number(bis) - Number(von) + 1, cols[j] - cols[i] + 1)] = regel;
        i = j + 1;
      }
    }
  }
  KOMPAKT.add(neu);
  return neu;
}

/** The part of exceljs' DataValidationsXform (lib/xlsx/xform/sheet/data-validations-xform.js) used here. */
interface DatenpruefungenXform {
  model: Record<string, unknown>;
  _address?: unknown;
  _dataValidation?: { formulae?: unknown[]; operator?: unknown };
  parseOpen(node: { name: string }): boolean;
  parseClose(name: string): boolean;
}

let laufendeLadevorgaenge = 0;
let umgestellt = false;

/** Runs an exceljs load of ladeMappe: only these loads get the ranges straight from the parser. */
export async function mitKompaktenDatenpruefungen<T>(laden: () => Promise<T>): Promise<T> {
  laufendeLadevorgaenge++;
  try {
    return await laden();
  } finally {
    laufendeLadevorgaenge--;
  }
}

/**
 * Lets exceljs' parser collect the <dataValidation> elements of a sheet
 * and build the ranges at </dataValidations> instead of one entry per cell.
 * Patched once, only if the methods look as expected; a load outside
 * mitKompaktenDatenpruefungen, and any sqref kompaktAusBereichen does not
 * take, is parsed as exceljs does.
 */
export function parseDatenpruefungenKompakt(proto: unknown): void {
  const p = proto as DatenpruefungenXform | undefined;
  if (umgestellt || !p || typeof p.parseOpen !== 'function' || typeof p.parseClose !== 'function') return;
  umgestellt = true;
  const oeffnen = p.parseOpen;
  const schliessen = p.parseClose;
  const elementeVon = new WeakMap<object, DatenpruefungElement[]>();
  p.parseOpen = function (this: DatenpruefungenXform, node: { name: string }): boolean {
    const r = oeffnen.call(this, node);
    if (node.name === 'dataValidations') {
      if (laufendeLadevorgaenge > 0) elementeVon.set(this, []);
      else elementeVon.delete(this);
    }
    return r;
  };
  p.parseClose = function (this: DatenpruefungenXform, name: string): boolean {
    const liste = elementeVon.get(this);
    if (!liste) return schliessen.call(this, name);
    if (name === 'dataValidation') {
      const dv = this._dataValidation;
      // as exceljs does before expanding
      if (dv && (!dv.formulae || !dv.formulae.length)) {
        delete dv.formulae;
        delete dv.operator;
      }
      liste.push({ regel: dv, sqref: this._address });
      return true;
    }
    if (name === 'dataValidations') {
      elementeVon.delete(this);
      const kompakt = kompaktAusBereichen(liste);
      if (kompakt) this.model = kompakt;
      else
        for (const el of liste) {
          this._dataValidation = el.regel as DatenpruefungenXform['_dataValidation'];
          this._address = el.sqref;
          schliessen.call(this, 'dataValidation');
        }
    }
    return schliessen.call(this, name);
  };
}
