/**
 * @jest-environment jsdom
 */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { installiereDemoExcel } from '../demo/demoExcel';
import { OfficeGateway } from '../officeGateway';
import { mitFluent } from '../testHilfen';
import { SelbsttestKarte } from './Selbsttest';

describe('Selbsttest im Aufgabenbereich (Demo-Excel, Modus Web)', () => {
  test('Hinweis vorab, ✓/✗ je Probe mit Code, Bericht kopieren; die Mappe bleibt unverändert', async () => {
    const demo = installiereDemoExcel({ vollstaendig: true });
    const vorher = demo.fake.schnappschuss();
    const gw = new OfficeGateway();
    const schreiben = jest.fn().mockResolvedValue(undefined);
    Object.assign(navigator, { clipboard: { writeText: schreiben } });
    mitFluent(<SelbsttestKarte ausfuehren={() => gw.selbsttest()} gesperrt={false} />);
    expect(screen.getByText(/Wer die Datei gleichzeitig bearbeitet, sieht es eventuell kurz/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Selbsttest starten' }));
    const liste = await screen.findByRole('list', { name: 'Proben des Selbsttests' });
    expect(liste.textContent).toContain('✗ Adressliste mit „;“ (getRanges) [InvalidArgument]');
    expect(liste.textContent).toContain('✓ Adressliste mit „,“ (getRanges)');
    // the demo page has no Excel.createWorkbook either
    expect(liste.textContent).toContain('✗ Neue Arbeitsmappe öffnen (createWorkbook) [ApiNotFound]');
    expect(screen.getByText(/^2 von \d+ Proben nicht bestanden\.$/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Bericht kopieren' }));
    await waitFor(() => expect(schreiben).toHaveBeenCalled());
    const bericht = String(schreiben.mock.calls[0][0]);
    expect(bericht).toContain('Host: unbekannt');
    expect(bericht).toContain('✗ Adressliste mit „;“ (getRanges) [InvalidArgument]');
    expect(demo.fake.schnappschuss()).toBe(vorher);
  });
});
