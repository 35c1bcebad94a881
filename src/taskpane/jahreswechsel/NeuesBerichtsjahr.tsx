/**
 * Start-view section "Neues Berichtsjahr anlegen" (SPEC §6, the task-pane
 * way of the CLI's `jahreswechsel`). Step 1 reads and validates the open
 * workbook and shows what would be carried and what stays in the old year;
 * step 2 builds next year's workbook (same file as the CLI) and opens it as
 * a new Excel workbook, or offers it as a download without ExcelApi 1.8 or
 * when opening fails. The open workbook is never changed.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Card,
  Field,
  Input,
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
import { useMemo, useState } from 'react';
import { meldungOhneAdresse } from '../../domain/befunde';
import type { JahreswechselEintrag } from '../../domain/jahreswechsel';
import { anzahl } from '../../domain/format';
import { FehlerAnzeige } from '../komponenten/FehlerAnzeige';
import { FEHLER_ZIEL, useAsyncAktion } from '../komponenten/useAsyncAktion';
import { useGemeinsameStile } from '../komponenten/stile';
import { oeffnenOderAnbieten, type Erstellt as ErstelltAllgemein } from '../neueMappe';
import type { JahresmappeErstellt, JahreswechselGateway, JahreswechselVorschau } from './gateway';
import { jahreswechsel, jahrUngueltig, zahlenJeTabelle } from './vorschau';
import { blattAdresse } from '../../domain/adresse';

/** how many Fehler the refusal lists; „Prüfen“ shows all of them */
const ERSTE_BEFUNDE = 5;

const useStyles = makeStyles({
  schritt: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  feld: { minWidth: 0 },
  jahr: { maxWidth: '10em' },
  tabelle: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  beschriftung: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXS },
  kopf: {
    textAlign: 'right',
    fontWeight: tokens.fontWeightSemibold,
    padding: `${tokens.spacingVerticalXXS} 0 ${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
  },
  kopfLinks: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, padding: `${tokens.spacingVerticalXXS} 0` },
  zelle: {
    textAlign: 'right',
    padding: `${tokens.spacingVerticalXXS} 0 ${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    fontVariantNumeric: 'tabular-nums',
  },
  // a long name wraps instead of widening a 320 px pane
  name: {
    textAlign: 'left',
    padding: `${tokens.spacingVerticalXXS} 0`,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'break-word',
    fontWeight: tokens.fontWeightRegular,
  },
  eintraege: { margin: 0, paddingLeft: '20px', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  eintrag: { overflowWrap: 'anywhere' },
  befunde: { margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: '20px' },
  weiter: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    paddingLeft: '20px',
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  ziel: { outlineOffset: '2px' },
});

type Art = 'vorschau' | 'erstellen' | 'herunterladen';
const TITEL: Readonly<Record<Art, string>> = {
  vorschau: 'Vorschau des neuen Berichtsjahrs',
  erstellen: 'Neue Arbeitsmappe erstellen',
  herunterladen: 'Neue Arbeitsmappe herunterladen',
};
/** focus targets after the actions */
const ZIEL = { vorschau: 'vorschau', verweigert: 'verweigert', ergebnis: 'ergebnis', schritt1: 'schritt1' } as const;

type Erstellt = ErstelltAllgemein<JahresmappeErstellt>;

function Eintraege({ eintraege, name }: { eintraege: readonly JahreswechselEintrag[]; name: string }) {
  const s = useStyles();
  const gem = useGemeinsameStile();
  if (eintraege.length === 0) return <Text>Keine.</Text>;
  return (
    <ul className={s.eintraege} aria-label={name}>
      {eintraege.map((e, i) => (
        <li key={`${e.schluessel}-${e.adresse ?? i}`} className={s.eintrag}>
          <Text weight="semibold">{e.schluessel || '(ohne Nr)'}</Text> – {e.meldung}
          {e.adresse ? <span className={gem.leise}>{` (bisher ${e.adresse})`}</span> : null}
        </li>
      ))}
    </ul>
  );
}

/** The refusal: the workbook has Fehler, so no new year (as the CLI, which writes nothing). */
function Verweigert({
  vorschau,
  zuPruefen,
  titelRef,
}: {
  vorschau: Extract<JahreswechselVorschau, { art: 'fehler' }>;
  zuPruefen?: () => void;
  titelRef: (el: HTMLElement | null) => void;
}) {
  const s = useStyles();
  const { fehler } = vorschau;
  const weitere = fehler.length - ERSTE_BEFUNDE;
  return (
    <MessageBar intent="error" layout="multiline" ref={titelRef} tabIndex={-1} className={s.ziel}>
      <MessageBarBody>
        <MessageBarTitle>{`Kein neues Berichtsjahr: Die Arbeitsmappe enthält ${anzahl(fehler.length, 'Fehler', 'Fehler')}`}</MessageBarTitle>
        Erst wenn alle Fehler korrigiert sind, kann das neue Berichtsjahr angelegt werden; sonst trüge die neue Arbeitsmappe sie
        weiter. Die ersten Stellen:
        <ul className={s.befunde} aria-label="Erste Fehler">
          {fehler.slice(0, ERSTE_BEFUNDE).map((f, i) => (
            <li key={`${f.blatt}-${f.zelle}-${f.regel}-${i}`}>
              <Text weight="semibold">{f.zelle ? blattAdresse(f.blatt, f.zelle) : `Blatt „${f.blatt}“`}</Text>
              {f.spalte ? ` (${f.spalte})` : ''}: {meldungOhneAdresse(f)}
            </li>
          ))}
        </ul>
        {weitere > 0 ? `… und ${anzahl(weitere, 'weiterer Fehler', 'weitere Fehler')}. ` : ''}
        Bitte mit „Prüfen“ alle Stellen anzeigen, dort korrigieren und danach die Vorschau erneut anzeigen.
      </MessageBarBody>
      {zuPruefen ? (
        <MessageBarActions>
          <Button onClick={zuPruefen}>Fehler in „Prüfen“ anzeigen</Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}

export function NeuesBerichtsjahr({ gateway, zuPruefen }: { gateway: JahreswechselGateway; zuPruefen?: () => void }) {
  const gem = useGemeinsameStile();
  const s = useStyles();
  const aktion = useAsyncAktion<Art>(TITEL);
  const { laeuft, fehler } = aktion;
  const [vorschau, setVorschau] = useState<JahreswechselVorschau | null>(null);
  const [jahrText, setJahrText] = useState('');
  const [erstellt, setErstellt] = useState<Erstellt | null>(null);

  const bereit = vorschau?.art === 'bereit' ? vorschau : null;
  const jahrFehler = useMemo(() => {
    if (!bereit) return null;
    const t = jahrText.trim();
    if (t === '') return `Bitte das neue Berichtsjahr angeben, z. B. ${bereit.jahr}.`;
    return jahrUngueltig(bereit.plan, Number(t));
  }, [bereit, jahrText]);
  const jahr = bereit ? (jahrFehler ? bereit.jahr : Number(jahrText.trim())) : null;
  const ergebnis = useMemo(() => (bereit && jahr !== null ? jahreswechsel(bereit.raw, bereit.plan, jahr) : null), [bereit, jahr]);
  const zahlen = useMemo(() => (ergebnis ? zahlenJeTabelle(ergebnis) : []), [ergebnis]);
  const ap = (liste: readonly JahreswechselEintrag[] | undefined) =>
    (liste ?? []).filter((e) => e.tabelle === 'tblArbeitsplanung');
  const apAbgeschlossen = ap(ergebnis?.abgeschlossen);
  const apUebernommen = ap(ergebnis?.uebernommen);

  async function vorschauLaden() {
    setErstellt(null);
    const r = await aktion.ausfuehren('vorschau', () => gateway.vorschau(), {
      dann: (v) => {
        setVorschau(v);
        if (v.art === 'bereit') setJahrText(String(v.jahr));
      },
      // the refusal is a MessageBar, which announces itself
      fokus: (v) => (v.art === 'fehler' ? ZIEL.verweigert : ZIEL.vorschau),
      ansage: (v) => (v.art === 'bereit' ? `Vorschau: Berichtsjahr ${v.altesJahr} → ${v.jahr}.` : null),
    });
    if (!r.ok) setVorschau(null);
  }

  async function erstellen() {
    if (!bereit || jahrFehler || jahr === null) return;
    setErstellt(null);
    const r = await aktion.ausfuehren(
      'erstellen',
      async () => oeffnenOderAnbieten(gateway, await gateway.jahresmappeBauen(jahr)),
      {
        dann: (e) => setErstellt(e.erstellt),
        fokus: (e) => (e.fehler ? null : ZIEL.ergebnis),
      },
    );
    // built, but opening it failed: the file stays on offer next to the error
    if (r.ok && r.wert.fehler) aktion.fehlerZeigen('erstellen', r.wert.fehler);
  }

  function herunterladen() {
    if (!erstellt) return;
    try {
      gateway.herunterladen(erstellt.datei.datei, erstellt.datei.inhalt);
    } catch (e) {
      aktion.fehlerZeigen('herunterladen', e);
    }
  }

  const beschaeftigt = laeuft !== null;
  const d = erstellt?.datei;

  return (
    <Card>
      <section className={gem.spalte} aria-labelledby="jahreswechsel-titel">
        <Subtitle2 as="h2" id="jahreswechsel-titel" className={gem.ueberschrift}>
          Neues Berichtsjahr anlegen
        </Subtitle2>
        <Text>
          Einmal im Jahr, nach dem Umsetzungsbericht: Erstellt aus dieser Arbeitsmappe die Arbeitsmappe des nächsten
          Berichtsjahrs. Offene Maßnahmen und Standardmaßnahmen gehen weiter, die Istwerte kommen in die Zeitreihe. Diese
          Arbeitsmappe wird nicht verändert.
        </Text>

        <Text as="h3" className={s.schritt} ref={aktion.ziel(ZIEL.schritt1)} tabIndex={-1}>
          Schritt 1: Vorschau
        </Text>
        <div className={gem.knoepfe}>
          <Button
            appearance={bereit ? 'secondary' : 'primary'}
            disabledFocusable={beschaeftigt}
            onClick={() => void vorschauLaden()}
          >
            {vorschau ? 'Vorschau aktualisieren' : 'Vorschau anzeigen'}
          </Button>
        </div>
        {laeuft === 'vorschau' ? <Spinner size="small" label="Arbeitsmappe wird gelesen und geprüft …" /> : null}

        {vorschau?.art === 'fehler' ? (
          <Verweigert vorschau={vorschau} zuPruefen={zuPruefen} titelRef={aktion.ziel(ZIEL.verweigert)} />
        ) : null}

        {bereit && ergebnis ? (
          <>
            <Text as="h3" className={s.schritt} ref={aktion.ziel(ZIEL.vorschau)} tabIndex={-1}>
              {`Vorschau: Berichtsjahr ${bereit.altesJahr} → ${ergebnis.jahr}`}
            </Text>
            <Text>
              {`Berichtsjahr der geöffneten Arbeitsmappe „${bereit.quelle}“: ${bereit.altesJahr}. Keine Fehler`}
              {bereit.warnungen > 0
                ? ` (${anzahl(bereit.warnungen, 'Warnung', 'Warnungen')}; sie verhindern den Jahreswechsel nicht).`
                : '.'}
            </Text>
            <Field
              label="Neues Berichtsjahr"
              className={s.feld}
              validationState={jahrFehler ? 'error' : 'none'}
              validationMessage={jahrFehler ?? undefined}
              hint={jahrFehler ? undefined : `Vorgabe: ${bereit.jahr} (Berichtsjahr + 1)`}
            >
              <Input
                className={s.jahr}
                type="number"
                inputMode="numeric"
                min={bereit.altesJahr + 1}
                max={2100}
                step={1}
                value={jahrText}
                readOnly={beschaeftigt}
                onChange={(_e, data) => setJahrText(data.value)}
              />
            </Field>

            <table className={s.tabelle}>
              <caption className={s.beschriftung}>Zeilen je Tabelle</caption>
              <thead>
                <tr>
                  <th scope="col" className={s.kopfLinks}>
                    Tabelle
                  </th>
                  <th scope="col" className={s.kopf}>
                    übernommen
                  </th>
                  <th scope="col" className={s.kopf}>
                    abgeschlossen
                  </th>
                </tr>
              </thead>
              <tbody>
                {zahlen.map((z) => (
                  <tr key={z.key} data-testid={`jahreswechsel-${z.key}`}>
                    <th scope="row" className={s.name}>
                      {z.titel}
                    </th>
                    <td className={s.zelle}>{z.uebernommen}</td>
                    <td className={s.zelle}>{z.abgeschlossen}</td>
                  </tr>
                ))}
              </tbody>
            </table>

            <Accordion multiple collapsible>
              <AccordionItem value="abgeschlossen">
                <AccordionHeader as="h4">{`Abgeschlossen, bleiben im Bericht ${ergebnis.altesJahr} (${apAbgeschlossen.length})`}</AccordionHeader>
                <AccordionPanel>
                  <Eintraege
                    eintraege={apAbgeschlossen}
                    name={`Abgeschlossene Zeilen der Arbeitsplanung ${ergebnis.altesJahr}`}
                  />
                </AccordionPanel>
              </AccordionItem>
              <AccordionItem value="uebernommen">
                <AccordionHeader as="h4">{`Übernommen nach ${ergebnis.jahr} (${apUebernommen.length})`}</AccordionHeader>
                <AccordionPanel>
                  <Eintraege eintraege={apUebernommen} name={`Übernommene Zeilen der Arbeitsplanung ${ergebnis.jahr}`} />
                </AccordionPanel>
              </AccordionItem>
            </Accordion>
            <Text size={200} className={gem.leise}>
              Die Listen zeigen die Zeilen der Arbeitsplanung mit Nr, Ergebnis und ihrer bisherigen Zeile. Die neue Arbeitsmappe
              enthält dieselben Angaben im Blatt „Jahreswechsel“.
            </Text>

            <Text as="h3" className={s.schritt}>
              Schritt 2: Neue Arbeitsmappe erstellen
            </Text>
            <Text>
              {`Die Arbeitsmappe für ${ergebnis.jahr} öffnet sich als neue Arbeitsmappe in Excel; bitte dort unter einem neuen Namen im SharePoint-Ordner speichern.`}
            </Text>
            <div className={gem.knoepfe}>
              <Button
                appearance={erstellt ? 'secondary' : 'primary'}
                disabledFocusable={beschaeftigt || jahrFehler !== null}
                onClick={() => void erstellen()}
              >
                Neue Arbeitsmappe erstellen
              </Button>
            </div>
            {laeuft === 'erstellen' ? <Spinner size="small" label="Neue Arbeitsmappe wird erstellt …" /> : null}
          </>
        ) : null}

        {fehler ? (
          <FehlerAnzeige
            fehler={fehler.fehler}
            onSchliessen={() => aktion.fehlerSchliessen(ZIEL.schritt1)}
            fokusRef={aktion.ziel(FEHLER_ZIEL)}
          />
        ) : null}
        {erstellt && d ? (
          <MessageBar
            intent={erstellt.geoeffnet && d.fehlerNeu === 0 ? 'success' : 'warning'}
            layout="multiline"
            ref={aktion.ziel(ZIEL.ergebnis)}
            tabIndex={-1}
            className={s.ziel}
          >
            <MessageBarBody>
              <MessageBarTitle>
                {erstellt.geoeffnet
                  ? `Berichtsjahr ${d.jahr} in Excel geöffnet`
                  : `Berichtsjahr ${d.jahr} zum Herunterladen bereit`}
              </MessageBarTitle>
              {erstellt.moeglich ? '' : 'Diese Excel-Version kann keine neue Arbeitsmappe öffnen (benötigt ExcelApi 1.8). '}
              {`Arbeitsplanung ${d.jahr}: ${d.uebernommen} Zeilen übernommen, ${d.abgeschlossen} abgeschlossen. So geht es weiter:`}
              <ul className={s.weiter} aria-label="So geht es weiter">
                <li>
                  {erstellt.geoeffnet
                    ? `In der neuen, noch nicht gespeicherten Arbeitsmappe „Datei › Speichern unter“ wählen und sie als „${d.datei}“ im SharePoint-Ordner speichern – unter diesem neuen Namen, nicht über die alte Datei.`
                    : `„${d.datei}“ herunterladen, in Excel öffnen und unter diesem neuen Namen im SharePoint-Ordner speichern – nicht über die alte Datei.`}
                </li>
                <li>{`Diese Arbeitsmappe bleibt unverändert: Sie ist die Grundlage des Umsetzungsberichts ${d.altesJahr}.`}</li>
                <li>{`In der neuen Arbeitsmappe die Netzwerkdateien für ${d.jahr} erstellen (Ansicht „Netzwerke“); die Istwerte kommen im Lauf des Jahres dazu.`}</li>
                {d.fehlerNeu > 0 ? (
                  <li>{`Achtung: „Prüfen“ findet in der neuen Arbeitsmappe ${anzahl(d.fehlerNeu, 'Fehler', 'Fehler')}; bitte dort prüfen und korrigieren.`}</li>
                ) : null}
              </ul>
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {erstellt ? (
          <div className={gem.knoepfe}>
            <Button
              appearance={erstellt.geoeffnet ? 'secondary' : 'primary'}
              disabledFocusable={beschaeftigt}
              onClick={herunterladen}
            >
              {`Herunterladen (${erstellt.datei.datei})`}
            </Button>
          </div>
        ) : null}
      </section>
    </Card>
  );
}
