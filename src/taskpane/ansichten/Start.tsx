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
import type { ArbeitsmappeAktionen, ArbeitsmappeZustand } from '../useArbeitsmappe';
import { datumZeit } from '../format';

const useStyles = makeStyles({
  spalte: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  liste: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: '20px' },
  knoepfe: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  zeile: { display: 'flex', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalS },
  leise: { color: tokens.colorNeutralForeground3 },
  ueberschrift: { margin: 0 },
});

export function Start({ zustand, aktionen }: { zustand: ArbeitsmappeZustand; aktionen: ArbeitsmappeAktionen }) {
  const s = useStyles();
  const { status, laeuft } = zustand;
  const beschaeftigt = laeuft !== null && laeuft !== 'navigation';

  return (
    <div className={s.spalte}>
      <Card aria-labelledby="status-titel">
        <Subtitle2 as="h2" id="status-titel" className={s.ueberschrift}>
          Arbeitsmappe
        </Subtitle2>
        {status === null ? (
          laeuft === 'status' ? (
            <Spinner size="tiny" label="Arbeitsmappe wird gelesen …" labelPosition="after" />
          ) : (
            <div className={s.zeile}>
              <Text className={s.leise}>Der Zustand der Arbeitsmappe ist noch nicht bekannt.</Text>
              <Button size="small" disabled={beschaeftigt} onClick={() => void aktionen.ladeStatus()}>
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
              <ul className={s.liste} aria-label="Fehlende Teile">
                {status.fehlend.map((f) => (
                  <li key={f}>{f}</li>
                ))}
              </ul>
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

      {zustand.einrichten ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Einrichten abgeschlossen</MessageBarTitle>
            {zustand.einrichten.angelegt.length === 0 ? (
              'Es war nichts zu tun: Die Arbeitsmappe war bereits vollständig.'
            ) : (
              <ul className={s.liste} aria-label="Angelegt">
                {zustand.einrichten.angelegt.map((a) => (
                  <li key={a}>{a}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {zustand.einrichten && zustand.einrichten.hinweise.length > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Nicht alles konnte eingerichtet werden</MessageBarTitle>
            <ul className={s.liste} aria-label="Hinweise zum Einrichten">
              {zustand.einrichten.hinweise.map((h) => (
                <li key={h}>{h}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}

      <div className={s.knoepfe}>
        <Button
          appearance={status && !status.layoutVollstaendig ? 'primary' : 'secondary'}
          disabled={beschaeftigt}
          onClick={() => void aktionen.einrichten()}
        >
          {laeuft === 'einrichten' ? 'Wird eingerichtet …' : 'Einrichten'}
        </Button>
        <Button
          appearance={status?.layoutVollstaendig ? 'primary' : 'secondary'}
          disabled={beschaeftigt}
          onClick={() => void aktionen.pruefen()}
        >
          Prüfen
        </Button>
        <Button disabled={beschaeftigt} onClick={() => void aktionen.kpiAktualisieren()}>
          KPIs aktualisieren
        </Button>
      </div>
      <Text size={200} className={s.leise}>
        Einrichten legt fehlende Blätter, Tabellen und Auswahllisten an. Prüfen meldet jede fehlerhafte Zelle. KPIs
        aktualisieren berechnet die Blätter „KPI Übersicht“, „KPI Handlungsziele“, „Umsetzungsbericht“ und „Verlauf“
        neu.
      </Text>
    </div>
  );
}
