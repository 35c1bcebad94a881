/**
 * Task-pane section "Netzwerkdatei erstellen": the steering group picks a
 * Handlungsfeld of the open workbook; the pane builds that network's
 * workbook (same file as the CLI's `aufteilen`) and opens it as a new Excel
 * workbook, where the network lead saves it to SharePoint. Without
 * ExcelApi 1.8 (or when opening fails) the file is offered as a download.
 */
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Text,
  makeStyles,
  mergeClasses,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { FehlerAnzeige } from '../komponenten/FehlerAnzeige';
import { FEHLER_ZIEL, useAsyncAktion } from '../komponenten/useAsyncAktion';
import { useGemeinsameStile } from '../komponenten/stile';
import { oeffnenOderAnbieten, type Erstellt as ErstelltAllgemein } from '../neueMappe';
import type { NetzwerkdateiErstellt, NetzwerkGateway } from './gateway';

type Gateway = Pick<
  NetzwerkGateway,
  'handlungsfelder' | 'netzwerkdateiBauen' | 'kannNeueMappeOeffnen' | 'inExcelOeffnen' | 'herunterladen'
>;

// a native <select> is as wide as its longest option; long Handlungsfeld names must not widen the pane
const useStyles = makeStyles({
  feld: { minWidth: 0 },
  auswahl: { minWidth: 0, maxWidth: '100%' },
  liste: { minWidth: 0, width: '100%', textOverflow: 'ellipsis' },
});

type Art = 'liste' | 'erstellen' | 'herunterladen';
const TITEL: Readonly<Record<Art, string>> = {
  liste: 'Handlungsfelder lesen',
  erstellen: 'Netzwerkdatei erstellen',
  herunterladen: 'Netzwerkdatei herunterladen',
};
const ERGEBNIS = 'ergebnis';
const TITEL_ZIEL = 'titel';

type Erstellt = ErstelltAllgemein<NetzwerkdateiErstellt>;

export function NetzwerkdateiErstellen({ gateway }: { gateway: Gateway }) {
  const gem = useGemeinsameStile();
  const s = useStyles();
  const [hfListe, setHfListe] = useState<{ nr: number; name: string }[] | null>(null);
  const [hf, setHf] = useState<number | null>(null);
  const aktion = useAsyncAktion<Art>(TITEL);
  const { laeuft, fehler } = aktion;
  const [erstellt, setErstellt] = useState<Erstellt | null>(null);

  async function ladeListe() {
    await aktion.ausfuehren('liste', () => gateway.handlungsfelder(), {
      dann: (liste) => {
        setHfListe(liste);
        setHf((alt) => (alt !== null && liste.some((h) => h.nr === alt) ? alt : (liste[0]?.nr ?? null)));
      },
    });
  }

  useEffect(() => {
    void ladeListe();
    // the list is read once when the view opens; „Handlungsfelder aktualisieren“ reads it again
  }, []);

  async function erstellen() {
    if (hf === null) return;
    setErstellt(null);
    const r = await aktion.ausfuehren(
      'erstellen',
      async () => oeffnenOderAnbieten(gateway, await gateway.netzwerkdateiBauen(hf)),
      {
        dann: (e) => setErstellt(e.erstellt),
        fokus: (e) => (e.fehler ? null : ERGEBNIS),
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
  const gewaehlt = hfListe?.find((h) => h.nr === hf);
  const hfTitel = gewaehlt ? `${gewaehlt.nr} – ${gewaehlt.name}` : undefined;

  return (
    <section className={gem.spalte} aria-label="Netzwerkdatei erstellen">
      <Text
        as="h2"
        size={400}
        weight="semibold"
        className={mergeClasses(gem.ueberschrift, gem.fokusZiel)}
        tabIndex={-1}
        ref={aktion.ziel(TITEL_ZIEL)}
      >
        Netzwerkdatei erstellen
      </Text>
      <Text>
        Erstellt aus dieser Arbeitsmappe die Datei für ein Netzwerk: vollständiges Layout, die Stammdaten und nur die Zeilen des
        gewählten Handlungsfelds. Die Datei öffnet sich als neue Arbeitsmappe; bitte dort im SharePoint-Ordner des Netzwerks
        speichern. Diese Arbeitsmappe wird nicht verändert.
      </Text>
      {hfListe && hfListe.length === 0 ? (
        <Text>Die Tabelle „tblHandlungsfelder“ (Blatt „Stammdaten“) enthält kein Handlungsfeld.</Text>
      ) : null}
      {hfListe && hfListe.length > 0 ? (
        <Field label="Handlungsfeld" className={s.feld}>
          <Select
            className={s.auswahl}
            select={{ className: s.liste, title: hfTitel }}
            value={hf === null ? '' : String(hf)}
            disabled={beschaeftigt}
            onChange={(_e, data) => setHf(Number(data.value))}
          >
            {hfListe.map((h) => (
              <option key={h.nr} value={String(h.nr)}>
                {`${h.nr} – ${h.name}`}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <div className={gem.knoepfe}>
        <Button appearance="primary" disabledFocusable={beschaeftigt || hf === null} onClick={() => void erstellen()}>
          Netzwerkdatei erstellen
        </Button>
        <Button appearance="subtle" disabledFocusable={beschaeftigt} onClick={() => void ladeListe()}>
          Handlungsfelder aktualisieren
        </Button>
      </div>
      {laeuft === 'liste' ? <Spinner size="small" label="Handlungsfelder werden gelesen …" /> : null}
      {laeuft === 'erstellen' ? <Spinner size="small" label="Netzwerkdatei wird erstellt …" /> : null}
      {fehler ? (
        <FehlerAnzeige
          fehler={fehler.fehler}
          onSchliessen={() => aktion.fehlerSchliessen(TITEL_ZIEL)}
          fokusRef={aktion.ziel(FEHLER_ZIEL)}
        />
      ) : null}
      {erstellt && d ? (
        <MessageBar
          intent={erstellt.geoeffnet ? 'success' : 'warning'}
          layout="multiline"
          ref={aktion.ziel(ERGEBNIS)}
          tabIndex={-1}
          className={gem.fokusZiel}
        >
          <MessageBarBody>
            <MessageBarTitle>{erstellt.geoeffnet ? 'In Excel geöffnet' : 'Zum Herunterladen bereit'}</MessageBarTitle>
            {erstellt.geoeffnet
              ? `Die Netzwerkdatei für Handlungsfeld ${d.hf} (${d.zeilen} Zeilen) ist als neue Arbeitsmappe geöffnet. Bitte dort mit „Datei › Speichern unter“ als „${d.datei}“ im SharePoint-Ordner des Netzwerks speichern.`
              : erstellt.moeglich
                ? `Die Netzwerkdatei „${d.datei}“ für Handlungsfeld ${d.hf} ist erstellt. Bitte herunterladen und im SharePoint-Ordner des Netzwerks speichern.`
                : `Diese Excel-Version kann keine neue Arbeitsmappe öffnen (benötigt ExcelApi 1.8). Die Netzwerkdatei „${d.datei}“ für Handlungsfeld ${d.hf} ist erstellt: bitte herunterladen und im SharePoint-Ordner des Netzwerks speichern.`}
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
  );
}
