/**
 * The network workbook of one Handlungsfeld: full template layout, that
 * HF's rows, extra user columns and the hidden origin marker "_Herkunft".
 * Shared by the CLI (`aufteilen`) and the task pane ("Netzwerkdatei
 * erstellen", in the browser), so both produce the same file. Browser-safe:
 * no fs/path, and exceljs only as a type — the caller passes a new
 * ExcelJS.Workbook, so the pane can load exceljs lazily.
 */
import type ExcelJS from 'exceljs';
import { TABLES, TABLE_ORDER, type TableKey } from '../domain/schema';
import type { RawValue } from '../domain/model';
import {
  herkunftAlsTabellen,
  HERKUNFT_INFO_TABELLE,
  HERKUNFT_ZEILEN_TABELLE,
  inSchemaReihenfolge,
  type NetzwerkExport,
} from '../domain/netzwerk';
import {
  HERKUNFT_BLATT,
  HERKUNFT_BLATT_ZUSTAND,
  HERKUNFT_INFO_ANKER,
  HERKUNFT_SPALTENBREITEN,
  HERKUNFT_ZEILEN_ANKER,
} from '../workbook/herkunft';
import { schreibeVorlage } from './schreiben';
import { ergaenzeSpalten, schreibeTabellenBlatt } from './tabellenAendern';

/** Fills the empty workbook `wb` with the network workbook of `exp` and returns it. */
export function schreibeNetzwerkMappe(wb: ExcelJS.Workbook, exp: NetzwerkExport): ExcelJS.Workbook {
  wb.creator = 'Integrationsmonitor';
  wb.title = `Netzwerkdatei Handlungsfeld ${exp.hf}: ${exp.handlungsfeld}`;
  const zeilen = {} as Record<TableKey, RawValue[][]>;
  for (const key of TABLE_ORDER) zeilen[key] = inSchemaReihenfolge(key, exp.tabellen[key]);
  schreibeVorlage(wb, zeilen);
  // extra user columns of the steering workbook go on the right of their table
  for (const key of TABLE_ORDER) {
    const t = exp.tabellen[key];
    const vertrag = new Set<string>(TABLES[key].columns.map((c) => c.header));
    const extra = t.headers.map((h, i) => ({ h, i })).filter(({ h }) => h !== '' && !vertrag.has(h));
    ergaenzeSpalten(
      wb,
      TABLES[key].name,
      extra.map(({ h, i }) => ({ name: h, werte: t.rows.map((r) => r[i] ?? null) })),
    );
  }
  const marker = herkunftAlsTabellen(exp.herkunft);
  schreibeTabellenBlatt(
    wb,
    HERKUNFT_BLATT,
    [
      { name: HERKUNFT_INFO_TABELLE, ...HERKUNFT_INFO_ANKER, ...marker.info },
      { name: HERKUNFT_ZEILEN_TABELLE, ...HERKUNFT_ZEILEN_ANKER, ...marker.zeilen },
    ],
    { zustand: HERKUNFT_BLATT_ZUSTAND, breiten: HERKUNFT_SPALTENBREITEN },
  );
  return wb;
}

/**
 * Which tables a network export limits to the contract columns: the two
 * Stammdaten tables stand side by side, so extra columns have no room.
 */
export const NUR_VERTRAGSSPALTEN = ['handlungsfelder', 'einstellungen'] as const;
