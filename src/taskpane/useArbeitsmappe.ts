/**
 * State and actions of the task pane in one hook, so every view sees the
 * same results (switching tabs keeps the last check) and every failure ends
 * in one visible German error instead of the console.
 */
import { useCallback, useRef, useState } from 'react';
import { alsBenutzerFehler } from './fehler';
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
  fehlerSchliessen(): void;
}

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

const LEER: ArbeitsmappeZustand = {
  status: null,
  laeuft: null,
  fehler: null,
  einrichten: null,
  pruefung: null,
  kpi: null,
  bericht: null,
  fortschritt: null,
};

export function useArbeitsmappe(gateway: ArbeitsmappeGateway): [ArbeitsmappeZustand, ArbeitsmappeAktionen] {
  const [zustand, setZustand] = useState<ArbeitsmappeZustand>(LEER);
  // the download callback reads the latest report without being recreated on every state change
  const zustandRef = useRef(zustand);
  zustandRef.current = zustand;
  // Excel runs one batch at a time per pane; a second click while busy is ignored, not queued.
  const beschaeftigt = useRef(false);

  const ausfuehren = useCallback(
    async <T>(aktion: Aktion, arbeit: () => Promise<T>, fertig: (z: ArbeitsmappeZustand, r: T) => ArbeitsmappeZustand) => {
      if (beschaeftigt.current) return;
      beschaeftigt.current = true;
      setZustand((z) => ({ ...z, laeuft: aktion, fehler: null, fortschritt: null }));
      try {
        const r = await arbeit();
        setZustand((z) => ({ ...fertig(z, r), laeuft: null, fortschritt: null }));
      } catch (e) {
        const fehler = alsBenutzerFehler(e, AKTION_TITEL[aktion]);
        setZustand((z) => ({ ...z, laeuft: null, fortschritt: null, fehler: { aktion, fehler } }));
      } finally {
        beschaeftigt.current = false;
      }
    },
    [],
  );

  const ladeStatus = useCallback(
    () => ausfuehren('status', () => gateway.status(), (z, status) => ({ ...z, status })),
    [ausfuehren, gateway],
  );

  const einrichten = useCallback(
    () =>
      ausfuehren(
        'einrichten',
        async () => {
          const ergebnis = await gateway.einrichten();
          const status = await gateway.status();
          return { ergebnis, status };
        },
        (z, r) => ({ ...z, einrichten: r.ergebnis, status: r.status }),
      ),
    [ausfuehren, gateway],
  );

  const pruefen = useCallback(
    () => ausfuehren('pruefen', () => gateway.pruefen(), (z, pruefung) => ({ ...z, pruefung })),
    [ausfuehren, gateway],
  );

  const kpiAktualisieren = useCallback(
    () =>
      ausfuehren(
        'kpi',
        async () => {
          const kpi = await gateway.kpiAktualisieren((schritt, anteil) =>
            setZustand((z) => ({ ...z, fortschritt: { schritt, anteil } })),
          );
          const status = await gateway.status();
          return { kpi, status };
        },
        // A refresh validates too: its findings are the current check result.
        (z, r) => ({
          ...z,
          kpi: r.kpi,
          status: r.status,
          pruefung: { findings: r.kpi.findings, geprueftAm: r.kpi.berechnetAm },
        }),
      ),
    [ausfuehren, gateway],
  );

  const berichtErstellen = useCallback(
    (format: BerichtFormat) =>
      ausfuehren(
        berichtAktion(format),
        async () => {
          const r = await gateway.berichtErstellen(format);
          let downloadFehler: BenutzerFehler | null = null;
          try {
            if (r.datei) gateway.herunterladen(r.datei.name, r.datei.inhalt, r.datei.mime);
          } catch (e) {
            // the report is built: it stays on offer („Erneut herunterladen“) next to the error
            downloadFehler = alsBenutzerFehler(e, AKTION_TITEL[berichtAktion(format)]);
          }
          return { r, downloadFehler };
        },
        // building validates too: its findings are the current check result
        (z, { r, downloadFehler }) => ({
          ...z,
          bericht: { ...r, format },
          pruefung: { findings: r.findings, geprueftAm: r.erstelltAm },
          fehler: downloadFehler ? { aktion: berichtAktion(format), fehler: downloadFehler } : null,
        }),
      ),
    [ausfuehren, gateway],
  );

  const berichtHerunterladen = useCallback(() => {
    const d = zustandRef.current.bericht?.datei;
    if (!d) return;
    try {
      gateway.herunterladen(d.name, d.inhalt, d.mime);
    } catch (e) {
      const aktion = berichtAktion(d.format);
      setZustand((z) => ({ ...z, fehler: { aktion, fehler: alsBenutzerFehler(e, AKTION_TITEL[aktion]) } }));
    }
  }, [gateway]);

  const waehleZelle = useCallback(
    async (blatt: string, zelle: string) => {
      // Navigation does not block other actions and keeps the results on screen.
      try {
        await gateway.waehleZelle(blatt, zelle);
      } catch (e) {
        const fehler = alsBenutzerFehler(e, AKTION_TITEL.navigation);
        setZustand((z) => ({ ...z, fehler: { aktion: 'navigation', fehler } }));
      }
    },
    [gateway],
  );

  const fehlerSchliessen = useCallback(() => setZustand((z) => ({ ...z, fehler: null })), []);

  return [
    zustand,
    { ladeStatus, einrichten, pruefen, kpiAktualisieren, berichtErstellen, berichtHerunterladen, waehleZelle, fehlerSchliessen },
  ];
}
