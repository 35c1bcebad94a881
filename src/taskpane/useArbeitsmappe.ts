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
  EinrichtenErgebnis,
  KpiErgebnis,
  PruefErgebnis,
} from './gateway';

export type Aktion = 'status' | 'einrichten' | 'pruefen' | 'kpi' | 'navigation';

export interface ArbeitsmappeZustand {
  readonly status: ArbeitsmappenStatus | null;
  readonly laeuft: Aktion | null;
  readonly fehler: { readonly aktion: Aktion; readonly fehler: BenutzerFehler } | null;
  readonly einrichten: EinrichtenErgebnis | null;
  readonly pruefung: PruefErgebnis | null;
  readonly kpi: KpiErgebnis | null;
  readonly fortschritt: { readonly schritt: string; readonly anteil: number } | null;
}

export interface ArbeitsmappeAktionen {
  ladeStatus(): Promise<void>;
  einrichten(): Promise<void>;
  pruefen(): Promise<void>;
  kpiAktualisieren(): Promise<void>;
  waehleZelle(blatt: string, zelle: string): Promise<void>;
  fehlerSchliessen(): void;
}

const AKTION_TITEL: Readonly<Record<Aktion, string>> = {
  status: 'Das Lesen der Arbeitsmappe',
  einrichten: 'Das Einrichten',
  pruefen: 'Das Prüfen',
  kpi: 'Das Aktualisieren der KPIs',
  navigation: 'Das Springen zur Zelle',
};

const LEER: ArbeitsmappeZustand = {
  status: null,
  laeuft: null,
  fehler: null,
  einrichten: null,
  pruefung: null,
  kpi: null,
  fortschritt: null,
};

export function useArbeitsmappe(gateway: ArbeitsmappeGateway): [ArbeitsmappeZustand, ArbeitsmappeAktionen] {
  const [zustand, setZustand] = useState<ArbeitsmappeZustand>(LEER);
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

  return [zustand, { ladeStatus, einrichten, pruefen, kpiAktualisieren, waehleZelle, fehlerSchliessen }];
}
