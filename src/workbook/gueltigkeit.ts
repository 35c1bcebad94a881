/**
 * Data validation of the input columns: the rule (dropdown list, reference
 * list or value type), the error alert and the input message that Excel
 * shows when a cell is selected. Both adapters apply exactly this, so a
 * workbook set up by the add-in and one written by the CLI behave alike.
 */
import { TABLES, type ColumnSpec } from '../domain/schema';
import { zitat } from '../domain/format';

/** Excel's limits for the texts of a validation: Office.js refuses longer ones and Excel repairs a file that has them. */
export const TITEL_HOECHSTENS = 32;
export const MELDUNG_HOECHSTENS = 255;

/** A rule on the value type, for columns typed in without a dropdown; bounds are inclusive. */
export type TypPruefung =
  | { readonly art: 'ganzzahl'; readonly von: number; readonly bis: number; readonly meldung: string }
  | { readonly art: 'zahl'; readonly von: number; readonly bis: number; readonly meldung: string }
  | { readonly art: 'datum'; readonly von: string; readonly bis: string; readonly meldung: string };

export type Pruefregel =
  | { readonly art: 'liste'; readonly werte: readonly string[] }
  /** a dropdown fed from another table's column, following that table as it grows */
  | { readonly art: 'verweis'; readonly tabelle: string; readonly spalte: string }
  | TypPruefung;

export interface Gueltigkeit {
  readonly regel: Pruefregel;
  /**
   * `stopp` refuses the entry; `warnung` asks and lets it through: a reference
   * list is evaluated differently by other apps, and a new ID may be typed
   * here before it is added to its table.
   */
  readonly fehler: { readonly stil: 'stopp' | 'warnung'; readonly titel: string; readonly meldung: string };
  /** shown when a cell of the column is selected, so the rule is known before typing */
  readonly eingabe: { readonly titel: string; readonly meldung: string };
}

/** Type validation by column type (for tables filled in by hand from old reports). */
export function typPruefungFuer(spec: ColumnSpec): TypPruefung | undefined {
  switch (spec.type) {
    case 'integer':
      return { art: 'ganzzahl', von: 2000, bis: 2100, meldung: 'Bitte eine Jahreszahl wie 2025 eintragen.' };
    case 'number':
      return { art: 'zahl', von: -1e12, bis: 1e12, meldung: 'Bitte eine Zahl eintragen (z. B. 12 oder 12,5), keinen Text.' };
    case 'date':
      return { art: 'datum', von: '2000-01-01', bis: '2100-12-31', meldung: 'Bitte ein Datum wie 31.12.2025 eintragen.' };
    default:
      return undefined;
  }
}

function blattDerTabelle(tabelle: string): string | undefined {
  return Object.values(TABLES).find((t) => t.name === tabelle)?.sheet;
}

/**
 * The validation of a column: its dropdown if it has one, else the type rule
 * if the table asks for one (a cell holds one validation only).
 */
export function gueltigkeitFuer(spec: ColumnSpec, mitTypPruefung: boolean): Gueltigkeit | undefined {
  const spalte = zitat(spec.header);
  if (spec.list) {
    const liste = spec.list.join(', ');
    return {
      regel: { art: 'liste', werte: spec.list },
      fehler: { stil: 'stopp', titel: 'Ungültiger Wert', meldung: `${spalte}: Bitte einen Wert aus der Liste wählen: ${liste}.` },
      eingabe: { titel: spec.header, meldung: `Bitte aus der Liste wählen: ${liste}.` },
    };
  }
  if (spec.ref) {
    const { table: tabelle, column } = spec.ref;
    const blatt = blattDerTabelle(tabelle);
    const wo = blatt ? ` auf dem Blatt ${zitat(blatt)}` : '';
    return {
      regel: { art: 'verweis', tabelle, spalte: column },
      fehler: {
        stil: 'warnung',
        titel: 'Unbekannter Wert',
        meldung: `${spalte}: Der Wert kommt in ${tabelle}[${column}] nicht vor. Bitte einen Wert aus der Liste wählen oder ihn zuerst in der Tabelle${wo} eintragen.`,
      },
      eingabe: { titel: spec.header, meldung: `Bitte einen Wert aus ${tabelle}[${column}]${wo} wählen.` },
    };
  }
  const typ = mitTypPruefung ? typPruefungFuer(spec) : undefined;
  if (!typ) return undefined;
  return {
    regel: typ,
    fehler: { stil: 'stopp', titel: 'Ungültiger Wert', meldung: `${spalte}: ${typ.meldung}` },
    eingabe: { titel: spec.header, meldung: typ.meldung },
  };
}

/**
 * The OOXML formula of a list rule: an inline list in quotes, or an INDIRECT
 * structured reference (a direct table reference is not allowed in a
 * validation formula).
 */
export function listenFormel(regel: Extract<Pruefregel, { art: 'liste' | 'verweis' }>): string {
  return regel.art === 'liste' ? `"${regel.werte.join(',')}"` : `INDIRECT("${regel.tabelle}[${regel.spalte}]")`;
}
