import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useMemo } from 'react';
import { meldungOhneAdresse } from '../../domain/befunde';
import { SHEETS } from '../../domain/schema';
import type { Finding } from '../../domain/model';
import { anzahl, datumZeit } from '../../domain/format';
import { ZIELE, istBeschaeftigt, type ArbeitsmappeAktionen, type ArbeitsmappeZustand } from '../useArbeitsmappe';
import { useGemeinsameStile } from '../komponenten/stile';

const useStyles = makeStyles({
  kopf: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalS },
  zaehler: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    flexWrap: 'wrap',
  },
  knopf: { whiteSpace: 'nowrap', flexShrink: 0 },
  gruppenKopf: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, width: '100%' },
  gruppenName: { flexGrow: 1, fontWeight: tokens.fontWeightSemibold },
  listenAbstand: { rowGap: '2px' },
  eintrag: {
    display: 'grid',
    gridTemplateColumns: '64px 1fr',
    columnGap: tokens.spacingHorizontalS,
    rowGap: '2px',
    width: '100%',
    textAlign: 'left',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `1px solid transparent`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  klickbar: {
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover, border: `1px solid ${tokens.colorNeutralStroke2}` },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  marke: { justifySelf: 'start', alignSelf: 'start', marginTop: '1px' },
  ort: { fontWeight: tokens.fontWeightSemibold, gridColumnStart: 2 },
  meldung: { gridColumnStart: 2, wordBreak: 'break-word' },
});

interface Gruppe {
  readonly blatt: string;
  readonly fehler: number;
  readonly warnungen: number;
  readonly findings: readonly Finding[];
}

const BLATT_REIHENFOLGE: readonly string[] = Object.values(SHEETS);

const mitFehler = (liste: readonly Finding[]) => (liste.some((f) => f.schwere === 'Fehler') ? 1 : 0);

/**
 * Findings grouped by sheet: sheets with Fehler first (they block the KPIs),
 * then workbook order; Fehler before Warnungen within a sheet.
 */
export function gruppiereNachBlatt(findings: readonly Finding[]): Gruppe[] {
  const nachBlatt = new Map<string, Finding[]>();
  for (const f of findings) {
    const liste = nachBlatt.get(f.blatt) ?? [];
    liste.push(f);
    nachBlatt.set(f.blatt, liste);
  }
  const rang = (blatt: string) => {
    const i = BLATT_REIHENFOLGE.indexOf(blatt);
    return i < 0 ? BLATT_REIHENFOLGE.length : i;
  };
  return [...nachBlatt.entries()]
    .sort(([a, fa], [b, fb]) => mitFehler(fb) - mitFehler(fa) || rang(a) - rang(b) || a.localeCompare(b, 'de'))
    .map(([blatt, liste]) => {
      const sortiert = [...liste.filter((f) => f.schwere === 'Fehler'), ...liste.filter((f) => f.schwere !== 'Fehler')];
      const fehler = liste.length - liste.filter((f) => f.schwere !== 'Fehler').length;
      return { blatt, fehler, warnungen: liste.length - fehler, findings: sortiert };
    });
}

function FindingEintrag({ f, onWaehlen }: { f: Finding; onWaehlen: (f: Finding) => void }) {
  const s = useStyles();
  const ort = [f.zelle || 'ganzes Blatt', f.spalte].filter(Boolean).join(' · ');
  const badge = (
    <Badge className={s.marke} appearance="tint" color={f.schwere === 'Fehler' ? 'danger' : 'warning'} size="small">
      {f.schwere}
    </Badge>
  );
  const inhalt = (
    <>
      {badge}
      <span className={s.ort}>{ort}</span>
      <span className={s.meldung}>{meldungOhneAdresse(f)}</span>
    </>
  );
  if (!f.zelle) {
    return <div className={s.eintrag}>{inhalt}</div>;
  }
  return (
    <button
      type="button"
      className={mergeClasses(s.eintrag, s.klickbar)}
      // the accessible name is the visible text (WCAG 2.5.3); the sheet is the list's name
      title={`Zu ${f.blatt}!${f.zelle} springen`}
      onClick={() => onWaehlen(f)}
    >
      {inhalt}
    </button>
  );
}

export function Pruefen({ zustand, aktionen }: { zustand: ArbeitsmappeZustand; aktionen: ArbeitsmappeAktionen }) {
  const s = useStyles();
  const gem = useGemeinsameStile();
  const { pruefung, laeuft } = zustand;
  const gruppen = useMemo(() => (pruefung ? gruppiereNachBlatt(pruefung.findings) : []), [pruefung]);
  const fehler = gruppen.reduce((n, g) => n + g.fehler, 0);
  const warnungen = gruppen.reduce((n, g) => n + g.warnungen, 0);
  const beschaeftigt = istBeschaeftigt(zustand);
  const waehlen = (f: Finding) => void aktionen.waehleZelle(f.blatt, f.zelle);

  return (
    <div className={gem.spalte}>
      <div className={s.kopf}>
        {/* the result takes the focus after Prüfen; the hook announces the counts */}
        <div
          className={mergeClasses(s.zaehler, gem.fokusZiel)}
          role="group"
          aria-label="Ergebnis der Prüfung"
          tabIndex={-1}
          ref={aktionen.ziel(ZIELE.pruefung)}
          data-testid="zaehler"
        >
          {pruefung ? (
            <>
              <Badge size="large" appearance={fehler > 0 ? 'filled' : 'tint'} color={fehler > 0 ? 'danger' : 'informative'}>
                {anzahl(fehler, 'Fehler', 'Fehler')}
              </Badge>
              <Badge
                size="large"
                appearance={warnungen > 0 ? 'filled' : 'tint'}
                color={warnungen > 0 ? 'warning' : 'informative'}
              >
                {anzahl(warnungen, 'Warnung', 'Warnungen')}
              </Badge>
            </>
          ) : (
            <Text className={gem.leise}>Noch nicht geprüft.</Text>
          )}
        </div>
        <Button
          className={s.knopf}
          size="small"
          appearance={pruefung ? 'secondary' : 'primary'}
          disabledFocusable={beschaeftigt}
          onClick={() => void aktionen.pruefen()}
        >
          {pruefung ? 'Erneut prüfen' : 'Jetzt prüfen'}
        </Button>
      </div>

      {laeuft === 'pruefen' ? <Spinner size="small" label="Arbeitsmappe wird geprüft …" /> : null}

      {pruefung && laeuft !== 'pruefen' ? (
        <>
          <Text size={200} className={gem.leise}>
            Geprüft am {datumZeit(pruefung.geprueftAm)}.{' '}
            {pruefung.findings.length > 0 ? 'Klicken Sie auf einen Eintrag, um die Zelle in Excel auszuwählen.' : ''}
          </Text>
          {pruefung.findings.length === 0 ? (
            <MessageBar intent="success">
              <MessageBarBody>
                <MessageBarTitle>Alles in Ordnung</MessageBarTitle>
                Keine Fehler und keine Warnungen gefunden.
              </MessageBarBody>
            </MessageBar>
          ) : fehler === 0 ? (
            <MessageBar intent="info">
              <MessageBarBody>
                Keine Fehler – die KPIs können berechnet werden. Die Warnungen zeigen fehlende Angaben.
              </MessageBarBody>
            </MessageBar>
          ) : (
            <MessageBar intent="error">
              <MessageBarBody>
                Solange Fehler bestehen, sind die KPIs nicht verlässlich und werden nicht berechnet.
              </MessageBarBody>
            </MessageBar>
          )}
          <Accordion multiple collapsible defaultOpenItems={gruppen.map((g) => g.blatt)}>
            {gruppen.map((g) => (
              <AccordionItem key={g.blatt} value={g.blatt}>
                {/* one heading per sheet, so screen readers can jump between the groups */}
                <AccordionHeader as="h2">
                  <span className={s.gruppenKopf}>
                    <span className={s.gruppenName}>{g.blatt}</span>
                    {g.fehler > 0 ? (
                      <Badge color="danger" appearance="filled" size="small">
                        {anzahl(g.fehler, 'Fehler', 'Fehler')}
                      </Badge>
                    ) : null}
                    {g.warnungen > 0 ? (
                      <Badge color="warning" appearance="filled" size="small">
                        {anzahl(g.warnungen, 'Warnung', 'Warnungen')}
                      </Badge>
                    ) : null}
                  </span>
                </AccordionHeader>
                <AccordionPanel>
                  <ul className={mergeClasses(gem.liste, s.listenAbstand)} aria-label={`Meldungen auf ${g.blatt}`}>
                    {g.findings.map((f, i) => (
                      <li key={`${f.zelle}-${f.regel}-${i}`}>
                        <FindingEintrag f={f} onWaehlen={waehlen} />
                      </li>
                    ))}
                  </ul>
                </AccordionPanel>
              </AccordionItem>
            ))}
          </Accordion>
        </>
      ) : null}
    </div>
  );
}
