/**
 * State and actions of the task pane in one hook, so every view sees the
 * same results (switching tabs keeps the last check) and every failure ends
 * in one visible German error instead of the console. Busy state, errors,
 * focus and announcements come from useAsyncAktion; the views register the
 * elements named in ZIELE as focus targets (`ref={aktionen.ziel(ZIELE.kpi)}`).
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { anzahl, prozentImAufgabenbereich as prozent } from '../domain/format';
import { FEHLER_ZIEL, useAsyncAktion } from './komponenten/useAsyncAktion';
import type {
  ArbeitsmappeGateway,
  ArbeitsmappenStatus,
  BenutzerFehler,
  BerichtErgebnis,
  BerichtFormat,
  EinrichtenErgebnis,
  KpiErgebnis,
  PruefErgebnis,
} from './gateway';

export type Aktion = 'status' | 'einrichten' | 'pruefen' | 'kpi' | 'bericht-docx' | 'bericht-html' | 'navigation';

export interface ArbeitsmappeZustand {
  readonly status: ArbeitsmappenStatus | null;
  readonly laeuft: Aktion | null;
  readonly fehler: { readonly aktion: Aktion; readonly fehler: BenutzerFehler } | null;
  readonly einrichten: EinrichtenErgebnis | null;
  readonly pruefung: PruefErgebnis | null;
  readonly kpi: KpiErgebnis | null;
  /** the last report built (or refused because of Fehler) */
  readonly bericht: (BerichtErgebnis & { readonly format: BerichtFormat }) | null;
  readonly fortschritt: { readonly schritt: string; readonly anteil: number } | null;
}

export interface ArbeitsmappeAktionen {
  ladeStatus(): Promise<void>;
  einrichten(): Promise<void>;
  pruefen(): Promise<void>;
  kpiAktualisieren(): Promise<void>;
  /** build the report from the workbook's current data and offer it as a download */
  berichtErstellen(format: BerichtFormat): Promise<void>;
  /** offer the last report again (a browser may have blocked the first download) */
  berichtHerunterladen(): void;
  waehleZelle(blatt: string, zelle: string): Promise<void>;
  /** the focus returns to what started the failed action, else to the target `ersatz` */
  fehlerSchliessen(ersatz?: string): void;
  /** callback ref of a focus target (see ZIELE) */
  ziel(name: string): (el: HTMLElement | null) => void;
  /** the focus goes to that target as soon as it is rendered */
  fokussiere(name: string): void;
  /** a polite announcement for screen readers */
  ansagen(text: string): void;
}

/** Focus targets of the results; the views put them on the element that shows the result. */
export const ZIELE = {
  einrichten: 'einrichten',
  pruefung: 'pruefung',
  kpi: 'kpi',
  bericht: 'bericht',
  fehler: FEHLER_ZIEL,
} as const;

const AKTION_TITEL: Readonly<Record<Aktion, string>> = {
  status: 'Das Lesen der Arbeitsmappe',
  einrichten: 'Das Einrichten',
  pruefen: 'Das Prüfen',
  kpi: 'Das Aktualisieren der KPIs',
  'bericht-docx': 'Das Erstellen des Word-Dokuments',
  'bericht-html': 'Das Erstellen der Webseite',
  navigation: 'Das Springen zur Zelle',
};

const berichtAktion = (format: BerichtFormat): Aktion => (format === 'docx' ? 'bericht-docx' : 'bericht-html');

/** Whether an action blocks the buttons: jumping to a cell does not. */
export function istBeschaeftigt(zustand: Pick<ArbeitsmappeZustand, 'laeuft'>): boolean {
  return zustand.laeuft !== null && zustand.laeuft !== 'navigation';
}

type Ergebnisse = Omit<ArbeitsmappeZustand, 'laeuft' | 'fehler'>;

const LEER: Ergebnisse = {
  status: null,
  einrichten: null,
  pruefung: null,
  kpi: null,
  bericht: null,
  fortschritt: null,
};

export function useArbeitsmappe(gateway: ArbeitsmappeGateway): [ArbeitsmappeZustand, ArbeitsmappeAktionen] {
  const [ergebnisse, setErgebnisse] = useState<Ergebnisse>(LEER);
  const aktion = useAsyncAktion<Aktion>(AKTION_TITEL);
  const { ausfuehren, fehlerZeigen, ansagen } = aktion;
  // the download callback reads the latest report without being recreated on every state change
  const ergebnisseRef = useRef(ergebnisse);
  ergebnisseRef.current = ergebnisse;

  const ladeStatus = useCallback(async () => {
    await ausfuehren('status', () => gateway.status(), { dann: (status) => setErgebnisse((z) => ({ ...z, status })) });
  }, [ausfuehren, gateway]);

  const einrichten = useCallback(async () => {
    await ausfuehren('einrichten', async () => ({ ergebnis: await gateway.einrichten(), status: await gateway.status() }), {
      dann: (r) => setErgebnisse((z) => ({ ...z, einrichten: r.ergebnis, status: r.status })),
      fokus: ZIELE.einrichten,
    });
  }, [ausfuehren, gateway]);

  const pruefen = useCallback(async () => {
    await ausfuehren('pruefen', () => gateway.pruefen(), {
      dann: (pruefung) => setErgebnisse((z) => ({ ...z, pruefung })),
      fokus: ZIELE.pruefung,
      ansage: (p) => `Prüfung abgeschlossen: ${zaehlung(p.findings)}.`,
    });
  }, [ausfuehren, gateway]);

  const kpiAktualisieren = useCallback(async () => {
    setErgebnisse((z) => ({ ...z, fortschritt: null }));
    const r = await ausfuehren(
      'kpi',
      async () => {
        const kpi = await gateway.kpiAktualisieren((schritt, anteil) =>
          setErgebnisse((z) => ({ ...z, fortschritt: { schritt, anteil } })),
        );
        return { kpi, status: await gateway.status() };
      },
      {
        dann: ({ kpi, status }) =>
          setErgebnisse((z) => ({
            ...z,
            kpi,
            status,
            // A refresh validates too: its findings are the current check result.
            pruefung: { findings: kpi.findings, geprueftAm: kpi.berechnetAm },
            fortschritt: null,
          })),
        fokus: ZIELE.kpi,
        // the refusal is a MessageBar, which announces itself
        ansage: ({ kpi }) =>
          kpi.kpi ? `KPIs aktualisiert: Zielerreichung gesamt ${prozent(kpi.kpi.gesamt.zielerreichung)}.` : null,
      },
    );
    if (!r.ok) setErgebnisse((z) => ({ ...z, fortschritt: null }));
  }, [ausfuehren, gateway]);

  const berichtErstellen = useCallback(
    async (format: BerichtFormat) => {
      const r = await ausfuehren(berichtAktion(format), () => gateway.berichtErstellen(format), {
        // building validates too: its findings are the current check result
        dann: (b) =>
          setErgebnisse((z) => ({
            ...z,
            bericht: { ...b, format },
            pruefung: { findings: b.findings, geprueftAm: b.erstelltAm },
          })),
        fokus: ZIELE.bericht,
      });
      const d = r.ok ? r.wert.datei : null;
      try {
        if (d) gateway.herunterladen(d.name, d.inhalt, d.mime);
      } catch (e) {
        // the report is built: it stays on offer („Erneut herunterladen“) next to the error
        fehlerZeigen(berichtAktion(format), e);
      }
    },
    [ausfuehren, fehlerZeigen, gateway],
  );

  const berichtHerunterladen = useCallback(() => {
    const d = ergebnisseRef.current.bericht?.datei;
    if (!d) return;
    try {
      gateway.herunterladen(d.name, d.inhalt, d.mime);
    } catch (e) {
      fehlerZeigen(berichtAktion(d.format), e);
    }
  }, [fehlerZeigen, gateway]);

  const waehleZelle = useCallback(
    async (blatt: string, zelle: string) => {
      // Navigation does not block other actions and keeps the results (and the focus) where they are.
      try {
        await gateway.waehleZelle(blatt, zelle);
        ansagen(`Zelle ${blatt}!${zelle} in Excel ausgewählt.`);
      } catch (e) {
        fehlerZeigen('navigation', e);
      }
    },
    [ansagen, fehlerZeigen, gateway],
  );

  const { fehlerSchliessen, ziel, fokussiere, laeuft, fehler } = aktion;
  const zustand = useMemo<ArbeitsmappeZustand>(
    () => ({ ...ergebnisse, laeuft, fehler: fehler ? { aktion: fehler.art, fehler: fehler.fehler } : null }),
    [ergebnisse, laeuft, fehler],
  );
  const aktionen = useMemo<ArbeitsmappeAktionen>(
    () => ({
      ladeStatus,
      einrichten,
      pruefen,
      kpiAktualisieren,
      berichtErstellen,
      berichtHerunterladen,
      waehleZelle,
      fehlerSchliessen,
      ziel,
      fokussiere,
      ansagen,
    }),
    [
      ladeStatus,
      einrichten,
      pruefen,
      kpiAktualisieren,
      berichtErstellen,
      berichtHerunterladen,
      waehleZelle,
      fehlerSchliessen,
      ziel,
      fokussiere,
      ansagen,
    ],
  );
  return [zustand, aktionen];
}

/** "3 Fehler, 1 Warnung" */
export function zaehlung(findings: readonly { readonly schwere: string }[]): string {
  const fehler = findings.filter((f) => f.schwere === 'Fehler').length;
  const warnungen = findings.length - fehler;
  return `${anzahl(fehler, 'Fehler', 'Fehler')}, ${anzahl(warnungen, 'Warnung', 'Warnungen')}`;
}
