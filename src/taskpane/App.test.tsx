/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { Finding } from '../domain/model';
import { App } from './App';
import { AusserhalbOffice } from './start/AusserhalbOffice';
import { gruppiereNachBlatt } from './pruefen/Pruefen';
import { beispielTabellen } from '../workbook/beispiel';
import { installiereDemoExcel, stelle } from './demo/demoExcel';
import { OfficeGateway } from './officeGateway';
import type { ArbeitsmappeGateway } from './gateway';
import './testHilfen';

const JETZT = new Date('2026-11-25T10:30:00');

/** A finding's button by its address: the list names the sheet, the button's name starts with what it shows. */
async function eintragZu(adresse: string, timeout = 1000): Promise<HTMLElement> {
  const [blatt, zelle] = adresse.split('!');
  const liste = await screen.findByRole('list', { name: `Meldungen auf ${blatt}` }, { timeout });
  return within(liste).getByRole('button', { name: new RegExp(`^(Fehler|Warnung)\\s*${zelle}\\b`) });
}

function finding(blatt: string, zelle: string, schwere: Finding['schwere'], meldung: string, spalte = 'Art'): Finding {
  return { blatt, zelle, spalte, schwere, meldung, regel: 'TEST' };
}

/** A gateway whose answers the test fixes; every method is a jest mock. */
function mockGateway(findings: Finding[]): jest.Mocked<ArbeitsmappeGateway> {
  return {
    status: jest.fn().mockResolvedValue({ layoutVollstaendig: true, fehlend: [], letzteKpiAktualisierung: null }),
    einrichten: jest.fn().mockResolvedValue({ angelegt: [], hinweise: [], sicherungen: [] }),
    pruefen: jest.fn().mockResolvedValue({ findings, geprueftAm: JETZT }),
    kpiAktualisieren: jest.fn(),
    berichtErstellen: jest.fn(),
    herunterladen: jest.fn(),
    waehleZelle: jest.fn().mockResolvedValue(undefined),
  };
}

const FINDINGS: Finding[] = [
  finding('Kennzahlen', 'G3', 'Fehler', 'Kennzahlen!G3 (Zielwert): „viele“ ist keine Zahl.', 'Zielwert'),
  finding('Arbeitsplanung', 'D4', 'Fehler', 'Arbeitsplanung!D4 (Art): „Massnahme“ ist kein erlaubter Wert.'),
  finding('Arbeitsplanung', 'C9', 'Warnung', 'Handlungsziel 2.3 hat keine Maßnahme.', 'Handlungsziel-ID'),
  finding('Arbeitsplanung', 'J8', 'Fehler', 'Arbeitsplanung!J8 (Status): „erledigt“ ist kein erlaubter Wert.', 'Status'),
];

describe('gruppiereNachBlatt', () => {
  it('groups by sheet in workbook order, Fehler before Warnungen, with counts', () => {
    const g = gruppiereNachBlatt(FINDINGS);
    expect(g.map((x) => [x.blatt, x.fehler, x.warnungen])).toEqual([
      ['Arbeitsplanung', 2, 1],
      ['Kennzahlen', 1, 0],
    ]);
    expect(g[0].findings.map((f) => f.zelle)).toEqual(['D4', 'J8', 'C9']);
  });
});

describe('Prüfen view', () => {
  it('renders the findings grouped by sheet with counts in the header', async () => {
    const gw = mockGateway(FINDINGS);
    render(<App gateway={gw} startAnsicht="pruefen" ausfuehren />);
    const liste = await screen.findByRole('list', { name: 'Meldungen auf Arbeitsplanung' }, { timeout: 10000 });
    expect(within(liste).getAllByRole('listitem')).toHaveLength(3);
    expect(screen.getByRole('list', { name: 'Meldungen auf Kennzahlen' })).toBeTruthy();
    const zaehler = screen.getByTestId('zaehler');
    expect(within(zaehler).getByText('3 Fehler')).toBeTruthy();
    expect(within(zaehler).getByText('1 Warnung')).toBeTruthy();
    expect(screen.getByRole('button', { name: /Arbeitsplanung.*2 Fehler.*1 Warnung/ })).toBeTruthy();
    expect(gw.pruefen).toHaveBeenCalledTimes(1);
  });

  it('selects the cell in the workbook when a finding is clicked', async () => {
    const gw = mockGateway(FINDINGS);
    render(<App gateway={gw} startAnsicht="pruefen" ausfuehren />);
    const eintrag = await eintragZu('Arbeitsplanung!D4');
    fireEvent.click(eintrag);
    await waitFor(() => expect(gw.waehleZelle).toHaveBeenCalledWith('Arbeitsplanung', 'D4'));
  });

  it('shows a German error with advice when Excel refuses the selection, and keeps the list', async () => {
    const gw = mockGateway(FINDINGS);
    gw.waehleZelle.mockRejectedValue(
      Object.assign(new Error('The cell is in edit mode'), { code: 'InvalidOperationInCellEditMode' }),
    );
    render(<App gateway={gw} startAnsicht="pruefen" ausfuehren />);
    fireEvent.click(await eintragZu('Kennzahlen!G3'));
    const alarm = await screen.findByRole('alert');
    expect(alarm.textContent).toContain('Das Springen zur Zelle ist fehlgeschlagen');
    expect(alarm.textContent).toContain('Eingabetaste oder Esc');
    expect(screen.getByRole('list', { name: 'Meldungen auf Kennzahlen' })).toBeTruthy();
  });

  it('shows each message once without its address (the entry title shows it), also for quoted sheet names', async () => {
    const quoted = finding(
      'KPI Übersicht',
      'B4',
      'Warnung',
      "'KPI Übersicht'!B4 (Wert): Der Wert wurde von Hand geändert.",
      'Wert',
    );
    render(<App gateway={mockGateway([FINDINGS[1], quoted])} startAnsicht="pruefen" ausfuehren />);
    const ap = await screen.findByRole('list', { name: 'Meldungen auf Arbeitsplanung' }, { timeout: 10000 });
    expect(within(ap).getByText('„Massnahme“ ist kein erlaubter Wert.')).toBeTruthy();
    expect(within(ap).getByText('D4 · Art')).toBeTruthy();
    const kpi = screen.getByRole('list', { name: 'Meldungen auf KPI Übersicht' });
    expect(within(kpi).getByText('Der Wert wurde von Hand geändert.')).toBeTruthy();
    // the accessible name is what the entry shows (WCAG 2.5.3), not the address twice; the title names the target
    const knopf = within(kpi).getByRole('button', { name: 'Warnung B4 · Wert Der Wert wurde von Hand geändert.' });
    expect(knopf.getAttribute('title')).toBe('Zu KPI Übersicht!B4 springen');
  });

  it('says so when there is nothing to report', async () => {
    render(<App gateway={mockGateway([])} startAnsicht="pruefen" ausfuehren />);
    expect(await screen.findByText('Keine Fehler und keine Warnungen gefunden.')).toBeTruthy();
  });

  it('re-checks on "Erneut prüfen"', async () => {
    const gw = mockGateway(FINDINGS);
    render(<App gateway={gw} startAnsicht="pruefen" ausfuehren />);
    fireEvent.click(await screen.findByRole('button', { name: 'Erneut prüfen' }));
    await waitFor(() => expect(gw.pruefen).toHaveBeenCalledTimes(2));
  });

  it('keeps the focus: „Erneut prüfen“ stays focused while busy, then the result takes it; Prüfen on Start lands there too', async () => {
    const gw = mockGateway(FINDINGS);
    const { unmount } = render(<App gateway={gw} startAnsicht="pruefen" ausfuehren />);
    const knopf = await screen.findByRole('button', { name: 'Erneut prüfen' });
    knopf.focus();
    fireEvent.click(knopf);
    expect(knopf.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(knopf);
    await waitFor(() => expect(gw.pruefen).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('group', { name: 'Ergebnis der Prüfung' })));
    unmount();

    render(<App gateway={mockGateway(FINDINGS)} />);
    const start = await screen.findByRole('button', { name: 'Prüfen' });
    start.focus();
    fireEvent.click(start);
    await screen.findByRole('list', { name: 'Meldungen auf Arbeitsplanung' });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('group', { name: 'Ergebnis der Prüfung' })));
    expect(document.activeElement?.textContent).toBe('3 Fehler1 Warnung');
  });
});

describe('Einrichten on the start view', () => {
  it('lists what was created, what was not (occupied cells) and the backup sheets', async () => {
    const gw = mockGateway([]);
    gw.einrichten.mockResolvedValue({
      angelegt: ['Spalte „Begründung“ in tblKennzahlen'],
      hinweise: [
        'Blatt „Ziele“, Bereich A1:H1: Die Zellen sind schon belegt, deshalb wurde die Tabelle tblZiele nicht angelegt.',
      ],
      sicherungen: ['Sicherung 2026-11-25 103000'],
    });
    render(<App gateway={gw} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Einrichten' }));
    expect(await screen.findByText('Einrichten nur teilweise abgeschlossen')).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Angelegt' })).getByText('Spalte „Begründung“ in tblKennzahlen')).toBeTruthy();
    expect(
      within(screen.getByRole('list', { name: 'Hinweise zum Einrichten' })).getByText(/tblZiele nicht angelegt/),
    ).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Sicherungen' })).getByText('Sicherung 2026-11-25 103000')).toBeTruthy();
    expect(screen.getByText(/wurde die Tabelle gesichert \(ausgeblendetes Blatt\)/)).toBeTruthy();
    expect(screen.queryByText('Einrichten abgeschlossen')).toBeNull();
  });

  it('says there was nothing to do when the workbook was complete', async () => {
    const gw = mockGateway([]);
    render(<App gateway={gw} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Einrichten' }));
    expect(await screen.findByText('Einrichten abgeschlossen')).toBeTruthy();
    expect(screen.getByText('Es war nichts zu tun: Die Arbeitsmappe war bereits vollständig.')).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Sicherungen' })).toBeNull();
  });
});

describe('errors of actions', () => {
  it('shows an Office.js error of Prüfen as German message with what to do', async () => {
    const gw = mockGateway([]);
    gw.pruefen.mockRejectedValue(Object.assign(new Error('Access denied'), { code: 'AccessDenied' }));
    render(<App gateway={gw} startAnsicht="pruefen" ausfuehren />);
    const alarm = await screen.findByRole('alert');
    expect(alarm.textContent).toContain('Das Prüfen ist fehlgeschlagen');
    expect(alarm.textContent).toContain('Blattschutz');
    expect(alarm.textContent).toContain('AccessDenied');
    fireEvent.click(within(alarm).getByRole('button', { name: 'Schließen' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('shows a failing status read on the start view', async () => {
    const gw = mockGateway([]);
    gw.status.mockRejectedValue(new Error('Das Blatt „Ziele“ ist geschützt. Bitte Blattschutz aufheben.'));
    render(<App gateway={gw} />);
    const alarm = await screen.findByRole('alert');
    expect(alarm.textContent).toContain('Das Lesen der Arbeitsmappe ist fehlgeschlagen');
    expect(alarm.textContent).toContain('Bitte Blattschutz aufheben.');
    // after the user fixed it, the status can be read again from the start view
    gw.status.mockResolvedValue({ layoutVollstaendig: true, fehlend: [], letzteKpiAktualisierung: null });
    fireEvent.click(screen.getByRole('button', { name: 'Neu lesen' }));
    expect(await screen.findByText('Aufbau vollständig')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('whole flow on the in-memory Excel (real Office gateway and adapter, as demo.html)', () => {
  it('Einrichten → Prüfen shows the planted errors → click selects → fix → KPIs summary with the workbook thresholds', async () => {
    const excel = installiereDemoExcel();
    render(<App gateway={new OfficeGateway(() => JETZT)} />);

    expect(await screen.findByText('Tabelle tblEinstellungen (Blatt Stammdaten)', {}, { timeout: 10000 })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Einrichten' }));
    expect(await screen.findByText('Einrichten abgeschlossen', {}, { timeout: 10000 })).toBeTruthy();
    expect(await screen.findByText('Aufbau vollständig')).toBeTruthy();
    await waitFor(() => expect(document.activeElement?.textContent).toContain('Einrichten abgeschlossen'));

    fireEvent.click(screen.getByRole('button', { name: 'Prüfen' }));
    const adresse = excel.fehlerAdressen[0];
    fireEvent.click(await eintragZu(adresse, 10000));
    await waitFor(() => expect(excel.auswahl).toEqual([adresse]));

    // With Fehler the KPIs are refused and nothing is written.
    fireEvent.click(screen.getByRole('tab', { name: 'KPIs' }));
    // the first lazy import of a view compiles it under ts-jest, which can take over a second
    fireEvent.click(await screen.findByRole('button', { name: 'KPIs aktualisieren' }, { timeout: 10000 }));
    expect(await screen.findByText('KPIs nicht berechnet', {}, { timeout: 10000 })).toBeTruthy();
    expect(excel.fake.modell.blaetter.map((b) => b.name)).not.toContain('KPI Übersicht');

    // the user corrects the cells and sets other Ampel thresholds in Excel
    const einstellungen = beispielTabellen().einstellungen;
    const zeile = (name: string) => einstellungen.findIndex((r) => r[0] === name);
    act(() => {
      excel.korrigiereFehler();
      for (const [name, wert] of [
        ['Ampel grün ab', 0.8],
        ['Ampel gelb ab', 0.5],
      ] as const) {
        const z = stelle({ tabelle: 'einstellungen', zeile: zeile(name), spalte: 'Wert' });
        excel.fake.tippen(z.blatt, z.adresse, wert);
      }
    });
    fireEvent.click(screen.getByRole('button', { name: 'KPIs aktualisieren' }));
    expect(await screen.findByText('Gesamt 2026', {}, { timeout: 10000 })).toBeTruthy();
    expect(screen.getByText('Handlungsziele je Ampel')).toBeTruthy();
    expect(screen.getAllByTestId(/^hf-\d$/)).toHaveLength(8);
    expect(screen.getByTestId('ampel-schwellen').textContent).toMatch(/grün ab 80\s%, gelb ab 50\s%, darunter rot/);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Gesamt 2026' })));
    expect(excel.fake.modell.blaetter.map((b) => b.name)).toContain('KPI Übersicht');
    fireEvent.click(screen.getByRole('tab', { name: 'Start' }));
    expect((await screen.findByTestId('letzte-kpi')).textContent).not.toBe('noch nie');
  });
});

describe('outside Office', () => {
  it('shows "In Excel öffnen" with the reason and how to open it', () => {
    render(<AusserhalbOffice umgebung={{ art: 'ohne-office', grund: 'kein-host' }} />);
    expect(screen.getByRole('heading', { name: 'In Excel öffnen' })).toBeTruthy();
    expect(screen.getByText(/normalen Browser/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Demo mit Beispieldaten' }).getAttribute('href')).toBe('demo.html');
  });

  it('names the other Office app when opened in Word', () => {
    render(<AusserhalbOffice umgebung={{ art: 'anderes-office', host: 'Word' }} />);
    expect(screen.getByText(/„Word“/)).toBeTruthy();
  });
});
