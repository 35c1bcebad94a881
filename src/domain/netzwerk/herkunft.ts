/**
 * The origin marker of a network workbook: which HF it holds, where and when
 * it was exported, and per exported row its key, a fingerprint and the
 * exported values. The merge compares both sides against these values, so it
 * can tell a change in the network file from a change in the steering
 * workbook. Stored as two tables on a hidden sheet (layout in
 * src/workbook/herkunft.ts) so every adapter can read it like other tables.
 */
import type { RawValue, RawWorkbook } from '../model';
import { TABLES, type TableKey, TABLE_ORDER } from '../schema';
import { fnv1a64 } from './hash';
import { findeTabelle, spaltenTyp, type Tabelle } from './tabellen';
import { kanonisch, schluesselText, wertAusJson, wertZuJson } from './werte';

export const HERKUNFT_FORMAT = 'Integrationsmonitor-Netzwerkdatei 1';

export const HERKUNFT_INFO_TABELLE = 'tblHerkunftInfo';
export const HERKUNFT_ZEILEN_TABELLE = 'tblHerkunft';
export const HERKUNFT_INFO_KOEPFE = ['Angabe', 'Wert'] as const;
export const HERKUNFT_ZEILEN_KOEPFE = ['Tabelle', 'Schlüssel', 'Fingerabdruck', 'Werte'] as const;

const INFO = {
  format: 'Format',
  hf: 'HF-Nr',
  handlungsfeld: 'Handlungsfeld',
  quelle: 'Quelle',
  exportiertAm: 'Exportiert am',
} as const;

/** Excel keeps at most 32,767 characters per cell; longer snapshots spill into "Werte 2", "Werte 3", … */
const MAX_ZELLTEXT = 30000;

export interface HerkunftZeile {
  readonly tabelle: TableKey;
  readonly schluessel: string;
  readonly fingerabdruck: string;
  /** the exported values by header */
  readonly werte: Readonly<Record<string, RawValue>>;
}

export interface Herkunft {
  readonly hf: number;
  readonly handlungsfeld: string;
  readonly quelle: string;
  /** ISO timestamp of the export */
  readonly exportiertAm: string;
  readonly zeilen: readonly HerkunftZeile[];
}

export function zeileNachKopf(t: Tabelle, row: readonly RawValue[]): Record<string, RawValue> {
  const o: Record<string, RawValue> = {};
  t.headers.forEach((h, i) => {
    if (h !== '') o[h] = row[i] ?? null;
  });
  return o;
}

/**
 * Stable hash of a row's values by header: independent of column order and
 * of empty columns, comparing dates and numbers by meaning (see kanonisch).
 */
export function fingerabdruck(key: TableKey, werte: Readonly<Record<string, RawValue>>): string {
  const teile = Object.keys(werte)
    .sort()
    .map((h) => [h, kanonisch(werte[h], spaltenTyp(key, h))] as const)
    .filter(([, k]) => k !== '')
    .map(([h, k]) => `${h}\u001f${k}`);
  return fnv1a64(teile.join('\u001e'));
}

export function herkunftZeile(key: TableKey, t: Tabelle, row: readonly RawValue[]): HerkunftZeile {
  const werte = zeileNachKopf(t, row);
  const keyCol = TABLES[key].keyColumn ?? '';
  return { tabelle: key, schluessel: schluesselText(werte[keyCol]), fingerabdruck: fingerabdruck(key, werte), werte };
}

/** The marker as two tables (info and rows), ready for a writer. */
export function herkunftAlsTabellen(h: Herkunft): { info: Tabelle; zeilen: Tabelle } {
  const info: Tabelle = {
    headers: [...HERKUNFT_INFO_KOEPFE],
    rows: [
      [INFO.format, HERKUNFT_FORMAT],
      [INFO.hf, h.hf],
      [INFO.handlungsfeld, h.handlungsfeld],
      [INFO.quelle, h.quelle],
      [INFO.exportiertAm, h.exportiertAm],
    ],
  };
  const chunks = h.zeilen.map((z) => {
    const json = JSON.stringify(Object.fromEntries(Object.entries(z.werte).map(([k, v]) => [k, wertZuJson(v)])));
    const parts: string[] = [];
    for (let i = 0; i < json.length; i += MAX_ZELLTEXT) parts.push(json.slice(i, i + MAX_ZELLTEXT));
    return parts.length ? parts : [''];
  });
  const breite = Math.max(1, ...chunks.map((c) => c.length));
  const headers = [...HERKUNFT_ZEILEN_KOEPFE, ...Array.from({ length: breite - 1 }, (_, i) => `Werte ${i + 2}`)];
  const rows = h.zeilen.map((z, i) => [
    TABLES[z.tabelle].name,
    z.schluessel,
    z.fingerabdruck,
    ...Array.from({ length: breite }, (_, j) => chunks[i][j] ?? null),
  ]);
  return { info, zeilen: { headers, rows } };
}

/**
 * Reads the marker of a network workbook. Returns null when the workbook has
 * none (not made by "aufteilen"); throws a German message when it is damaged.
 */
export function leseHerkunft(raw: RawWorkbook, datei: string): Herkunft | null {
  const info = findeTabelle(raw, HERKUNFT_INFO_TABELLE);
  const zeilen = findeTabelle(raw, HERKUNFT_ZEILEN_TABELLE);
  if (!info && !zeilen) return null;
  const kaputt = (was: string): Error =>
    new Error(
      `${datei}: Das ausgeblendete Herkunftsblatt ist beschädigt (${was}). Bitte die Netzwerkdatei neu mit „aufteilen“ erstellen lassen.`,
    );
  if (!info || !zeilen) throw kaputt('eine der Tabellen fehlt');
  const angaben = new Map<string, RawValue>();
  for (const r of info.rows) angaben.set(schluesselText(r[0]), r[1] ?? null);
  if (schluesselText(angaben.get(INFO.format)) !== HERKUNFT_FORMAT) throw kaputt('unbekanntes Format');
  const hf = Number(schluesselText(angaben.get(INFO.hf)));
  if (!Number.isInteger(hf) || hf < 1) throw kaputt('HF-Nr fehlt');
  const tabelleNachName = new Map<string, TableKey>(TABLE_ORDER.map((k) => [TABLES[k].name, k]));
  const werteSpalten = zeilen.headers
    .map((h, i) => ({ h: String(h).trim(), i }))
    .filter(({ h }) => h === 'Werte' || /^Werte \d+$/.test(h))
    .sort((a, b) => (a.h === 'Werte' ? 1 : Number(a.h.slice(6))) - (b.h === 'Werte' ? 1 : Number(b.h.slice(6))))
    .map(({ i }) => i);
  const out: HerkunftZeile[] = zeilen.rows.map((r, n) => {
    const tabelle = tabelleNachName.get(schluesselText(r[0]));
    if (!tabelle) throw kaputt(`Zeile ${n + 1}: unbekannte Tabelle`);
    const json = werteSpalten.map((i) => (typeof r[i] === 'string' ? (r[i] as string) : '')).join('');
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch (e) {
      throw kaputt(`Zeile ${n + 1}: ${(e as Error).message}`);
    }
    if (typeof parsed !== 'object' || parsed === null) throw kaputt(`Zeile ${n + 1}: keine Werte`);
    const werte: Record<string, RawValue> = {};
    for (const [k, v] of Object.entries(parsed)) werte[k] = wertAusJson(v);
    return { tabelle, schluessel: schluesselText(r[1]), fingerabdruck: schluesselText(r[2]), werte };
  });
  return {
    hf,
    handlungsfeld: schluesselText(angaben.get(INFO.handlungsfeld)),
    quelle: schluesselText(angaben.get(INFO.quelle)),
    exportiertAm: schluesselText(angaben.get(INFO.exportiertAm)),
    zeilen: out,
  };
}
