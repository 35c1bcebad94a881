/**
 * Splitting the steering workbook into one workbook per Handlungsfeld
 * network: shared Stammdaten, only that HF's Ziele, Arbeitsplanung,
 * Checkliste and Kennzahlen, plus the origin marker.
 */
import type { RawValue, RawWorkbook } from '../model';
import { SPALTEN, TABLES, TABLE_ORDER, type Kopf, type TableKey } from '../schema';
import { herkunftZeile, type Herkunft, type HerkunftZeile } from './herkunft';
import { istLeereZeile, leseTabellen, NetzwerkFehler, spalte, zelle, type Tabelle, type Tabellen } from './tabellen';
import { hfNummer, schluesselText } from './werte';

export interface AufteilenMeta {
  /** file name of the steering workbook */
  readonly quelle: string;
  readonly exportiertAm: Date;
  /**
   * Export only the contract columns: of every table (true) or of the listed
   * ones (e.g. the two Stammdaten tables, which stand side by side and
   * cannot grow to the right). The marker then holds exactly what the
   * network file holds.
   */
  readonly nurVertragsspalten?: boolean | readonly TableKey[];
}

export interface NetzwerkExport {
  readonly hf: number;
  readonly handlungsfeld: string;
  readonly tabellen: Tabellen;
  readonly herkunft: Herkunft;
}

/** The columns that tie a row to its Handlungsfeld; the referencing tables use the headers of the referenced key. */
const HF_NR = SPALTEN.handlungsfelder.hfNr;
const ZIEL_ID = SPALTEN.ziele.handlungszielId;

/** Handlungsziel-ID → HF-Nr from tblZiele. */
export function zielHfKarte(ziele: Tabelle): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of ziele.rows) {
    const id = schluesselText(zelle(ziele, r, SPALTEN.ziele.handlungszielId));
    const hf = hfNummer(zelle(ziele, r, SPALTEN.ziele.hfNr));
    if (id !== '' && hf !== null && !m.has(id)) m.set(id, hf);
  }
  return m;
}

/**
 * The HF a data row belongs to, by every hint it carries (HF-Nr and the
 * Handlungsziel-ID's HF). Returns the distinct HFs found; Stammdaten tables
 * are shared and return [].
 */
export function hfHinweise(key: TableKey, t: Tabelle, row: readonly RawValue[], zielHf: ReadonlyMap<string, number>): { spalte: Kopf; hf: number | null; wert: RawValue }[] {
  const out: { spalte: Kopf; hf: number | null; wert: RawValue }[] = [];
  if (key === 'ziele' || key === 'arbeitsplanung') {
    const v = zelle(t, row, HF_NR);
    if (schluesselText(v) !== '') out.push({ spalte: HF_NR, hf: hfNummer(v), wert: v });
  }
  if (key === 'arbeitsplanung' || key === 'checkliste' || key === 'kennzahlen') {
    const v = zelle(t, row, ZIEL_ID);
    const id = schluesselText(v);
    if (id !== '') out.push({ spalte: ZIEL_ID, hf: zielHf.get(id) ?? null, wert: v });
  }
  return out;
}

/** Whether a row of a per-HF table belongs to `hf` (all known hints agree, at least one known). */
export function gehoertZuHf(key: TableKey, t: Tabelle, row: readonly RawValue[], hf: number, zielHf: ReadonlyMap<string, number>): boolean {
  const bekannt = hfHinweise(key, t, row, zielHf).filter((h) => h.hf !== null);
  return bekannt.length > 0 && bekannt.every((h) => h.hf === hf);
}

function nurVertragsspalten(key: TableKey, t: Tabelle): Tabelle {
  const headers = TABLES[key].columns.map((c) => c.header);
  const idx = headers.map((h) => spalte(t, h));
  return { headers, rows: t.rows.map((r) => idx.map((i) => (i < 0 ? null : (r[i] ?? null)))) };
}

const GETEILT: ReadonlySet<TableKey> = new Set<TableKey>(['handlungsfelder', 'einstellungen']);

function pruefeSchluessel(key: TableKey, t: Tabelle, quelle: string): void {
  const keyCol = TABLES[key].keyColumn;
  if (!keyCol) return;
  const gesehen = new Set<string>();
  const doppelt: string[] = [];
  const leer: number[] = [];
  t.rows.forEach((r, i) => {
    if (istLeereZeile(r)) return;
    const k = schluesselText(zelle(t, r, keyCol));
    if (k === '') leer.push(i + 1);
    else if (gesehen.has(k)) doppelt.push(k);
    gesehen.add(k);
  });
  const teile: string[] = [];
  if (leer.length) teile.push(`leere „${keyCol}“ in Datenzeile ${leer.slice(0, 5).join(', ')}${leer.length > 5 ? ' …' : ''}`);
  if (doppelt.length) teile.push(`doppelte „${keyCol}“: ${[...new Set(doppelt)].slice(0, 5).join(', ')}`);
  if (teile.length) {
    throw new NetzwerkFehler(
      `${quelle}: Tabelle „${TABLES[key].name}“ (Blatt „${TABLES[key].sheet}“) hat ${teile.join('; ')}. Jede Zeile braucht einen eindeutigen Schlüssel, damit die Netzwerkdateien später wieder zusammengeführt werden können. Bitte zuerst korrigieren („pruefen“ zeigt die Zellen).`,
    );
  }
}

/** The HF numbers listed in tblHandlungsfelder, in table order, with their names. */
export function handlungsfelderDerMappe(raw: RawWorkbook, quelle: string): { nr: number; name: string }[] {
  const t = leseTabellen(raw, quelle).handlungsfelder;
  const out: { nr: number; name: string }[] = [];
  for (const r of t.rows) {
    const nr = hfNummer(zelle(t, r, SPALTEN.handlungsfelder.hfNr));
    if (nr !== null && !out.some((h) => h.nr === nr)) out.push({ nr, name: schluesselText(zelle(t, r, 'Handlungsfeld')) });
  }
  return out;
}

/**
 * The tables of the network workbook for `hf`, taken row by row from the
 * steering workbook (extra user columns included), and its origin marker.
 * Throws a NetzwerkFehler when tables, key columns or unique keys are missing.
 */
export function aufteilen(raw: RawWorkbook, hf: number, meta: AufteilenMeta): NetzwerkExport {
  const alle = leseTabellen(raw, meta.quelle);
  for (const key of TABLE_ORDER) pruefeSchluessel(key, alle[key], meta.quelle);
  const hfZeile = alle.handlungsfelder.rows.find((r) => hfNummer(zelle(alle.handlungsfelder, r, 'HF-Nr')) === hf);
  if (!hfZeile) {
    throw new NetzwerkFehler(`${meta.quelle}: Handlungsfeld ${hf} steht nicht in der Tabelle „tblHandlungsfelder“ (Blatt „Stammdaten“).`);
  }
  const zielHf = zielHfKarte(alle.ziele);
  const tabellen = {} as Record<TableKey, Tabelle>;
  const zeilen: HerkunftZeile[] = [];
  for (const key of TABLE_ORDER) {
    const nur = meta.nurVertragsspalten === true || (Array.isArray(meta.nurVertragsspalten) && meta.nurVertragsspalten.includes(key));
    const t = nur ? nurVertragsspalten(key, alle[key]) : alle[key];
    const rows = t.rows.filter((r) => !istLeereZeile(r) && (GETEILT.has(key) || gehoertZuHf(key, t, r, hf, zielHf)));
    tabellen[key] = { headers: t.headers, rows };
    for (const r of rows) zeilen.push(herkunftZeile(key, t, r));
  }
  const handlungsfeld = schluesselText(zelle(alle.handlungsfelder, hfZeile, 'Handlungsfeld'));
  return {
    hf,
    handlungsfeld,
    tabellen,
    herkunft: { hf, handlungsfeld, quelle: meta.quelle, exportiertAm: meta.exportiertAm.toISOString(), zeilen },
  };
}

/**
 * Rows of per-HF tables that no network receives (no HF-Nr and no known
 * Handlungsziel-ID, or conflicting hints), so the CLI can say which rows
 * stay only in the steering workbook.
 */
export function nichtZugeordnet(raw: RawWorkbook, quelle: string): { tabelle: TableKey; schluessel: string }[] {
  const alle = leseTabellen(raw, quelle);
  const zielHf = zielHfKarte(alle.ziele);
  const hfs = new Set(handlungsfelderDerMappe(raw, quelle).map((h) => h.nr));
  const out: { tabelle: TableKey; schluessel: string }[] = [];
  for (const key of TABLE_ORDER) {
    if (GETEILT.has(key)) continue;
    const t = alle[key];
    for (const r of t.rows) {
      if (istLeereZeile(r)) continue;
      const treffer = [...hfs].filter((hf) => gehoertZuHf(key, t, r, hf, zielHf));
      if (treffer.length === 0) out.push({ tabelle: key, schluessel: schluesselText(zelle(t, r, TABLES[key].keyColumn ?? '')) });
    }
  }
  return out;
}

/** File name for a network workbook, e.g. "HF3-Ausbildung-Arbeitsmarktzugang-Wirtschaft.xlsx". */
export function netzwerkDateiname(hf: number, handlungsfeld: string): string {
  const ersatz: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss' };
  const teile = handlungsfeld
    .replace(/[äöüÄÖÜß]/g, (c) => ersatz[c])
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '');
  const name = teile.join('-').slice(0, 80).replace(/-+$/, '');
  return name ? `HF${hf}-${name}.xlsx` : `HF${hf}.xlsx`;
}
