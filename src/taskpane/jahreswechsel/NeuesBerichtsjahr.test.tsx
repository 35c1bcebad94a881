/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { pruefen } from '../../domain';
import { jahreswechsel } from '../../domain/jahreswechsel';
import { TABLES } from '../../domain/schema';
import { App } from '../App';
import { installiereDemoExcel } from '../demo/demoExcel';
import { BenutzerFehler } from '../gateway';
import { offeneMappe } from '../neueMappe';
import { OfficeGateway } from '../officeGateway';
import { mitFluent } from '../testHilfen';
import { OfficeJahreswechselGateway } from './gateway';
import { NeuesBerichtsjahr } from './NeuesBerichtsjahr';
import { bauVoraussetzungen, dateinameNeuesJahr, erstelltAus, type JahresmappeErstellt } from './vorschau';

/** Bytes handed out as the "built" workbook: a zip signature, enough for open/download assertions. */
const FAKE_XLSX = new Uint8Array([80, 75, 3, 4]);

/**
 * The real gateway reading the demo's in-memory Excel (real adapter and rules); only the
 * exceljs file and Excel's new window are simulated, and every call is recorded.
 */
class TestGateway extends OfficeJahreswechselGateway {
  readonly aufrufe: string[] = [];
  readonly geoeffnet: Uint8Array[] = [];
  readonly heruntergeladen: { datei: string; inhalt: Uint8Array }[] = [];

  constructor(private readonly optionen: { readonly kannOeffnen?: boolean; readonly oeffnenScheitert?: boolean } = {}) {
    super();
  }

  override vorschau() {
    this.aufrufe.push('vorschau');
    return super.vorschau();
  }

  override async jahresmappeBauen(jahr: number): Promise<JahresmappeErstellt> {
    this.aufrufe.push(`jahresmappeBauen ${jahr}`);
    const raw = await offeneMappe();
    const { plan, datei } = bauVoraussetzungen(raw, jahr);
    return erstelltAus(jahreswechsel(raw, plan, jahr), datei, FAKE_XLSX, []);
  }

  override kannNeueMappeOeffnen(): boolean {
    return this.optionen.kannOeffnen ?? true;
  }

  override async inExcelOeffnen(inhalt: Uint8Array): Promise<void> {
    this.aufrufe.push('inExcelOeffnen');
    if (this.optionen.oeffnenScheitert) {
      throw new BenutzerFehler(
        'Excel konnte die Arbeitsmappe des neuen Berichtsjahrs nicht als neue Arbeitsmappe öffnen.',
        'Bitte die Datei stattdessen herunterladen und in Excel öffnen (Schaltfläche „Herunterladen“).',
        'Simulierter Fehler',
      );
    }
    this.geoeffnet.push(inhalt);
  }

  override herunterladen(datei: string, inhalt: Uint8Array): void {
    this.aufrufe.push('herunterladen');
    this.heruntergeladen.push({ datei, inhalt });
  }
}

/** the demo workbook without its planted Fehler */
function sauber(optionen: ConstructorParameters<typeof TestGateway>[0] = {}) {
  const excel = installiereDemoExcel({ vollstaendig: true });
  excel.korrigiereFehler();
  return { excel, gw: new TestGateway(optionen) };
}

/** what the CLI's rules say for the same tables, and the new file's name */
async function erwartet(jahr?: number) {
  const raw = await offeneMappe();
  const { plan } = pruefen(raw);
  if (!plan) throw new Error('Beispiel ohne Plan');
  const e = jahreswechsel(raw, plan, jahr ?? plan.einstellungen.berichtsjahr + 1);
  return { ...e, datei: dateinameNeuesJahr(raw.source ?? '', e.altesJahr, e.jahr) };
}

async function klick(name: string | RegExp): Promise<void> {
  // the click starts an async chain (read → validate / build → open); act lets it settle
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name }));
  });
}

describe('NeuesBerichtsjahr', () => {
  it('refuses with the Fehler, their cells and the way to „Prüfen“ when the workbook has Fehler', async () => {
    const excel = installiereDemoExcel({ vollstaendig: true });
    const gw = new TestGateway();
    const zuPruefen = jest.fn();
    mitFluent(<NeuesBerichtsjahr gateway={gw} zuPruefen={zuPruefen} />);
    expect(screen.getByRole('heading', { level: 2, name: 'Neues Berichtsjahr anlegen' })).toBeTruthy();
    await klick('Vorschau anzeigen');

    const titel = await screen.findByText('Kein neues Berichtsjahr: Die Arbeitsmappe enthält 4 Fehler', {}, { timeout: 10000 });
    const liste = screen.getByRole('list', { name: 'Erste Fehler' });
    for (const a of excel.fehlerAdressen) expect(within(liste).getByText(a)).toBeTruthy();
    expect(screen.getByText(/Bitte mit „Prüfen“ alle Stellen anzeigen/)).toBeTruthy();
    // focus moves to the refusal, so a screen reader reads it next
    expect(titel.closest('[tabindex="-1"]')).toBe(document.activeElement);
    expect(screen.queryByRole('button', { name: 'Neue Arbeitsmappe erstellen' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Fehler in „Prüfen“ anzeigen' }));
    expect(zuPruefen).toHaveBeenCalled();

    // corrected in Excel: the next preview is ready
    excel.korrigiereFehler();
    await klick('Vorschau aktualisieren');
    await screen.findByRole('heading', { name: /^Vorschau: Berichtsjahr/ });
    expect(screen.queryByText(/Kein neues Berichtsjahr/)).toBeNull();
    expect(screen.getByRole('heading', { name: /^Vorschau: Berichtsjahr \d{4} → \d{4}$/ })).toBeTruthy();
  });

  it('shows the same counts as jahreswechsel() on the same data, and the closed and carried rows', async () => {
    const { gw } = sauber();
    const e = await erwartet();
    mitFluent(<NeuesBerichtsjahr gateway={gw} />);
    await klick('Vorschau anzeigen');

    const ueberschrift = screen.getByRole('heading', { level: 3, name: `Vorschau: Berichtsjahr ${e.altesJahr} → ${e.jahr}` });
    expect(document.activeElement).toBe(ueberschrift);
    expect((screen.getByLabelText('Neues Berichtsjahr') as HTMLInputElement).value).toBe(String(e.jahr));
    for (const key of [
      'handlungsfelder',
      'ziele',
      'einstellungen',
      'arbeitsplanung',
      'checkliste',
      'kennzahlen',
      'zeitreihe',
    ] as const) {
      const name = TABLES[key].name;
      const zeile = screen.getByTestId(`jahreswechsel-${key}`);
      const zellen = within(zeile)
        .getAllByRole('cell')
        .map((c) => c.textContent);
      expect([within(zeile).getByRole('rowheader').textContent, ...zellen]).toEqual([
        name.replace(/^tbl/, ''),
        String(e.uebernommen.filter((x) => x.tabelle === name).length),
        String(e.abgeschlossen.filter((x) => x.tabelle === name).length),
      ]);
    }
    const abgeschlossen = e.abgeschlossen.filter((x) => x.tabelle === 'tblArbeitsplanung');
    const uebernommen = e.uebernommen.filter((x) => x.tabelle === 'tblArbeitsplanung');
    expect(abgeschlossen.length).toBeGreaterThan(0);

    fireEvent.click(
      screen.getByRole('button', { name: `Abgeschlossen, bleiben im Bericht ${e.altesJahr} (${abgeschlossen.length})` }),
    );
    const zu = screen.getByRole('list', { name: `Abgeschlossene Zeilen der Arbeitsplanung ${e.altesJahr}` });
    expect(within(zu).getAllByRole('listitem')).toHaveLength(abgeschlossen.length);
    const erste = within(zu).getAllByRole('listitem')[0];
    expect(erste.textContent).toBe(
      `${abgeschlossen[0].schluessel} – ${abgeschlossen[0].meldung} (bisher ${abgeschlossen[0].adresse})`,
    );

    fireEvent.click(screen.getByRole('button', { name: `Übernommen nach ${e.jahr} (${uebernommen.length})` }));
    const weiter = screen.getByRole('list', { name: `Übernommene Zeilen der Arbeitsplanung ${e.jahr}` });
    expect(within(weiter).getAllByRole('listitem')).toHaveLength(uebernommen.length);
    expect(gw.aufrufe).toEqual(['vorschau']);
  });

  it('builds the new workbook and opens it in Excel, saying what to do next', async () => {
    const { gw } = sauber();
    const e = await erwartet();
    mitFluent(<NeuesBerichtsjahr gateway={gw} />);
    await klick('Vorschau anzeigen');
    await klick('Neue Arbeitsmappe erstellen');

    const titel = await screen.findByText(`Berichtsjahr ${e.jahr} in Excel geöffnet`);
    expect(gw.aufrufe).toEqual(['vorschau', `jahresmappeBauen ${e.jahr}`, 'inExcelOeffnen']);
    expect(gw.geoeffnet).toEqual([FAKE_XLSX]);
    expect(gw.heruntergeladen).toEqual([]);
    expect(titel.closest('[tabindex="-1"]')).toBe(document.activeElement);
    expect(
      screen.getByText(new RegExp(`Speichern unter“ wählen und sie als „${e.datei.replace('.', '\\.')}“ im SharePoint-Ordner`)),
    ).toBeTruthy();
    expect(
      screen.getByText(
        new RegExp(`Diese Arbeitsmappe bleibt unverändert: Sie ist die Grundlage des Umsetzungsberichts ${e.altesJahr}`),
      ),
    ).toBeTruthy();
    // the download stays available on its own
    fireEvent.click(screen.getByRole('button', { name: `Herunterladen (${e.datei})` }));
    expect(gw.heruntergeladen).toEqual([{ datei: e.datei, inhalt: FAKE_XLSX }]);
  });

  it('offers the download when Excel lacks ExcelApi 1.8', async () => {
    const { gw } = sauber({ kannOeffnen: false });
    const e = await erwartet();
    mitFluent(<NeuesBerichtsjahr gateway={gw} />);
    await klick('Vorschau anzeigen');
    await klick('Neue Arbeitsmappe erstellen');

    await screen.findByText(`Berichtsjahr ${e.jahr} zum Herunterladen bereit`);
    expect(gw.aufrufe).not.toContain('inExcelOeffnen');
    expect(screen.getByText(/Diese Excel-Version kann keine neue Arbeitsmappe öffnen \(benötigt ExcelApi 1\.8\)/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: `Herunterladen (${e.datei})` }));
    expect(gw.heruntergeladen).toHaveLength(1);
  });

  it('falls back to the download when Excel fails to open the new workbook', async () => {
    const { gw } = sauber({ oeffnenScheitert: true });
    mitFluent(<NeuesBerichtsjahr gateway={gw} />);
    await klick('Vorschau anzeigen');
    await klick('Neue Arbeitsmappe erstellen');

    const alarm = await screen.findByRole('alert');
    expect(within(alarm).getByText(/nicht als neue Arbeitsmappe öffnen/)).toBeTruthy();
    expect(alarm.closest('[tabindex="-1"]')).toBe(document.activeElement);
    expect(screen.getByText(/zum Herunterladen bereit$/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /^Herunterladen/ }));
    expect(gw.heruntergeladen).toHaveLength(1);
  });

  it('says why a year cannot be used and builds nothing until it can', async () => {
    const { gw } = sauber();
    const e = await erwartet();
    mitFluent(<NeuesBerichtsjahr gateway={gw} />);
    await klick('Vorschau anzeigen');
    const feld = screen.getByLabelText('Neues Berichtsjahr');

    fireEvent.change(feld, { target: { value: String(e.altesJahr) } });
    expect(
      screen.getByText(
        `Das neue Berichtsjahr ${e.altesJahr} liegt nicht nach dem Berichtsjahr ${e.altesJahr} der Arbeitsmappe. Bitte ein späteres Jahr angeben (z. B. ${e.altesJahr + 1}).`,
      ),
    ).toBeTruthy();
    const knopf = screen.getByRole('button', { name: 'Neue Arbeitsmappe erstellen' });
    // disabledFocusable: stays in the tab order, announced as unavailable
    expect(knopf.getAttribute('aria-disabled')).toBe('true');
    await klick('Neue Arbeitsmappe erstellen');
    expect(gw.aufrufe).toEqual(['vorschau']);

    fireEvent.change(feld, { target: { value: '' } });
    expect(screen.getByText(`Bitte das neue Berichtsjahr angeben, z. B. ${e.jahr}.`)).toBeTruthy();

    fireEvent.change(feld, { target: { value: String(e.altesJahr + 2) } });
    expect(screen.getByRole('heading', { name: `Vorschau: Berichtsjahr ${e.altesJahr} → ${e.altesJahr + 2}` })).toBeTruthy();
    await klick('Neue Arbeitsmappe erstellen');
    expect(gw.aufrufe).toContain(`jahresmappeBauen ${e.altesJahr + 2}`);
    await screen.findByText(`Berichtsjahr ${e.altesJahr + 2} in Excel geöffnet`);
  });

  it('shows a German message when the workbook cannot be read', async () => {
    const { gw } = sauber();
    jest.spyOn(gw, 'vorschau').mockRejectedValueOnce(Object.assign(new Error('Access denied'), { code: 'AccessDenied' }));
    mitFluent(<NeuesBerichtsjahr gateway={gw} />);
    await klick('Vorschau anzeigen');
    const alarm = await screen.findByRole('alert');
    expect(within(alarm).getByText(/Excel hat den Zugriff auf die Arbeitsmappe verweigert/)).toBeTruthy();
    expect(alarm.closest('[tabindex="-1"]')).toBe(document.activeElement);
  });
});

describe('NeuesBerichtsjahr on the Start view', () => {
  it('is a section of Start, and its refusal leads to „Prüfen“ with the same Fehler', async () => {
    installiereDemoExcel({ vollstaendig: true });
    render(<App gateway={new OfficeGateway()} jahreswechsel={new OfficeJahreswechselGateway()} />);
    const bereich = await screen.findByRole('region', { name: 'Neues Berichtsjahr anlegen' }, { timeout: 10000 });
    await act(async () => {
      fireEvent.click(within(bereich).getByRole('button', { name: 'Vorschau anzeigen' }));
    });
    await within(bereich).findByText('Kein neues Berichtsjahr: Die Arbeitsmappe enthält 4 Fehler', {}, { timeout: 10000 });
    await act(async () => {
      fireEvent.click(within(bereich).getByRole('button', { name: 'Fehler in „Prüfen“ anzeigen' }));
    });
    expect(await screen.findByRole('tab', { name: 'Prüfen', selected: true })).toBeTruthy();
    // the same Fehler, found by Prüfen
    const liste = await screen.findByRole('list', { name: 'Meldungen auf Arbeitsplanung' }, { timeout: 10000 });
    expect(within(liste).getAllByRole('button', { name: /^Fehler/ })).toHaveLength(2);
  });

  it('is not shown without its gateway', async () => {
    installiereDemoExcel({ vollstaendig: true });
    render(<App gateway={new OfficeGateway()} />);
    await screen.findByText('Aufbau vollständig', {}, { timeout: 10000 });
    expect(screen.queryByRole('region', { name: 'Neues Berichtsjahr anlegen' })).toBeNull();
  });
});

describe('dateinameNeuesJahr', () => {
  it('replaces the old year in the file name, else names it Arbeitsplanung-<jahr>.xlsx', () => {
    expect(dateinameNeuesJahr('Arbeitsplanung-2026.xlsx', 2026, 2027)).toBe('Arbeitsplanung-2027.xlsx');
    expect(dateinameNeuesJahr('Integrationskonzept 2026 Rheine.xlsx', 2026, 2027)).toBe('Integrationskonzept 2027 Rheine.xlsx');
    expect(dateinameNeuesJahr('Demo-Arbeitsmappe.xlsx', 2026, 2027)).toBe('Arbeitsplanung-2027.xlsx');
    expect(dateinameNeuesJahr('Plan12026.xlsx', 2026, 2027)).toBe('Arbeitsplanung-2027.xlsx');
    expect(dateinameNeuesJahr('Geöffnete Arbeitsmappe', 2026, 2028)).toBe('Arbeitsplanung-2028.xlsx');
  });
});
