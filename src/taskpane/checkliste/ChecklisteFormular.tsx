/**
 * Checkliste Umsetzung (Anlage 1) for one Handlungsziel: pick Handlungsfeld
 * and Handlungsziel of the workbook, see its context, Maßnahmen and
 * Wirkungen, fill the Checkliste fields and its Kennzahlen. Every field is
 * checked as typed with the rules of `pruefen` (domain/formular.ts); the
 * Zielerreichung and Ampel of each Kennzahl are shown live; with Ampel rot
 * the Begründung is required. Props-driven: data in, `onSave` out.
 */
import {
  Badge,
  Button,
  Card,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Text,
  Textarea,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  CHECKLISTE_FELDER,
  FORMULAR_LISTEN,
  KENNZAHL_FELDER,
  LEERE_KENNZAHL,
  checklisteEntwurf,
  formularZeilen,
  kennzahlEntwurf,
  pruefeFormular,
  type ChecklisteEntwurf,
  type ChecklisteFeld,
  type FeldMeldung,
  type KennzahlEntwurf,
  type KennzahlFeld,
  type ZeilenWerte,
} from '../../domain/formular';
import type { Plan } from '../../domain/model';
import { AMPEL_LABEL, COLORS } from '../../workbook/layout';
import { prozentImAufgabenbereich as prozent } from '../../domain/format';
import { FehlerAnzeige } from '../komponenten/FehlerAnzeige';
import { AMPEL_BADGE, useGemeinsameStile } from '../komponenten/stile';
import { FEHLER_ZIEL, useAsyncAktion } from '../komponenten/useAsyncAktion';

/** focus targets: the save message and the Kennzahlen heading */
const MELDUNG = 'meldung';
const KENNZAHLEN = 'kennzahlen';

export interface ChecklisteSpeichern {
  readonly zielId: string;
  readonly checkliste: ZeilenWerte;
  readonly kennzahlen: ZeilenWerte[];
}

export interface ChecklisteFormularProps {
  readonly plan: Plan;
  /** saves one Handlungsziel; a rejected promise shows its message */
  /** may return German notes of the save (e.g. a table filter was cleared), shown with the success message */
  readonly onSave: (daten: ChecklisteSpeichern) => Promise<void | readonly string[]>;
  /** preselected Handlungsziel */
  readonly startZielId?: string;
}

const useStyles = makeStyles({
  kontext: { rowGap: tokens.spacingVerticalXS },
  listenAbstand: { rowGap: tokens.spacingVerticalXXS },
  massnahme: {
    backgroundColor: `#${COLORS.massnahme}`,
    color: '#1b1b1b',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  wirkung: {
    backgroundColor: `#${COLORS.wirkung}`,
    color: '#1b1b1b',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  karte: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  kopf: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
  },
  // grid items shrink below the input's intrinsic width, so two fields fit a 320 px pane
  zeile: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(120px, 100%), 1fr))',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    // a field with a hint (Stichtag) is taller; its neighbours keep their input at the top
    alignItems: 'start',
    '& > *': { minWidth: 0 },
  },
  eingabe: { width: '100%', minWidth: 0 },
  // a native <select> is as wide as its longest option; long Handlungsziel texts must not widen the pane
  auswahlFeld: { minWidth: 0 },
  auswahl: { minWidth: 0, maxWidth: '100%' },
  auswahlListe: { minWidth: 0, width: '100%', textOverflow: 'ellipsis' },
});

/** Field validation props for a message. */
function zustand(
  m: FeldMeldung | undefined,
  zeigen: boolean,
): { validationState?: 'error' | 'warning'; validationMessage?: string } {
  if (!m || !zeigen) return {};
  return { validationState: m.schwere === 'Fehler' ? 'error' : 'warning', validationMessage: m.text };
}

interface Formularstand {
  readonly zielId: string;
  readonly checkliste: ChecklisteEntwurf;
  readonly kennzahlen: readonly KennzahlEntwurf[];
}

function stand(plan: Plan, zielId: string): Formularstand {
  return {
    zielId,
    checkliste: checklisteEntwurf(plan.checkliste.find((c) => c.zielId === zielId)),
    kennzahlen: plan.kennzahlen.filter((k) => k.zielId === zielId).map(kennzahlEntwurf),
  };
}

function neueId(zielId: string, vorhanden: readonly KennzahlEntwurf[], plan: Plan): string {
  const belegt = new Set([...plan.kennzahlen.map((k) => k.id), ...vorhanden.map((k) => k.id)]);
  let n = vorhanden.length + 1;
  while (belegt.has(`K${zielId}.${n}`)) n++;
  return `K${zielId}.${n}`;
}

export function ChecklisteFormular({ plan, onSave, startZielId }: ChecklisteFormularProps) {
  const s = useStyles();
  const gem = useGemeinsameStile();
  const hfListe = useMemo(() => [...plan.handlungsfelder].sort((a, b) => a.nr - b.nr), [plan]);
  const startZiel = plan.ziele.find((z) => z.id === startZielId) ?? null;
  const [hf, setHf] = useState<number | null>(startZiel?.hf ?? null);
  const [form, setForm] = useState<Formularstand | null>(startZiel ? stand(plan, startZiel.id) : null);
  const [beruehrt, setBeruehrt] = useState<ReadonlySet<string>>(new Set());
  const [versucht, setVersucht] = useState(false);
  const aktion = useAsyncAktion<'speichern'>({ speichern: 'Checkliste speichern' });
  const speichert = aktion.laeuft !== null;
  // nr: a repeated message mounts anew, so it is announced again
  const [meldung, setMeldungRoh] = useState<{ art: 'success' | 'error' | 'warning'; text: string; nr: number } | null>(null);
  const meldungNr = useRef(0);
  const setMeldung = (m: { art: 'success' | 'error' | 'warning'; text: string } | null) =>
    setMeldungRoh(m ? { ...m, nr: ++meldungNr.current } : null);
  const wurzel = useRef<HTMLDivElement>(null);
  const [zumErstenFehler, setZumErstenFehler] = useState(0);
  const { fokussiere } = aktion;
  // a refused save puts the focus on the first field marked invalid (or on the message when no field is)
  useEffect(() => {
    if (zumErstenFehler === 0) return;
    const feld = wurzel.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (feld) feld.focus();
    else fokussiere(MELDUNG);
  }, [zumErstenFehler, fokussiere]);

  const ziele = plan.ziele.filter((z) => z.hf === hf && z.id !== '');
  const ziel = form ? plan.ziele.find((z) => z.id === form.zielId) : undefined;
  const pruefung = useMemo(
    () => (form ? pruefeFormular(plan, form.zielId, form.checkliste, form.kennzahlen) : null),
    [plan, form],
  );

  const waehleZiel = (id: string) => {
    setForm(id ? stand(plan, id) : null);
    setBeruehrt(new Set());
    setVersucht(false);
    setMeldung(null);
  };
  const beruehre = (key: string) => setBeruehrt((b) => (b.has(key) ? b : new Set([...b, key])));
  const zeigen = (key: string) => versucht || beruehrt.has(key);

  const setzeCheckliste = (f: ChecklisteFeld, wert: string) => {
    if (!form) return;
    setForm({ ...form, checkliste: { ...form.checkliste, [f]: wert } });
    beruehre(`c.${f}`);
    setMeldung(null);
  };
  const setzeKennzahl = (i: number, f: KennzahlFeld, wert: string) => {
    if (!form) return;
    setForm({ ...form, kennzahlen: form.kennzahlen.map((k, j) => (j === i ? { ...k, [f]: wert } : k)) });
    beruehre(`k${i}.${f}`);
    setMeldung(null);
  };
  const kennzahlHinzufuegen = () => {
    if (!form) return;
    setForm({ ...form, kennzahlen: [...form.kennzahlen, { ...LEERE_KENNZAHL, id: neueId(form.zielId, form.kennzahlen, plan) }] });
  };
  const kennzahlEntfernen = (i: number, titel: string) => {
    if (!form) return;
    setForm({ ...form, kennzahlen: form.kennzahlen.filter((_, j) => j !== i) });
    // touched-state is kept per index; after a removal it starts afresh for the Kennzahlen
    setBeruehrt(new Set([...beruehrt].filter((k) => !k.startsWith('k'))));
    setMeldung(null);
    // the button is gone with its card: the focus goes to the section
    aktion.fokussiere(KENNZAHLEN);
    aktion.ansagen(`Kennzahl ${titel} entfernt. Gespeichert wird erst mit „Speichern“.`);
  };

  const speichern = async () => {
    if (!form || !pruefung) return;
    setVersucht(true);
    if (!pruefung.speicherbar) {
      setMeldung({ art: 'error', text: 'Bitte die markierten Felder korrigieren. Es wurde nichts gespeichert.' });
      setZumErstenFehler((n) => n + 1);
      return;
    }
    const zielId = form.zielId;
    const zeilen = formularZeilen(zielId, form.checkliste, form.kennzahlen);
    setMeldung(null);
    await aktion.ausfuehren('speichern', async () => (await onSave({ zielId, ...zeilen })) ?? [], {
      dann: (hinweise) =>
        setMeldung({
          art: 'success',
          text: [`Checkliste und Kennzahlen für Handlungsziel ${zielId} gespeichert.`, ...hinweise].join(' '),
        }),
      fokus: MELDUNG,
    });
  };

  // spread on every Select of the form (see auswahl styles)
  const schmal = { className: s.auswahl, select: { className: s.auswahlListe } };
  const hfName = hfListe.find((h) => h.nr === hf);

  const massnahmen = ziel ? plan.arbeitsplanung.filter((r) => r.zielId === ziel.id && !r.standard) : [];

  return (
    <div className={gem.spalte} ref={wurzel}>
      <Field label="Handlungsfeld" className={s.auswahlFeld}>
        <Select
          {...schmal}
          select={{ ...schmal.select, title: hfName ? `${hfName.nr} ${hfName.name}` : undefined }}
          value={hf === null ? '' : String(hf)}
          onChange={(_, d) => {
            setHf(d.value === '' ? null : Number(d.value));
            waehleZiel('');
          }}
        >
          <option value="">Bitte wählen …</option>
          {hfListe.map((h) => (
            <option key={h.nr} value={String(h.nr)}>
              {`${h.nr} ${h.name}`}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label="Handlungsziel"
        className={s.auswahlFeld}
        hint={hf !== null && ziele.length === 0 ? 'Für dieses Handlungsfeld sind keine Handlungsziele erfasst.' : undefined}
      >
        <Select
          {...schmal}
          select={{ ...schmal.select, title: ziel ? `${ziel.id} ${ziel.handlungsziel}` : undefined }}
          value={form?.zielId ?? ''}
          disabled={hf === null}
          onChange={(_, d) => waehleZiel(d.value)}
        >
          <option value="">Bitte wählen …</option>
          {ziele.map((z) => (
            <option key={z.id} value={z.id}>
              {`${z.id} ${z.handlungsziel}`}
            </option>
          ))}
        </Select>
      </Field>

      {form && ziel && pruefung ? (
        <>
          <Card className={s.kontext} role="region" aria-label="Zusammenhang">
            <Subtitle2 as="h2" className={gem.ueberschrift}>{`Handlungsziel ${ziel.id}: ${ziel.handlungsziel}`}</Subtitle2>
            {ziel.herausforderung ? <Text size={200}>{`Herausforderung: ${ziel.herausforderung}`}</Text> : null}
            {ziel.leitziel ? <Text size={200}>{`Leitziel: ${ziel.leitziel}`}</Text> : null}
            <Text as="h3" size={200} weight="semibold" className={gem.ueberschrift}>
              Maßnahmen und Wirkungen (Arbeitsplanung)
            </Text>
            {massnahmen.length === 0 ? (
              <Text size={200} className={gem.leise}>
                Für dieses Handlungsziel ist noch keine Maßnahme geplant.
              </Text>
            ) : (
              <ul className={mergeClasses(gem.liste, s.listenAbstand)} aria-label="Maßnahmen und Wirkungen">
                {massnahmen.map((r) => (
                  <li key={`${r.nr}-${r.ref.row}`} className={r.art === 'Wirkung' ? s.wirkung : s.massnahme}>
                    <Text size={200}>{`${r.art ?? ''} ${r.nr}: ${r.beschreibung}${r.status ? ` (${r.status})` : ''}`}</Text>
                  </li>
                ))}
              </ul>
            )}
          </Card>

          <section className={gem.spalte} aria-label="Checkliste">
            <Subtitle2 as="h2" className={gem.ueberschrift}>
              Checkliste Umsetzung
            </Subtitle2>
            {(Object.keys(CHECKLISTE_FELDER) as ChecklisteFeld[]).map((f) => {
              const label = CHECKLISTE_FELDER[f];
              const props = zustand(pruefung.checkliste[f], zeigen(`c.${f}`));
              if (f === 'umsetzungsstand' || f === 'anpassungsbedarf') {
                const werte = FORMULAR_LISTEN[f];
                return (
                  <Field key={f} label={label} className={s.auswahlFeld} {...props}>
                    <Select {...schmal} value={form.checkliste[f]} onChange={(_, d) => setzeCheckliste(f, d.value)}>
                      <option value="">(keine Angabe)</option>
                      {werte.map((w) => (
                        <option key={w} value={w}>
                          {w}
                        </option>
                      ))}
                      {form.checkliste[f] !== '' && !(werte as readonly string[]).includes(form.checkliste[f]) ? (
                        <option value={form.checkliste[f]}>{form.checkliste[f]}</option>
                      ) : null}
                    </Select>
                  </Field>
                );
              }
              const lang = f === 'einschaetzung' || f === 'naechsteSchritte';
              return (
                <Field key={f} label={label} {...props}>
                  {lang ? (
                    <Textarea value={form.checkliste[f]} resize="vertical" onChange={(_, d) => setzeCheckliste(f, d.value)} />
                  ) : (
                    <Input value={form.checkliste[f]} onChange={(_, d) => setzeCheckliste(f, d.value)} />
                  )}
                </Field>
              );
            })}
          </section>

          <section className={gem.spalte} aria-label="Kennzahlen">
            <Text
              as="h2"
              size={400}
              weight="semibold"
              className={mergeClasses(gem.ueberschrift, gem.fokusZiel)}
              tabIndex={-1}
              ref={aktion.ziel(KENNZAHLEN)}
            >
              Kennzahlen
            </Text>
            {form.kennzahlen.length === 0 ? (
              <Text size={200} className={gem.leise}>
                Noch keine Kennzahl. Jedes Handlungsziel braucht mindestens eine Kennzahl mit Zielwert.
              </Text>
            ) : null}
            {form.kennzahlen.map((k, i) => {
              const p = pruefung.kennzahlen[i];
              const titel = k.name || k.id || `Kennzahl ${i + 1}`;
              const feld = (f: KennzahlFeld, art: 'text' | 'zahl' | 'datum' | 'lang' = 'text') => {
                const meldung = zustand(p.meldungen[f], zeigen(`k${i}.${f}`));
                // the hint asks for the Begründung until the field's own message says the same
                const rotHinweis = f === 'begruendung' && p.begruendungNoetig && !meldung.validationMessage;
                return (
                  <Field
                    key={f}
                    label={KENNZAHL_FELDER[f]}
                    required={f === 'id' || f === 'name' || f === 'zielwert' || (f === 'begruendung' && p.begruendungNoetig)}
                    hint={rotHinweis ? 'Die Ampel steht auf Rot: bitte begründen.' : art === 'datum' ? 'TT.MM.JJJJ' : undefined}
                    {...meldung}
                  >
                    {art === 'lang' ? (
                      <Textarea value={k[f]} resize="vertical" onChange={(_, d) => setzeKennzahl(i, f, d.value)} />
                    ) : (
                      <Input
                        className={s.eingabe}
                        value={k[f]}
                        inputMode={art === 'zahl' ? 'decimal' : undefined}
                        onChange={(_, d) => setzeKennzahl(i, f, d.value)}
                      />
                    )}
                  </Field>
                );
              };
              return (
                <Card key={i} className={s.karte} aria-label={`Kennzahl ${titel}`} role="group">
                  <div className={s.kopf}>
                    <Text weight="semibold">{titel}</Text>
                    <span aria-live="polite">
                      <Badge
                        appearance="tint"
                        color={AMPEL_BADGE[p.ampel]}
                      >{`Zielerreichung ${prozent(p.zielerreichung)} · Ampel ${AMPEL_LABEL[p.ampel]}`}</Badge>
                    </span>
                  </div>
                  <div className={s.zeile}>
                    {feld('id')}
                    {feld('einheit')}
                  </div>
                  {feld('name')}
                  <Field
                    label={KENNZAHL_FELDER.ebene}
                    className={s.auswahlFeld}
                    {...zustand(p.meldungen.ebene, zeigen(`k${i}.ebene`))}
                  >
                    <Select {...schmal} value={k.ebene} onChange={(_, d) => setzeKennzahl(i, 'ebene', d.value)}>
                      <option value="">(keine Angabe)</option>
                      {FORMULAR_LISTEN.wirkungsebene.map((w) => (
                        <option key={w} value={w}>
                          {w}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <div className={s.zeile}>
                    {feld('ausgangswert', 'zahl')}
                    {feld('zielwert', 'zahl')}
                    {feld('istwert', 'zahl')}
                    {feld('stichtag', 'datum')}
                  </div>
                  {feld('datenquelle')}
                  {feld('verantwortlich')}
                  {feld('begruendung', 'lang')}
                  <div className={gem.knoepfe}>
                    <Button
                      appearance="subtle"
                      onClick={() => kennzahlEntfernen(i, titel)}
                      // the name starts with the visible text (WCAG 2.5.3) and says which one
                      aria-label={`Kennzahl entfernen: ${titel}`}
                    >
                      Kennzahl entfernen
                    </Button>
                  </div>
                </Card>
              );
            })}
            <div className={gem.knoepfe}>
              <Button onClick={kennzahlHinzufuegen}>Kennzahl hinzufügen</Button>
            </div>
          </section>

          {meldung ? (
            <MessageBar
              key={meldung.nr}
              intent={meldung.art}
              role={meldung.art === 'error' ? 'alert' : 'status'}
              ref={aktion.ziel(MELDUNG)}
              tabIndex={-1}
              className={gem.fokusZiel}
            >
              <MessageBarBody>{meldung.text}</MessageBarBody>
            </MessageBar>
          ) : null}
          {aktion.fehler ? (
            <FehlerAnzeige
              fehler={aktion.fehler.fehler}
              onSchliessen={() => aktion.fehlerSchliessen()}
              fokusRef={aktion.ziel(FEHLER_ZIEL)}
            />
          ) : null}
          <div className={gem.knoepfe}>
            <Button appearance="primary" onClick={() => void speichern()} disabledFocusable={speichert}>
              {speichert ? 'Speichert …' : 'Speichern'}
            </Button>
          </div>
        </>
      ) : (
        <Text className={gem.leise}>Bitte Handlungsfeld und Handlungsziel wählen.</Text>
      )}
    </div>
  );
}
