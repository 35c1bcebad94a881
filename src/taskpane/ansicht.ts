/** The views of the task pane and how a URL (ribbon button) selects one. */

export type Ansicht = 'start' | 'pruefen' | 'kpi' | 'checkliste' | 'netzwerk';

export const ANSICHTEN: readonly { readonly id: Ansicht; readonly titel: string }[] = [
  { id: 'start', titel: 'Start' },
  { id: 'pruefen', titel: 'Prüfen' },
  { id: 'kpi', titel: 'KPIs' },
  { id: 'checkliste', titel: 'Checkliste' },
  { id: 'netzwerk', titel: 'Netzwerke' },
];

/**
 * The ribbon buttons open the pane as taskpane.html?ansicht=pruefen etc.;
 * such a start also runs the action, because that is what the button says.
 */
export function startAnsichtAusUrl(search: string): { ansicht: Ansicht; ausfuehren: boolean } {
  const wert = new URLSearchParams(search).get('ansicht');
  const gefunden = ANSICHTEN.find((a) => a.id === wert);
  if (!gefunden) return { ansicht: 'start', ausfuehren: false };
  return { ansicht: gefunden.id, ausfuehren: gefunden.id === 'pruefen' || gefunden.id === 'kpi' };
}
