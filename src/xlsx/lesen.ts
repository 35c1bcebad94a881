/**
 * Reading a loaded workbook into the domain's RawWorkbook: tables by name,
 * columns by header text, cells as plain values. The reader itself lives in
 * src/workbook/rohdaten.ts so the task pane's browser reader shares it.
 */
import type ExcelJS from 'exceljs';
import type { RawWorkbook } from '../domain/model';
import { rohdatenAusMappe } from '../workbook/rohdaten';

export { rohwert } from '../workbook/rohdaten';

/** All worksheets and tables of a loaded workbook, read by table name and header text. */
export function leseRohdaten(wb: ExcelJS.Workbook, quelle?: string): RawWorkbook {
  return rohdatenAusMappe(wb, quelle);
}
