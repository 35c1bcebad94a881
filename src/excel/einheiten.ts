/**
 * Units Office.js expects where exceljs and the layout use others: column
 * widths in points, dates as Excel serial numbers.
 */

/**
 * Excel column width in points for a width in character units (what the
 * layout and exceljs use). Office.js `format.columnWidth` takes points:
 * one character of the default font is 7 px plus 5 px padding, 1 px = 0.75 pt.
 */
export function breiteInPunkten(zeichen: number): number {
  return Math.round((zeichen * 7 + 5) * 0.75 * 100) / 100;
}

/** Excel serial date (1900 system) of a JS Date, using its local calendar fields. */
export function excelSeriennummer(d: Date): number {
  const utc = Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds());
  return (utc - Date.UTC(1899, 11, 30)) / 86400000;
}
