/**
 * The year rollover of SPEC §6 as a pure function: this year's workbook
 * (as read, with the validated plan) → the tables of next year's workbook
 * and the list of what was carried and what was closed. Works on the raw
 * rows so the columns users added to a table travel with their rows.
 */
import { isCellError, type Plan, type PlanZeile, type RawTable, type RawValue, type RawWorkbook } from './model';
import { ALLE_TABELLEN, EINSTELLUNGEN, SPALTEN, TABLES, type Kopf, type Status, type TableKey } from './schema';
import { istLeer, normalisiert } from './values';
import { a1, blattAdresse } from './adresse';
import { zahlDeutsch, zitat } from './format';

/** One table of the new workbook: contract columns in schema order, then the user's own columns. */
export interface NeueTabelle {
  /** headers of the user's columns, right of the contract columns */
  readonly zusatz: readonly string[];
  /** rows: schema columns (TABLES[key].columns) followed by `zusatz` */
  readonly rows: readonly (readonly RawValue[])[];
}

/** One line of the rollover report (SPEC §6 `R`), with the address of the old row. */
export interface JahreswechselEintrag {
  readonly tabelle: string;
  readonly schluessel: string;
  readonly meldung: string;
  /** where the row stood in the old workbook, e.g. „Arbeitsplanung!A7“; null for rows made by the rollover */
  readonly adresse: string | null;
}

export interface JahreswechselErgebnis {
  readonly jahr: number;
  readonly altesJahr: number;
  readonly tabellen: Readonly<Record<TableKey, NeueTabelle>>;
  readonly uebernommen: readonly JahreswechselEintrag[];
  readonly abgeschlossen: readonly JahreswechselEintrag[];
}

/** Statuses of a row that is still open and goes on into the next year (empty counts as open). */
const OFFEN: ReadonlySet<Status | null> = new Set<Status | null>(['geplant', 'begonnen', 'verschoben', null]);

/** The year a rollover makes by default: the one after the Berichtsjahr. */
export function standardJahr(plan: Plan): number {
  return plan.einstellungen.berichtsjahr + 1;
}

/** Why a target year cannot be used, or null. */
export function jahrUngueltig(plan: Plan, jahr: number): string | null {
  const alt = plan.einstellungen.berichtsjahr;
  if (!Number.isInteger(jahr) || jahr > 2100) return `„${jahr}“ ist kein gültiges Jahr. Bitte eine Jahreszahl wie ${alt + 1} angeben.`;
  if (jahr <= alt)
    return `Das neue Berichtsjahr ${jahr} liegt nicht nach dem Berichtsjahr ${alt} der Arbeitsmappe. Bitte ein späteres Jahr angeben (z. B. ${alt + 1}).`;
  return null;
}

/** A raw table read by header text: contract columns to indexes, the rest kept as user columns. */
class Quelle {
  readonly index: ReadonlyMap<string, number>;
  readonly zusatz: readonly string[];
  private readonly zusatzIndex: readonly number[];

  constructor(
    readonly key: TableKey,
    readonly raw: RawTable | undefined,
  ) {
    const headers = (raw?.headers ?? []).map((h) => (typeof h === 'string' ? h.trim() : String(h ?? '').trim()));
    const index = new Map<string, number>();
    const vergeben = new Set<number>();
    for (const c of TABLES[key].columns) {
      let i = headers.indexOf(c.header);
      if (i < 0) i = headers.findIndex((h) => normalisiert(h) === normalisiert(c.header));
      if (i >= 0) {
        index.set(c.header, i);
        vergeben.add(i);
      }
    }
    this.index = index;
    const zusatz: string[] = [];
    const zusatzIndex: number[] = [];
    headers.forEach((h, i) => {
      if (!vergeben.has(i) && h !== '') {
        zusatz.push(h);
        zusatzIndex.push(i);
      }
    });
    this.zusatz = zusatz;
    this.zusatzIndex = zusatzIndex;
  }

  /** Data rows with their worksheet row; rows blank in every contract column are left out (as when reading). */
  zeilen(): { row: readonly RawValue[]; zeile: number }[] {
    if (!this.raw) return [];
    const out: { row: readonly RawValue[]; zeile: number }[] = [];
    this.raw.rows.forEach((row, i) => {
      const leer = [...this.index.values()].every((j) => row[j] === undefined || istLeer(row[j]));
      if (!leer) out.push({ row, zeile: this.raw!.headerRow + 1 + i });
    });
    return out;
  }

  /** The row in the new table's order, with the contract cells in `leeren` emptied and `setze` applied. */
  neu(row: readonly RawValue[], leeren: readonly string[] = [], setze: Readonly<Record<string, RawValue>> = {}): RawValue[] {
    const vertrag = TABLES[this.key].columns.map((c) => {
      if (Object.prototype.hasOwnProperty.call(setze, c.header)) return setze[c.header];
      if (leeren.includes(c.header)) return null;
      const i = this.index.get(c.header);
      return i === undefined ? null : (row[i] ?? null);
    });
    return [...vertrag, ...this.zusatzIndex.map((i) => row[i] ?? null)];
  }

  adresse(zeile: number): string {
    return blattAdresse(this.raw?.sheet ?? TABLES[this.key].sheet, a1(zeile, this.raw?.firstColumn ?? 1));
  }

  text(row: readonly RawValue[], header: Kopf): string {
    const i = this.index.get(header);
    const v = i === undefined ? null : row[i];
    if (v === null || v === undefined || isCellError(v) || typeof v === 'object') return '';
    return String(v).trim();
  }
}

function datumAusIso(iso: string | null): Date | null {
  return iso === null ? null : new Date(`${iso}T00:00:00Z`);
}

/**
 * Next year's tables from a workbook without Fehler (the caller checks).
 * `raw` is the workbook as read, `plan` its parsed and validated plan.
 */
export function jahreswechsel(raw: RawWorkbook, plan: Plan, jahr: number): JahreswechselErgebnis {
  const alt = plan.einstellungen.berichtsjahr;
  const quellen = new Map<TableKey, Quelle>(
    ALLE_TABELLEN.map((k) => [k, new Quelle(k, raw.tables.find((t) => t.name === TABLES[k].name))]),
  );
  const q = (k: TableKey): Quelle => quellen.get(k) as Quelle;
  const uebernommen: JahreswechselEintrag[] = [];
  const abgeschlossen: JahreswechselEintrag[] = [];
  const tabellen = {} as Record<TableKey, NeueTabelle>;
  const eintrag = (key: TableKey, schluessel: string, meldung: string, adresse: string | null): JahreswechselEintrag => ({
    tabelle: TABLES[key].name,
    schluessel,
    meldung,
    adresse,
  });

  // unchanged tables
  for (const key of ['handlungsfelder', 'ziele'] as const) {
    const s = q(key);
    const spalteSchluessel = TABLES[key].keyColumn as Kopf;
    tabellen[key] = {
      zusatz: s.zusatz,
      rows: s.zeilen().map(({ row, zeile }) => {
        uebernommen.push(eintrag(key, s.text(row, spalteSchluessel), 'unverändert übernommen', s.adresse(zeile)));
        return s.neu(row);
      }),
    };
  }

  // settings: the new Berichtsjahr, thresholds as they were
  {
    const s = q('einstellungen');
    let gesetzt = false;
    const rows = s.zeilen().map(({ row, zeile }) => {
      const name = s.text(row, SPALTEN.einstellungen.einstellung);
      if (normalisiert(name) === normalisiert(EINSTELLUNGEN.berichtsjahr)) {
        gesetzt = true;
        uebernommen.push(eintrag('einstellungen', EINSTELLUNGEN.berichtsjahr, `Berichtsjahr ${alt} → ${jahr}`, s.adresse(zeile)));
        return s.neu(row, [], { Wert: jahr });
      }
      uebernommen.push(eintrag('einstellungen', name, 'unverändert übernommen', s.adresse(zeile)));
      return s.neu(row);
    });
    if (!gesetzt) {
      rows.unshift(s.neu([], [], { Einstellung: EINSTELLUNGEN.berichtsjahr, Wert: jahr }));
      uebernommen.push(eintrag('einstellungen', EINSTELLUNGEN.berichtsjahr, `Berichtsjahr ${jahr} neu eingetragen`, null));
    }
    tabellen.einstellungen = { zusatz: s.zusatz, rows };
  }

  // Arbeitsplanung: what is still open goes on; Standardmaßnahmen every year
  {
    const s = q('arbeitsplanung');
    const nachZeile = new Map<number, PlanZeile>(plan.arbeitsplanung.map((p) => [p.ref.row, p]));
    const zeilen = s.zeilen().flatMap(({ row, zeile }) => {
      const p = nachZeile.get(zeile);
      return p ? [{ row, zeile, p }] : [];
    });
    const massnahmeGetragen = new Map<string, boolean>();
    const traegt = (p: PlanZeile): boolean => p.standard || OFFEN.has(p.status);
    for (const z of zeilen) if (z.p.art === 'Maßnahme' && z.p.nr !== '') massnahmeGetragen.set(z.p.nr, traegt(z.p));
    const rows: RawValue[][] = [];
    for (const { row, zeile, p } of zeilen) {
      const adresse = s.adresse(zeile);
      const was = p.art ?? 'Zeile';
      const bezugOffen = p.art !== 'Wirkung' || p.bezug === '' || massnahmeGetragen.get(p.bezug) !== false;
      if (p.standard) {
        rows.push(s.neu(row, [], { Status: 'geplant' }));
        uebernommen.push(eintrag('arbeitsplanung', p.nr, `Standardmaßnahme, für ${jahr} wieder „geplant“`, adresse));
      } else if (OFFEN.has(p.status) && bezugOffen) {
        const neuerStatus = p.status === 'verschoben' ? 'geplant' : undefined;
        rows.push(s.neu(row, [], neuerStatus ? { Status: neuerStatus } : {}));
        const stand = p.status === null ? 'ohne Status' : `„${p.status}“`;
        uebernommen.push(
          eintrag('arbeitsplanung', p.nr, neuerStatus ? `${was} „verschoben“, für ${jahr} wieder „geplant“` : `${was} ${stand}, läuft weiter`, adresse),
        );
      } else if (OFFEN.has(p.status)) {
        abgeschlossen.push(
          eintrag('arbeitsplanung', p.nr, `Wirkung der Maßnahme ${zitat(p.bezug)}, die abgeschlossen ist; bleibt im Bericht ${alt}`, adresse),
        );
      } else {
        abgeschlossen.push(eintrag('arbeitsplanung', p.nr, `${was} „${p.status}“; bleibt im Bericht ${alt}`, adresse));
      }
    }
    tabellen.arbeitsplanung = { zusatz: s.zusatz, rows };
  }

  // Checkliste: the frame stays, the assessment of the year starts empty
  {
    const s = q('checkliste');
    tabellen.checkliste = {
      zusatz: s.zusatz,
      rows: s.zeilen().map(({ row, zeile }) => {
        uebernommen.push(
          eintrag('checkliste', s.text(row, SPALTEN.checkliste.handlungszielId), 'Zielgruppe, Ressourcen, Partner und Umsetzungsstand übernommen; Einschätzung, Anpassungsbedarf und nächste Schritte leer', s.adresse(zeile)),
        );
        return s.neu(row, [SPALTEN.checkliste.einschaetzung, SPALTEN.checkliste.anpassungsbedarf, SPALTEN.checkliste.naechsteSchritte]);
      }),
    };
  }

  // Kennzahlen: targets stay, this year's values move into the Zeitreihe
  const kz = q('kennzahlen');
  tabellen.kennzahlen = {
    zusatz: kz.zusatz,
    rows: kz.zeilen().map(({ row, zeile }) => {
      uebernommen.push(eintrag('kennzahlen', kz.text(row, SPALTEN.kennzahlen.kennzahlId), 'Kennzahl übernommen; Istwert, Stichtag und Begründung leer', kz.adresse(zeile)));
      return kz.neu(row, ['Istwert', 'Stichtag', 'Begründung']);
    }),
  };

  // Zeitreihe: earlier years as they are, the old Berichtsjahr from tblKennzahlen (replacing a row already there)
  {
    const s = q('zeitreihe');
    const ersetzt = new Set(plan.kennzahlen.map((k) => k.id));
    const nachZeile = new Map((plan.zeitreihe ?? []).map((z) => [z.ref.row, z]));
    const rows: RawValue[][] = [];
    for (const { row, zeile } of s.zeilen()) {
      const z = nachZeile.get(zeile);
      if (z && z.jahr === alt && ersetzt.has(z.kennzahlId)) continue;
      rows.push(s.neu(row));
      if (z) uebernommen.push(eintrag('zeitreihe', `${z.kennzahlId} ${z.jahr ?? ''}`.trim(), 'Wert eines früheren Jahres übernommen', s.adresse(zeile)));
    }
    for (const k of plan.kennzahlen) {
      rows.push(s.neu([], [], { 'Kennzahl-ID': k.id, Jahr: alt, Istwert: k.istwert, Zielwert: k.zielwert, Stichtag: datumAusIso(k.stichtag) }));
      const ist = k.istwert === null ? 'ohne Istwert' : `Istwert ${zahlDeutsch(k.istwert)}`;
      uebernommen.push(eintrag('zeitreihe', `${k.id} ${alt}`, `${ist} aus ${alt} in die Zeitreihe übernommen`, kz.adresse(k.ref.row)));
    }
    tabellen.zeitreihe = { zusatz: s.zusatz, rows };
  }

  return { jahr, altesJahr: alt, tabellen, uebernommen, abgeschlossen };
}
