/**
 * taskpane.html: waits for Office (with a time limit), then shows the pane
 * on the Office.js gateway, or the "In Excel öffnen" state when the page is
 * not running inside Excel. The Excel part is loaded only inside Excel.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startAnsichtAusUrl } from './ansicht';
import { AusserhalbOffice } from './start/AusserhalbOffice';
import { ermittleUmgebung } from './umgebung';

/** Office.onReady answers within a second in Excel; a plain browser must not wait longer than this. */
const WARTEZEIT_MS = 8000;

async function start(): Promise<void> {
  const container = document.getElementById('container');
  if (!container) throw new Error('#container fehlt in taskpane.html');
  const root = createRoot(container);
  const office: unknown = typeof Office === 'undefined' ? undefined : Office;
  const umgebung = await ermittleUmgebung(office, WARTEZEIT_MS);
  if (umgebung.art !== 'excel') {
    root.render(<AusserhalbOffice umgebung={umgebung} />);
    return;
  }
  const [
    { App },
    { OfficeGateway, anforderungsHinweise },
    { OfficeChecklisteGateway },
    { OfficeNetzwerkGateway },
    { OfficeJahreswechselGateway },
  ] = await Promise.all([
    import(/* webpackChunkName: "app" */ './App'),
    import(/* webpackChunkName: "excel" */ './officeGateway'),
    import(/* webpackChunkName: "excel" */ './checkliste/gateway'),
    import(/* webpackChunkName: "excel" */ './netzwerk/gateway'),
    import(/* webpackChunkName: "excel" */ './jahreswechsel/gateway'),
  ]);
  const { ansicht, ausfuehren } = startAnsichtAusUrl(window.location.search);
  root.render(
    <StrictMode>
      <App
        gateway={new OfficeGateway()}
        checkliste={new OfficeChecklisteGateway()}
        netzwerk={new OfficeNetzwerkGateway()}
        jahreswechsel={new OfficeJahreswechselGateway()}
        dunkel={umgebung.dunkel}
        startAnsicht={ansicht}
        ausfuehren={ausfuehren}
        hinweise={anforderungsHinweise()}
      />
    </StrictMode>,
  );
}

start().catch((e: unknown) => {
  // Last resort: a start-up failure must be visible in the pane, not only in the console.
  const container = document.getElementById('container');
  if (container) {
    container.textContent = '';
    const p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.style.padding = '16px';
    p.textContent = `Der Integrationsmonitor konnte nicht starten: ${e instanceof Error ? e.message : String(e)}. Bitte schließen Sie den Aufgabenbereich und öffnen Sie ihn erneut.`;
    container.appendChild(p);
  }
});
