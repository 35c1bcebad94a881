/**
 * demo.html: the real task pane, the real Office gateway and the real
 * Office.js adapter, running on an in-memory fake of the Excel API with
 * planted errors (demoExcel.ts). Used by the browser end-to-end run and to
 * show the UI without Excel; the add-in itself (taskpane.html) never loads it.
 *   ?latenz=ms  simulated Excel latency     ?vollstaendig=1  no missing table
 *   ?ansicht=pruefen|kpi  start view (runs its action, like the ribbon)
 *   ?thema=dunkel  dark Office theme
 */
import { createRoot } from 'react-dom/client';
import { App } from '../App';
import { startAnsichtAusUrl } from '../ansicht';
import { OfficeChecklisteGateway } from '../checkliste/gateway';
import { OfficeJahreswechselGateway } from '../jahreswechsel/gateway';
import { OfficeNetzwerkGateway } from '../netzwerk/gateway';
import { OfficeGateway } from '../officeGateway';
import { installiereDemoExcel, type DemoExcel } from './demoExcel';

declare global {
  interface Window {
    /** handle for the e2e test: the fake workbook, selections, planted errors */
    __integrationsmonitorDemo?: DemoExcel;
  }
}

const params = new URLSearchParams(window.location.search);
const latenz = Number(params.get('latenz') ?? '300');
const excel = installiereDemoExcel({
  vollstaendig: params.get('vollstaendig') === '1',
  latenzMs: Number.isFinite(latenz) ? latenz : 300,
});
window.__integrationsmonitorDemo = excel;

const { ansicht, ausfuehren } = startAnsichtAusUrl(window.location.search);
const container = document.getElementById('container');
if (!container) throw new Error('#container fehlt in demo.html');
createRoot(container).render(
  <App
    gateway={new OfficeGateway()}
    checkliste={new OfficeChecklisteGateway()}
    netzwerk={new OfficeNetzwerkGateway()}
    jahreswechsel={new OfficeJahreswechselGateway()}
    dunkel={params.get('thema') === 'dunkel'}
    startAnsicht={ansicht}
    ausfuehren={ausfuehren}
    info="Demo mit Beispieldaten: Statt Excel läuft eine simulierte Arbeitsmappe im Browser. Vier Fehler sind absichtlich eingebaut."
  />,
);
