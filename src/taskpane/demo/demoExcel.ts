/**
 * The demo workbook for demo.html and the browser end-to-end run: the real
 * Office gateway and Office.js adapter (src/excel) running on the in-memory
 * fake of the Excel API (src/excel/testing/fakeExcel), seeded with the sample
 * plan minus one table and with four wrong cells typed in. Only Excel itself
 * is simulated; everything between the button and the cell is product code.
 */
import type { RawValue } from '../../domain/model';
import { TABLES, type Kopf, type TableKey } from '../../domain/schema';
import { createFakeExcel, FakeOfficeFehler, type FakeExcel, type FakeWert } from '../../excel/testing/fakeExcel';
import { saatAusTabellen } from '../../excel/testing/saat';
import { beispielTabellen } from '../../workbook/beispiel';
import { tableLayoutOf } from '../../workbook/layout';
import { a1 } from '../../domain/adresse';

/** A planted wrong value: where it is and what the correct value was. */
export interface Fehlerstelle {
  readonly tabelle: TableKey;
  /** 0-based data row */
  readonly zeile: number;
  readonly spalte: Kopf;
  readonly falsch: RawValue;
  readonly richtig: RawValue;
}

/** The planted errors of the demo and the e2e run: four Fehler a user would make. */
export function demoFehler(): Fehlerstelle[] {
  const b = beispielTabellen();
  const wert = (t: TableKey, zeile: number, spalte: Kopf) => b[t][zeile][spaltenIndex(t, spalte)];
  return [
    { tabelle: 'arbeitsplanung', zeile: 2, spalte: 'Art', falsch: 'Massnahme', richtig: wert('arbeitsplanung', 2, 'Art') },
    { tabelle: 'arbeitsplanung', zeile: 6, spalte: 'Status', falsch: 'erledigt', richtig: wert('arbeitsplanung', 6, 'Status') },
    { tabelle: 'kennzahlen', zeile: 1, spalte: 'Zielwert', falsch: 'viele', richtig: wert('kennzahlen', 1, 'Zielwert') },
    { tabelle: 'kennzahlen', zeile: 4, spalte: 'Istwert', falsch: { error: '#REF!' }, richtig: wert('kennzahlen', 4, 'Istwert') },
  ];
}

export function spaltenIndex(t: TableKey, spalte: Kopf): number {
  const i = TABLES[t].columns.findIndex((c) => c.header === spalte);
  if (i < 0) throw new Error(`Spalte ${spalte} fehlt in ${TABLES[t].name}`);
  return i;
}

export interface DemoExcel {
  readonly fake: FakeExcel;
  /** "Blatt!A1" of the planted wrong cells */
  readonly fehlerAdressen: readonly string[];
  /** every cell the pane selected, in order, as "Blatt!A1" */
  readonly auswahl: string[];
  /** number of Excel.run batches and context.sync() calls so far */
  zaehler(): { laeufe: number; syncs: number };
  /** the user corrects the planted cells in Excel */
  korrigiereFehler(): void;
  /** the next Excel.run fails with this Office.js error code */
  scheitereBeimNaechstenAufruf(code: string): void;
}

export interface DemoOptionen {
  /** start with every table present (default: tblEinstellungen missing, for Einrichten) */
  readonly vollstaendig?: boolean;
  /** simulated Excel latency per batch in ms */
  readonly latenzMs?: number;
}

/** Sheet and address of a cell of a table's data row, as in the demo workbook. */
export function stelle(f: Pick<Fehlerstelle, 'tabelle' | 'zeile' | 'spalte'>): { blatt: string; adresse: string } {
  const l = tableLayoutOf(f.tabelle);
  const spalte = TABLES[f.tabelle].columns.findIndex((c) => c.header === f.spalte);
  return { blatt: l.spec.sheet, adresse: a1(l.headerRow + 1 + f.zeile, l.firstColumn + spalte) };
}

function alsFakeWert(v: RawValue): FakeWert {
  if (v instanceof Date) return (Date.UTC(v.getFullYear(), v.getMonth(), v.getDate()) - Date.UTC(1899, 11, 30)) / 86400000;
  return v as FakeWert;
}

/** Builds the demo workbook and installs `Excel.run` on it (the page has no office.js). */
export function installiereDemoExcel(optionen: DemoOptionen = {}): DemoExcel {
  const saat = saatAusTabellen(beispielTabellen(), 'Demo-Arbeitsplanung-2026.xlsx');
  const fehlt: TableKey | null = optionen.vollstaendig ? null : 'einstellungen';
  const fake = createFakeExcel({
    ...saat,
    tabellen: (saat.tabellen ?? []).filter((t) => !fehlt || t.name !== TABLES[fehlt].name),
  });
  const fehler = demoFehler();
  for (const f of fehler) {
    const s = stelle(f);
    fake.tippen(s.blatt, s.adresse, alsFakeWert(f.falsch));
  }

  const auswahl: string[] = [];
  let laeufe = 0;
  let naechsterFehler: string | null = null;
  const latenz = optionen.latenzMs ?? 0;

  const run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    laeufe += 1;
    if (latenz > 0) await new Promise((r) => setTimeout(r, latenz));
    if (naechsterFehler) {
      const code = naechsterFehler;
      naechsterFehler = null;
      throw new FakeOfficeFehler(code, `Simulierter Office.js-Fehler ${code}`);
    }
    const vorher = fake.modell.auswahl;
    const ergebnis = await batch(fake.context);
    const nachher = fake.modell.auswahl;
    if (nachher && nachher !== vorher) auswahl.push(`${nachher.blatt}!${nachher.adresse}`);
    return ergebnis;
  };
  // The Office gateway calls the global Excel.run, exactly as inside Excel.
  (globalThis as unknown as { Excel: { run: typeof run } }).Excel = { run };

  return {
    fake,
    fehlerAdressen: fehler.map((f) => {
      const s = stelle(f);
      return `${s.blatt}!${s.adresse}`;
    }),
    auswahl,
    zaehler: () => ({ laeufe, syncs: fake.syncs() }),
    korrigiereFehler: () => {
      for (const f of fehler) {
        const s = stelle(f);
        fake.tippen(s.blatt, s.adresse, alsFakeWert(f.richtig));
      }
    },
    scheitereBeimNaechstenAufruf: (code) => {
      naechsterFehler = code;
    },
  };
}
