/**
 * Layout classes and colour choices every view of the pane uses, defined
 * once so the views look alike and a change (spacing, muted text) is made
 * in one place.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import type { Ampel } from '../../domain/model';

export const useGemeinsameStile = makeStyles({
  /** a view or section: children stacked with the pane's standard gap */
  spalte: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  /** a row of buttons that wraps in a narrow pane */
  knoepfe: { display: 'flex', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, flexWrap: 'wrap' },
  /** a list without bullets, entries stacked (each view adds its own gap) */
  liste: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  /** secondary text (explanations, timestamps) */
  leise: { color: tokens.colorNeutralForeground3 },
  /** headings inside cards keep the card's own spacing */
  ueberschrift: { margin: 0 },
  /** a result that takes the focus after an action (tabIndex -1): visible where the focus landed */
  fokusZiel: { ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' } },
});

/** Fluent Badge colour of an Ampel (the cells in Excel use the fills of workbook/layout). */
export const AMPEL_BADGE: Readonly<Record<Ampel, 'success' | 'warning' | 'danger' | 'informative'>> = {
  gruen: 'success',
  gelb: 'warning',
  rot: 'danger',
  keine_daten: 'informative',
};
