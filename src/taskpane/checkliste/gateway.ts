/**
 * What the Checkliste views need from the workbook: the validated plan and
 * saving one Handlungsziel's rows. The views depend only on this interface,
 * so tests and the demo pass a fake; inside Excel the Office.js code is
 * loaded on first use, keeping the pane's first bundle small.
 */
import type { Finding, Plan } from '../../domain/model';
import type { ZeilenWerte } from '../../domain/formular';
import type { ChecklisteSpeicherErgebnis } from '../../excel/checkliste';

export type { ChecklisteSpeicherErgebnis };

export interface ChecklisteDaten {
  /** null when a required table or header is missing */
  readonly plan: Plan | null;
  readonly findings: readonly Finding[];
}

export interface ChecklisteGateway {
  laden(): Promise<ChecklisteDaten>;
  speichern(zielId: string, checkliste: ZeilenWerte, kennzahlen: readonly ZeilenWerte[]): Promise<ChecklisteSpeicherErgebnis>;
  /** select blatt!zelle in the workbook */
  waehleZelle(blatt: string, zelle: string): Promise<void>;
}

export class OfficeChecklisteGateway implements ChecklisteGateway {
  async laden(): Promise<ChecklisteDaten> {
    const [{ leseArbeitsmappe }, { pruefen }] = await Promise.all([
      import(/* webpackChunkName: "excel-lesen" */ '../../excel/lesen'),
      import(/* webpackChunkName: "domain" */ '../../domain'),
    ]);
    const raw = await Excel.run((context) => leseArbeitsmappe(context));
    return pruefen(raw);
  }

  async speichern(
    zielId: string,
    checkliste: ZeilenWerte,
    kennzahlen: readonly ZeilenWerte[],
  ): Promise<ChecklisteSpeicherErgebnis> {
    const { speichereCheckliste } = await import(/* webpackChunkName: "excel-checkliste" */ '../../excel/checkliste');
    return Excel.run((context) => speichereCheckliste(context, zielId, checkliste, kennzahlen));
  }

  async waehleZelle(blatt: string, zelle: string): Promise<void> {
    const { waehleZelle } = await import(/* webpackChunkName: "excel-navigation" */ '../../excel/navigation');
    await Excel.run((context) => waehleZelle(context, blatt, zelle));
  }
}
