/**
 * Tables with hidden rows before deleting rows of them. With a filter
 * active, Excel refuses to delete table rows (InsertDeleteConflict) or
 * silently leaves them in place; so the filter is cleared first, in a
 * request of its own, and checked again. Detection uses `Range.rowHidden`
 * (ExcelApi 1.2, within the manifest's minimum): it is false only when no
 * row of the range is hidden, by a filter or by hand.
 */

/** Queue with the body range's other loads; read after the sync. */
export function ladeAusgeblendet(koerper: Excel.Range): void {
  koerper.load('rowHidden');
}

/** true when some row of a loaded body range is hidden (null = some, true = all) */
export function hatAusgeblendeteZeilen(koerper: Excel.Range): boolean {
  const v = koerper.rowHidden as boolean | null | undefined;
  return v === true || v === null;
}

export class AusgeblendeteZeilenFehler extends Error {
  constructor(tabelle: string, was: string) {
    super(
      `Die Tabelle „${tabelle}“ hat ausgeblendete Zeilen, deshalb kann ${was} keine Zeilen löschen. ` +
        'Bitte alle Zeilen einblenden (Zeilen markieren › Rechtsklick › Einblenden) und erneut versuchen. Es wurden keine Daten geändert.',
    );
    this.name = 'AusgeblendeteZeilenFehler';
  }
}

/**
 * Clears the table's filter and syncs; throws (German) when rows stay
 * hidden, because then they were hidden by hand and Excel may still refuse
 * or skip the delete. Returns the German note for the result.
 */
export async function filterAufheben(context: Excel.RequestContext, tabelle: string, koerper: () => Excel.Range, was: string): Promise<string> {
  context.workbook.tables.getItem(tabelle).clearFilters();
  const neu = koerper();
  neu.load('rowHidden');
  await context.sync();
  if (hatAusgeblendeteZeilen(neu)) throw new AusgeblendeteZeilenFehler(tabelle, was);
  return `Der Filter der Tabelle „${tabelle}“ wurde aufgehoben, damit Zeilen gelöscht werden konnten. Bitte bei Bedarf neu filtern.`;
}
