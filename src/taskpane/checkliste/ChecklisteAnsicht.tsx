/**
 * The task-pane tab "Checkliste": loads the workbook through the gateway and
 * shows the form and the Fehlende-Angaben view. Mount it with
 * `<ChecklisteAnsicht gateway={new OfficeChecklisteGateway()} />`.
 */
import { Button, MessageBar, MessageBarBody, Spinner, Tab, TabList } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { berechneKpi, hatFehler } from '../../domain';
import { fehlendeAngaben } from '../../domain/fehlend';
import { FehlerAnzeige } from '../komponenten/FehlerAnzeige';
import { FEHLER_ZIEL, useAsyncAktion } from '../komponenten/useAsyncAktion';
import { alsBenutzerFehler } from '../fehler';
import { ChecklisteFormular, type ChecklisteSpeichern } from './ChecklisteFormular';
import { FehlendeAngaben } from './FehlendeAngaben';
import type { ChecklisteDaten, ChecklisteGateway } from './gateway';
import { useGemeinsameStile } from '../komponenten/stile';

export function ChecklisteAnsicht({ gateway }: { gateway: ChecklisteGateway }) {
  const gem = useGemeinsameStile();
  const [daten, setDaten] = useState<ChecklisteDaten | null>(null);
  const aktion = useAsyncAktion<'laden' | 'zelle'>({ laden: 'Arbeitsmappe lesen', zelle: 'Zelle auswählen' });
  const { ausfuehren } = aktion;
  const laedt = aktion.laeuft === 'laden';
  const fehler = aktion.fehler?.fehler ?? null;
  const [reiter, setReiter] = useState<'formular' | 'fehlend'>('formular');

  const laden = useCallback(async () => {
    await ausfuehren('laden', () => gateway.laden(), { dann: setDaten });
  }, [ausfuehren, gateway]);

  useEffect(() => {
    void laden();
  }, [laden]);

  // Shown even when the workbook has Fehler (with a warning): whom to ask is useful either way.
  const fehlend = useMemo(() => (daten?.plan ? fehlendeAngaben(daten.plan, berechneKpi(daten.plan)) : null), [daten]);
  const mitFehlern = daten ? hatFehler(daten.findings) : false;

  const speichern = async (d: ChecklisteSpeichern): Promise<readonly string[]> => {
    let hinweise: readonly string[];
    try {
      hinweise = (await gateway.speichern(d.zielId, d.checkliste, d.kennzahlen)).hinweise ?? [];
    } catch (e) {
      // the form shows the message of what it catches: a German BenutzerFehler
      throw alsBenutzerFehler(e, 'Checkliste speichern');
    }
    // re-read so other views and the Fehlende-Angaben list see the saved rows
    setDaten(await gateway.laden());
    return hinweise;
  };

  return (
    <div className={gem.spalte}>
      <TabList
        size="small"
        selectedValue={reiter}
        onTabSelect={(_, d) => setReiter(d.value as 'formular' | 'fehlend')}
        aria-label="Checkliste"
      >
        {/* short visible label so both tabs fit a 320 px pane; the main tab already says "Checkliste" */}
        <Tab value="formular" aria-label="Checkliste ausfüllen">
          Ausfüllen
        </Tab>
        <Tab value="fehlend">Fehlende Angaben</Tab>
      </TabList>
      {fehler ? (
        <FehlerAnzeige fehler={fehler} onSchliessen={() => aktion.fehlerSchliessen()} fokusRef={aktion.ziel(FEHLER_ZIEL)} />
      ) : null}
      {laedt && !daten ? <Spinner size="small" label="Arbeitsmappe wird gelesen …" /> : null}
      {daten && !daten.plan ? (
        <MessageBar intent="error">
          <MessageBarBody>
            Die Arbeitsmappe enthält nicht alle Tabellen der Vorlage. Bitte zuerst im Reiter „Start“ auf „Einrichten“ klicken.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {daten?.plan && reiter === 'formular' ? <ChecklisteFormular plan={daten.plan} onSave={speichern} /> : null}
      {fehlend && reiter === 'fehlend' ? (
        <>
          {mitFehlern ? (
            <MessageBar intent="warning">
              <MessageBarBody>
                Die Arbeitsmappe hat außerdem Fehler (Reiter „Prüfen“). Bis sie korrigiert sind, können Ampeln und Prozentwerte
                abweichen.
              </MessageBarBody>
            </MessageBar>
          ) : null}
          <FehlendeAngaben
            bericht={fehlend}
            onZelleWaehlen={(b, z) =>
              // navigation does not wait for or block a running read
              void gateway.waehleZelle(b, z).then(
                () => aktion.ansagen(`Zelle ${b}!${z} in Excel ausgewählt.`),
                (e: unknown) => aktion.fehlerZeigen('zelle', e),
              )
            }
          />
        </>
      ) : null}
      <div>
        <Button size="small" appearance="subtle" onClick={() => void laden()} disabledFocusable={laedt}>
          Neu einlesen
        </Button>
      </div>
    </div>
  );
}
