/**
 * @jest-environment jsdom
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { arbeitsmappe } from '../../domain/__tests__/fixtures';
import { berechneKpi, pruefen } from '../../domain';
import { fehlendeAngaben } from '../../domain/fehlend';
import type { Plan } from '../../domain/model';
import { ChecklisteFormular, type ChecklisteSpeichern } from './ChecklisteFormular';
import { FehlendeAngaben } from './FehlendeAngaben';
import { mitFluent } from '../testHilfen';

const { plan: p } = pruefen(arbeitsmappe());
if (!p) throw new Error('Fixture nicht lesbar');
const plan: Plan = p;

function zeige(onSave = jest.fn<Promise<void>, [ChecklisteSpeichern]>().mockResolvedValue(undefined)) {
  mitFluent(<ChecklisteFormular plan={plan} onSave={onSave} />);
  return onSave;
}

function waehle(label: string, wert: string): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value: wert } });
}

function kennzahl(name: string): HTMLElement {
  return screen.getByRole('group', { name: `Kennzahl ${name}` });
}

describe('ChecklisteFormular', () => {
  it('offers only the Handlungsfelder and Handlungsziele of the workbook and shows the context', () => {
    zeige();
    const hf = screen.getByLabelText('Handlungsfeld') as HTMLSelectElement;
    expect([...hf.options].map((o) => o.textContent)).toEqual(['Bitte wählen …', '1 Sprachförderung', '2 Kita, Schule, Bildung']);
    waehle('Handlungsfeld', '1');
    const hz = screen.getByLabelText('Handlungsziel') as HTMLSelectElement;
    expect([...hz.options].map((o) => o.value)).toEqual(['', '1.1', '1.2']);
    waehle('Handlungsziel', '1.1');
    expect(screen.getByText('Herausforderung: H1')).toBeTruthy();
    expect(screen.getByText('Leitziel: L1')).toBeTruthy();
    const liste = screen.getByRole('list', { name: 'Maßnahmen und Wirkungen' });
    expect(within(liste).getByText(/Maßnahme A1: Kurs anbieten/)).toBeTruthy();
    expect(within(liste).getByText(/Wirkung A2: Mehr Menschen sprechen Deutsch/)).toBeTruthy();
    expect((screen.getByLabelText('Zielgruppe') as HTMLInputElement).value).toBe('Erwachsene');
    expect((screen.getByLabelText('Umsetzungsstand') as HTMLSelectElement).value).toBe('in Umsetzung');
  });

  it('validates as typed with German messages at the field and shows Zielerreichung and Ampel live', () => {
    zeige();
    waehle('Handlungsfeld', '1');
    waehle('Handlungsziel', '1.1');
    const k = kennzahl('Kursplätze');
    expect(within(k).getByText('Zielerreichung 95 % · Ampel grün')).toBeTruthy();
    fireEvent.change(within(k).getByLabelText('Istwert'), { target: { value: '12 Personen' } });
    expect(within(k).getByText(/„12 Personen“ ist keine Zahl/)).toBeTruthy();
    fireEvent.change(within(k).getByLabelText('Istwert'), { target: { value: '70' } });
    expect(within(k).queryByText(/ist keine Zahl/)).toBeNull();
    expect(within(k).getByText('Zielerreichung 70 % · Ampel gelb')).toBeTruthy();
    fireEvent.change(within(k).getByLabelText(/^Zielwert/), { target: { value: '' } });
    expect(within(k).getByText(/Der Zielwert fehlt/)).toBeTruthy();
  });

  it('requires a Begründung when the Ampel turns rot and does not save without it', async () => {
    const onSave = zeige();
    waehle('Handlungsfeld', '1');
    waehle('Handlungsziel', '1.1');
    const k = kennzahl('Kursplätze');
    fireEvent.change(within(k).getByLabelText('Istwert'), { target: { value: '20' } });
    expect(within(k).getByText('Zielerreichung 20 % · Ampel rot')).toBeTruthy();
    expect(within(k).getByText('Die Ampel steht auf Rot: bitte begründen.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByText(/Bitte die markierten Felder korrigieren/)).toBeTruthy();
    expect(within(k).getByText(/steht auf Rot .* es fehlt eine Begründung/)).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();

    fireEvent.change(within(k).getByLabelText(/^Begründung/), { target: { value: 'Dozentin fehlte ein Quartal.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(await screen.findByText('Checkliste und Kennzahlen für Handlungsziel 1.1 gespeichert.')).toBeTruthy();
  });

  it('saves only this Handlungsziel: Checkliste row and its Kennzahlen after add/edit/remove', async () => {
    const onSave = zeige();
    waehle('Handlungsfeld', '1');
    waehle('Handlungsziel', '1.1');
    waehle('Zielgruppe', 'Eltern');
    waehle('Anpassungsbedarf', 'Ressourcen anpassen');
    fireEvent.click(screen.getByRole('button', { name: 'Kennzahl hinzufügen' }));
    const neu = kennzahl('K1.1.2');
    fireEvent.change(within(neu).getByLabelText(/^Kennzahl\s*\*?$/), { target: { value: 'Sprachcafés' } });
    fireEvent.change(within(neu).getByLabelText(/^Zielwert/), { target: { value: '10' } });
    fireEvent.change(within(neu).getByLabelText('Istwert'), { target: { value: '9,5' } });
    fireEvent.change(within(neu).getByLabelText('Stichtag'), { target: { value: '30.06.2026' } });
    fireEvent.change(within(neu).getByLabelText('Wirkungsebene'), { target: { value: 'Outcome' } });
    fireEvent.click(within(kennzahl('Kursplätze')).getByRole('button', { name: /entfernen/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    const d = onSave.mock.calls[0][0];
    expect(d.zielId).toBe('1.1');
    expect(d.checkliste).toMatchObject({
      'Handlungsziel-ID': '1.1',
      Zielgruppe: 'Eltern',
      Anpassungsbedarf: 'Ressourcen anpassen',
      Umsetzungsstand: 'in Umsetzung',
    });
    expect(d.kennzahlen).toEqual([
      {
        'Kennzahl-ID': 'K1.1.2',
        'Handlungsziel-ID': '1.1',
        Kennzahl: 'Sprachcafés',
        Einheit: null,
        Wirkungsebene: 'Outcome',
        Ausgangswert: null,
        Zielwert: 10,
        Istwert: 9.5,
        Stichtag: new Date(Date.UTC(2026, 5, 30)),
        Datenquelle: null,
        Verantwortlich: null,
        Begründung: null,
      },
    ]);
  });

  it('shows the error of a failed save', async () => {
    zeige(jest.fn<Promise<void>, [ChecklisteSpeichern]>().mockRejectedValue(new Error('Das Blatt ist geschützt.')));
    waehle('Handlungsfeld', '2');
    waehle('Handlungsziel', '2.1');
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByText('Das Blatt ist geschützt.')).toBeTruthy();
  });
});

describe('FehlendeAngaben', () => {
  it('groups what is missing by Handlungsfeld with network and lets the user jump to the cell', () => {
    const onZelle = jest.fn();
    mitFluent(<FehlendeAngaben bericht={fehlendeAngaben(plan, berechneKpi(plan))} onZelleWaehlen={onZelle} />);
    expect(screen.getByText('Vollständigkeit für den Umsetzungsbericht 2026: 93 %')).toBeTruthy();
    expect(screen.getByText('Kennzahl ohne Istwert: 1')).toBeTruthy();
    const hf2 = screen.getByRole('region', { name: /Handlungsfeld 2/ });
    expect(within(hf2).getByText(/Netzwerk Bildung · Netzwerkleitung: C\. Test/)).toBeTruthy();
    // the entry text does not repeat the address its link names
    const eintrag = within(hf2).getByRole('button', { name: 'Zu Kennzahlen!H4' }).closest('li');
    expect(eintrag?.textContent).toMatch(
      /^Kennzahl .* hat noch keinen Istwert\. Bitte den Istwert eintragen\. Zu Kennzahlen!H4$/,
    );
    fireEvent.click(within(hf2).getByRole('button', { name: 'Zu Kennzahlen!H4' }));
    expect(onZelle).toHaveBeenCalledWith('Kennzahlen', 'H4');
    expect(screen.queryByRole('region', { name: /Handlungsfeld 1/ })).toBeNull();
  });
});
