/**
 * The KPI view's report section: „Bericht als Word-Dokument“ and „Bericht
 * als Webseite“ build the Umsetzungsbericht from the workbook's current data
 * and offer it as a download; while the workbook has Fehler the report is
 * refused with the first findings. Focus moves to the result, so keyboard
 * and screen-reader users learn the outcome where they are.
 */
import {
  Button,
  Card,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Finding } from '../../domain/model';
import type { BerichtFormat } from '../gateway';
import { anzahl } from '../../domain/format';
import { useGemeinsameStile } from '../komponenten/stile';
import { ZIELE, istBeschaeftigt, type ArbeitsmappeAktionen, type ArbeitsmappeZustand } from '../useArbeitsmappe';

/** How many findings the refusal lists; the rest is in the Prüfen view. */
export const GEZEIGTE_BEFUNDE = 3;

const useStyles = makeStyles({
  befunde: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL, wordBreak: 'break-word' },
});

const NAME: Readonly<Record<BerichtFormat, string>> = { docx: 'Word-Dokument', html: 'Webseite' };
const ABGELEHNT: Readonly<Record<BerichtFormat, string>> = {
  docx: 'Kein Word-Dokument erstellt',
  html: 'Keine Webseite erstellt',
};

function Befunde({ findings }: { findings: readonly Finding[] }) {
  const s = useStyles();
  const fehler = findings.filter((f) => f.schwere === 'Fehler');
  const rest = fehler.length - GEZEIGTE_BEFUNDE;
  return (
    <>
      Die Arbeitsmappe enthält {anzahl(fehler.length, 'Fehler', 'Fehler')}. Bitte korrigieren Sie diese zuerst; der Bericht zeigt
      sonst falsche Zahlen.
      <ul className={s.befunde}>
        {fehler.slice(0, GEZEIGTE_BEFUNDE).map((f, i) => (
          <li key={i}>{f.meldung}</li>
        ))}
      </ul>
      {rest > 0 ? <>{`… und ${anzahl(rest, 'weiterer Fehler', 'weitere Fehler')} (alle unter „Prüfen“).`}</> : null}
    </>
  );
}

export function BerichtAktionen({
  zustand,
  aktionen,
  zuPruefen,
}: {
  zustand: ArbeitsmappeZustand;
  aktionen: ArbeitsmappeAktionen;
  zuPruefen: () => void;
}) {
  const gem = useGemeinsameStile();
  const { laeuft, bericht } = zustand;
  const beschaeftigt = istBeschaeftigt(zustand);

  const knopf = (format: BerichtFormat, text: string) => (
    <Button
      appearance="secondary"
      // focusable while busy: the keyboard focus stays on the button that was pressed
      disabledFocusable={beschaeftigt}
      onClick={() => void aktionen.berichtErstellen(format)}
    >
      {text}
    </Button>
  );

  const d = bericht?.datei;
  return (
    <Card aria-labelledby="bericht-titel">
      <Subtitle2 as="h2" id="bericht-titel" className={gem.ueberschrift}>
        Umsetzungsbericht
      </Subtitle2>
      <Text>
        Erstellt den Bericht für die Ausschüsse aus den aktuellen Daten dieser Arbeitsmappe: als Word-Dokument für die
        Sitzungsunterlagen oder als barrierearme Webseite zum Veröffentlichen. Die Arbeitsmappe wird dabei nicht verändert.
      </Text>
      <div className={gem.knoepfe}>
        {knopf('docx', 'Bericht als Word-Dokument')}
        {knopf('html', 'Bericht als Webseite')}
      </div>
      {laeuft === 'bericht-docx' || laeuft === 'bericht-html' ? (
        <Spinner size="small" label={`${NAME[laeuft === 'bericht-docx' ? 'docx' : 'html']} wird erstellt …`} />
      ) : null}
      {bericht && !beschaeftigt ? (
        // only a new result takes the focus (useArbeitsmappe), not one shown again on a tab switch
        <div ref={aktionen.ziel(ZIELE.bericht)} tabIndex={-1} className={gem.fokusZiel} data-testid="bericht-ergebnis">
          {d ? (
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{`${NAME[d.format]} erstellt`}</MessageBarTitle>
                {`„${d.name}“ wird heruntergeladen: Umsetzungsbericht ${d.berichtsjahr} mit ${anzahl(d.handlungsfelder, 'Handlungsfeld', 'Handlungsfeldern')}. `}
                {d.standardmassnahmen > 0
                  ? `${anzahl(d.standardmassnahmen, 'Standardmaßnahme ist', 'Standardmaßnahmen sind')} nicht enthalten (Hinweis am Ende des Berichts). `
                  : ''}
                {d.format === 'docx'
                  ? 'Das Dokument kann den Sitzungsunterlagen beigefügt oder in Word als PDF gespeichert werden.'
                  : 'Die Webseite ist eine einzelne Datei und kann so auf der Internetseite der Stadt veröffentlicht werden.'}
              </MessageBarBody>
              <MessageBarActions>
                <Button size="small" onClick={aktionen.berichtHerunterladen}>
                  Erneut herunterladen
                </Button>
              </MessageBarActions>
            </MessageBar>
          ) : (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{ABGELEHNT[bericht.format]}</MessageBarTitle>
                <Befunde findings={bericht.findings} />
              </MessageBarBody>
              <MessageBarActions>
                <Button size="small" onClick={zuPruefen}>
                  Fehler anzeigen
                </Button>
              </MessageBarActions>
            </MessageBar>
          )}
        </div>
      ) : null}
    </Card>
  );
}
