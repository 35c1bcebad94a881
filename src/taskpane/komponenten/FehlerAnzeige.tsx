import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { BenutzerFehler } from '../gateway';
import { useGemeinsameStile } from './stile';

const useStyles = makeStyles({
  technisch: {
    display: 'block',
    marginTop: tokens.spacingVerticalXS,
    color: tokens.colorNeutralForeground3,
    wordBreak: 'break-word',
  },
  hinweis: { display: 'block', marginTop: tokens.spacingVerticalXXS },
});

/**
 * A failed action: what went wrong, what to do, and the technical code small for support.
 * `fokusRef` (from useAsyncAktion's `ziel`) lets the message take the focus when it appears.
 */
export function FehlerAnzeige({
  fehler,
  onSchliessen,
  fokusRef,
}: {
  fehler: BenutzerFehler;
  onSchliessen?: () => void;
  fokusRef?: (el: HTMLElement | null) => void;
}) {
  const s = useStyles();
  const gem = useGemeinsameStile();
  return (
    <MessageBar
      intent="error"
      layout="multiline"
      role="alert"
      ref={fokusRef}
      tabIndex={fokusRef ? -1 : undefined}
      className={gem.fokusZiel}
    >
      <MessageBarBody>
        <MessageBarTitle>{fehler.message}</MessageBarTitle>
        <span className={s.hinweis}>{fehler.hinweis}</span>
        {fehler.technisch ? (
          <Text size={100} className={s.technisch}>
            Technischer Hinweis: {fehler.technisch}
          </Text>
        ) : null}
      </MessageBarBody>
      {onSchliessen ? (
        <MessageBarActions>
          <Button size="small" onClick={onSchliessen}>
            Schließen
          </Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
