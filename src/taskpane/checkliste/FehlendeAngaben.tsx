/**
 * "Fehlende Angaben": what is missing before the Umsetzungsbericht, grouped
 * by Handlungsfeld with network and network leads (whom to ask), with the
 * completeness figure. Entries with a cell can jump there.
 */
import { Badge, Link, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import { meldungOhneAdresse } from '../../domain/befunde';
import { FEHLEND_ARTEN, FEHLEND_TITEL, type FehlendeAngabe, type FehlendeAngabenBericht } from '../../domain/fehlend';
import { useGemeinsameStile } from '../komponenten/stile';
import { anzahl, prozentImAufgabenbereich as prozent } from '../../domain/format';

export interface FehlendeAngabenProps {
  readonly bericht: FehlendeAngabenBericht;
  /** jump to a cell; without it entries are plain text */
  readonly onZelleWaehlen?: (blatt: string, zelle: string) => void;
}

const useStyles = makeStyles({
  gruppe: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  // the jump link sits in the entry's sentence, in its size
  sprung: { fontSize: 'inherit', lineHeight: 'inherit' },
  zaehler: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  liste: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
  },
});

/** With a jump link the link names the cell; the text need not repeat it (one stripping rule: the domain's). */
function ohneAdresse(a: FehlendeAngabe): string {
  return meldungOhneAdresse({ blatt: a.blatt, zelle: a.zelle, spalte: '', meldung: a.meldung, schwere: 'Warnung', regel: a.art });
}

export function FehlendeAngaben({ bericht, onZelleWaehlen }: FehlendeAngabenProps) {
  const s = useStyles();
  const gem = useGemeinsameStile();
  const g = bericht.gesamt;
  const summe = FEHLEND_ARTEN.reduce((n, a) => n + g.anzahl[a], 0);
  return (
    <section className={gem.spalte} aria-label="Fehlende Angaben">
      <div className={s.gruppe}>
        <Text weight="semibold">{`Vollständigkeit für den Umsetzungsbericht ${bericht.berichtsjahr}: ${prozent(g.vollstaendigkeit)}`}</Text>
        <ProgressBar
          value={g.vollstaendigkeit ?? 0}
          thickness="large"
          color={bericht.vollstaendig ? 'success' : 'brand'}
          aria-label="Vollständigkeit"
        />
        <Text size={200}>
          {summe === 0
            ? 'Es fehlt nichts – der Bericht kann erstellt werden.'
            : `${anzahl(summe, 'Angabe fehlt', 'Angaben fehlen')}.`}
        </Text>
        <div className={s.zaehler}>
          {FEHLEND_ARTEN.filter((a) => g.anzahl[a] > 0).map((a) => (
            <Badge key={a} appearance="tint" color="warning">{`${FEHLEND_TITEL[a]}: ${g.anzahl[a]}`}</Badge>
          ))}
        </div>
      </div>
      {bericht.handlungsfelder
        .filter((h) => h.angaben.length > 0)
        .map((h) => (
          <section key={h.hf ?? 'ohne'} className={s.gruppe} aria-label={`Handlungsfeld ${h.hf ?? ''} ${h.handlungsfeld}`}>
            <Text weight="semibold">{`${h.hf === null ? '' : `HF ${h.hf} `}${h.handlungsfeld} – ${prozent(h.vollstaendigkeit)} vollständig`}</Text>
            {h.netzwerk || h.netzwerkleitung ? (
              <Text size={200} className={gem.leise}>
                {[h.netzwerk, h.netzwerkleitung && `Netzwerkleitung: ${h.netzwerkleitung}`].filter(Boolean).join(' · ')}
              </Text>
            ) : null}
            <ul className={s.liste}>
              {h.angaben.map((a, i) => (
                <li key={`${a.art}-${a.handlungszielId}-${a.kennzahlId ?? ''}-${i}`}>
                  <Text size={200}>
                    {onZelleWaehlen && a.zelle ? ohneAdresse(a) : a.meldung}{' '}
                    {onZelleWaehlen && a.zelle ? (
                      <Link as="button" className={s.sprung} onClick={() => onZelleWaehlen(a.blatt, a.zelle)}>
                        {`Zu ${a.blatt}!${a.zelle}`}
                      </Link>
                    ) : null}
                  </Text>
                </li>
              ))}
            </ul>
          </section>
        ))}
    </section>
  );
}
