/**
 * Merging network workbooks back into the steering workbook (SPEC §5).
 * A three-way merge per row: each side is compared with the values stored in
 * the origin marker at export time. Changed only in the network file → taken
 * over cell by cell; changed on both sides → conflict, the steering value
 * stays; rows of another HF → rejected. Nothing is ever deleted.
 */
import type { RawTable, RawValue, RawWorkbook } from '../model';
import { SPALTEN, TABLES, TABLE_ORDER, type TableKey } from '../schema';
import { hfHinweise, zielHfKarte } from './aufteilen';
import { fingerabdruck, leseHerkunft, zeileNachKopf, type Herkunft, type HerkunftZeile } from './herkunft';
import { istLeereZeile, leseTabellen, NetzwerkFehler, spalte, spaltenTyp, type Tabelle, type Tabellen } from './tabellen';
import { anzeigeWert, kanonisch, schluesselText, type AnzeigeWert } from './werte';
import { a1, blattAdresse } from '../adresse';

/** One entry of the change report; SPEC §5 "C". */
export interface Aenderung {
  readonly datei: string;
  readonly tabelle: string | null;
  readonly schluessel: string | null;
  readonly spalte: string | null;
  readonly gesamt: AnzeigeWert;
  readonly netzwerk: AnzeigeWert;
  readonly meldung: string;
}

export interface Aenderungen {
  readonly neu: Aenderung[];
  readonly geaendert: Aenderung[];
  readonly konflikte: Aenderung[];
  readonly abgelehnt: Aenderung[];
}

export interface NetzwerkDatei {
  /** file name for messages (no path) */
  readonly datei: string;
  readonly raw: RawWorkbook;
}

/** A cell of an existing row of the steering workbook that gets a new value. */
export interface ZellAenderung {
  readonly tabelle: TableKey;
  /** 0-based data row index in the steering workbook's table */
  readonly zeile: number;
  /** 0-based column index in the steering workbook's table */
  readonly spalte: number;
  readonly wert: RawValue;
}

/** A row appended to a table of the steering workbook, aligned with its headers. */
export interface NeueZeile {
  readonly tabelle: TableKey;
  readonly werte: readonly RawValue[];
}

export interface ZusammenfuehrenErgebnis {
  /** the merged tables (steering headers, new rows appended at the end) */
  readonly tabellen: Tabellen;
  readonly aenderungen: Aenderungen;
  /** notes that are no change of data (extra columns ignored, same HF twice, …) */
  readonly hinweise: readonly string[];
  /** the same result as edits, for adapters that write only what changed */
  readonly zellen: readonly ZellAenderung[];
  readonly neueZeilen: readonly NeueZeile[];
  /** tables with at least one edit, in table order */
  readonly betroffen: readonly TableKey[];
}

interface Arbeitstabelle {
  readonly key: TableKey;
  readonly headers: readonly string[];
  readonly rows: RawValue[][];
  readonly urspruenglich: number;
  readonly index: Map<string, number>;
  readonly geaendert: Map<number, Set<number>>;
}

function text(v: AnzeigeWert): string {
  return v === null ? '(leer)' : `„${String(v)}“`;
}

function arbeitskopie(key: TableKey, t: Tabelle): Arbeitstabelle {
  const keyCol = spalte(t, TABLES[key].keyColumn ?? '');
  const rows = t.rows.map((r) => t.headers.map((_, i) => r[i] ?? null));
  const index = new Map<string, number>();
  rows.forEach((r, i) => {
    const k = schluesselText(r[keyCol]);
    if (k !== '' && !index.has(k)) index.set(k, i);
  });
  return { key, headers: t.headers, rows, urspruenglich: rows.length, index, geaendert: new Map() };
}

/** Merge one network file into the working tables. */
class Zusammenfuehrung {
  readonly aenderungen: Aenderungen = { neu: [], geaendert: [], konflikte: [], abgelehnt: [] };
  readonly hinweise: string[] = [];
  private readonly hfGesehen = new Map<number, string>();

  constructor(readonly arbeit: Record<TableKey, Arbeitstabelle>) {}

  datei(d: NetzwerkDatei): void {
    const ablehnen = (meldung: string): void => {
      this.aenderungen.abgelehnt.push({ datei: d.datei, tabelle: null, schluessel: null, spalte: null, gesamt: null, netzwerk: null, meldung });
    };
    let herkunft: Herkunft | null;
    try {
      herkunft = leseHerkunft(d.raw, d.datei);
    } catch (e) {
      ablehnen(`${(e as Error).message} Die Datei wurde nicht übernommen.`);
      return;
    }
    if (!herkunft) {
      ablehnen(
        `${d.datei} ist keine Netzwerkdatei: das ausgeblendete Herkunftsblatt fehlt (sie wurde nicht mit „aufteilen“ erstellt). Ohne Herkunftsangaben lässt sich nicht erkennen, was sich seit dem Export geändert hat; die Datei wurde nicht übernommen.`,
      );
      return;
    }
    try {
      leseTabellen(d.raw, d.datei);
    } catch (e) {
      if (!(e instanceof NetzwerkFehler)) throw e;
      ablehnen(`${e.message} Die Datei wurde nicht übernommen.`);
      return;
    }
    const frueher = this.hfGesehen.get(herkunft.hf);
    if (frueher) {
      this.hinweise.push(
        `${d.datei} und ${frueher} gehören beide zu Handlungsfeld ${herkunft.hf}. Sie wurden nacheinander übernommen; was beide geändert haben, steht als Konflikt im Protokoll.`,
      );
    }
    this.hfGesehen.set(herkunft.hf, d.datei);
    const snapshot = new Map<TableKey, Map<string, HerkunftZeile>>(TABLE_ORDER.map((k) => [k, new Map()]));
    for (const z of herkunft.zeilen) snapshot.get(z.tabelle)?.set(z.schluessel, z);
    for (const key of TABLE_ORDER) {
      const net = d.raw.tables.find((t) => t.name === TABLES[key].name);
      if (net) this.tabelle(d.datei, herkunft.hf, key, net, snapshot.get(key) ?? new Map());
    }
  }

  private tabelle(datei: string, hf: number, key: TableKey, netRaw: RawTable, snapshot: Map<string, HerkunftZeile>): void {
    const ziel = this.arbeit[key];
    const spec = TABLES[key];
    const net: Tabelle = { headers: netRaw.headers.map((h) => String(h ?? '').trim()), rows: netRaw.rows };
    const keyCol = spec.keyColumn ?? '';
    const netKey = spalte(net, keyCol);
    const zielSpalte = new Map<string, number>(ziel.headers.map((h, i) => [h, i]));
    const typ = (h: string) => spaltenTyp(key, h);
    const fremd = net.headers.filter((h, i) => h !== '' && !zielSpalte.has(h) && net.rows.some((r) => kanonisch(r[i]) !== ''));
    if (fremd.length) {
      this.hinweise.push(
        `${datei}, Blatt „${spec.sheet}“: Die Spalte(n) ${fremd.map((h) => `„${h}“`).join(', ')} gibt es in der Gesamtdatei nicht; ihr Inhalt wurde nicht übernommen.`,
      );
    }
    const adresse = (rowIdx: number, header?: string): string => {
      const c = header ? Math.max(0, spalte(net, header)) : Math.max(0, netKey);
      return `Netzwerkdatei ${blattAdresse(netRaw.sheet, a1(netRaw.headerRow + 1 + rowIdx, netRaw.firstColumn + c))}`;
    };
    const zielHf = key === 'ziele' || key === 'handlungsfelder' || key === 'einstellungen' ? new Map<string, number>() : zielHfKarte(this.tabelleAlsTabelle('ziele'));
    const eintrag = (schluessel: string | null, sp: string | null, g: RawValue | undefined, n: RawValue | undefined, meldung: string): Aenderung => ({
      datei,
      tabelle: spec.name,
      schluessel,
      spalte: sp,
      gesamt: sp === null ? null : anzeigeWert(g ?? null, typ(sp)),
      netzwerk: sp === null ? null : anzeigeWert(n ?? null, typ(sp)),
      meldung,
    });

    /** why a row of the network file may not enter the steering workbook, or null */
    const ablehnungsgrund = (row: readonly RawValue[], i: number, k: string, neu: boolean): Aenderung | null => {
      if (key === 'einstellungen') {
        return eintrag(k, null, null, null, `${adresse(i)}: Die Einstellungen (${spec.name}) ändert nur die Steuerungsgruppe in der Gesamtdatei; die Änderung an „${k}“ wurde nicht übernommen.`);
      }
      if (key === 'handlungsfelder') {
        if (neu || k !== String(hf)) {
          return eintrag(k, SPALTEN.handlungsfelder.hfNr, null, row[netKey], `${adresse(i)}: Die Zeile für Handlungsfeld ${k} darf nur die Steuerungsgruppe ändern oder anlegen; diese Netzwerkdatei gehört zu Handlungsfeld ${hf}. Nicht übernommen.`);
        }
        return null;
      }
      const hinweise = hfHinweise(key, net, row, zielHf);
      const falsch = hinweise.find((h) => h.hf !== null && h.hf !== hf);
      if (falsch) {
        return eintrag(
          k,
          falsch.spalte,
          this.wertInGesamt(key, k, falsch.spalte),
          falsch.wert,
          `${adresse(i, falsch.spalte)}: Die Zeile „${k}“ gehört laut „${falsch.spalte}“ ${text(anzeigeWert(falsch.wert))} zu Handlungsfeld ${falsch.hf}, die Datei aber zu Handlungsfeld ${hf}. Sie wurde nicht übernommen; Einträge für ein anderes Handlungsfeld gehören in dessen Netzwerkdatei.`,
        );
      }
      if (!hinweise.some((h) => h.hf === hf)) {
        const id = hinweise.find((h) => h.spalte === SPALTEN.ziele.handlungszielId);
        const wo = adresse(i, id ? SPALTEN.ziele.handlungszielId : key === 'ziele' ? SPALTEN.handlungsfelder.hfNr : keyCol);
        return eintrag(
          k,
          id ? SPALTEN.ziele.handlungszielId : key === 'ziele' || key === 'arbeitsplanung' ? SPALTEN.handlungsfelder.hfNr : SPALTEN.ziele.handlungszielId,
          null,
          id ? id.wert : null,
          id
            ? `${wo}: Die Handlungsziel-ID ${text(anzeigeWert(id.wert))} der Zeile „${k}“ gibt es weder in der Gesamtdatei noch als Handlungsziel dieser Netzwerkdatei. Nicht übernommen; bitte eine Handlungsziel-ID von Handlungsfeld ${hf} eintragen.`
            : `${wo}: Die Zeile „${k}“ lässt sich keinem Handlungsfeld zuordnen (${key === 'ziele' ? SPALTEN.handlungsfelder.hfNr : SPALTEN.ziele.handlungszielId} fehlt). Nicht übernommen.`,
        );
      }
      return null;
    };

    const gesehen = new Set<string>();
    net.rows.forEach((row, i) => {
      if (istLeereZeile(row)) return;
      const k = schluesselText(row[netKey]);
      if (k === '') {
        this.aenderungen.abgelehnt.push(
          eintrag(null, keyCol, null, null, `${adresse(i)}: Die Zeile hat keine „${keyCol}“ und kann keiner Zeile der Gesamtdatei zugeordnet werden. Nicht übernommen; bitte eine eindeutige „${keyCol}“ eintragen.`),
        );
        return;
      }
      if (gesehen.has(k)) {
        this.aenderungen.abgelehnt.push(
          eintrag(k, keyCol, null, row[netKey], `${adresse(i)}: „${keyCol}“ „${k}“ steht mehrfach in ${spec.name}; nur die erste Zeile wurde berücksichtigt. Bitte eine eindeutige „${keyCol}“ vergeben.`),
        );
        return;
      }
      gesehen.add(k);
      const werte = zeileNachKopf(net, row);
      const snap = snapshot.get(k);
      const zielIdx = ziel.index.get(k);

      if (snap) {
        // fingerprint first: unchanged rows (the vast majority) cost one hash
        if (fingerabdruck(key, werte) === snap.fingerabdruck) return;
        const nGeaendert = net.headers.filter((h) => h !== '' && zielSpalte.has(h) && kanonisch(werte[h], typ(h)) !== kanonisch(snap.werte[h] ?? null, typ(h)));
        if (nGeaendert.length === 0) return;
        const grund = ablehnungsgrund(row, i, k, false);
        if (grund) {
          this.aenderungen.abgelehnt.push(grund);
          return;
        }
        if (zielIdx === undefined) {
          for (const h of nGeaendert) {
            this.aenderungen.konflikte.push(
              eintrag(k, h, null, werte[h], `${adresse(i, h)}: „${h}“ wurde im Netzwerk geändert, die Zeile „${k}“ ist in der Gesamtdatei aber nicht mehr vorhanden (seit dem Export gelöscht). Nicht übernommen; bitte klären, ob die Zeile wieder angelegt werden soll.`),
            );
          }
          return;
        }
        const zRow = ziel.rows[zielIdx];
        const offen = nGeaendert.filter((h) => kanonisch(werte[h], typ(h)) !== kanonisch(zRow[zielSpalte.get(h) ?? -1], typ(h)));
        if (offen.length === 0) return;
        // steering-side changes since the export; a cell that already holds the
        // network's value (merged earlier, or the same edit on both sides) is none
        const netzHat = new Set(net.headers);
        const gGeaendert = ziel.headers.filter((h) => {
          if (h === '' || !(h in snap.werte)) return false;
          const g = kanonisch(zRow[zielSpalte.get(h) ?? -1], typ(h));
          return g !== kanonisch(snap.werte[h] ?? null, typ(h)) && (!netzHat.has(h) || g !== kanonisch(werte[h], typ(h)));
        });
        if (gGeaendert.length > 0) {
          for (const h of offen) {
            const gw = zRow[zielSpalte.get(h) ?? -1];
            this.aenderungen.konflikte.push(
              eintrag(
                k,
                h,
                gw,
                werte[h],
                `${adresse(i, h)}: Konflikt bei „${k}“, Spalte „${h}“: im Netzwerk ${text(anzeigeWert(werte[h], typ(h)))}, in der Gesamtdatei ${text(anzeigeWert(gw, typ(h)))}. Die Zeile wurde seit dem Export auf beiden Seiten geändert (Gesamtdatei: ${gGeaendert.map((g) => `„${g}“`).join(', ')}). Der Wert der Gesamtdatei bleibt; bitte mit dem Netzwerk abstimmen und den richtigen Wert von Hand eintragen.`,
              ),
            );
          }
          return;
        }
        for (const h of offen) {
          const c = zielSpalte.get(h) ?? -1;
          const alt = zRow[c];
          this.setze(ziel, zielIdx, c, werte[h]);
          this.aenderungen.geaendert.push(
            eintrag(k, h, alt, werte[h], `${spec.sheet}, „${k}“: „${h}“ von ${text(anzeigeWert(alt, typ(h)))} auf ${text(anzeigeWert(werte[h], typ(h)))} geändert (aus ${adresse(i, h)}).`),
          );
        }
        return;
      }

      // a row the export did not contain: new in the network file
      const grund = ablehnungsgrund(row, i, k, true);
      if (zielIdx !== undefined) {
        const zRow = ziel.rows[zielIdx];
        const abweichend = net.headers.filter((h) => h !== '' && zielSpalte.has(h) && kanonisch(werte[h], typ(h)) !== kanonisch(zRow[zielSpalte.get(h) ?? -1], typ(h)));
        if (abweichend.length === 0) return; // already merged earlier: nothing to do
        if (grund) {
          this.aenderungen.abgelehnt.push(grund);
          return;
        }
        for (const h of abweichend) {
          const gw = zRow[zielSpalte.get(h) ?? -1];
          this.aenderungen.konflikte.push(
            eintrag(k, h, gw, werte[h], `${adresse(i, h)}: „${keyCol}“ „${k}“ wurde im Netzwerk neu angelegt, steht aber mit anderem Inhalt schon in der Gesamtdatei (Spalte „${h}“: Gesamtdatei ${text(anzeigeWert(gw, typ(h)))}, Netzwerk ${text(anzeigeWert(werte[h], typ(h)))}). Der Wert der Gesamtdatei bleibt; bitte eine andere „${keyCol}“ vergeben oder abstimmen.`),
          );
        }
        return;
      }
      if (grund) {
        this.aenderungen.abgelehnt.push(grund);
        return;
      }
      const neueZeile = ziel.headers.map((h) => (h !== '' && h in werte ? werte[h] : null));
      ziel.rows.push(neueZeile);
      ziel.index.set(k, ziel.rows.length - 1);
      this.aenderungen.neu.push(eintrag(k, null, null, null, `Neue Zeile „${k}“ in „${spec.sheet}“ übernommen (aus ${adresse(i)}).`));
    });

    // rows exported to the network but no longer in its file: never deleted silently
    for (const k of snapshot.keys()) {
      if (gesehen.has(k) || !ziel.index.has(k)) continue;
      this.aenderungen.abgelehnt.push(
        eintrag(k, null, null, null, `Die Zeile „${k}“ (${spec.sheet}) fehlt in der Netzwerkdatei. Beim Zusammenführen wird nichts gelöscht; sie bleibt in der Gesamtdatei. Soll sie entfallen, bitte dort löschen oder (Arbeitsplanung) den Status „entfallen“ setzen.`),
      );
    }
  }

  private setze(t: Arbeitstabelle, zeile: number, sp: number, wert: RawValue): void {
    t.rows[zeile][sp] = wert;
    if (zeile < t.urspruenglich) {
      const s = t.geaendert.get(zeile) ?? new Set<number>();
      s.add(sp);
      t.geaendert.set(zeile, s);
    }
  }

  private wertInGesamt(key: TableKey, k: string, header: string): RawValue {
    const t = this.arbeit[key];
    const idx = t.index.get(k);
    const c = t.headers.indexOf(header);
    return idx === undefined || c < 0 ? null : t.rows[idx][c];
  }

  tabelleAlsTabelle(key: TableKey): Tabelle {
    return { headers: this.arbeit[key].headers, rows: this.arbeit[key].rows };
  }
}

/**
 * Merges network workbooks into the steering workbook `gesamt`, in the order
 * given. Throws a NetzwerkFehler only when `gesamt` itself lacks tables or key
 * columns; problems of a network file become "abgelehnt" entries.
 */
export function zusammenfuehren(gesamt: RawWorkbook, dateien: readonly NetzwerkDatei[]): ZusammenfuehrenErgebnis {
  const quelle = gesamt.source ?? 'Gesamtdatei';
  const tabellen = leseTabellen(gesamt, quelle);
  const arbeit = {} as Record<TableKey, Arbeitstabelle>;
  for (const key of TABLE_ORDER) arbeit[key] = arbeitskopie(key, tabellen[key]);
  const z = new Zusammenfuehrung(arbeit);
  for (const d of dateien) z.datei(d);

  const zellen: ZellAenderung[] = [];
  const neueZeilen: NeueZeile[] = [];
  const betroffen: TableKey[] = [];
  const out = {} as Record<TableKey, Tabelle>;
  for (const key of TABLE_ORDER) {
    const t = arbeit[key];
    out[key] = { headers: t.headers, rows: t.rows };
    for (const [zeile, spalten] of [...t.geaendert].sort((a, b) => a[0] - b[0])) {
      for (const sp of [...spalten].sort((a, b) => a - b)) zellen.push({ tabelle: key, zeile, spalte: sp, wert: t.rows[zeile][sp] });
    }
    for (const r of t.rows.slice(t.urspruenglich)) neueZeilen.push({ tabelle: key, werte: r });
    if (t.geaendert.size > 0 || t.rows.length > t.urspruenglich) betroffen.push(key);
  }
  return { tabellen: out, aenderungen: z.aenderungen, hinweise: z.hinweise, zellen, neueZeilen, betroffen };
}

/** Exit code of the CLI verb for a merge result: 0 clean, 1 conflicts or rejected rows. */
export function zusammenfuehrenExitCode(a: Aenderungen): 0 | 1 {
  return a.konflikte.length > 0 || a.abgelehnt.length > 0 ? 1 : 0;
}
