/**
 * demo.html: the real task pane against an in-memory workbook with planted
 * errors. Used by the browser end-to-end run and to show the UI without
 * Excel; the add-in itself (taskpane.html) never loads this code.
 */
import { createRoot } from 'react-dom/client';
import { App } from '../App';
import { startAnsichtAusUrl } from '../ansicht';
import { FakeGateway, demoFehler } from './fakeGateway';

declare global {
  interface Window {
    /** handle for the e2e test: selections seen by the fake, planted errors */
    __integrationsmonitorDemo?: { gateway: FakeGateway; fehlerAdressen: string[] };
  }
}

const params = new URLSearchParams(window.location.search);
const latenz = Number(params.get('latenz') ?? '400');
const fehler = demoFehler();
const gateway = new FakeGateway({
  // ?vollstaendig=1 starts with a complete layout (tests that begin on the Prüfen view)
  fehlendeTabellen: params.get('vollstaendig') === '1' ? [] : ['einstellungen'],
  fehler,
  latenzMs: Number.isFinite(latenz) ? latenz : 400,
});
window.__integrationsmonitorDemo = { gateway, fehlerAdressen: fehler.map((f) => FakeGateway.adresse(f)) };

const { ansicht, ausfuehren } = startAnsichtAusUrl(window.location.search);
const container = document.getElementById('container');
if (!container) throw new Error('#container fehlt in demo.html');
createRoot(container).render(
  <App
    gateway={gateway}
    dunkel={params.get('thema') === 'dunkel'}
    startAnsicht={ansicht}
    ausfuehren={ausfuehren}
    info="Demo mit Beispieldaten: Es ist keine Excel-Arbeitsmappe verbunden. Vier Fehler sind absichtlich eingebaut."
  />,
);
