/**
 * Turns any thrown value (Office.js errors included) into a BenutzerFehler:
 * a German message plus what to do. The views show it in a MessageBar, so no
 * error ends up in the console only.
 */
import { BenutzerFehler } from './gateway';

interface OfficeLikeError {
  readonly code?: unknown;
  readonly message?: unknown;
  readonly debugInfo?: { readonly errorLocation?: unknown; readonly message?: unknown };
}

export const ZELLBEARBEITUNG = 'Bitte die Eingabe in der Zelle abschließen (Eingabetaste oder Esc) und erneut versuchen.';

/** German texts for the error codes of OfficeExtension.ErrorCodes / Excel.ErrorCodes. */
const OFFICE_CODES: Readonly<Record<string, { meldung: string; hinweis: string }>> = {
  InvalidOperationInCellEditMode: {
    meldung: 'Excel befindet sich im Bearbeitungsmodus einer Zelle.',
    hinweis: ZELLBEARBEITUNG,
  },
  EditModeCannotPerformOperation: {
    meldung: 'Excel befindet sich im Bearbeitungsmodus einer Zelle.',
    hinweis: ZELLBEARBEITUNG,
  },
  AccessDenied: {
    meldung: 'Excel hat den Zugriff auf die Arbeitsmappe verweigert.',
    hinweis: 'Die Mappe ist vermutlich schreibgeschützt oder ein Blatt ist geschützt. Öffnen Sie sie zum Bearbeiten bzw. heben Sie den Blattschutz auf.',
  },
  InsufficientPermission: {
    meldung: 'Ihnen fehlen die Rechte, diese Arbeitsmappe zu ändern.',
    hinweis: 'Bitten Sie die Besitzerin oder den Besitzer der Datei um Bearbeitungsrechte.',
  },
  ItemNotFound: {
    meldung: 'Ein Blatt oder eine Tabelle wurde nicht gefunden.',
    hinweis: 'Führen Sie zuerst „Einrichten“ aus oder prüfen Sie, ob Blätter umbenannt wurden.',
  },
  ItemAlreadyExists: {
    meldung: 'Ein Blatt oder eine Tabelle mit diesem Namen gibt es bereits.',
    hinweis: 'Benennen Sie die doppelte Tabelle oder das doppelte Blatt um und versuchen Sie es erneut.',
  },
  InvalidArgument: {
    meldung: 'Excel hat einen Wert nicht angenommen.',
    hinweis: 'Prüfen Sie die Mappe mit „Prüfen“ und korrigieren Sie die gemeldeten Zellen.',
  },
  InvalidOperation: {
    meldung: 'Excel konnte den Vorgang in diesem Zustand nicht ausführen.',
    hinweis: 'Heben Sie ggf. den Blattschutz auf, schließen Sie offene Dialoge und versuchen Sie es erneut.',
  },
  Conflict: {
    meldung: 'Jemand anderes hat die Mappe gleichzeitig geändert.',
    hinweis: 'Warten Sie einen Moment, bis die Änderungen synchronisiert sind, und versuchen Sie es erneut.',
  },
  RequestPayloadSizeLimitExceeded: {
    meldung: 'Die Datenmenge, die in die Arbeitsmappe geschrieben werden sollte, war für Excel zu groß (mehr als 5 MB auf einmal).',
    hinweis: 'Versuchen Sie es erneut; hilft das nicht, teilen Sie die Mappe mit „aufteilen“ in Netzwerkdateien.',
  },
  ResponsePayloadSizeLimitExceeded: {
    meldung: 'Die Datenmenge, die aus der Arbeitsmappe gelesen werden sollte, war für Excel zu groß (mehr als 5 MB auf einmal).',
    hinweis: 'Sehr lange Texte in den Tabellen kürzen oder die Mappe mit „aufteilen“ in Netzwerkdateien teilen und erneut versuchen.',
  },
  ActivityLimitReached: {
    meldung: 'Excel hat zu viele Anfragen in kurzer Zeit erhalten.',
    hinweis: 'Warten Sie einige Sekunden und versuchen Sie es erneut.',
  },
  ServiceNotAvailable: {
    meldung: 'Der Excel-Dienst ist gerade nicht erreichbar.',
    hinweis: 'Prüfen Sie die Internetverbindung und versuchen Sie es in einigen Minuten erneut.',
  },
  Unauthenticated: {
    meldung: 'Ihre Anmeldung ist abgelaufen.',
    hinweis: 'Melden Sie sich in Excel neu an und versuchen Sie es erneut.',
  },
  ApiNotFound: {
    meldung: 'Diese Excel-Version unterstützt eine benötigte Funktion nicht.',
    hinweis: 'Aktualisieren Sie Excel (Microsoft 365) oder verwenden Sie Excel im Web.',
  },
  GeneralException: {
    meldung: 'In Excel ist ein interner Fehler aufgetreten.',
    hinweis: 'Speichern Sie die Mappe, schließen und öffnen Sie sie neu und versuchen Sie es erneut.',
  },
};

/** Wraps any thrown value as a BenutzerFehler; `aktion` says what was being done ("Prüfen"). */
export function alsBenutzerFehler(e: unknown, aktion: string): BenutzerFehler {
  if (e instanceof BenutzerFehler) return e;
  const err = (typeof e === 'object' && e !== null ? e : {}) as OfficeLikeError;
  const code = typeof err.code === 'string' ? err.code : '';
  const text = typeof err.message === 'string' ? err.message : typeof e === 'string' ? e : String(e);
  const ort = typeof err.debugInfo?.errorLocation === 'string' ? ` bei ${err.debugInfo.errorLocation}` : '';
  const bekannt = OFFICE_CODES[code];
  if (bekannt) {
    return new BenutzerFehler(`${aktion} ist fehlgeschlagen: ${bekannt.meldung}`, bekannt.hinweis, `${code}${ort}: ${text}`);
  }
  // The adapter and the domain throw plain Errors with German sentences for the user (team rule);
  // JavaScript's own errors (TypeError …) are not meant for users and get the generic advice.
  if (!code && e instanceof Error && e.name === 'Error' && e.message) {
    return new BenutzerFehler(`${aktion} ist fehlgeschlagen.`, e.message);
  }
  return new BenutzerFehler(
    `${aktion} ist fehlgeschlagen.`,
    'Versuchen Sie es erneut. Tritt der Fehler wieder auf, speichern Sie die Mappe, laden Sie das Add-in neu und melden Sie den technischen Hinweis dem Integrationsbüro.',
    code ? `${code}${ort}: ${text}` : text,
  );
}
