/**
 * Grouping a grid's cell styles into as few Office.js calls as possible:
 * cells with the same style are merged into rectangles (runs along a row,
 * extended downwards while the next row has the same run), one range per
 * rectangle. Address lists (`worksheet.getRanges`) are not used: German
 * desktop Excel wants the locale's ";" between the addresses, Excel on the
 * web ",", so no list works on both.
 *
 * Large sheets of many small blocks (the Umsetzungsbericht of a big plan)
 * would still need thousands of ranges. For them the style markers: every
 * styled cell first receives its style's marker text, `worksheet.findAll`
 * returns all cells of one marker as one RangeAreas (no address list), the
 * style goes onto that in one go, and then the real values replace the
 * markers — all in the same request, which Excel runs in order.
 */
import { COLORS } from '../workbook/layout';
import type { CellStyle, Grid, GridCell, StyleName } from '../workbook/grid';
import { STYLES } from '../workbook/styles';
import { parseAdresse, rechteckAdresse, spaltenBuchstabe, type Bereich as Rechteck } from '../domain/adresse';
import { PRO_AUFRUF_BYTES } from './bloecke';

/**
 * Value → rectangles covering exactly the cells with that value (runs along
 * a row, extended downwards while the next row repeats the run); empty
 * cells (undefined) are left out. Pure.
 */
export function gleicheRechtecke<T extends string>(zellen: readonly (readonly (T | undefined)[])[]): Map<T, Rechteck[]> {
  const ergebnis = new Map<T, Rechteck[]>();
  type Offen = { s: T; zeile: number; spalte: number; zeilen: number; spalten: number };
  // open rectangles keyed by value|firstColumn|lastColumn, extended while rows repeat the run
  let offen = new Map<string, Offen>();
  const schliessen = (r: Offen): void => {
    const liste = ergebnis.get(r.s) ?? [];
    liste.push({ zeile: r.zeile, spalte: r.spalte, zeilen: r.zeilen, spalten: r.spalten });
    ergebnis.set(r.s, liste);
  };
  zellen.forEach((row, ri) => {
    const zeile = ri + 1;
    const neu = new Map<string, Offen>();
    let c = 0;
    while (c < row.length) {
      const s = row[c];
      if (s === undefined) {
        c++;
        continue;
      }
      let e = c;
      while (e + 1 < row.length && row[e + 1] === s) e++;
      const key = `${s}|${c}|${e}`;
      const vorher = offen.get(key);
      if (vorher) {
        vorher.zeilen++;
        offen.delete(key);
        neu.set(key, vorher);
      } else {
        neu.set(key, { s, zeile, spalte: c + 1, zeilen: 1, spalten: e - c + 1 });
      }
      c = e + 1;
    }
    for (const r of offen.values()) schliessen(r);
    offen = neu;
  });
  for (const r of offen.values()) schliessen(r);
  return ergebnis;
}

/** Style name → rectangles covering exactly the cells with that style. Pure. */
export function stilRechtecke(grid: Pick<Grid, 'rows'>): Map<StyleName, Rechteck[]> {
  return gleicheRechtecke(grid.rows.map((r) => Array.from({ length: r.length }, (_, c) => r[c]?.s)));
}

/** The rectangles of gleicheRechtecke, found along rows or along columns, whichever needs fewer. Pure. */
function wenigsteRechtecke(zellen: readonly (readonly (string | undefined)[])[]): Map<string, Rechteck[]> {
  const zeilenweise = gleicheRechtecke(zellen);
  const breite = Math.max(0, ...zellen.map((r) => r.length));
  const gedreht = Array.from({ length: breite }, (_, s) => zellen.map((r) => r[s]));
  const spaltenweise = new Map(
    [...gleicheRechtecke(gedreht)].map(([w, rs]) => [w, rs.map((r) => ({ zeile: r.spalte, spalte: r.zeile, zeilen: r.spalten, spalten: r.zeilen }))]),
  );
  const anzahl = (m: Map<string, Rechteck[]>): number => [...m.values()].reduce((n, rs) => n + rs.length, 0);
  return anzahl(spaltenweise) < anzahl(zeilenweise) ? spaltenweise : zeilenweise;
}

/** One visual property of a CellStyle as Office.js sets it (the number format is written separately). */
export type Optik = 'bold' | 'italic' | 'fontSize' | 'fontColor' | 'fill' | 'wrap' | 'horizontal' | 'border';
const OPTIK: readonly Optik[] = ['bold', 'italic', 'fontSize', 'fontColor', 'fill', 'wrap', 'horizontal', 'border'];

export interface OptikRechtecke {
  readonly eigenschaft: Optik;
  readonly wert: string | number | boolean;
  readonly rechtecke: readonly Rechteck[];
}

/**
 * Each visual property on its own: the cells that share its value, as few
 * rectangles as possible (pure). The result on the cells is the same as
 * applying each cell's whole style, since every property is set exactly on
 * the cells whose style has it — but cells of different styles that share
 * e.g. the borders (a whole table block) take one range instead of one per
 * style and row.
 */
export function optikRechtecke(grid: Pick<Grid, 'rows'>): OptikRechtecke[] {
  const out: OptikRechtecke[] = [];
  for (const eigenschaft of OPTIK) {
    const zellen = grid.rows.map((r) =>
      Array.from({ length: r.length }, (_, c): string | undefined => {
        const s = r[c]?.s;
        const w = s ? STYLES[s]?.[eigenschaft] : undefined;
        return w === undefined || w === '' || (eigenschaft === 'border' && !w) ? undefined : JSON.stringify(w);
      }),
    );
    for (const [w, rechtecke] of wenigsteRechtecke(zellen)) out.push({ eigenschaft, wert: JSON.parse(w) as string | number | boolean, rechtecke });
  }
  return out;
}

/** Calls `optikSetzen` queues for one property (for the request budget). */
export function optikAufrufe(eigenschaft: Optik): number {
  return eigenschaft === 'border' ? RAHMEN_AUFRUFE : 1;
}

/** Set one visual property (as optikRechtecke found it) on a range. */
export function optikSetzen(format: Excel.RangeFormat, eigenschaft: Optik, wert: string | number | boolean): void {
  formatAnwenden(format, { [eigenschaft]: wert } as CellStyle);
}

export interface ZahlenformatBlock {
  readonly rechteck: Rechteck;
  /** number format per cell of the rectangle; null leaves the cell as it is (Office.js 2-D array rule) */
  readonly formate: (string | null)[][];
}

/**
 * Cells a number-format rectangle may carry as null to save one call: a
 * null costs about 5 bytes of the request, a call PRO_AUFRUF_BYTES. Ten
 * calls' worth (2 KB) bridges the Maßnahmen between two Kennzahl blocks of
 * the Umsetzungsbericht, so its formats take a few calls instead of one per
 * Handlungsziel, and keeps the request small.
 */
const LUECKE_ZELLEN = Math.floor((10 * PRO_AUFRUF_BYTES) / 5);

const flaeche = (r: Rechteck): number => r.zeilen * r.spalten;

function umfassend(a: Rechteck, b: Rechteck): Rechteck {
  const zeile = Math.min(a.zeile, b.zeile);
  const spalte = Math.min(a.spalte, b.spalte);
  return {
    zeile,
    spalte,
    zeilen: Math.max(a.zeile + a.zeilen, b.zeile + b.zeilen) - zeile,
    spalten: Math.max(a.spalte + a.spalten, b.spalte + b.spalten) - spalte,
  };
}

/**
 * Rectangles covering the cells whose style has a number format other than
 * General (Excel's default, already there on a new or cleared sheet), with
 * the format of each cell (pure). Adjacent cells of different formats share
 * one rectangle, so e.g. a Kennzahl block's figures, date and percentage
 * go out as one matrix instead of three calls; rectangles close to each
 * other (a few rows of text between Kennzahl blocks) share one too, the
 * cells between them null.
 */
export function zahlenformatBloecke(grid: Pick<Grid, 'rows'>): ZahlenformatBlock[] {
  const format = (s: StyleName | undefined): string | undefined => {
    const f = s ? STYLES[s]?.numberFormat : undefined;
    return f && f !== 'General' ? f : undefined;
  };
  // a stand-in style for "has a number format", so stilRechtecke finds the rectangles
  const markiert: Pick<Grid, 'rows'> = { rows: grid.rows.map((r) => r.map((c): GridCell => (format(c?.s) ? { v: null, s: 'text' } : { v: null }))) };
  const rechtecke = [...(stilRechtecke(markiert).get('text') ?? [])].sort((a, b) => a.zeile - b.zeile || a.spalte - b.spalte);
  const gruppen: { r: Rechteck; belegt: number }[] = [];
  for (const r of rechtecke) {
    const g = gruppen[gruppen.length - 1];
    const u = g && umfassend(g.r, r);
    if (g && u && flaeche(u) - g.belegt - flaeche(r) <= LUECKE_ZELLEN) gruppen[gruppen.length - 1] = { r: u, belegt: g.belegt + flaeche(r) };
    else gruppen.push({ r, belegt: flaeche(r) });
  }
  return gruppen.map(({ r }) => ({
    rechteck: r,
    formate: Array.from({ length: r.zeilen }, (_, z) => Array.from({ length: r.spalten }, (_, c) => format(grid.rows[r.zeile - 1 + z]?.[r.spalte - 1 + c]?.s) ?? null)),
  }));
}

export interface VerbundLauf {
  /** e.g. "H12:K40" */
  readonly adresse: string;
  /** true: merge each row of the range separately (Range.merge(true), "merge across") */
  readonly zeilenweise: boolean;
}

/**
 * Merges as few calls as possible (pure): single-row merges over the same
 * columns in consecutive rows become one range merged across (one merged
 * cell per row, as Office.js `Range.merge(true)` does); anything else stays
 * one call.
 */
export function verbundLaeufe(merges: readonly string[]): VerbundLauf[] {
  const einzeilig = new Map<string, number[]>();
  const out: VerbundLauf[] = [];
  for (const m of merges) {
    const b = parseAdresse(m);
    if (b.zeilen !== 1) {
      out.push({ adresse: rechteckAdresse(b), zeilenweise: false });
      continue;
    }
    const k = `${b.spalte}|${b.spalten}`;
    const liste = einzeilig.get(k) ?? [];
    liste.push(b.zeile);
    einzeilig.set(k, liste);
  }
  for (const [k, zeilen] of einzeilig) {
    const [spalte, spalten] = k.split('|').map(Number);
    const sortiert = [...new Set(zeilen)].sort((a, b) => a - b);
    for (let i = 0; i < sortiert.length; ) {
      let j = i;
      while (j + 1 < sortiert.length && sortiert[j + 1] === sortiert[j] + 1) j++;
      const zeilenAnzahl = j - i + 1;
      out.push({ adresse: rechteckAdresse({ zeile: sortiert[i], spalte, zeilen: zeilenAnzahl, spalten }), zeilenweise: zeilenAnzahl > 1 });
      i = j + 1;
    }
  }
  return out;
}

/** Runs of adjacent columns with the same width (e.g. "B:D"). Pure. */
export function breitenLaeufe(breiten: readonly (number | null | undefined)[]): { adresse: string; breite: number }[] {
  const out: { adresse: string; breite: number }[] = [];
  for (let i = 0; i < breiten.length; ) {
    const b = breiten[i];
    let j = i;
    while (j + 1 < breiten.length && breiten[j + 1] === b) j++;
    if (b !== null && b !== undefined) out.push({ adresse: `${spaltenBuchstabe(i + 1)}:${spaltenBuchstabe(j + 1)}`, breite: b });
    i = j + 1;
  }
  return out;
}

/** Row height → runs of rows (as rectangles in column A) with that height; 0/undefined = automatic. Pure. */
export function hoehenRechtecke(hoehen: readonly (number | null | undefined)[]): Map<number, Rechteck[]> {
  const out = new Map<number, Rechteck[]>();
  for (let i = 0; i < hoehen.length; ) {
    const h = hoehen[i];
    let j = i;
    while (j + 1 < hoehen.length && hoehen[j + 1] === h) j++;
    if (h) {
      const liste = out.get(h) ?? [];
      liste.push({ zeile: i + 1, spalte: 1, zeilen: j - i + 1, spalten: 1 });
      out.set(h, liste);
    }
    i = j + 1;
  }
  return out;
}

const RAHMEN: readonly Excel.BorderIndex[] = [
  'EdgeTop',
  'EdgeBottom',
  'EdgeLeft',
  'EdgeRight',
  'InsideVertical',
  'InsideHorizontal',
] as unknown as Excel.BorderIndex[];
const RAHMEN_AUFRUFE = RAHMEN.length * 2;

/** Number of calls `formatAnwenden` queues for a style (for the request budget). */
export function formatAufrufe(stil: CellStyle): number {
  const einzeln = [stil.bold, stil.italic, stil.fontSize, stil.fontColor || undefined, stil.fill || undefined, stil.wrap, stil.horizontal || undefined];
  return einzeln.filter((x) => x !== undefined).length + (stil.border ? RAHMEN_AUFRUFE : 0);
}

/** Apply a CellStyle's visual properties (not the number format) to a range or range areas. */
export function formatAnwenden(format: Excel.RangeFormat, stil: CellStyle): void {
  if (stil.bold !== undefined) format.font.bold = stil.bold;
  if (stil.italic !== undefined) format.font.italic = stil.italic;
  if (stil.fontSize !== undefined) format.font.size = stil.fontSize;
  if (stil.fontColor) format.font.color = `#${stil.fontColor}`;
  if (stil.fill) format.fill.color = `#${stil.fill}`;
  if (stil.wrap !== undefined) format.wrapText = stil.wrap;
  if (stil.horizontal) {
    format.horizontalAlignment = (stil.horizontal === 'left' ? 'Left' : stil.horizontal === 'center' ? 'Center' : 'Right') as Excel.HorizontalAlignment;
  }
  if (stil.border) {
    for (const kante of RAHMEN) {
      const b = format.borders.getItem(kante);
      b.style = 'Continuous' as Excel.BorderLineStyle;
      b.color = `#${COLORS.rahmen}`;
    }
  }
}

/** Calls the rectangle way queues for a grid's visual properties and number formats. Pure. */
export function rechteckAufrufe(grid: Pick<Grid, 'rows'>): number {
  let n = zahlenformatBloecke(grid).length;
  for (const { eigenschaft, rechtecke } of optikRechtecke(grid)) n += rechtecke.length * (optikAufrufe(eigenschaft) + 1);
  return n;
}

/** Start of every marker; the sheet holds nothing else while they are searched, so no value can collide. */
export const MARKE = '§';
/** Part of the marker of every style with borders: one partial-match search finds all bordered cells. */
export const MARKE_RAHMEN = `${MARKE}R`;

export interface StilMarken {
  /** size of the rectangle from A1 that holds every cell with a visual style */
  readonly zeilen: number;
  readonly spalten: number;
  /** marker per cell of that rectangle ('' = nothing to set) */
  readonly marken: string[][];
  /** styles in the order their markers were given (§0, §R1 …) */
  readonly stile: readonly { readonly stil: StyleName; readonly marke: string }[];
  /** some style has borders: they go onto all such cells at once (MARKE_RAHMEN) */
  readonly rahmen: boolean;
}

/** A style without its borders (they are set for all bordered cells together). */
export const ohneRahmen = (stil: CellStyle): CellStyle => ({ ...stil, border: false });

/**
 * The marker of each styled cell (pure): „§<n>“, with borders „§R<n>“.
 * Styles without visual properties (a number format only) get none.
 */
export function stilMarken(grid: Pick<Grid, 'rows'>): StilMarken {
  const stile: { stil: StyleName; marke: string }[] = [];
  const marke = new Map<StyleName, string>();
  let zeilen = 0;
  let spalten = 0;
  let rahmen = false;
  const roh = grid.rows.map((row, z) =>
    Array.from({ length: row.length }, (_, c): string => {
      const s = row[c]?.s;
      if (!s || formatAufrufe(STYLES[s]) === 0) return '';
      let m = marke.get(s);
      if (m === undefined) {
        m = `${STYLES[s].border ? MARKE_RAHMEN : MARKE}${stile.length}`;
        rahmen ||= Boolean(STYLES[s].border);
        marke.set(s, m);
        stile.push({ stil: s, marke: m });
      }
      zeilen = z + 1;
      spalten = Math.max(spalten, c + 1);
      return m;
    }),
  );
  const marken = roh.slice(0, zeilen).map((r) => Array.from({ length: spalten }, (_, c) => r[c] ?? ''));
  return { zeilen, spalten, marken, stile, rahmen };
}

/** Calls the marker way queues: the marker write, one search for the borders, per style one search and its properties. Pure. */
export function markenAufrufe(m: StilMarken): number {
  const jeStil = m.stile.reduce((n, { stil }) => {
    const f = formatAufrufe(ohneRahmen(STYLES[stil]));
    return n + (f > 0 ? 1 + f : 0);
  }, 0);
  return 1 + (m.rahmen ? 1 + RAHMEN_AUFRUFE : 0) + jeStil;
}

/**
 * Which way a grid's formats go: markers when they need fewer calls.
 * `markenMoeglich`: the host has findAll (ExcelApi 1.9) and the sheet holds
 * no table whose cells could contain a marker-like text. Pure.
 */
export function formatWeg(grid: Pick<Grid, 'rows'>, markenMoeglich: boolean): 'marken' | 'rechtecke' {
  if (!markenMoeglich) return 'rechtecke';
  return markenAufrufe(stilMarken(grid)) < rechteckAufrufe(grid) ? 'marken' : 'rechtecke';
}
