/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import JSZip from 'jszip';
import { App } from '../App';
import { Kpis } from './Kpis';
import { installiereDemoExcel } from '../demo/demoExcel';
import { OfficeGateway } from '../officeGateway';
import type { BerichtErgebnis, BerichtFormat } from '../gateway';
import { useArbeitsmappe } from '../useArbeitsmappe';
import { dateiHerunterladen } from '../netzwerk/herunterladen';
import { BERICHT_MIME } from './berichtBauen';
import '../testHilfen';

const JETZT = new Date('2026-11-25T10:30:00');

/** The real Office gateway on the demo's in-memory Excel; downloads are recorded instead of offered. */
function mappe({ mitFehlern = false }: { mitFehlern?: boolean } = {}) {
  const excel = installiereDemoExcel({ vollstaendig: true });
  if (!mitFehlern) excel.korrigiereFehler();
  const gw = new OfficeGateway(() => JETZT);
  const downloads: { datei: string; inhalt: Uint8Array | string; mime: string }[] = [];
  const herunterladen = jest.spyOn(gw, 'herunterladen').mockImplementation((datei, inhalt, mime) => {
    downloads.push({ datei, inhalt, mime });
  });
  return { excel, gw, downloads, herunterladen };
}

/** until the start-up status read is done: a click while busy is ignored */
async function bereit(name: string): Promise<void> {
  const knopf = await screen.findByRole('button', { name }, { timeout: 10000 });
  await waitFor(() => expect(knopf.getAttribute('aria-disabled')).not.toBe('true'));
}

function KpiAnsicht({ gw, zuPruefen = () => undefined }: { gw: OfficeGateway; zuPruefen?: () => void }) {
  const [zustand, aktionen] = useArbeitsmappe(gw);
  return <Kpis zustand={zustand} aktionen={aktionen} zuPruefen={zuPruefen} />;
}

function zeige(gw: OfficeGateway, zuPruefen?: () => void) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <KpiAnsicht gw={gw} zuPruefen={zuPruefen} />
    </FluentProvider>,
  );
}

async function klicke(name: string): Promise<void> {
  // the click starts an async chain (read → build → download); act lets it settle
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name }));
  });
}

describe('Umsetzungsbericht im Aufgabenbereich', () => {
  it('builds the Word document from the workbook, offers it as Umsetzungsbericht-2026.docx and moves the focus to the result', async () => {
    const { excel, gw, downloads } = mappe();
    const vorher = excel.fake.schnappschuss();
    zeige(gw);
    await klicke('Bericht als Word-Dokument');
    await screen.findByText('Word-Dokument erstellt', {}, { timeout: 20000 });

    expect(downloads).toHaveLength(1);
    const d = downloads[0];
    expect(d.datei).toBe('Umsetzungsbericht-2026.docx');
    expect(d.mime).toBe(BERICHT_MIME.docx);
    expect(d.inhalt).toBeInstanceOf(Uint8Array);
    const zip = await JSZip.loadAsync(d.inhalt as Uint8Array);
    const dokument = await zip.file('word/document.xml')!.async('string');
    expect(dokument).toContain('Umsetzungsbericht 2026');
    expect(Object.keys(zip.files).some((n) => /^word\/charts\/chart\d+\.xml$/.test(n))).toBe(true);
    // the figures are those of the workbook's current data, nothing was written to it
    expect(excel.fake.schnappschuss()).toBe(vorher);

    const ergebnis = screen.getByTestId('bericht-ergebnis');
    expect(document.activeElement).toBe(ergebnis);
    expect(ergebnis.textContent).toContain('„Umsetzungsbericht-2026.docx“ wird heruntergeladen');
    expect(ergebnis.textContent).toMatch(/Standardmaßnahmen? (ist|sind) nicht enthalten/);

    await klicke('Erneut herunterladen');
    expect(downloads).toHaveLength(2);
    expect(downloads[1].datei).toBe('Umsetzungsbericht-2026.docx');
  }, 30000);

  it('builds the web page as Umsetzungsbericht-2026.html', async () => {
    const { gw, downloads } = mappe();
    zeige(gw);
    await klicke('Bericht als Webseite');
    await screen.findByText('Webseite erstellt', {}, { timeout: 20000 });
    const d = downloads[0];
    expect(d.datei).toBe('Umsetzungsbericht-2026.html');
    expect(d.mime).toBe('text/html;charset=utf-8');
    expect(typeof d.inhalt).toBe('string');
    expect(d.inhalt).toContain('<html lang="de"');
    expect(d.inhalt).toContain('Umsetzungsbericht 2026');
    expect(document.activeElement).toBe(screen.getByTestId('bericht-ergebnis'));
  });

  it('keeps both buttons focusable but disabled while a report is built', async () => {
    const { gw } = mappe();
    let fertig: (r: BerichtErgebnis) => void = () => undefined;
    const echt = gw.berichtErstellen.bind(gw);
    let ergebnis: Promise<BerichtErgebnis> | null = null;
    let aufrufe = 0;
    gw.berichtErstellen = (format: BerichtFormat) => {
      aufrufe += 1;
      ergebnis = echt(format);
      return new Promise((resolve) => (fertig = resolve));
    };
    zeige(gw);
    const knopf = screen.getByRole('button', { name: 'Bericht als Webseite' });
    knopf.focus();
    await klicke('Bericht als Webseite');
    expect(screen.getByText('Webseite wird erstellt …')).toBeTruthy();
    for (const name of ['Bericht als Word-Dokument', 'Bericht als Webseite']) {
      const b = screen.getByRole('button', { name });
      expect(b.getAttribute('aria-disabled')).toBe('true');
      expect(b.hasAttribute('disabled')).toBe(false);
    }
    expect(document.activeElement).toBe(knopf);
    // a second click while busy starts nothing
    await klicke('Bericht als Word-Dokument');
    expect(aufrufe).toBe(1);

    const r = await ergebnis!;
    await act(async () => fertig(r));
    await screen.findByText('Webseite erstellt', {}, { timeout: 20000 });
    expect(screen.getByRole('button', { name: 'Bericht als Webseite' }).getAttribute('aria-disabled')).not.toBe('true');
  });

  it('refuses the report while the workbook has Fehler: the count and the first findings with their cells, no download', async () => {
    const { excel, gw, downloads } = mappe({ mitFehlern: true });
    const zuPruefen = jest.fn();
    zeige(gw, zuPruefen);
    await klicke('Bericht als Word-Dokument');
    await screen.findByText('Kein Word-Dokument erstellt', {}, { timeout: 20000 });
    expect(downloads).toEqual([]);

    const ergebnis = screen.getByTestId('bericht-ergebnis');
    expect(document.activeElement).toBe(ergebnis);
    const text = ergebnis.textContent ?? '';
    expect(text).toContain('Die Arbeitsmappe enthält 4 Fehler.');
    const punkte = [...ergebnis.querySelectorAll('li')].map((li) => li.textContent);
    expect(punkte).toHaveLength(3);
    for (const p of punkte) expect(p).toMatch(/^(Arbeitsplanung|Kennzahlen)![A-Z]+\d+/);
    expect(punkte.join(' ')).toContain(excel.fehlerAdressen[0]);
    expect(text).toContain('… und 1 weiterer Fehler (alle unter „Prüfen“).');

    fireEvent.click(screen.getByRole('button', { name: 'Fehler anzeigen' }));
    expect(zuPruefen).toHaveBeenCalled();

    // corrected in Excel: the next click builds the report
    excel.korrigiereFehler();
    await klicke('Bericht als Webseite');
    await screen.findByText('Webseite erstellt', {}, { timeout: 20000 });
    await waitFor(() => expect(downloads.map((d) => d.datei)).toEqual(['Umsetzungsbericht-2026.html']));
  });

  it('shows a failed read as a German error in the pane and offers no file', async () => {
    const { excel, gw, downloads } = mappe();
    render(<App gateway={gw} startAnsicht="kpi" />);
    await bereit('Bericht als Webseite');
    excel.scheitereBeimNaechstenAufruf('GeneralException');
    await klicke('Bericht als Webseite');
    const alarm = await screen.findByRole('alert');
    expect(alarm.textContent).toContain(
      'Das Erstellen der Webseite ist fehlgeschlagen: In Excel ist ein interner Fehler aufgetreten.',
    );
    expect(screen.queryByTestId('bericht-ergebnis')).toBeNull();
    expect(downloads).toEqual([]);
  });

  it('keeps a built report on offer when the browser refuses the download', async () => {
    const { gw, downloads, herunterladen } = mappe();
    herunterladen.mockImplementationOnce(() => {
      throw new Error('Der Download wurde vom Browser blockiert.');
    });
    render(<App gateway={gw} startAnsicht="kpi" />);
    await bereit('Bericht als Webseite');
    await klicke('Bericht als Webseite');
    const alarm = await screen.findByRole('alert');
    expect(alarm.textContent).toContain('Das Erstellen der Webseite ist fehlgeschlagen.');
    expect(alarm.textContent).toContain('Der Download wurde vom Browser blockiert.');
    await screen.findByText('Webseite erstellt');
    await klicke('Erneut herunterladen');
    expect(downloads.map((d) => d.datei)).toEqual(['Umsetzungsbericht-2026.html']);
  });

  it('downloads the web page as text with its own MIME type', () => {
    const erstellen = jest.fn((_b: Blob) => 'blob:bericht');
    Object.assign(URL, { createObjectURL: erstellen, revokeObjectURL: jest.fn() });
    const klicks: HTMLAnchorElement[] = [];
    const klick = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      klicks.push(this);
    });
    try {
      dateiHerunterladen('Umsetzungsbericht-2026.html', '<!DOCTYPE html><p>Ä</p>', document, BERICHT_MIME.html);
      expect(klicks.map((a) => a.download)).toEqual(['Umsetzungsbericht-2026.html']);
      const blob = erstellen.mock.calls[0][0];
      expect(blob.type).toBe('text/html;charset=utf-8');
      // UTF-8: „Ä“ takes two bytes
      expect(blob.size).toBe('<!DOCTYPE html><p>Ä</p>'.length + 1);
    } finally {
      klick.mockRestore();
    }
  });
});
