/**
 * A file that cannot be read or written. Carries a complete German message
 * for the user; the CLI prints it as one line and exits with code 2.
 */
export type DateiFehlerArt =
  | 'fehlt'
  | 'ordner'
  | 'leer'
  | 'gesperrt'
  | 'verschluesselt'
  | 'keinXlsx'
  | 'beschaedigt'
  | 'zuGross'
  | 'schreiben';

export class DateiFehler extends Error {
  readonly art: DateiFehlerArt;
  readonly pfad: string;
  /** the underlying library or system error, for `--debug` and the task pane's technical hint only */
  readonly technisch?: string;

  constructor(art: DateiFehlerArt, pfad: string, message: string, technisch?: string) {
    super(message);
    this.name = 'DateiFehler';
    this.art = art;
    this.pfad = pfad;
    this.technisch = technisch;
  }
}

export function istDateiFehler(e: unknown): e is DateiFehler {
  return e instanceof DateiFehler;
}
