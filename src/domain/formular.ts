/**
 * Validation of the Checkliste form (task pane) with the same
 * coercion (values.ts) and the same rules (validate.ts) as a workbook check:
 * the form's rows are put into a small Plan next to the workbook's other
 * Kennzahlen and validated there, so a message in the form reads like the
 * one `pruefen` would give. Only the "rot without Begründung" rule is
 * stricter here: the form requires the Begründung (the workbook only warns).
 */
import { ampelFuer, zielerreichung } from './kpi';
import type { Ampel, ChecklisteZeile, Kennzahl, Plan, RawValue, Schwere } from './model';
import { LISTS, SPALTEN, TABLES, type Anpassungsbedarf, type ColumnSpec, type Kopf, type Umsetzungsstand, type Wirkungsebene } from './schema';
import { leseDatum, leseListe, leseText, leseZahl, type Gelesen } from './values';
import { validiere } from './validate';

export interface FeldMeldung {
  readonly schwere: Schwere;
  readonly text: string;
}

/** Form fields of a Kennzahl and the tblKennzahlen header each one is written to. */
export const KENNZAHL_FELDER = {
  id: SPALTEN.kennzahlen.kennzahlId,
  name: SPALTEN.kennzahlen.kennzahl,
  einheit: SPALTEN.kennzahlen.einheit,
  ebene: SPALTEN.kennzahlen.wirkungsebene,
  ausgangswert: SPALTEN.kennzahlen.ausgangswert,
  zielwert: SPALTEN.kennzahlen.zielwert,
  istwert: SPALTEN.kennzahlen.istwert,
  stichtag: SPALTEN.kennzahlen.stichtag,
  datenquelle: SPALTEN.kennzahlen.datenquelle,
  verantwortlich: SPALTEN.kennzahlen.verantwortlich,
  begruendung: SPALTEN.kennzahlen.begruendung,
} as const;
export type KennzahlFeld = keyof typeof KENNZAHL_FELDER;

/** Form fields of the Checkliste row and their tblCheckliste headers. */
export const CHECKLISTE_FELDER = {
  zielgruppe: SPALTEN.checkliste.zielgruppe,
  ressourcen: SPALTEN.checkliste.ressourcen,
  kooperationspartner: SPALTEN.checkliste.kooperationspartner,
  umsetzungsstand: SPALTEN.checkliste.umsetzungsstand,
  einschaetzung: SPALTEN.checkliste.einschaetzung,
  anpassungsbedarf: SPALTEN.checkliste.anpassungsbedarf,
  naechsteSchritte: SPALTEN.checkliste.naechsteSchritte,
} as const;
export type ChecklisteFeld = keyof typeof CHECKLISTE_FELDER;

/** What the user typed, field by field (all text, as in an input). */
export type KennzahlEntwurf = Record<KennzahlFeld, string>;
export type ChecklisteEntwurf = Record<ChecklisteFeld, string>;

export const LEERE_KENNZAHL: KennzahlEntwurf = {
  id: '',
  name: '',
  einheit: '',
  ebene: '',
  ausgangswert: '',
  zielwert: '',
  istwert: '',
  stichtag: '',
  datenquelle: '',
  verantwortlich: '',
  begruendung: '',
};

export const LEERE_CHECKLISTE: ChecklisteEntwurf = {
  zielgruppe: '',
  ressourcen: '',
  kooperationspartner: '',
  umsetzungsstand: '',
  einschaetzung: '',
  anpassungsbedarf: '',
  naechsteSchritte: '',
};

/** Warnings that concern how a workbook cell is stored, not what a user types into a field. */
const NUR_ZELLE = new Set(['ZAHL_ALS_TEXT', 'DATUM_ALS_TEXT']);

function spalte(tabelle: 'kennzahlen' | 'checkliste', header: Kopf): ColumnSpec {
  const c = TABLES[tabelle].columns.find((x) => x.header === header);
  if (!c) throw new Error(`Unbekannte Spalte ${header} in ${TABLES[tabelle].name}`);
  return c;
}

/**
 * Reads one typed field with the column's coercion: number, date or list
 * value, or trimmed text. The message (if any) is the same wording
 * `pruefen` uses for a cell, without the cell address.
 */
export function pruefeFeld(
  tabelle: 'kennzahlen' | 'checkliste',
  header: Kopf,
  eingabe: string,
): { wert: string | number | null; meldung: FeldMeldung | null } {
  const c = spalte(tabelle, header);
  let r: Gelesen<string | number | null>;
  switch (c.type) {
    case 'number':
    case 'integer':
      r = leseZahl(eingabe);
      break;
    case 'date':
      r = leseDatum(eingabe);
      break;
    case 'list':
      r = leseListe(eingabe, c.list ?? []);
      break;
    default:
      r = leseText(eingabe);
  }
  const p = r.problem && !NUR_ZELLE.has(r.problem.regel) ? r.problem : null;
  return { wert: r.wert, meldung: p ? { schwere: p.schwere, text: grossAnfang(p.text) } : null };
}

function grossAnfang(s: string): string {
  return s.length > 0 && /[a-zäöü]/.test(s[0]) ? `${s[0].toUpperCase()}${s.slice(1)}` : s;
}

export interface KennzahlPruefung {
  readonly meldungen: Partial<Record<KennzahlFeld, FeldMeldung>>;
  /** uncapped, null while Istwert/Zielwert are missing or unreadable */
  readonly zielerreichung: number | null;
  readonly ampel: Ampel;
  /** Ampel rot: the Begründung field is required */
  readonly begruendungNoetig: boolean;
}

export interface FormularPruefung {
  readonly checkliste: Partial<Record<ChecklisteFeld, FeldMeldung>>;
  readonly kennzahlen: readonly KennzahlPruefung[];
  /** no Fehler anywhere: may be saved */
  readonly speicherbar: boolean;
}

/** Row values keyed by header, as the Excel adapter writes them. */
export type ZeilenWerte = Readonly<Partial<Record<Kopf, RawValue>>>;

const FORM_BLATT = 'Formular';
const ERSTE_FORMZEILE = 1_000_000;

function zahlOderNull(e: KennzahlEntwurf, f: 'ausgangswert' | 'zielwert' | 'istwert'): number | null {
  const w = pruefeFeld('kennzahlen', KENNZAHL_FELDER[f], e[f]).wert;
  return typeof w === 'number' ? w : null;
}

function alsKennzahl(zielId: string, e: KennzahlEntwurf, row: number): Kennzahl {
  const ebene = pruefeFeld('kennzahlen', 'Wirkungsebene', e.ebene).wert as Wirkungsebene | null;
  const stichtag = pruefeFeld('kennzahlen', 'Stichtag', e.stichtag).wert as string | null;
  return {
    id: e.id.trim(),
    zielId,
    name: e.name.trim(),
    einheit: e.einheit.trim(),
    ebene,
    ausgangswert: zahlOderNull(e, 'ausgangswert'),
    zielwert: zahlOderNull(e, 'zielwert'),
    istwert: zahlOderNull(e, 'istwert'),
    stichtag,
    datenquelle: e.datenquelle.trim(),
    verantwortlich: e.verantwortlich.trim(),
    begruendung: e.begruendung.trim(),
    ref: { sheet: FORM_BLATT, row },
  };
}

function alsChecklisteZeile(zielId: string, e: ChecklisteEntwurf): ChecklisteZeile {
  return {
    zielId,
    zielgruppe: e.zielgruppe.trim(),
    ressourcen: e.ressourcen.trim(),
    kooperationspartner: e.kooperationspartner.trim(),
    umsetzungsstand: pruefeFeld('checkliste', 'Umsetzungsstand', e.umsetzungsstand).wert as Umsetzungsstand | null,
    einschaetzung: e.einschaetzung.trim(),
    anpassungsbedarf: pruefeFeld('checkliste', 'Anpassungsbedarf', e.anpassungsbedarf).wert as Anpassungsbedarf | null,
    naechsteSchritte: e.naechsteSchritte.trim(),
    ref: { sheet: FORM_BLATT, row: ERSTE_FORMZEILE },
  };
}

/** "Formular!G1000003 (Zielwert): text" → "text" */
function ohneAdresse(meldung: string): string {
  const m = /^[^:]*![A-Z]+\d+(?: \([^)]*\))?: (.*)$/s.exec(meldung);
  return m ? m[1] : meldung;
}

const feldVonHeader = new Map<string, KennzahlFeld>(Object.entries(KENNZAHL_FELDER).map(([f, h]) => [h, f as KennzahlFeld]));

/**
 * Validates the whole form of one Handlungsziel: each field's coercion,
 * then the workbook rules over this Handlungsziel's rows next to every other
 * Kennzahl of the plan (for unique IDs). Live Zielerreichung and Ampel per
 * Kennzahl use the plan's thresholds.
 */
export function pruefeFormular(
  plan: Plan,
  zielId: string,
  checkliste: ChecklisteEntwurf,
  kennzahlen: readonly KennzahlEntwurf[],
): FormularPruefung {
  const cl: Partial<Record<ChecklisteFeld, FeldMeldung>> = {};
  for (const [f, h] of Object.entries(CHECKLISTE_FELDER) as [ChecklisteFeld, Kopf][]) {
    const m = pruefeFeld('checkliste', h, checkliste[f]).meldung;
    if (m) cl[f] = m;
  }

  const feldMeldungen: Partial<Record<KennzahlFeld, FeldMeldung>>[] = kennzahlen.map((e) => {
    const out: Partial<Record<KennzahlFeld, FeldMeldung>> = {};
    for (const [f, h] of Object.entries(KENNZAHL_FELDER) as [KennzahlFeld, Kopf][]) {
      const m = pruefeFeld('kennzahlen', h, e[f]).meldung;
      if (m) out[f] = m;
    }
    return out;
  });

  const entwuerfe = kennzahlen.map((e, i) => alsKennzahl(zielId, e, ERSTE_FORMZEILE + 1 + i));
  const andere = plan.kennzahlen.filter((k) => k.zielId !== zielId);
  const probe: Plan = {
    handlungsfelder: plan.handlungsfelder,
    einstellungen: plan.einstellungen,
    ziele: plan.ziele,
    arbeitsplanung: [],
    checkliste: [alsChecklisteZeile(zielId, checkliste)],
    kennzahlen: [...andere, ...entwuerfe],
  };
  for (const f of validiere(probe)) {
    if (f.blatt !== FORM_BLATT || f.regel.startsWith('ZIEL_OHNE')) continue;
    const row = Number(/\d+$/.exec(f.zelle)?.[0] ?? 0);
    const i = row - ERSTE_FORMZEILE - 1;
    if (i < 0 || i >= kennzahlen.length) continue;
    const feld = feldVonHeader.get(f.spalte);
    // a field whose value could not be read keeps its coercion message
    if (!feld || feldMeldungen[i][feld]) continue;
    feldMeldungen[i][feld] = { schwere: f.regel === 'ROT_OHNE_BEGRUENDUNG' ? 'Fehler' : f.schwere, text: ohneAdresse(f.meldung) };
  }

  const pruefungen: KennzahlPruefung[] = entwuerfe.map((k, i) => {
    const wert = zielerreichung(k);
    const ampel = ampelFuer(wert, plan.einstellungen);
    return { meldungen: feldMeldungen[i], zielerreichung: wert, ampel, begruendungNoetig: ampel === 'rot' };
  });
  const fehler = (m: Partial<Record<string, FeldMeldung>>): boolean => Object.values(m).some((x) => x?.schwere === 'Fehler');
  return { checkliste: cl, kennzahlen: pruefungen, speicherbar: !fehler(cl) && !pruefungen.some((p) => fehler(p.meldungen)) };
}

/** Date cell value for an ISO day: a Date at UTC midnight (adapters write plain dates). */
function datumZelle(iso: string | null): RawValue {
  if (!iso) return null;
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/**
 * The rows to save for one Handlungsziel, keyed by header: the Checkliste
 * row and its Kennzahlen with numbers as numbers and dates as dates.
 * Call only when `pruefeFormular(...).speicherbar`.
 */
export function formularZeilen(
  zielId: string,
  checkliste: ChecklisteEntwurf,
  kennzahlen: readonly KennzahlEntwurf[],
): { checkliste: ZeilenWerte; kennzahlen: ZeilenWerte[] } {
  const c = alsChecklisteZeile(zielId, checkliste);
  const leerNull = (s: string): RawValue => (s === '' ? null : s);
  return {
    checkliste: {
      [SPALTEN.checkliste.handlungszielId]: zielId,
      Zielgruppe: leerNull(c.zielgruppe),
      Ressourcen: leerNull(c.ressourcen),
      Kooperationspartner: leerNull(c.kooperationspartner),
      Umsetzungsstand: c.umsetzungsstand,
      Einschätzung: leerNull(c.einschaetzung),
      Anpassungsbedarf: c.anpassungsbedarf,
      'Nächste Schritte': leerNull(c.naechsteSchritte),
    },
    kennzahlen: kennzahlen.map((e, i) => {
      const k = alsKennzahl(zielId, e, i);
      return {
        [SPALTEN.kennzahlen.kennzahlId]: k.id,
        [SPALTEN.kennzahlen.handlungszielId]: zielId,
        Kennzahl: k.name,
        Einheit: leerNull(k.einheit),
        Wirkungsebene: k.ebene,
        Ausgangswert: k.ausgangswert,
        Zielwert: k.zielwert,
        Istwert: k.istwert,
        Stichtag: datumZelle(k.stichtag),
        Datenquelle: leerNull(k.datenquelle),
        Verantwortlich: leerNull(k.verantwortlich),
        Begründung: leerNull(k.begruendung),
      };
    }),
  };
}

/** Form state of an existing Checkliste row / Kennzahl (numbers German style, dates TT.MM.JJJJ). */
export function checklisteEntwurf(c: ChecklisteZeile | undefined): ChecklisteEntwurf {
  if (!c) return { ...LEERE_CHECKLISTE };
  return {
    zielgruppe: c.zielgruppe,
    ressourcen: c.ressourcen,
    kooperationspartner: c.kooperationspartner,
    umsetzungsstand: c.umsetzungsstand ?? '',
    einschaetzung: c.einschaetzung,
    anpassungsbedarf: c.anpassungsbedarf ?? '',
    naechsteSchritte: c.naechsteSchritte,
  };
}

export function kennzahlEntwurf(k: Kennzahl): KennzahlEntwurf {
  const zahl = (n: number | null): string => (n === null ? '' : String(n).replace('.', ','));
  const datum = (iso: string | null): string => (iso ? iso.split('-').reverse().join('.') : '');
  return {
    id: k.id,
    name: k.name,
    einheit: k.einheit,
    ebene: k.ebene ?? '',
    ausgangswert: zahl(k.ausgangswert),
    zielwert: zahl(k.zielwert),
    istwert: zahl(k.istwert),
    stichtag: datum(k.stichtag),
    datenquelle: k.datenquelle,
    verantwortlich: k.verantwortlich,
    begruendung: k.begruendung,
  };
}

/** Dropdown values of the form (the workbook lists). */
export const FORMULAR_LISTEN = {
  umsetzungsstand: LISTS.umsetzungsstand,
  anpassungsbedarf: LISTS.anpassungsbedarf,
  wirkungsebene: LISTS.wirkungsebene,
} as const;
