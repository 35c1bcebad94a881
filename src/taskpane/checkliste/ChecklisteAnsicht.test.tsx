/**
 * @jest-environment jsdom
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { arbeitsmappe } from '../../domain/__tests__/fixtures';
import { pruefen } from '../../domain';
import { ChecklisteAnsicht } from './ChecklisteAnsicht';
import type { ChecklisteGateway } from './gateway';

if (!('ResizeObserver' in window)) {
  Object.assign(window, {
    ResizeObserver: class {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    },
  });
}

function gateway(): jest.Mocked<ChecklisteGateway> {
  return {
    laden: jest.fn().mockResolvedValue(pruefen(arbeitsmappe())),
    speichern: jest
      .fn()
      .mockResolvedValue({
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
    render(
      <FluentProvider theme={webLightTheme}>
        <ChecklisteAnsicht gateway={g} />
      </FluentProvider>,
    );
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

  it('shows a German error when the workbook cannot be read', async () => {
    const g = gateway();
    g.laden.mockRejectedValue(new Error('Excel antwortet nicht'));
    render(
      <FluentProvider theme={webLightTheme}>
        <ChecklisteAnsicht gateway={g} />
      </FluentProvider>,
    );
    expect(await screen.findByRole('alert')).toBeTruthy();
  });
});
