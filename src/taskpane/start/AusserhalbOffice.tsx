import {
  FluentProvider,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  Title3,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import type { Umgebung } from '../umgebung';

const useStyles = makeStyles({
  wurzel: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    padding: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
    maxWidth: '560px',
  },
  schritte: { margin: 0, paddingLeft: '20px', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  leise: { color: tokens.colorNeutralForeground3 },
});

const GRUND: Readonly<Record<string, string>> = {
  'kein-office-js':
    'Die Office-Bibliothek von Microsoft konnte nicht geladen werden (keine Internetverbindung oder blockiert). Außerhalb von Excel ist das normal.',
  'kein-host': 'Diese Seite wurde in einem normalen Browser geöffnet, nicht in Excel.',
  zeitueberschreitung: 'Excel hat nicht rechtzeitig geantwortet. Schließen Sie den Aufgabenbereich und öffnen Sie ihn erneut.',
};

/** Shown instead of the pane when it is not running inside Excel, so it never hangs on a spinner. */
export function AusserhalbOffice({ umgebung }: { umgebung: Exclude<Umgebung, { art: 'excel' }> }) {
  const s = useStyles();
  const grund = umgebung.art === 'anderes-office' ? `Geöffnet in „${umgebung.host}“ – der Integrationsmonitor funktioniert nur in Excel.` : GRUND[umgebung.grund];
  return (
    <FluentProvider theme={webLightTheme} lang="de">
      <main className={s.wurzel}>
        <Title3 as="h1">In Excel öffnen</Title3>
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Der Integrationsmonitor ist ein Excel-Add-in.</MessageBarTitle>
            {grund}
          </MessageBarBody>
        </MessageBar>
        <Text>So öffnen Sie ihn:</Text>
        <ol className={s.schritte}>
          <li>Öffnen Sie die Arbeitsplanung in Excel (Desktop oder Excel im Web).</li>
          <li>
            Wählen Sie im Menüband <strong>Start › Integrationsmonitor › Aufgabenbereich öffnen</strong>.
          </li>
          <li>
            Fehlt das Add-in, laden Sie es wie in der Anleitung (README, Abschnitt „Das Add-in in Excel laden“) beschrieben.
          </li>
        </ol>
        <Text size={200} className={s.leise}>
          Nur zum Ansehen: Die <Link href="demo.html">Demo mit Beispieldaten</Link> zeigt die Oberfläche ohne Excel.
        </Text>
      </main>
    </FluentProvider>
  );
}
