import {
  Button,
  Card,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Suspense, lazy } from 'react';
import type { EinrichtenErgebnis, SelbsttestErgebnis } from '../gateway';
import type { JahreswechselGateway } from '../jahreswechsel/gateway';
import { ZIELE, istBeschaeftigt, type ArbeitsmappeAktionen, type ArbeitsmappeZustand } from '../useArbeitsmappe';
import { datumZeit } from '../../domain/format';
import { useGemeinsameStile } from '../komponenten/stile';

// once a year only: its code (and the rollover rules) load when the Start view shows it, not with the pane
const NeuesBerichtsjahr = lazy(() =>
  import(/* webpackChunkName: "jahreswechsel-ansicht" */ '../jahreswechsel/NeuesBerichtsjahr').then((m) => ({
    default: m.NeuesBerichtsjahr,
  })),
);

// on demand only, at the end of the view: its card loads after the status is shown
const SelbsttestKarte = lazy(() =>
  import(/* webpackChunkName: "selbsttest-karte" */ './Selbsttest').then((m) => ({ default: m.SelbsttestKarte })),
);

const useStyles = makeStyles({
  liste: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: '20px' },
  knoepfe: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  zeile: { display: 'flex', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalS },
});

function Liste({ eintraege, name }: { eintraege: readonly string[]; name: string }) {
  const s = useStyles();
  return (
    <ul className={s.liste} aria-label={name}>
      {eintraege.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}

/**
 * What Einrichten did: created parts, parts it could not create (occupied
 * cells – then it is only partly done) and the backup sheets it made.
 */
export function EinrichtenBericht({
  ergebnis,
  fokusRef,
}: {
  ergebnis: EinrichtenErgebnis;
  /** the report takes the focus after Einrichten */
  fokusRef?: (el: HTMLElement | null) => void;
}) {
  const { angelegt, hinweise, sicherungen } = ergebnis;
  const teilweise = hinweise.length > 0;
  const gem = useGemeinsameStile();
  return (
    <MessageBar
      intent={teilweise ? 'warning' : 'success'}
      layout="multiline"
      ref={fokusRef}
      tabIndex={fokusRef ? -1 : undefined}
      className={gem.fokusZiel}
    >
      <MessageBarBody>
        <MessageBarTitle>{teilweise ? 'Einrichten nur teilweise abgeschlossen' : 'Einrichten abgeschlossen'}</MessageBarTitle>
        {angelegt.length > 0 ? (
          <>
            Angelegt:
            <Liste eintraege={angelegt} name="Angelegt" />
          </>
        ) : teilweise ? null : (
          'Es war nichts zu tun: Die Arbeitsmappe war bereits vollständig.'
        )}
        {teilweise ? (
          <>
            Nicht angelegt:
            <Liste eintraege={hinweise} name="Hinweise zum Einrichten" />
          </>
        ) : null}
        {sicherungen.length > 0 ? (
          <>
            {sicherungen.length === 1
              ? 'Vor dem Ergänzen der Spalten wurde die Tabelle gesichert (ausgeblendetes Blatt):'
              : 'Vor dem Ergänzen der Spalten wurden die Tabellen gesichert (ausgeblendete Blätter):'}
            <Liste eintraege={sicherungen} name="Sicherungen" />
          </>
        ) : null}
      </MessageBarBody>
    </MessageBar>
  );
}

export function Start({
  zustand,
  aktionen,
  jahreswechsel,
  selbsttest,
}: {
  zustand: ArbeitsmappeZustand;
  aktionen: ArbeitsmappeAktionen;
  /** without it the section „Neues Berichtsjahr anlegen“ is not shown */
  jahreswechsel?: JahreswechselGateway;
  /** without it (a gateway that cannot probe) no Selbsttest is offered */
  selbsttest?: () => Promise<SelbsttestErgebnis>;
}) {
  const s = useStyles();
  const gem = useGemeinsameStile();
  const { status, laeuft } = zustand;
  const beschaeftigt = istBeschaeftigt(zustand);

  return (
    <div className={gem.spalte}>
      <Card aria-labelledby="status-titel">
        <Subtitle2 as="h2" id="status-titel" className={gem.ueberschrift}>
          Arbeitsmappe
        </Subtitle2>
        {status === null ? (
          laeuft === 'status' ? (
            <Spinner size="tiny" label="Arbeitsmappe wird gelesen …" labelPosition="after" />
          ) : (
            <div className={s.zeile}>
              <Text className={gem.leise}>Der Zustand der Arbeitsmappe ist noch nicht bekannt.</Text>
              <Button size="small" disabledFocusable={beschaeftigt} onClick={() => void aktionen.ladeStatus()}>
                Neu lesen
              </Button>
            </div>
          )
        ) : status.layoutVollstaendig ? (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Aufbau vollständig</MessageBarTitle>
              Alle Blätter und Tabellen des Integrationsmonitors sind vorhanden.
            </MessageBarBody>
          </MessageBar>
        ) : (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Es fehlen Teile ({status.fehlend.length})</MessageBarTitle>
              <Liste eintraege={status.fehlend} name="Fehlende Teile" />
              „Einrichten“ legt sie an. Vorhandene Daten bleiben unverändert.
            </MessageBarBody>
          </MessageBar>
        )}
        {status ? (
          <div className={s.zeile}>
            <Text>Letzte KPI-Aktualisierung</Text>
            <Text weight="semibold" data-testid="letzte-kpi">
              {status.letzteKpiAktualisierung ? datumZeit(status.letzteKpiAktualisierung) : 'noch nie'}
            </Text>
          </div>
        ) : null}
      </Card>

      {zustand.einrichten ? <EinrichtenBericht ergebnis={zustand.einrichten} fokusRef={aktionen.ziel(ZIELE.einrichten)} /> : null}

      <div className={s.knoepfe}>
        <Button
          appearance={status && !status.layoutVollstaendig ? 'primary' : 'secondary'}
          disabledFocusable={beschaeftigt}
          onClick={() => void aktionen.einrichten()}
        >
          {laeuft === 'einrichten' ? 'Wird eingerichtet …' : 'Einrichten'}
        </Button>
        <Button
          appearance={status?.layoutVollstaendig ? 'primary' : 'secondary'}
          disabledFocusable={beschaeftigt}
          onClick={() => void aktionen.pruefen()}
        >
          Prüfen
        </Button>
        <Button disabledFocusable={beschaeftigt} onClick={() => void aktionen.kpiAktualisieren()}>
          KPIs aktualisieren
        </Button>
      </div>
      <Text size={200} className={gem.leise}>
        Einrichten legt fehlende Blätter, Tabellen und Auswahllisten an. Prüfen meldet jede fehlerhafte Zelle. KPIs aktualisieren
        berechnet die Blätter „KPI Übersicht“, „KPI Handlungsziele“, „Umsetzungsbericht“ und „KPI Verlauf“ neu.
      </Text>

      {jahreswechsel ? (
        <Suspense fallback={<Spinner size="tiny" label="Wird geladen …" labelPosition="after" />}>
          <NeuesBerichtsjahr gateway={jahreswechsel} zuPruefen={() => void aktionen.pruefen()} />
        </Suspense>
      ) : null}

      {selbsttest ? (
        <Suspense fallback={null}>
          <SelbsttestKarte ausfuehren={selbsttest} gesperrt={beschaeftigt} />
        </Suspense>
      ) : null}
    </div>
  );
}
