import {
  AriaLiveAnnouncer,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { Suspense, lazy, useEffect, useRef, useState, type ReactNode } from 'react';
import { ANSICHTEN, type Ansicht } from './ansicht';
import { Start } from './start/Start';
import type { ChecklisteGateway } from './checkliste/gateway';
import type { ArbeitsmappeGateway, SelbsttestErgebnis } from './gateway';
import type { JahreswechselGateway } from './jahreswechsel/gateway';
import type { NetzwerkGateway } from './netzwerk/gateway';
import { FehlerAnzeige } from './komponenten/FehlerAnzeige';
import { ZIELE, useArbeitsmappe, zaehlung } from './useArbeitsmappe';

// Views not needed on first paint load on demand, to keep the initial bundle small.
const Pruefen = lazy(() => import(/* webpackChunkName: "pruefen" */ './pruefen/Pruefen').then((m) => ({ default: m.Pruefen })));
const Kpis = lazy(() => import(/* webpackChunkName: "kpis" */ './kpi/Kpis').then((m) => ({ default: m.Kpis })));
const ChecklisteAnsicht = lazy(() =>
  import(/* webpackChunkName: "checkliste" */ './checkliste/ChecklisteAnsicht').then((m) => ({ default: m.ChecklisteAnsicht })),
);
const NetzwerkUebernehmen = lazy(() =>
  import(/* webpackChunkName: "netzwerk" */ './netzwerk/NetzwerkUebernehmen').then((m) => ({ default: m.NetzwerkUebernehmen })),
);

// Fluent marks a focused text field only by a 2 px underline (about 2.2:1); an outline in the focus
// stroke colour (black on light, white on dark) is visible at 3:1 or more on every background (WCAG 2.4.7, 1.4.11).
const TEXTFELDER = ['fui-Input', 'fui-Textarea', 'fui-Select', 'fui-Dropdown', 'fui-Combobox', 'fui-SpinButton'];
const textfeldFokus = Object.fromEntries(
  TEXTFELDER.map((k) => [`& .${k}:focus-within`, { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' }]),
);

const useStyles = makeStyles({
  wurzel: {
    minHeight: '100vh',
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground2,
    // long German compounds wrap instead of running out of a narrow pane (320 px at 200 % zoom is 160 px)
    overflowWrap: 'break-word',
    // a MessageBar's text sits in a grid column sized by its longest word: let that word break too
    '& .fui-MessageBarBody': { minWidth: 0, overflowWrap: 'anywhere' },
    ...textfeldFokus,
  },
  kopf: {
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} 0`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  titel: {
    display: 'block',
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase400,
    color: tokens.colorBrandForeground1,
  },
  inhalt: {
    padding: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    flexGrow: 1,
  },
  // One row from 320 px on: the list may use the header's right padding, tabs are tight, and below
  // 360 px the labels get smaller. If it still does not fit (browser zoom), it scrolls instead of wrapping.
  tabs: {
    // the first label stays aligned with the title
    marginLeft: `calc(-1 * ${tokens.spacingHorizontalXS})`,
    marginRight: `calc(${tokens.spacingHorizontalXS} - ${tokens.spacingHorizontalL})`,
    flexWrap: 'nowrap',
    overflowX: 'auto',
    scrollbarWidth: 'thin',
  },
  tab: { paddingLeft: tokens.spacingHorizontalXXS, paddingRight: tokens.spacingHorizontalXXS, minWidth: 0, flexShrink: 0 },
  tabText: { '@media (max-width: 359px)': { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 } },
});

export interface AppProps {
  readonly gateway: ArbeitsmappeGateway;
  readonly dunkel?: boolean;
  readonly startAnsicht?: Ansicht;
  /** run the start view's action at once (ribbon buttons Prüfen / KPIs aktualisieren) */
  readonly ausfuehren?: boolean;
  /** German notices from start-up, e.g. an unsupported requirement set */
  readonly hinweise?: readonly string[];
  /** neutral notice above the views (the demo says it is not a real workbook) */
  readonly info?: string;
  /** gateways of the Checkliste and Netzwerke tabs; without one the tab says it is unavailable */
  readonly checkliste?: ChecklisteGateway;
  readonly netzwerk?: NetzwerkGateway;
  /** gateway of „Neues Berichtsjahr anlegen“ on Start; without one the section is not shown */
  readonly jahreswechsel?: JahreswechselGateway;
}

function Platzhalter({ text }: { text: string }) {
  return <Text>{text}</Text>;
}

export function App(props: AppProps) {
  return (
    <FluentProvider theme={props.dunkel ? webDarkTheme : webLightTheme} lang="de">
      {/* announcements (MessageBars, useAsyncAktion) need the announcer above the state */}
      <AriaLiveAnnouncer>
        <Oberflaeche {...props} />
      </AriaLiveAnnouncer>
    </FluentProvider>
  );
}

function Oberflaeche({
  gateway,
  startAnsicht = 'start',
  ausfuehren = false,
  hinweise = [],
  info,
  checkliste,
  netzwerk,
  jahreswechsel,
}: AppProps) {
  const s = useStyles();
  const [ansicht, setAnsicht] = useState<Ansicht>(startAnsicht);
  const [zustand, aktionen] = useArbeitsmappe(gateway);
  const gestartet = useRef(false);

  useEffect(() => {
    // StrictMode mounts twice in development; the start actions must run once.
    if (gestartet.current) return;
    gestartet.current = true;
    void (async () => {
      await aktionen.ladeStatus();
      if (ausfuehren && startAnsicht === 'pruefen') await aktionen.pruefen();
      if (ausfuehren && startAnsicht === 'kpi') await aktionen.kpiAktualisieren();
    })();
  }, [aktionen, ausfuehren, startAnsicht]);

  // An action that switches the view unmounts the button that had the focus:
  // the focus goes to the tab of the new view instead of falling to <body>.
  const tabZiel = (a: Ansicht) => `tab-${a}`;
  const zeige = (a: Ansicht) => setAnsicht(a);
  const wechsle = (a: Ansicht) => {
    aktionen.fokussiere(tabZiel(a));
    setAnsicht(a);
  };
  // „Fehler anzeigen“: the Prüfen view with the findings the last action found, its result takes the focus
  const fehlerZeigen = () => {
    setAnsicht('pruefen');
    aktionen.fokussiere(ZIELE.pruefung);
    if (zustand.pruefung) aktionen.ansagen(`Prüfen: ${zaehlung(zustand.pruefung.findings)}.`);
  };
  const pruefenUndZeigen = async () => {
    wechsle('pruefen');
    await aktionen.pruefen();
  };
  const kpiUndZeigen = async () => {
    wechsle('kpi');
    await aktionen.kpiAktualisieren();
  };

  let inhalt: ReactNode;
  switch (ansicht) {
    case 'start':
      inhalt = (
        <Start
          zustand={zustand}
          aktionen={{ ...aktionen, pruefen: pruefenUndZeigen, kpiAktualisieren: kpiUndZeigen }}
          jahreswechsel={jahreswechsel}
          selbsttest={
            gateway.selbsttest ? () => (gateway.selbsttest as () => Promise<SelbsttestErgebnis>).call(gateway) : undefined
          }
        />
      );
      break;
    case 'pruefen':
      inhalt = <Pruefen zustand={zustand} aktionen={aktionen} />;
      break;
    case 'kpi':
      inhalt = <Kpis zustand={zustand} aktionen={aktionen} zuPruefen={fehlerZeigen} />;
      break;
    case 'checkliste':
      inhalt = checkliste ? (
        <ChecklisteAnsicht gateway={checkliste} />
      ) : (
        <Platzhalter text="Die Checkliste ist hier nicht verfügbar." />
      );
      break;
    case 'netzwerk':
      // an import changes the workbook: refresh the status shown on Start
      inhalt = netzwerk ? (
        <NetzwerkUebernehmen gateway={netzwerk} onGeaendert={() => void aktionen.ladeStatus()} />
      ) : (
        <Platzhalter text="Das Übernehmen von Netzwerkdateien ist hier nicht verfügbar." />
      );
      break;
  }

  return (
    <div className={s.wurzel}>
      <header className={s.kopf}>
        <Text as="h1" className={s.titel}>
          Integrationsmonitor
        </Text>
        <TabList
          className={s.tabs}
          size="small"
          selectedValue={ansicht}
          onTabSelect={(_, d) => zeige(d.value as Ansicht)}
          aria-label="Ansichten"
        >
          {ANSICHTEN.map((a) => (
            <Tab key={a.id} value={a.id} className={s.tab} content={{ className: s.tabText }} ref={aktionen.ziel(tabZiel(a.id))}>
              {a.titel}
            </Tab>
          ))}
        </TabList>
      </header>
      <main className={s.inhalt}>
        {info ? (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{info}</MessageBarBody>
          </MessageBar>
        ) : null}
        {hinweise.map((h) => (
          <MessageBar key={h} intent="warning" layout="multiline">
            <MessageBarBody>{h}</MessageBarBody>
          </MessageBar>
        ))}
        {zustand.fehler ? (
          <FehlerAnzeige
            fehler={zustand.fehler.fehler}
            onSchliessen={() => aktionen.fehlerSchliessen(tabZiel(ansicht))}
            fokusRef={aktionen.ziel(ZIELE.fehler)}
          />
        ) : null}
        <Suspense fallback={<Spinner size="small" label="Ansicht wird geladen …" />}>{inhalt}</Suspense>
      </main>
    </div>
  );
}
