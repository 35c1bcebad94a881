/**
 * One asynchronous action of the pane (read, save, build a file …): whether
 * it runs, its German error, where the focus goes afterwards and what is
 * announced. Every view uses this hook, so a keyboard or screen-reader user
 * always learns the outcome where the focus lands instead of on <body>.
 */
import { useAnnounce } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { alsBenutzerFehler } from '../fehler';
import type { BenutzerFehler } from '../gateway';

export type AktionsErgebnis<T> = { readonly ok: true; readonly wert: T } | { readonly ok: false };

/** Where an element that can take the focus is registered: `ref={fokus.ziel('ergebnis')}`. */
export const FEHLER_ZIEL = 'fehler';

export interface Danach<T> {
  /** takes the result into the caller's state, in the same render as the end of `laeuft` and the focus */
  readonly dann?: (wert: T) => void;
  /** name of the element (see `ziel`) that gets the focus after success */
  readonly fokus?: string | ((wert: T) => string | null);
  /** text for screen readers where the result is not a MessageBar (those announce themselves) */
  readonly ansage?: (wert: T) => string | null;
}

export interface AsyncAktion<Art extends string> {
  readonly laeuft: Art | null;
  readonly fehler: { readonly art: Art; readonly fehler: BenutzerFehler } | null;
  /**
   * Runs `arbeit` unless an action of this hook is running (Excel runs one batch at a
   * time: a second click is ignored, not queued). A failure becomes `fehler` and takes the focus.
   */
  ausfuehren<T>(art: Art, arbeit: () => Promise<T>, danach?: Danach<T>): Promise<AktionsErgebnis<T>>;
  /** shows an error that happened outside `ausfuehren` (e.g. a download after the file was built) */
  fehlerZeigen(art: Art, e: unknown): void;
  /** closes the error; the focus returns to what started the action, else to `ersatz` */
  fehlerSchliessen(ersatz?: string): void;
  /** callback ref: registers an element (tabIndex -1 for non-controls) under `name` */
  ziel(name: string): (el: HTMLElement | null) => void;
  /** the focus goes to the element `name` as soon as it is rendered */
  fokussiere(name: string): void;
  ansagen(text: string): void;
}

export function useAsyncAktion<Art extends string>(titel: Readonly<Record<Art, string>>): AsyncAktion<Art> {
  const [laeuft, setLaeuft] = useState<Art | null>(null);
  const [fehler, setFehler] = useState<AsyncAktion<Art>['fehler']>(null);
  const beschaeftigt = useRef(false);
  const ausloeser = useRef<HTMLElement | null>(null);
  const ziele = useRef(new Map<string, HTMLElement>());
  const refs = useRef(new Map<string, (el: HTMLElement | null) => void>());
  // a pending focus target: taken by the element when it mounts, or after the next render if it is there already
  const offen = useRef<string | null>(null);
  const [fokusStand, setFokusStand] = useState(0);
  // without an AriaLiveAnnouncer above, useAnnounce returns a new no-op on every render: keep the callbacks stable
  const { announce } = useAnnounce();
  const announceRef = useRef(announce);
  announceRef.current = announce;
  const titelRef = useRef(titel);
  titelRef.current = titel;

  const fokussiere = useCallback((name: string) => {
    offen.current = name;
    setFokusStand((n) => n + 1);
  }, []);

  useEffect(() => {
    const name = offen.current;
    const el = name ? ziele.current.get(name) : undefined;
    if (el) {
      offen.current = null;
      el.focus();
    }
  }, [fokusStand]);

  const ziel = useCallback((name: string) => {
    let ref = refs.current.get(name);
    if (!ref) {
      ref = (el: HTMLElement | null) => {
        if (!el) {
          ziele.current.delete(name);
          return;
        }
        ziele.current.set(name, el);
        if (offen.current === name) {
          offen.current = null;
          el.focus();
        }
      };
      refs.current.set(name, ref);
    }
    return ref;
  }, []);

  const ansagen = useCallback((text: string) => announceRef.current(text, { polite: true }), []);

  const fehlerZeigen = useCallback(
    (art: Art, e: unknown) => {
      setFehler({ art, fehler: alsBenutzerFehler(e, titelRef.current[art]) });
      fokussiere(FEHLER_ZIEL);
    },
    [fokussiere],
  );

  const ausfuehren = useCallback(
    async <T>(art: Art, arbeit: () => Promise<T>, danach: Danach<T> = {}): Promise<AktionsErgebnis<T>> => {
      if (beschaeftigt.current) return { ok: false };
      beschaeftigt.current = true;
      const aktiv = typeof document !== 'undefined' ? document.activeElement : null;
      ausloeser.current = aktiv instanceof HTMLElement && aktiv !== document.body ? aktiv : null;
      setLaeuft(art);
      setFehler(null);
      try {
        const wert = await arbeit();
        danach.dann?.(wert);
        const f = typeof danach.fokus === 'function' ? danach.fokus(wert) : danach.fokus;
        if (f) fokussiere(f);
        const text = danach.ansage?.(wert);
        if (text) ansagen(text);
        return { ok: true, wert };
      } catch (e) {
        fehlerZeigen(art, e);
        return { ok: false };
      } finally {
        beschaeftigt.current = false;
        setLaeuft(null);
      }
    },
    [ansagen, fehlerZeigen, fokussiere],
  );

  const fehlerSchliessen = useCallback(
    (ersatz?: string) => {
      setFehler(null);
      const zurueck = ausloeser.current;
      if (zurueck?.isConnected) zurueck.focus();
      else if (ersatz) fokussiere(ersatz);
      ansagen('Meldung geschlossen.');
    },
    [ansagen, fokussiere],
  );

  return useMemo(
    () => ({ laeuft, fehler, ausfuehren, fehlerZeigen, fehlerSchliessen, ziel, fokussiere, ansagen }),
    [laeuft, fehler, ausfuehren, fehlerZeigen, fehlerSchliessen, ziel, fokussiere, ansagen],
  );
}
