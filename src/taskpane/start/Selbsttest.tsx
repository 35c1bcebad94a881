import { useState } from 'react';
import {
  Button,
  Card,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { SelbsttestErgebnis } from '../gateway';
import { FehlerAnzeige } from '../komponenten/FehlerAnzeige';
import { FEHLER_ZIEL, useAsyncAktion } from '../komponenten/useAsyncAktion';
import { useGemeinsameStile } from '../komponenten/stile';

/** The self-test runs only on demand, so its module (src/excel/selbsttest.ts) stays out of the first bundle. */
const SELBSTTEST_HINWEIS =
  'Der Selbsttest legt für wenige Sekunden ein verborgenes Blatt an und entfernt es danach wieder. Wer die Datei gleichzeitig bearbeitet, sieht es eventuell kurz. Ihre Daten werden nicht verändert.';

const useStyles = makeStyles({
  liste: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: 0, listStyleType: 'none' },
  knoepfe: { display: 'flex', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

const ERGEBNIS = 'ergebnis';

/**
 * The Selbsttest on the Start view: says first that co-authors may see a
 * temporary sheet, then lists every probe with ✓/✗ and the error code, and
 * copies the plain-text report for the Integrationsbüro.
 */
export function SelbsttestKarte({ ausfuehren, gesperrt }: { ausfuehren: () => Promise<SelbsttestErgebnis>; gesperrt: boolean }) {
  const s = useStyles();
  const gem = useGemeinsameStile();
  const aktion = useAsyncAktion<'selbsttest'>({ selbsttest: 'Der Selbsttest' });
  const laeuft = aktion.laeuft !== null;
  const [ergebnis, setErgebnis] = useState<SelbsttestErgebnis | null>(null);
  const [meldung, setMeldung] = useState<string | null>(null);

  const starten = async () => {
    setMeldung(null);
    await aktion.ausfuehren('selbsttest', ausfuehren, { dann: setErgebnis, fokus: ERGEBNIS });
  };
  const kopieren = async () => {
    if (!ergebnis) return;
    try {
      await navigator.clipboard.writeText(ergebnis.bericht);
      setMeldung('Bericht in die Zwischenablage kopiert.');
    } catch {
      setMeldung('Kopieren nicht möglich: bitte den Bericht unten markieren und kopieren.');
    }
  };
  const gescheitert = ergebnis?.proben.filter((p) => !p.ok).length ?? 0;

  return (
    <Card aria-labelledby="selbsttest-titel">
      <Subtitle2 as="h2" id="selbsttest-titel" className={gem.ueberschrift}>
        Selbsttest
      </Subtitle2>
      <Text size={200}>
        Prüft in Ihrem Excel, ob alles, worauf das Add-in sich verlässt, hier so funktioniert. {SELBSTTEST_HINWEIS}
      </Text>
      <div className={s.knoepfe}>
        <Button disabledFocusable={gesperrt || laeuft} onClick={() => void starten()}>
          {laeuft ? 'Selbsttest läuft …' : 'Selbsttest starten'}
        </Button>
        {ergebnis ? <Button onClick={() => void kopieren()}>Bericht kopieren</Button> : null}
      </div>
      {laeuft ? <Spinner size="tiny" label="Proben laufen …" labelPosition="after" /> : null}
      {ergebnis ? (
        <>
          <MessageBar
            intent={gescheitert === 0 ? 'success' : 'warning'}
            ref={aktion.ziel(ERGEBNIS)}
            tabIndex={-1}
            className={gem.fokusZiel}
          >
            <MessageBarBody>
              {gescheitert === 0
                ? 'Alle Proben bestanden.'
                : `${gescheitert} von ${ergebnis.proben.length} Proben nicht bestanden.`}
            </MessageBarBody>
          </MessageBar>
          <ul className={s.liste} aria-label="Proben des Selbsttests">
            {ergebnis.proben.map((p) => (
              <li key={p.name}>
                {p.ok ? '✓' : '✗'} {p.name}
                {p.code ? ` [${p.code}]` : ''}
                {p.hinweis && p.ok ? <Text className={gem.leise}> – {p.hinweis}</Text> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {aktion.fehler ? (
        <FehlerAnzeige
          fehler={aktion.fehler.fehler}
          onSchliessen={() => aktion.fehlerSchliessen()}
          fokusRef={aktion.ziel(FEHLER_ZIEL)}
        />
      ) : null}
      {meldung ? (
        <Text role="status" size={200}>
          {meldung}
        </Text>
      ) : null}
    </Card>
  );
}
