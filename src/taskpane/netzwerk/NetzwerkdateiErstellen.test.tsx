/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { BenutzerFehler } from '../gateway';
import type { NetzwerkdateiErstellt, NetzwerkGateway } from './gateway';
import { NetzwerkdateiErstellen } from './NetzwerkdateiErstellen';
import { dateiHerunterladen, XLSX_MIME } from './herunterladen';
import '../testHilfen';

const HF = [
  { nr: 1, name: 'Sprache und Bildung' },
  { nr: 3, name: 'Ausbildung, Arbeitsmarktzugang und Wirtschaft' },
];
const DATEI: NetzwerkdateiErstellt = {
  datei: 'HF3-Ausbildung-Arbeitsmarktzugang-Wirtschaft.xlsx',
  hf: 3,
  handlungsfeld: 'Ausbildung, Arbeitsmarktzugang und Wirtschaft',
  zeilen: 17,
  inhalt: new Uint8Array([80, 75, 3, 4]),
};

type Gw = jest.Mocked<
  Pick<NetzwerkGateway, 'handlungsfelder' | 'netzwerkdateiBauen' | 'kannNeueMappeOeffnen' | 'inExcelOeffnen' | 'herunterladen'>
>;

function gateway(kann = true): Gw {
  return {
    handlungsfelder: jest.fn().mockResolvedValue(HF),
    netzwerkdateiBauen: jest.fn().mockResolvedValue(DATEI),
    kannNeueMappeOeffnen: jest.fn().mockReturnValue(kann),
    inExcelOeffnen: jest.fn().mockResolvedValue(undefined),
    herunterladen: jest.fn(),
  };
}

async function waehleHf3UndErstelle(): Promise<void> {
  const auswahl = await screen.findByRole('combobox', { name: 'Handlungsfeld' });
  fireEvent.change(auswahl, { target: { value: '3' } });
  // the click starts an async chain (build → open); act lets it settle before the assertions
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Netzwerkdatei erstellen' }));
  });
}

describe('NetzwerkdateiErstellen', () => {
  it('lists the Handlungsfelder of the open workbook and opens the built file as a new workbook', async () => {
    const gw = gateway();
    render(<NetzwerkdateiErstellen gateway={gw} />);
    const auswahl = await screen.findByRole('combobox', { name: 'Handlungsfeld' });
    expect(
      within(auswahl)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['1 – Sprache und Bildung', '3 – Ausbildung, Arbeitsmarktzugang und Wirtschaft']);
    await waehleHf3UndErstelle();

    await screen.findByText('In Excel geöffnet');
    expect(gw.netzwerkdateiBauen).toHaveBeenCalledWith(3);
    expect(gw.inExcelOeffnen).toHaveBeenCalledWith(DATEI.inhalt);
    expect(gw.herunterladen).not.toHaveBeenCalled();
    expect(screen.getByText(/Speichern unter“ als „HF3-Ausbildung-Arbeitsmarktzugang-Wirtschaft\.xlsx“/)).toBeTruthy();
    // the download stays available on its own
    fireEvent.click(screen.getByRole('button', { name: /Herunterladen/ }));
    expect(gw.herunterladen).toHaveBeenCalledWith(DATEI.datei, DATEI.inhalt);
  });

  it('offers the download with a German note when Excel lacks ExcelApi 1.8', async () => {
    const gw = gateway(false);
    render(<NetzwerkdateiErstellen gateway={gw} />);
    await waehleHf3UndErstelle();

    await screen.findByText('Zum Herunterladen bereit');
    expect(gw.inExcelOeffnen).not.toHaveBeenCalled();
    expect(screen.getByText(/Diese Excel-Version kann keine neue Arbeitsmappe öffnen \(benötigt ExcelApi 1\.8\)/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Herunterladen (HF3-Ausbildung-Arbeitsmarktzugang-Wirtschaft.xlsx)' }));
    expect(gw.herunterladen).toHaveBeenCalledWith(DATEI.datei, DATEI.inhalt);
  });

  it('shows a German error when the file cannot be built, and offers no download', async () => {
    const gw = gateway();
    gw.netzwerkdateiBauen.mockRejectedValue(
      new BenutzerFehler(
        'Die Netzwerkdatei für Handlungsfeld 3 kann nicht erstellt werden.',
        'In „tblArbeitsplanung“ kommt die Nr „3-01“ doppelt vor.',
      ),
    );
    render(<NetzwerkdateiErstellen gateway={gw} />);
    await waehleHf3UndErstelle();

    const alarm = await screen.findByRole('alert');
    expect(within(alarm).getByText('Die Netzwerkdatei für Handlungsfeld 3 kann nicht erstellt werden.')).toBeTruthy();
    expect(within(alarm).getByText(/„3-01“ doppelt/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Herunterladen/ })).toBeNull();
    expect(gw.inExcelOeffnen).not.toHaveBeenCalled();
  });

  it('falls back to the download when Excel fails to open the new workbook', async () => {
    const gw = gateway();
    gw.inExcelOeffnen.mockRejectedValue(
      new BenutzerFehler(
        'Excel konnte die Netzwerkdatei nicht als neue Arbeitsmappe öffnen.',
        'Bitte die Datei stattdessen herunterladen und in Excel öffnen (Schaltfläche „Herunterladen“).',
        'This operation is not allowed due to the extension hardening policy.',
      ),
    );
    render(<NetzwerkdateiErstellen gateway={gw} />);
    await waehleHf3UndErstelle();

    const alarm = await screen.findByRole('alert');
    expect(within(alarm).getByText('Excel konnte die Netzwerkdatei nicht als neue Arbeitsmappe öffnen.')).toBeTruthy();
    expect(screen.getByText('Zum Herunterladen bereit')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Herunterladen/ }));
    expect(gw.herunterladen).toHaveBeenCalledWith(DATEI.datei, DATEI.inhalt);
  });

  it('shows a German message when the Handlungsfelder cannot be read, and reads them again on request', async () => {
    const gw = gateway();
    gw.handlungsfelder.mockRejectedValueOnce(
      new BenutzerFehler(
        'Die geöffnete Arbeitsmappe kann nicht mit Netzwerkdateien zusammengeführt werden.',
        'Die Tabelle „tblHandlungsfelder“ fehlt.',
      ),
    );
    render(<NetzwerkdateiErstellen gateway={gw} />);
    await screen.findByRole('alert');
    // stays in the tab order while it cannot be used (disabledFocusable)
    expect(screen.getByRole('button', { name: 'Netzwerkdatei erstellen' }).getAttribute('aria-disabled')).toBe('true');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Handlungsfelder aktualisieren' }));
    });
    await screen.findByRole('combobox', { name: 'Handlungsfeld' });
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(gw.handlungsfelder).toHaveBeenCalledTimes(2);
  });
});

describe('dateiHerunterladen', () => {
  it('clicks a temporary anchor with the file name and an .xlsx blob', () => {
    const erstellen = jest.fn((_b: Blob) => 'blob:netzwerkdatei');
    const freigeben = jest.fn();
    Object.assign(URL, { createObjectURL: erstellen, revokeObjectURL: freigeben });
    const klicks: HTMLAnchorElement[] = [];
    const klick = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      klicks.push(this);
    });
    jest.useFakeTimers();
    try {
      dateiHerunterladen('HF3.xlsx', new Uint8Array([1, 2, 3]));
      expect(klicks).toHaveLength(1);
      expect(klicks[0].download).toBe('HF3.xlsx');
      expect(klicks[0].href).toBe('blob:netzwerkdatei');
      const blob = erstellen.mock.calls[0][0];
      expect(blob.type).toBe(XLSX_MIME);
      expect(blob.size).toBe(3);
      expect(document.querySelector('a[download]')).toBeNull();
      jest.runAllTimers();
      expect(freigeben).toHaveBeenCalledWith('blob:netzwerkdatei');
    } finally {
      jest.useRealTimers();
      klick.mockRestore();
    }
  });
});
