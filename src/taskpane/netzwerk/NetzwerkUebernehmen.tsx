/**
 * Task-pane view "Netzwerke": first "Netzwerkdatei erstellen" (one
 * Handlungsfeld → new workbook, NetzwerkdateiErstellen.tsx), then
 * "Netzwerkdateien übernehmen": the steering group picks the
 * filled network workbooks, sees what would change (neu / geändert /
 * Konflikte / abgelehnt), imports, and can undo the last import.
 * Gateway-driven: the pane shell mounts it with `new OfficeNetzwerkGateway()`;
 * tests pass a fake.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  CounterBadge,
  Divider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { Aenderung, Aenderungen, AnzeigeWert, NetzwerkDatei } from '../../domain/netzwerk';
import { TABLES, TABLE_ORDER } from '../../domain/schema';
import { anzahl } from '../../domain/format';
import { FehlerAnzeige } from '../komponenten/FehlerAnzeige';
import { FEHLER_ZIEL, useAsyncAktion } from '../komponenten/useAsyncAktion';
import type { ImportRueckgaengig, NetzwerkGateway, UebernahmeErgebnis, UebernahmeVorschau } from './gateway';
import { useGemeinsameStile } from '../komponenten/stile';
import { NetzwerkdateiErstellen } from './NetzwerkdateiErstellen';

const useStyles = makeStyles({
  zaehler: { display: 'flex', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS, flexWrap: 'wrap' },
  zaehlerEintrag: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
  listenAbstand: { rowGap: tokens.spacingVerticalS },
  eintrag: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: '2px',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  ort: { fontWeight: tokens.fontWeightSemibold },
  meldung: { wordBreak: 'break-word' },
  versteckt: { display: 'none' },
});

type Art = keyof Aenderungen;

const ARTEN: readonly {
  key: Art;
  titel: string;
  farbe: 'success' | 'brand' | 'warning' | 'danger';
  zaehler: 'brand' | 'important' | 'danger';
}[] = [
  { key: 'neu', titel: 'Neue Zeilen', farbe: 'success', zaehler: 'brand' },
  { key: 'geaendert', titel: 'Geänderte Zellen', farbe: 'brand', zaehler: 'brand' },
  { key: 'konflikte', titel: 'Konflikte', farbe: 'warning', zaehler: 'important' },
  { key: 'abgelehnt', titel: 'Abgelehnt', farbe: 'danger', zaehler: 'danger' },
];

const BLATT = new Map<string, string>(TABLE_ORDER.map((k) => [TABLES[k].name, TABLES[k].sheet]));

function wert(v: AnzeigeWert): string {
  return v === null ? '(leer)' : `„${String(v)}“`;
}

function Eintrag({ e }: { e: Aenderung }) {
  const s = useStyles();
  const gem = useGemeinsameStile();
  const ort = [e.tabelle ? (BLATT.get(e.tabelle) ?? e.tabelle) : null, e.schluessel, e.spalte].filter(Boolean).join(' · ');
  return (
    <li className={s.eintrag}>
      {ort ? <span className={s.ort}>{ort}</span> : null}
      {e.spalte && (e.gesamt !== null || e.netzwerk !== null) ? (
        <span>
          Gesamtdatei {wert(e.gesamt)} · Netzwerk {wert(e.netzwerk)}
        </span>
      ) : null}
      <span className={s.meldung}>{e.meldung}</span>
      <span className={gem.leise}>aus {e.datei}</span>
    </li>
  );
}

/** The change report: counters and one collapsible list per kind. */
export function AenderungsBericht({ aenderungen, hinweise }: { aenderungen: Aenderungen; hinweise: readonly string[] }) {
  const s = useStyles();
  const gem = useGemeinsameStile();
  const offen = ARTEN.filter((a) => aenderungen[a.key].length > 0).map((a) => a.key);
  return (
    <div className={gem.spalte}>
      <div className={s.zaehler} aria-label="Zusammenfassung der Änderungen">
        {ARTEN.map((a) => (
          <span key={a.key} className={s.zaehlerEintrag}>
            <CounterBadge
              count={aenderungen[a.key].length}
              showZero
              color={aenderungen[a.key].length > 0 ? a.zaehler : 'informative'}
            />
            <Text>{a.titel}</Text>
          </span>
        ))}
      </div>
      {offen.length > 0 ? (
        <Accordion multiple collapsible defaultOpenItems={offen.filter((k) => k === 'konflikte' || k === 'abgelehnt')}>
          {ARTEN.filter((a) => aenderungen[a.key].length > 0).map((a) => (
            <AccordionItem key={a.key} value={a.key}>
              <AccordionHeader>
                {a.titel}{' '}
                <Badge appearance="tint" color={a.farbe} size="small">
                  {aenderungen[a.key].length}
                </Badge>
              </AccordionHeader>
              <AccordionPanel>
                <ul className={mergeClasses(gem.liste, s.listenAbstand)} aria-label={a.titel}>
                  {aenderungen[a.key].map((e, i) => (
                    <Eintrag key={i} e={e} />
                  ))}
                </ul>
              </AccordionPanel>
            </AccordionItem>
          ))}
        </Accordion>
      ) : (
        <Text>Die Netzwerkdateien enthalten keine Änderungen gegenüber dieser Arbeitsmappe.</Text>
      )}
      {hinweise.map((h, i) => (
        <Text key={i} size={200} className={gem.leise}>
          Hinweis: {h}
        </Text>
      ))}
    </div>
  );
}

type Aktion = 'lesen' | 'vorschau' | 'uebernehmen' | 'rueckgaengig';
const TITEL: Readonly<Record<Aktion, string>> = {
  lesen: 'Netzwerkdateien lesen',
  vorschau: 'Vorschau der Änderungen',
  uebernehmen: 'Netzwerkdateien übernehmen',
  rueckgaengig: 'Import rückgängig machen',
};
/** focus targets: each result takes the focus where the user learns the outcome */
const ZIEL = { titel: 'titel', vorschau: 'vorschau', ergebnis: 'ergebnis', rueckgaengig: 'rueckgaengig' } as const;

export interface NetzwerkUebernehmenProps {
  readonly gateway: NetzwerkGateway;
  /** called after an import or an undo, e.g. to refresh the status of the pane */
  readonly onGeaendert?: () => void;
}

export function NetzwerkUebernehmen({ gateway, onGeaendert }: NetzwerkUebernehmenProps) {
  const s = useStyles();
  const gem = useGemeinsameStile();
  const eingabe = useRef<HTMLInputElement>(null);
  const [dateien, setDateien] = useState<NetzwerkDatei[]>([]);
  const [vorschau, setVorschau] = useState<UebernahmeVorschau | null>(null);
  const [ergebnis, setErgebnis] = useState<UebernahmeErgebnis | null>(null);
  const [rueckgaengig, setRueckgaengig] = useState<ImportRueckgaengig | null>(null);
  const aktion = useAsyncAktion<Aktion>(TITEL);
  const { laeuft, fehler } = aktion;

  async function dateienGewaehlt(liste: FileList | null) {
    const files = liste ? Array.from(liste) : [];
    if (files.length === 0) return;
    setErgebnis(null);
    setRueckgaengig(null);
    setVorschau(null);
    const gelesen = await aktion.ausfuehren('lesen', () => gateway.leseDateien(files));
    if (eingabe.current) eingabe.current.value = '';
    if (!gelesen.ok) return;
    setDateien(gelesen.wert);
    await aktion.ausfuehren('vorschau', () => gateway.vorschau(gelesen.wert), { dann: setVorschau, fokus: ZIEL.vorschau });
  }

  async function uebernehmen() {
    await aktion.ausfuehren('uebernehmen', () => gateway.uebernehmen(dateien), {
      dann: (e) => {
        setErgebnis(e);
        setVorschau(null);
        onGeaendert?.();
      },
      fokus: ZIEL.ergebnis,
    });
  }

  async function zuruecknehmen() {
    await aktion.ausfuehren('rueckgaengig', () => gateway.rueckgaengig(), {
      dann: (r) => {
        setRueckgaengig(r);
        setErgebnis(null);
        onGeaendert?.();
      },
      fokus: ZIEL.rueckgaengig,
    });
  }

  function abbrechen() {
    setVorschau(null);
    setDateien([]);
    // the buttons of the preview are gone: the focus goes back to the section
    aktion.fokussiere(ZIEL.titel);
    aktion.ansagen('Übernehmen abgebrochen; es wurde nichts geändert.');
  }

  const beschaeftigt = laeuft !== null;
  const bericht = ergebnis ?? vorschau;
  const offen = bericht ? bericht.aenderungen.konflikte.length + bericht.aenderungen.abgelehnt.length : 0;

  return (
    <div className={gem.spalte}>
      <NetzwerkdateiErstellen gateway={gateway} />
      <Divider />
      <Text
        as="h2"
        size={400}
        weight="semibold"
        className={mergeClasses(gem.ueberschrift, gem.fokusZiel)}
        tabIndex={-1}
        ref={aktion.ziel(ZIEL.titel)}
      >
        Netzwerkdateien übernehmen
      </Text>
      <Text>
        Wählen Sie die ausgefüllten Netzwerkdateien (.xlsx, erstellt mit „Netzwerkdatei erstellen“ oder „aufteilen“). Vor dem
        Übernehmen sehen Sie, was sich ändert. Es wird nichts gelöscht; bei Konflikten bleibt der Wert dieser Arbeitsmappe.
      </Text>
      <input
        ref={eingabe}
        className={s.versteckt}
        type="file"
        multiple
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label="Netzwerkdateien auswählen"
        onChange={(ev) => void dateienGewaehlt(ev.target.files)}
      />
      <div className={gem.knoepfe}>
        <Button
          appearance={bericht ? 'secondary' : 'primary'}
          disabledFocusable={beschaeftigt}
          onClick={() => eingabe.current?.click()}
        >
          Netzwerkdateien auswählen …
        </Button>
        {!ergebnis ? (
          <Button appearance="subtle" disabledFocusable={beschaeftigt} onClick={() => void zuruecknehmen()}>
            Letzten Import rückgängig machen
          </Button>
        ) : null}
      </div>

      {laeuft === 'lesen' ? <Spinner size="small" label="Dateien werden gelesen …" /> : null}
      {laeuft === 'vorschau' ? <Spinner size="small" label="Änderungen werden ermittelt …" /> : null}
      {laeuft === 'uebernehmen' ? <Spinner size="small" label="Änderungen werden übernommen …" /> : null}
      {laeuft === 'rueckgaengig' ? <Spinner size="small" label="Import wird rückgängig gemacht …" /> : null}
      {fehler ? (
        <FehlerAnzeige
          fehler={fehler.fehler}
          onSchliessen={() => aktion.fehlerSchliessen(ZIEL.titel)}
          fokusRef={aktion.ziel(FEHLER_ZIEL)}
        />
      ) : null}

      {vorschau && !ergebnis ? (
        <>
          <MessageBar
            intent={offen > 0 ? 'warning' : 'info'}
            ref={aktion.ziel(ZIEL.vorschau)}
            tabIndex={-1}
            className={gem.fokusZiel}
          >
            <MessageBarBody>
              <MessageBarTitle>Vorschau</MessageBarTitle>
              {`${anzahl(dateien.length, 'Datei', 'Dateien')} gelesen`}:{' '}
              {dateien.map((d) => d.datei).join(', ')}. Noch wurde nichts geändert.
            </MessageBarBody>
          </MessageBar>
          <AenderungsBericht aenderungen={vorschau.aenderungen} hinweise={vorschau.hinweise} />
          <Text size={200}>
            Prüfung des Ergebnisses: {vorschau.pruefung.fehler} Fehler, {vorschau.pruefung.warnungen} Warnung(en).
          </Text>
          <div className={gem.knoepfe}>
            <Button appearance="primary" disabledFocusable={beschaeftigt} onClick={() => void uebernehmen()}>
              Übernehmen
            </Button>
            <Button disabledFocusable={beschaeftigt} onClick={abbrechen}>
              Abbrechen
            </Button>
          </div>
        </>
      ) : null}

      {ergebnis ? (
        <>
          <MessageBar
            intent={offen > 0 ? 'warning' : 'success'}
            ref={aktion.ziel(ZIEL.ergebnis)}
            tabIndex={-1}
            className={gem.fokusZiel}
          >
            <MessageBarBody>
              <MessageBarTitle>{ergebnis.geschrieben ? 'Übernommen' : 'Nichts zu übernehmen'}</MessageBarTitle>
              {ergebnis.geschrieben
                ? `Vorher gesichert: ${ergebnis.sicherungen.length} Tabelle(n) (ausgeblendete Blätter „Sicherung …“). `
                : ''}
              Die Einzelheiten stehen im Blatt „Änderungsprotokoll“.
              {offen > 0
                ? ' Konflikte und abgelehnte Zeilen bitte mit den Netzwerken klären; dort gilt weiter der Wert dieser Arbeitsmappe.'
                : ''}
            </MessageBarBody>
          </MessageBar>
          <AenderungsBericht aenderungen={ergebnis.aenderungen} hinweise={ergebnis.hinweise} />
          <Text size={200}>
            Prüfung des Ergebnisses: {ergebnis.pruefung.fehler} Fehler, {ergebnis.pruefung.warnungen} Warnung(en). Bitte danach
            die KPI aktualisieren.
          </Text>
          {ergebnis.geschrieben ? (
            <div className={gem.knoepfe}>
              <Button disabledFocusable={beschaeftigt} onClick={() => void zuruecknehmen()}>
                Rückgängig
              </Button>
            </div>
          ) : null}
        </>
      ) : null}

      {rueckgaengig ? (
        <MessageBar intent="success" ref={aktion.ziel(ZIEL.rueckgaengig)} tabIndex={-1} className={gem.fokusZiel}>
          <MessageBarBody>
            <MessageBarTitle>Rückgängig gemacht</MessageBarTitle>
            Wiederhergestellt: {rueckgaengig.tabellen.join(', ')} (aus den Sicherungen {rueckgaengig.sicherungen.join(', ')}).
            {rueckgaengig.hinweise?.length ? ` ${rueckgaengig.hinweise.join(' ')}` : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
