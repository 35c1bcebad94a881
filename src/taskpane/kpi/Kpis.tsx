import {
  Badge,
  Button,
  Card,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Subtitle2,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useMemo } from 'react';
import type { Ampel, KpiResult } from '../../domain/model';
import { AMPEL_LABEL } from '../../workbook/layout';
import { BerichtAktionen } from './BerichtAktionen';
import { anzahl, datumZeit, prozentImAufgabenbereich as prozent } from '../../domain/format';
import { ZIELE, istBeschaeftigt, type ArbeitsmappeAktionen, type ArbeitsmappeZustand } from '../useArbeitsmappe';
import { AMPEL_BADGE, useGemeinsameStile } from '../komponenten/stile';

const useStyles = makeStyles({
  kennzahlen: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  // name and value side by side; in a narrow pane (200 % zoom) the value wraps below instead of being cut off
  kennzahl: { display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalM },
  name: { minWidth: 0, overflowWrap: 'anywhere' },
  wert: { fontWeight: tokens.fontWeightSemibold, textAlign: 'right', marginLeft: 'auto', whiteSpace: 'nowrap' },
  // the table keeps its columns; where they do not fit (200 % zoom, text spacing) it scrolls instead of being clipped
  tabellenRahmen: { maxWidth: '100%', overflowX: 'auto' },
  tabelle: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  th: {
    textAlign: 'center',
    fontWeight: tokens.fontWeightSemibold,
    padding: `${tokens.spacingVerticalXS} 2px`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  thLinks: { textAlign: 'left' },
  td: {
    textAlign: 'center',
    padding: `${tokens.spacingVerticalXS} 2px`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  tdLinks: { textAlign: 'left', whiteSpace: 'nowrap' },
  // the outline keeps light dots visible on the card, and the dot visible in Windows high contrast
  punkt: {
    display: 'inline-block',
    width: '10px',
    height: '10px',
    borderRadius: '50%',
    verticalAlign: 'middle',
    border: `1px solid ${tokens.colorNeutralForeground1}`,
    boxSizing: 'border-box',
    '@media (forced-colors: active)': { forcedColorAdjust: 'none', border: '1px solid CanvasText' },
  },
  ampelWort: { whiteSpace: 'nowrap', fontSize: tokens.fontSizeBase100 },
  nowrap: { whiteSpace: 'nowrap' },
  null: { color: tokens.colorNeutralForeground4 },
});

const AMPELN: readonly Ampel[] = ['gruen', 'gelb', 'rot', 'keine_daten'];
const AMPEL_FARBE: Readonly<Record<Ampel, string>> = {
  gruen: '#107C10',
  gelb: '#F2C811',
  rot: '#C50F1F',
  keine_daten: '#A0A0A0',
};

export interface AmpelZeile {
  readonly hf: number;
  readonly zielerreichung: number | null;
  readonly ampel: Ampel;
  readonly anzahl: Readonly<Record<Ampel, number>>;
}

/** Handlungsziele per HF counted by Ampel, one row per Handlungsfeld (SPEC §4). */
export function ampelJeHandlungsfeld(kpi: KpiResult): AmpelZeile[] {
  return kpi.handlungsfelder.map((hf) => {
    const anzahl: Record<Ampel, number> = { gruen: 0, gelb: 0, rot: 0, keine_daten: 0 };
    for (const z of kpi.handlungsziele) if (z.hf === hf.hf) anzahl[z.ampel] += 1;
    return { hf: hf.hf, zielerreichung: hf.zielerreichung, ampel: hf.ampel, anzahl };
  });
}

function AmpelPunkt({ ampel }: { ampel: Ampel }) {
  const s = useStyles();
  return <span className={s.punkt} style={{ backgroundColor: AMPEL_FARBE[ampel] }} aria-hidden />;
}

function Ergebnis({
  kpi,
  berechnetAm,
  fokusRef,
}: {
  kpi: KpiResult;
  berechnetAm: Date;
  fokusRef: (el: HTMLElement | null) => void;
}) {
  const s = useStyles();
  const gem = useGemeinsameStile();
  const zeilen = useMemo(() => ampelJeHandlungsfeld(kpi), [kpi]);
  const g = kpi.gesamt;
  return (
    <>
      <Card aria-labelledby="kpi-gesamt">
        <Text
          as="h2"
          size={400}
          weight="semibold"
          id="kpi-gesamt"
          className={mergeClasses(gem.ueberschrift, gem.fokusZiel)}
          tabIndex={-1}
          ref={fokusRef}
        >
          Gesamt {kpi.berichtsjahr}
        </Text>
        <div className={s.kennzahlen}>
          {(
            [
              [
                'Zielerreichung',
                <>
                  {prozent(g.zielerreichung)}{' '}
                  <Badge appearance="tint" color={AMPEL_BADGE[g.ampel]} size="small">
                    {AMPEL_LABEL[g.ampel]}
                  </Badge>
                </>,
              ],
              ['Umsetzungsquote', prozent(g.umsetzungsquote)],
              ['Maßnahmen (davon umgesetzt)', `${g.massnahmen} (${g.umgesetzt})`],
              ['Wirkungen', g.wirkungen],
              ['Standardmaßnahmen (separat)', g.standardmassnahmen],
            ] as const
          ).map(([name, wert]) => (
            <div key={name} className={s.kennzahl}>
              <Text className={s.name}>{name}</Text>
              <span className={s.wert}>{wert}</span>
            </div>
          ))}
        </div>
        <Text size={200} className={gem.leise}>
          Berechnet am {datumZeit(berechnetAm)}; die Blätter „KPI Übersicht“ und „KPI Handlungsziele“ sind neu geschrieben.
        </Text>
      </Card>

      <Card aria-labelledby="kpi-hf">
        <Subtitle2 as="h2" id="kpi-hf" className={gem.ueberschrift}>
          Handlungsziele je Ampel
        </Subtitle2>
        {/* focusable: a keyboard user can scroll it (WCAG 2.1.1) */}
        <div
          className={mergeClasses(s.tabellenRahmen, gem.fokusZiel)}
          role="region"
          aria-label="Tabelle Handlungsziele je Ampel"
          tabIndex={0}
        >
          <table className={s.tabelle} aria-labelledby="kpi-hf">
            <thead>
              <tr>
                <th scope="col" className={`${s.th} ${s.thLinks}`}>
                  HF
                </th>
                <th scope="col" className={s.th}>
                  Ziel&shy;erreichung
                </th>
                {AMPELN.map((a) => (
                  <th scope="col" key={a} className={s.th} title={AMPEL_LABEL[a]}>
                    <AmpelPunkt ampel={a} />
                    <br />
                    <span className={s.nowrap}>{a === 'keine_daten' ? 'k. D.' : AMPEL_LABEL[a]}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {zeilen.map((z) => (
                <tr key={z.hf} data-testid={`hf-${z.hf}`}>
                  <th scope="row" className={`${s.td} ${s.tdLinks}`}>
                    HF {z.hf}
                  </th>
                  <td className={s.td}>
                    {prozent(z.zielerreichung)} <AmpelPunkt ampel={z.ampel} /> {/* the word, not the colour alone */}
                    <span className={s.ampelWort}>{AMPEL_LABEL[z.ampel]}</span>
                  </td>
                  {AMPELN.map((a) => (
                    <td key={a} className={`${s.td} ${z.anzahl[a] === 0 ? s.null : ''}`}>
                      {z.anzahl[a]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Text size={200} className={gem.leise}>
          {anzahl(kpi.handlungsziele.length, 'Handlungsziel', 'Handlungsziele')},{' '}
          {anzahl(kpi.kennzahlen.length, 'Kennzahl', 'Kennzahlen')}. k. D. = keine Daten (kein Istwert).
        </Text>
        {/* the thresholds come from the workbook (Stammdaten › Einstellungen), as used for this result */}
        <Text size={200} data-testid="ampel-schwellen">
          {`Ampel nach Zielerreichung: grün ab ${prozent(kpi.schwellen.gruen)}, gelb ab ${prozent(kpi.schwellen.gelb)}, darunter rot (Einstellungen im Blatt „Stammdaten“).`}
        </Text>
      </Card>
    </>
  );
}

export function Kpis({
  zustand,
  aktionen,
  zuPruefen,
}: {
  zustand: ArbeitsmappeZustand;
  aktionen: ArbeitsmappeAktionen;
  zuPruefen: () => void;
}) {
  const gem = useGemeinsameStile();
  const { kpi, laeuft, fortschritt } = zustand;
  const beschaeftigt = istBeschaeftigt(zustand);
  const fehler = kpi ? kpi.findings.filter((f) => f.schwere === 'Fehler').length : 0;

  return (
    <div className={gem.spalte}>
      <Button appearance="primary" disabledFocusable={beschaeftigt} onClick={() => void aktionen.kpiAktualisieren()}>
        {laeuft === 'kpi' ? 'KPIs werden aktualisiert …' : 'KPIs aktualisieren'}
      </Button>
      {laeuft === 'kpi' ? (
        <ProgressBar
          value={fortschritt ? fortschritt.anteil : undefined}
          thickness="large"
          aria-label="Fortschritt der KPI-Aktualisierung"
          aria-valuetext={fortschritt?.schritt}
        />
      ) : null}
      {laeuft === 'kpi' && fortschritt ? <Text size={200}>{fortschritt.schritt}</Text> : null}

      {kpi && laeuft !== 'kpi' && kpi.kpi === null ? (
        <MessageBar intent="error" layout="multiline" tabIndex={-1} ref={aktionen.ziel(ZIELE.kpi)} className={gem.fokusZiel}>
          <MessageBarBody>
            <MessageBarTitle>KPIs nicht berechnet</MessageBarTitle>
            Die Arbeitsmappe enthält {anzahl(fehler, 'Fehler', 'Fehler')}. Bitte korrigieren Sie diese zuerst; die KPI-Blätter
            bleiben bis dahin unverändert.
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={zuPruefen}>Fehler anzeigen</Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {kpi && kpi.kpi && laeuft !== 'kpi' ? (
        <Ergebnis kpi={kpi.kpi} berechnetAm={kpi.berechnetAm} fokusRef={aktionen.ziel(ZIELE.kpi)} />
      ) : null}
      {!kpi && laeuft !== 'kpi' ? (
        <Text className={gem.leise}>
          Berechnet Zielerreichung und Ampel je Kennzahl, Handlungsziel und Handlungsfeld und schreibt die KPI-Blätter neu. Die
          Datentabellen werden dabei nicht verändert.
        </Text>
      ) : null}
      {laeuft !== 'kpi' ? <BerichtAktionen zustand={zustand} aktionen={aktionen} zuPruefen={zuPruefen} /> : null}
    </div>
  );
}
