/**
 * Rules of SPEC §3 that look at values and across rows/tables (cell types
 * and list values are checked while parsing). Each rule is one entry of
 * REGELN so rules can be listed, tested and extended one by one.
 */
import { Befunde, ortVon, zellSchluessel, type Stelle } from './befunde';
import { ampelFuer, istZaehlbareMassnahme, zielerreichung } from './kpi';
import type { Finding, Plan, RowRef } from './model';
import { SPALTEN, TABLES, type Kopf, type TableKey } from './schema';
import { a1, blattAdresse } from './adresse';
import { zahlDeutsch, zitat } from './format';

export interface PruefKontext {
  readonly plan: Plan;
  readonly b: Befunde;
  /** cells that already have a Fehler from parsing */
  readonly ungueltig: ReadonlySet<string>;
}

export interface Regel {
  /** stable codes this rule may emit */
  readonly codes: readonly string[];
  readonly beschreibung: string;
  readonly pruefe: (k: PruefKontext) => void;
}

function stelle(plan: Plan, tabelle: TableKey, r: RowRef, spalte: Kopf): Stelle {
  const ort = ortVon(plan, tabelle);
  return { tabelle, blatt: r.sheet, zeile: r.row, spalteNr: ort.spalten[spalte] ?? 0, spalte };
}

function adresse(plan: Plan, tabelle: TableKey, r: RowRef, spalte: Kopf): string {
  const ort = ortVon(plan, tabelle);
  return blattAdresse(r.sheet, a1(r.row, ort.spalten[spalte] ?? 1));
}

/** Empty required cell, unless parsing already reported that cell. */
function pflicht(
  k: PruefKontext,
  tabelle: TableKey,
  r: RowRef,
  spalte: Kopf,
  leer: boolean,
  text: string,
  regel = 'PFLICHTFELD',
): void {
  if (!leer || k.ungueltig.has(zellSchluessel(tabelle, r.row, spalte))) return;
  k.b.add('Fehler', regel, stelle(k.plan, tabelle, r, spalte), text);
}

/** Reports every repeated key after its first occurrence. */
function eindeutig<T extends { ref: RowRef }>(
  k: PruefKontext,
  tabelle: TableKey,
  zeilen: readonly T[],
  spalte: Kopf,
  schluessel: (z: T) => string | number | null,
  was: string,
  bitte = `Bitte eine eindeutige ${spalte} vergeben.`,
): void {
  const erste = new Map<string | number, T>();
  for (const z of zeilen) {
    const s = schluessel(z);
    if (s === null || s === '') continue;
    const f = erste.get(s);
    if (f === undefined) {
      erste.set(s, z);
      continue;
    }
    k.b.add(
      'Fehler',
      'ID_DOPPELT',
      stelle(k.plan, tabelle, z.ref, spalte),
      `${was} ${zitat(String(s))} kommt doppelt vor (zuerst in ${adresse(k.plan, tabelle, f.ref, spalte)}). ${bitte}`,
    );
  }
}

const zielIds = (plan: Plan): Set<string> => new Set(plan.ziele.map((z) => z.id).filter((id) => id !== ''));
const hfNummern = (plan: Plan): Set<number> => new Set(plan.handlungsfelder.map((h) => h.nr));

function zielBekannt(k: PruefKontext, tabelle: TableKey, r: RowRef, id: string, ids: Set<string>): boolean {
  if (id === '' || ids.has(id)) return true;
  k.b.add(
    'Fehler',
    'ZIEL_UNBEKANNT',
    stelle(k.plan, tabelle, r, SPALTEN.ziele.handlungszielId),
    `Die Handlungsziel-ID ${zitat(id)} gibt es nicht in Tabelle ${zitat(TABLES.ziele.name)} (Blatt ${TABLES.ziele.sheet}). Bitte eine vorhandene ID aus der Liste wählen oder das Handlungsziel dort zuerst anlegen.`,
  );
  return false;
}

function hfBekannt(k: PruefKontext, tabelle: TableKey, r: RowRef, hf: number | null, nummern: Set<number>): void {
  if (hf === null || nummern.has(hf)) return;
  k.b.add(
    'Fehler',
    'HF_UNBEKANNT',
    stelle(k.plan, tabelle, r, SPALTEN.handlungsfelder.hfNr),
    `Das Handlungsfeld ${hf} gibt es nicht in Tabelle ${zitat(TABLES.handlungsfelder.name)} (Blatt ${TABLES.handlungsfelder.sheet}). Bitte eine vorhandene HF-Nr wählen oder das Handlungsfeld dort anlegen.`,
  );
}

export const REGELN: readonly Regel[] = [
  {
    codes: ['HF_NR_BEREICH', 'ID_DOPPELT', 'NAME_FEHLT'],
    beschreibung: 'tblHandlungsfelder: HF-Nr ganzzahlig 1–99 und eindeutig; Name vorhanden',
    pruefe: (k) => {
      const { plan, b } = k;
      for (const h of plan.handlungsfelder) {
        if (h.nr < 1 || h.nr > 99) {
          b.add('Fehler', 'HF_NR_BEREICH', stelle(plan, 'handlungsfelder', h.ref, SPALTEN.handlungsfelder.hfNr), `Die HF-Nr ${h.nr} liegt nicht zwischen 1 und 99. Bitte eine Nummer von 1 bis 99 eintragen.`);
        }
        if (h.name === '') {
          b.add('Warnung', 'NAME_FEHLT', stelle(plan, 'handlungsfelder', h.ref, SPALTEN.handlungsfelder.handlungsfeld), `Der Name des Handlungsfelds ${h.nr} fehlt. Bitte den Namen eintragen, er erscheint in Berichten.`);
        }
      }
      eindeutig(k, 'handlungsfelder', plan.handlungsfelder, SPALTEN.handlungsfelder.hfNr, (h) => h.nr, 'Die HF-Nr');
    },
  },
  {
    codes: ['PFLICHTFELD', 'ID_DOPPELT', 'HF_UNBEKANNT', 'NAME_FEHLT'],
    beschreibung: 'tblZiele: HF-Nr vorhanden und bekannt; Handlungsziel-ID vorhanden und eindeutig',
    pruefe: (k) => {
      const { plan } = k;
      const hf = hfNummern(plan);
      for (const z of plan.ziele) {
        pflicht(k, 'ziele', z.ref, SPALTEN.ziele.hfNr, z.hf === null, 'Die HF-Nr fehlt. Bitte das Handlungsfeld wählen, zu dem dieses Handlungsziel gehört.');
        hfBekannt(k, 'ziele', z.ref, z.hf, hf);
        pflicht(k, 'ziele', z.ref, SPALTEN.ziele.handlungszielId, z.id === '', 'Die Handlungsziel-ID fehlt. Bitte eine eindeutige ID eintragen (z. B. 1.2).');
        if (z.handlungsziel === '') {
          k.b.add('Warnung', 'NAME_FEHLT', stelle(plan, 'ziele', z.ref, SPALTEN.ziele.handlungsziel), 'Der Text des Handlungsziels fehlt. Bitte das Handlungsziel beschreiben, es erscheint in Berichten.');
        }
      }
      eindeutig(k, 'ziele', plan.ziele, SPALTEN.ziele.handlungszielId, (z) => z.id, 'Die Handlungsziel-ID');
    },
  },
  {
    codes: ['ZIEL_OHNE_MASSNAHME', 'ZIEL_OHNE_KENNZAHL', 'ZIEL_OHNE_CHECKLISTE'],
    beschreibung: 'tblZiele: jedes Handlungsziel hat eine Maßnahme, eine Kennzahl und eine Checkliste-Zeile (Warnung)',
    pruefe: (k) => {
      const { plan, b } = k;
      const mitMassnahme = new Set(plan.arbeitsplanung.filter(istZaehlbareMassnahme).map((r) => r.zielId));
      const mitKennzahl = new Set(plan.kennzahlen.map((kz) => kz.zielId));
      const mitCheckliste = new Set(plan.checkliste.map((c) => c.zielId));
      const gesehen = new Set<string>();
      for (const z of plan.ziele) {
        if (z.id === '' || gesehen.has(z.id)) continue;
        gesehen.add(z.id);
        const s = stelle(plan, 'ziele', z.ref, SPALTEN.ziele.handlungszielId);
        if (!mitMassnahme.has(z.id)) {
          b.add('Warnung', 'ZIEL_OHNE_MASSNAHME', s, `Für das Handlungsziel ${zitat(z.id)} ist keine Maßnahme geplant (Standardmaßnahmen zählen nicht). Bitte auf Blatt ${TABLES.arbeitsplanung.sheet} eine Maßnahme ergänzen.`);
        }
        if (!mitKennzahl.has(z.id)) {
          b.add('Warnung', 'ZIEL_OHNE_KENNZAHL', s, `Für das Handlungsziel ${zitat(z.id)} gibt es keine Kennzahl. Bitte auf Blatt ${TABLES.kennzahlen.sheet} mindestens eine Kennzahl mit Zielwert ergänzen.`);
        }
        if (!mitCheckliste.has(z.id)) {
          b.add('Warnung', 'ZIEL_OHNE_CHECKLISTE', s, `Für das Handlungsziel ${zitat(z.id)} fehlt die Zeile in der Checkliste. Bitte auf Blatt ${TABLES.checkliste.sheet} eine Zeile ergänzen.`);
        }
      }
    },
  },
  {
    codes: ['PFLICHTFELD', 'ID_DOPPELT', 'HF_UNBEKANNT', 'ZIEL_UNBEKANNT', 'ZIEL_HF_ABWEICHEND'],
    beschreibung: 'tblArbeitsplanung: Nr eindeutig; HF-Nr und Handlungsziel-ID vorhanden, bekannt und zueinander passend; Art und Beschreibung vorhanden',
    pruefe: (k) => {
      const { plan, b } = k;
      const hf = hfNummern(plan);
      const ids = zielIds(plan);
      const zielHf = new Map<string, number | null>();
      for (const z of plan.ziele) if (!zielHf.has(z.id)) zielHf.set(z.id, z.hf);
      for (const r of plan.arbeitsplanung) {
        pflicht(k, 'arbeitsplanung', r.ref, SPALTEN.arbeitsplanung.nr, r.nr === '', 'Die Nr fehlt. Bitte eine eindeutige Nummer für diese Zeile eintragen.');
        pflicht(k, 'arbeitsplanung', r.ref, SPALTEN.arbeitsplanung.hfNr, r.hf === null, 'Die HF-Nr fehlt. Bitte das Handlungsfeld wählen.');
        hfBekannt(k, 'arbeitsplanung', r.ref, r.hf, hf);
        pflicht(k, 'arbeitsplanung', r.ref, SPALTEN.arbeitsplanung.handlungszielId, r.zielId === '', 'Die Handlungsziel-ID fehlt. Bitte das Handlungsziel wählen, dem diese Zeile dient.');
        if (zielBekannt(k, 'arbeitsplanung', r.ref, r.zielId, ids) && r.zielId !== '' && r.hf !== null) {
          const zhf = zielHf.get(r.zielId);
          if (zhf !== undefined && zhf !== null && zhf !== r.hf) {
            b.add(
              'Fehler',
              'ZIEL_HF_ABWEICHEND',
              stelle(plan, 'arbeitsplanung', r.ref, SPALTEN.arbeitsplanung.handlungszielId),
              `Das Handlungsziel ${zitat(r.zielId)} gehört zu Handlungsfeld ${zhf}, die Zeile ist aber Handlungsfeld ${r.hf} zugeordnet (${adresse(plan, 'arbeitsplanung', r.ref, SPALTEN.arbeitsplanung.hfNr)}). Bitte HF-Nr oder Handlungsziel-ID korrigieren.`,
            );
          }
        }
        pflicht(k, 'arbeitsplanung', r.ref, SPALTEN.arbeitsplanung.art, r.art === null, 'Die Art fehlt. Bitte „Maßnahme“ oder „Wirkung“ wählen.');
        pflicht(k, 'arbeitsplanung', r.ref, SPALTEN.arbeitsplanung.beschreibung, r.beschreibung === '', 'Die Beschreibung fehlt. Bitte beschreiben, was getan wird oder was sich verändern soll.');
      }
      eindeutig(k, 'arbeitsplanung', plan.arbeitsplanung, SPALTEN.arbeitsplanung.nr, (r) => r.nr, 'Die Nr');
    },
  },
  {
    codes: ['BEZUG_UNGUELTIG'],
    beschreibung: 'tblArbeitsplanung: der Bezug einer Wirkung ist die Nr einer Maßnahme-Zeile',
    pruefe: (k) => {
      const { plan, b } = k;
      const artVonNr = new Map<string, string | null>();
      for (const r of plan.arbeitsplanung) if (r.nr !== '' && !artVonNr.has(r.nr)) artVonNr.set(r.nr, r.art);
      for (const r of plan.arbeitsplanung) {
        if (r.art !== 'Wirkung' || r.bezug === '') continue;
        const art = artVonNr.get(r.bezug);
        // null: the referenced row's Art is missing/invalid and reported there already
        if (art === 'Maßnahme' || art === null) continue;
        const grund =
          art === undefined
            ? `Eine Zeile mit der Nr ${zitat(r.bezug)} gibt es nicht.`
            : `Die Zeile ${zitat(r.bezug)} ist keine Maßnahme.`;
        b.add('Fehler', 'BEZUG_UNGUELTIG', stelle(plan, 'arbeitsplanung', r.ref, SPALTEN.arbeitsplanung.bezug), `${grund} Bitte als Bezug die Nr der Maßnahme eintragen, aus der diese Wirkung folgt, oder das Feld leeren.`);
      }
    },
  },
  {
    codes: ['PFLICHTFELD_MASSNAHME', 'STATUS_FEHLT'],
    beschreibung: 'tblArbeitsplanung: eine Maßnahme hat Priorität und Verantwortlich (Fehler) und einen Status (Warnung)',
    pruefe: (k) => {
      const { plan, b } = k;
      for (const r of plan.arbeitsplanung) {
        if (r.art !== 'Maßnahme') continue;
        pflicht(k, 'arbeitsplanung', r.ref, SPALTEN.arbeitsplanung.prioritaet, r.prioritaet === null, 'Für eine Maßnahme ist die Priorität Pflicht. Bitte „hoch“, „mittel“ oder „niedrig“ wählen.', 'PFLICHTFELD_MASSNAHME');
        pflicht(k, 'arbeitsplanung', r.ref, SPALTEN.arbeitsplanung.verantwortlich, r.verantwortlich === '', 'Für eine Maßnahme muss eingetragen sein, wer verantwortlich ist. Bitte Person oder Stelle eintragen.', 'PFLICHTFELD_MASSNAHME');
        if (r.status === null && !k.ungueltig.has(zellSchluessel('arbeitsplanung', r.ref.row, SPALTEN.arbeitsplanung.status))) {
          b.add('Warnung', 'STATUS_FEHLT', stelle(plan, 'arbeitsplanung', r.ref, SPALTEN.arbeitsplanung.status), 'Der Status der Maßnahme fehlt; sie zählt deshalb in keiner Statusspalte. Bitte den Status wählen (z. B. „geplant“).');
        }
      }
    },
  },
  {
    codes: ['PFLICHTFELD', 'ID_DOPPELT', 'ZIEL_UNBEKANNT'],
    beschreibung: 'tblCheckliste: Handlungsziel-ID vorhanden, bekannt und eindeutig',
    pruefe: (k) => {
      const { plan } = k;
      const ids = zielIds(plan);
      for (const c of plan.checkliste) {
        pflicht(k, 'checkliste', c.ref, SPALTEN.checkliste.handlungszielId, c.zielId === '', 'Die Handlungsziel-ID fehlt. Bitte das Handlungsziel wählen, zu dem diese Zeile gehört.');
        zielBekannt(k, 'checkliste', c.ref, c.zielId, ids);
      }
      eindeutig(
        k,
        'checkliste',
        plan.checkliste,
        SPALTEN.checkliste.handlungszielId,
        (c) => c.zielId,
        'Die Checkliste-Zeile für Handlungsziel',
        'Je Handlungsziel ist nur eine Zeile erlaubt: bitte beide Zeilen zusammenführen oder die Handlungsziel-ID korrigieren.',
      );
    },
  },
  {
    codes: ['PFLICHTFELD', 'ID_DOPPELT', 'ZIEL_UNBEKANNT', 'ZIELWERT_NULL', 'ROT_OHNE_BEGRUENDUNG'],
    beschreibung: 'tblKennzahlen: Kennzahl-ID eindeutig, Handlungsziel bekannt, Name und Zielwert vorhanden, Zielwert ≠ 0 bei I/Z; rot braucht Begründung',
    pruefe: (k) => {
      const { plan, b } = k;
      const ids = zielIds(plan);
      for (const kz of plan.kennzahlen) {
        pflicht(k, 'kennzahlen', kz.ref, SPALTEN.kennzahlen.kennzahlId, kz.id === '', 'Die Kennzahl-ID fehlt. Bitte eine eindeutige ID eintragen (z. B. K1.2.1).');
        pflicht(k, 'kennzahlen', kz.ref, SPALTEN.kennzahlen.handlungszielId, kz.zielId === '', 'Die Handlungsziel-ID fehlt. Bitte das Handlungsziel wählen, das diese Kennzahl misst.');
        zielBekannt(k, 'kennzahlen', kz.ref, kz.zielId, ids);
        pflicht(k, 'kennzahlen', kz.ref, SPALTEN.kennzahlen.kennzahl, kz.name === '', 'Die Bezeichnung der Kennzahl fehlt. Bitte beschreiben, was gezählt wird.');
        pflicht(k, 'kennzahlen', kz.ref, SPALTEN.kennzahlen.zielwert, kz.zielwert === null, 'Der Zielwert fehlt. Bitte einen realistischen Zielwert eintragen; ohne ihn kann keine Zielerreichung berechnet werden.');
        const izRegel = kz.ausgangswert === null || kz.ausgangswert === kz.zielwert;
        if (kz.zielwert === 0 && izRegel) {
          const warum = kz.ausgangswert === null ? 'ohne Ausgangswert' : 'wenn Ausgangswert und Zielwert gleich sind';
          b.add(
            'Fehler',
            'ZIELWERT_NULL',
            stelle(plan, 'kennzahlen', kz.ref, SPALTEN.kennzahlen.zielwert),
            `Der Zielwert ist 0; ${warum} wird die Zielerreichung als Istwert / Zielwert berechnet, und durch 0 kann nicht geteilt werden. Bitte einen Ausgangswert eintragen (bei sinkenden Zielen) oder den Zielwert korrigieren.`,
          );
        }
        const wert = zielerreichung(kz);
        if (ampelFuer(wert, plan.einstellungen) === 'rot' && kz.begruendung === '') {
          b.add(
            'Warnung',
            'ROT_OHNE_BEGRUENDUNG',
            stelle(plan, 'kennzahlen', kz.ref, SPALTEN.kennzahlen.begruendung),
            `Die Kennzahl ${zitat(kz.id)} steht auf Rot (Zielerreichung ${zahlDeutsch(Math.round((wert ?? 0) * 1000) / 10)} %), aber es fehlt eine Begründung. Bitte kurz erklären, warum das Ziel nicht erreicht wird.`,
          );
        }
      }
      eindeutig(k, 'kennzahlen', plan.kennzahlen, SPALTEN.kennzahlen.kennzahlId, (kz) => kz.id, 'Die Kennzahl-ID');
    },
  },
  {
    codes: ['PFLICHTFELD', 'ID_DOPPELT', 'JAHR_NICHT_VOR_BERICHTSJAHR', 'KENNZAHL_ENTFALLEN'],
    beschreibung: 'tblZeitreihe: Kennzahl-ID und Jahr vorhanden, zusammen eindeutig; Jahr vor dem Berichtsjahr; entfallene Kennzahl als Warnung',
    pruefe: (k) => {
      const { plan, b } = k;
      const zeilen = plan.zeitreihe ?? [];
      const kennzahlIds = new Set(plan.kennzahlen.map((kz) => kz.id));
      const jahr = plan.einstellungen.berichtsjahr;
      const erste = new Map<string, RowRef>();
      for (const z of zeilen) {
        pflicht(k, 'zeitreihe', z.ref, SPALTEN.zeitreihe.kennzahlId, z.kennzahlId === '', 'Die Kennzahl-ID fehlt. Bitte die ID der Kennzahl eintragen, zu der diese Werte gehören.');
        pflicht(k, 'zeitreihe', z.ref, SPALTEN.zeitreihe.jahr, z.jahr === null, 'Das Jahr fehlt. Bitte das Jahr eintragen, zu dem diese Werte gehören (z. B. 2025).');
        if (z.jahr !== null && z.jahr >= jahr) {
          b.add(
            'Fehler',
            'JAHR_NICHT_VOR_BERICHTSJAHR',
            stelle(plan, 'zeitreihe', z.ref, SPALTEN.zeitreihe.jahr),
            `Das Jahr ${z.jahr} liegt nicht vor dem Berichtsjahr ${jahr}. Die Zeitreihe enthält nur frühere Jahre; die Werte des Berichtsjahres gehören in die Tabelle ${zitat(TABLES.kennzahlen.name)}.`,
          );
        }
        if (z.kennzahlId !== '' && !kennzahlIds.has(z.kennzahlId)) {
          b.add(
            'Warnung',
            'KENNZAHL_ENTFALLEN',
            stelle(plan, 'zeitreihe', z.ref, SPALTEN.zeitreihe.kennzahlId),
            `Die Kennzahl ${zitat(z.kennzahlId)} gibt es nicht mehr in Tabelle ${zitat(TABLES.kennzahlen.name)}. Die Werte früherer Jahre bleiben erhalten, erscheinen aber in keinem Bericht. Falls die Kennzahl umbenannt wurde, bitte hier die neue ID eintragen.`,
          );
        }
        if (z.kennzahlId === '' || z.jahr === null) continue;
        const schluessel = `${z.kennzahlId}\u0000${z.jahr}`;
        const frueher = erste.get(schluessel);
        if (!frueher) {
          erste.set(schluessel, z.ref);
          continue;
        }
        b.add(
          'Fehler',
          'ID_DOPPELT',
          stelle(plan, 'zeitreihe', z.ref, SPALTEN.zeitreihe.jahr),
          `Für die Kennzahl ${zitat(z.kennzahlId)} und das Jahr ${z.jahr} gibt es schon eine Zeile (${adresse(plan, 'zeitreihe', frueher, SPALTEN.zeitreihe.jahr)}). Je Kennzahl und Jahr ist nur eine Zeile erlaubt: bitte eine der beiden löschen.`,
        );
      }
    },
  },
];

/** Runs every rule on `plan`, adding to `b`. */
export function validiereIn(plan: Plan, b: Befunde, ungueltig: ReadonlySet<string> = new Set()): void {
  const k: PruefKontext = { plan, b, ungueltig };
  for (const r of REGELN) r.pruefe(k);
}

/** Validates a Plan on its own (e.g. one built by the task pane or a merge); sorted findings. */
export function validiere(plan: Plan): Finding[] {
  const b = new Befunde();
  validiereIn(plan, b);
  return b.sortiert();
}
