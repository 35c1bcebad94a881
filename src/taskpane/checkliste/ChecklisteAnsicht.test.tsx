/**
 * @jest-environment jsdom
 */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { arbeitsmappe } from '../../domain/__tests__/fixtures';
import { pruefen } from '../../domain';
import { ChecklisteAnsicht } from './ChecklisteAnsicht';
import type { ChecklisteGateway } from './gateway';
import { mitFluent } from '../testHilfen';

function gateway(): jest.Mocked<ChecklisteGateway> {
  return {
    laden: jest.fn().mockResolvedValue(pruefen(arbeitsmappe())),
    speichern: jest.fn().mockResolvedValue({
      checkliste: 'aktualisiert',
      kennzahlenAktualisiert: 1,
      kennzahlenAngelegt: 0,
      kennzahlenEntfernt: 0,
      syncs: 3,
    }),
    waehleZelle: jest.fn().mockResolvedValue(undefined),
  };
}

describe('ChecklisteAnsicht', () => {
  it('loads through the gateway, saves one Handlungsziel and re-reads the workbook', async () => {
    const g = gateway();
    mitFluent(<ChecklisteAnsicht gateway={g} />);
    fireEvent.change(await screen.findByLabelText('Handlungsfeld'), { target: { value: '2' } });
    fireEvent.change(screen.getByLabelText('Handlungsziel'), { target: { value: '2.1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    await waitFor(() => expect(g.speichern).toHaveBeenCalledTimes(1));
    expect(g.speichern.mock.calls[0][0]).toBe('2.1');
    expect(g.speichern.mock.calls[0][2].map((k) => k['Kennzahl-ID'])).toEqual(['K3']);
    await waitFor(() => expect(g.laden).toHaveBeenCalledTimes(2));

    fireEvent.click(screen.getByRole('tab', { name: 'Fehlende Angaben' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Zu Kennzahlen!H4' }));
    expect(g.waehleZelle).toHaveBeenCalledWith('Kennzahlen', 'H4');
  });

  it('without the template tables it points to the „Einrichten“ button on Start, by that name', async () => {
    const g = gateway();
    g.laden.mockResolvedValue({ plan: null, findings: [] });
    mitFluent(<ChecklisteAnsicht gateway={g} />);
    expect(await screen.findByText(/Bitte zuerst im Reiter „Start“ auf „Einrichten“ klicken\./)).toBeTruthy();
  });

  it('shows a German error when the workbook cannot be read', async () => {
    const g = gateway();
    g.laden.mockRejectedValue(new Error('Excel antwortet nicht'));
    mitFluent(<ChecklisteAnsicht gateway={g} />);
    expect(await screen.findByRole('alert')).toBeTruthy();
  });
});
