/**
 * A computed sheet (KPI Übersicht, KPI Handlungsziele, Umsetzungsbericht,
 * Verlauf) described as a plain grid of values and named styles. Pure
 * builders in src/workbook produce grids from domain results; each adapter
 * renders a grid once (exceljs cell by cell, Office.js in one batch by
 * value matrix + style ranges), so both write identical sheets.
 */
import type { SheetName } from '../domain/schema';

export type GridValue = string | number | Date | null;

export type StyleName =
  | 'titel'
  | 'untertitel'
  | 'hinweis'
  | 'kopf'
  | 'text'
  | 'textFett'
  | 'zahl'
  | 'nr'
  | 'dezimal'
  | 'ganzzahl'
  | 'prozent'
  | 'datum'
  | 'datumZeit'
  | 'ampelGruen'
  | 'ampelGelb'
  | 'ampelRot'
  | 'ampelKeineDaten'
  | 'massnahme'
  | 'wirkung'
  | 'abschnitt'
  | 'summe'
  | 'zeile'
  | 'zeileFett'
  | 'balken'
  | 'massnahmeZeile'
  | 'wirkungZeile';

export interface CellStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly fontSize?: number;
  /** RRGGBB */
  readonly fontColor?: string;
  /** RRGGBB */
  readonly fill?: string;
  readonly numberFormat?: string;
  readonly wrap?: boolean;
  readonly horizontal?: 'left' | 'center' | 'right';
  readonly border?: boolean;
}

export interface GridCell {
  readonly v: GridValue;
  readonly s?: StyleName;
}

/** A chart the Office.js adapter creates natively (exceljs cannot write charts). */
export interface ChartSpec {
  readonly name: string;
  readonly title: string;
  /** alternative text: what the chart shows, with its figures (screen readers, Excel's accessibility checker) */
  readonly beschreibung: string;
  readonly type: 'bar' | 'stackedBar' | 'line';
  /** A1 range of the source data, header row included */
  readonly dataRange: string;
  /** A1 cell where the chart's top-left corner goes */
  readonly anchor: string;
  readonly width: number;
  readonly height: number;
}

export interface PrintSetup {
  readonly landscape: boolean;
  readonly paper: 'A4';
  readonly fitToWidth: boolean;
  /** 1-based rows repeated at the top of every page, e.g. [4, 4] */
  readonly repeatRows?: readonly [number, number];
  /** 1-based rows before which a page break goes */
  readonly pageBreaksBefore?: readonly number[];
  /** page margins; absent = SEITENRAENDER */
  readonly raender?: Seitenraender;
}

/** Page margins in inches (the unit of the file format; Office.js takes points). */
export interface Seitenraender {
  readonly links: number;
  readonly rechts: number;
  readonly oben: number;
  readonly unten: number;
  readonly kopf: number;
  readonly fuss: number;
}

export const SEITENRAENDER: Seitenraender = { links: 0.5, rechts: 0.5, oben: 0.6, unten: 0.6, kopf: 0.3, fuss: 0.3 };

/** Footer of every printed sheet in Excel's header/footer codes: the sheet's name left, the page right. */
export const FUSSZEILE = { links: '&A', rechts: 'Seite &P von &N' } as const;

export interface Grid {
  readonly sheet: SheetName;
  /** widths in Excel character units, one per column */
  readonly columnWidths: readonly number[];
  /** rows top-down starting at A1; rows may be shorter than columnWidths */
  readonly rows: readonly (readonly GridCell[])[];
  /** merged ranges in A1 notation */
  readonly merges?: readonly string[];
  readonly freezeRows?: number;
  readonly tabColor?: string;
  readonly print?: PrintSetup;
  readonly charts?: readonly ChartSpec[];
  /**
   * Row heights in points, index 0 = row 1; null/missing = automatic. Set for
   * rows with wrapped text, because LibreOffice (and Excel for merged cells)
   * does not fit heights of files written by exceljs.
   */
  readonly rowHeights?: readonly (number | null)[];
  /** an Excel table over part of the grid (e.g. tblVerlauf), so users can filter */
  readonly table?: { readonly name: string; readonly range: string };
}
