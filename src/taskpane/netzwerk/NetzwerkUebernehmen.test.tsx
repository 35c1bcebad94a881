/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { Aenderungen, NetzwerkDatei } from '../../domain/netzwerk';
import { BenutzerFehler } from '../gateway';
import type { NetzwerkGateway, UebernahmeErgebnis, UebernahmeVorschau } from './gateway';
import { NetzwerkUebernehmen } from './NetzwerkUebernehmen';
import '../testHilfen';

const DATEI: NetzwerkDatei = { datei: 'HF3-Ausbildung.xlsx', raw: { sheets: [], tables: [] } };

const AENDERUNGEN: Aenderungen = {
  neu: [
    {
      datei: 'HF3-Ausbildung.xlsx',
      tabelle: 'tblArbeitsplanung',
      schluessel: '3-11',
      spalte: null,
      gesamt: null,
      netzwerk: null,
      meldung: 'Neue Zeile „3-11“ übernommen.',
    },
  ],
  geaendert: [
    {
      datei: 'HF3-Ausbildung.xlsx',
      tabelle: 'tblArbeitsplanung',
      schluessel: '3-06',
      spalte: 'Status',
      gesamt: 'geplant',
      netzwerk: 'begonnen',
      meldung: 'Status geändert.',
    },
  ],
  konflikte: [
    {
      datei: 'HF3-Ausbildung.xlsx',
      tabelle: 'tblKennzahlen',
      schluessel: 'K3.2.2',
      spalte: 'Istwert',
      gesamt: null,
      netzwerk: 7,
      meldung: 'Konflikt bei „K3.2.2“.',
    },
  ],
  abgelehnt: [
    {
      datei: 'HF3-Ausbildung.xlsx',
      tabelle: 'tblArbeitsplanung',
      schluessel: '3-12',
      spalte: 'HF-Nr',
      gesamt: null,
      netzwerk: 5,
      meldung: 'Gehört zu Handlungsfeld 5.',
    },
  ],
};

const VORSCHAU: UebernahmeVorschau = {
  tabellen: {} as UebernahmeVorschau['tabellen'],
  aenderungen: AENDERUNGEN,
  hinweise: [],
  zellen: [],
  neueZeilen: [],
  betroffen: ['arbeitsplanung'],
  pruefung: { fehler: 0, warnungen: 3 },
};
const ERGEBNIS: UebernahmeErgebnis = { ...VORSCHAU, sicherungen: ['Sicherung 2026-11-25 150000'], geschrieben: true };

function gateway(): jest.Mocked<NetzwerkGateway> {
  return {
    leseDateien: jest.fn().mockResolvedValue([DATEI]),
    vorschau: jest.fn().mockResolvedValue(VORSCHAU),
    uebernehmen: jest.fn().mockResolvedValue(ERGEBNIS),
    rueckgaengig: jest.fn().mockResolvedValue({ tabellen: ['tblArbeitsplanung'], sicherungen: ['Sicherung 2026-11-25 150000'] }),
    // the "Netzwerkdatei erstellen" section above (tested in NetzwerkdateiErstellen.test.tsx)
    handlungsfelder: jest.fn().mockResolvedValue([{ nr: 3, name: 'Ausbildung' }]),
    netzwerkdateiBauen: jest.fn(),
    kannNeueMappeOeffnen: jest.fn().mockReturnValue(true),
    inExcelOeffnen: jest.fn(),
    herunterladen: jest.fn(),
  };
}

function waehleDatei(): File {
  const file = new File(['x'], 'HF3-Ausbildung.xlsx', {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  fireEvent.change(screen.getByLabelText('Netzwerkdateien auswählen'), { target: { files: [file] } });
  return file;
}

describe('NetzwerkUebernehmen', () => {
  it('reads the picked files, shows the preview, imports on request and offers undo', async () => {
    const gw = gateway();
    const onGeaendert = jest.fn();
    render(<NetzwerkUebernehmen gateway={gw} onGeaendert={onGeaendert} />);
    const file = waehleDatei();

    await screen.findByText('Vorschau');
    expect(gw.leseDateien).toHaveBeenCalledWith([file]);
    expect(gw.vorschau).toHaveBeenCalledWith([DATEI]);
    expect(gw.uebernehmen).not.toHaveBeenCalled();
    // conflicts and rejected rows are open by default, with both values
    const konflikte = screen.getByRole('list', { name: 'Konflikte' });
    expect(within(konflikte).getByText('Kennzahlen · K3.2.2 · Istwert')).toBeTruthy();
    expect(within(konflikte).getByText('Gesamtdatei (leer) · Netzwerk „7“')).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Abgelehnt' })).getByText('Gehört zu Handlungsfeld 5.')).toBeTruthy();
    expect(screen.getByText(/0 Fehler, 3 Warnung/)).toBeTruthy();

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Übernehmen' }));
    });
    expect(gw.uebernehmen).toHaveBeenCalledWith([DATEI]);
    await screen.findByText('Übernommen');
    expect(screen.getByText(/Vorher gesichert: 1 Tabelle/)).toBeTruthy();
    expect(onGeaendert).toHaveBeenCalledTimes(1);

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Rückgängig' }));
    });
    expect(gw.rueckgaengig).toHaveBeenCalledTimes(1);
    await screen.findByText('Rückgängig gemacht');
    expect(screen.getByText(/Wiederhergestellt: tblArbeitsplanung/)).toBeTruthy();
    expect(onGeaendert).toHaveBeenCalledTimes(2);
  });

  it('cancelling the preview writes nothing', async () => {
    const gw = gateway();
    render(<NetzwerkUebernehmen gateway={gw} />);
    waehleDatei();
    await screen.findByText('Vorschau');
    fireEvent.click(screen.getByRole('button', { name: 'Abbrechen' }));
    await waitFor(() => expect(screen.queryByText('Vorschau')).toBeNull());
    expect(gw.uebernehmen).not.toHaveBeenCalled();
  });

  it('shows a German error for an unreadable file and no preview', async () => {
    const gw = gateway();
    gw.leseDateien.mockRejectedValue(
      new BenutzerFehler('Die Datei „kaputt.xlsx“ kann nicht gelesen werden.', 'Bitte nur .xlsx-Dateien auswählen.'),
    );
    render(<NetzwerkUebernehmen gateway={gw} />);
    waehleDatei();
    const alarm = await screen.findByRole('alert');
    expect(within(alarm).getByText('Die Datei „kaputt.xlsx“ kann nicht gelesen werden.')).toBeTruthy();
    expect(gw.vorschau).not.toHaveBeenCalled();
  });
});

describe('netzwerkFehlerFuerNutzer', () => {
  it('turns the domain message about a missing table into the user-facing hint', async () => {
    const { NetzwerkFehler } = await import('../../domain/netzwerk');
    const { netzwerkFehlerFuerNutzer } = await import('./gateway');
    const f = netzwerkFehlerFuerNutzer(
      new NetzwerkFehler('geöffnete Arbeitsmappe: Die Tabelle „tblKennzahlen“ (Blatt „Kennzahlen“) fehlt.'),
    );
    expect(f).toBeInstanceOf(BenutzerFehler);
    expect((f as BenutzerFehler).hinweis).toMatch(/tblKennzahlen/);
    const andere = new TypeError('x');
    expect(netzwerkFehlerFuerNutzer(andere)).toBe(andere);
  });
});
