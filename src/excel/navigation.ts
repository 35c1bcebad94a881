import { parseAdresse } from '../domain/adresse';
/**
 * Jump to a cell named by a finding: activate its sheet and select the cell.
 * 2 syncs (existence check, then select) so a stale finding gives a German
 * message instead of an Office.js ItemNotFound error.
 */

export async function waehleZelle(context: Excel.RequestContext, blatt: string, zelle: string): Promise<void> {
  // accept "D7" as well as "Arbeitsplanung!D7"
  let name = blatt;
  let adresse = zelle.trim();
  if (adresse.includes('!')) {
    const b = parseAdresse(adresse);
    if (b.blatt) name = b.blatt;
    adresse = adresse.slice(adresse.lastIndexOf('!') + 1);
  }
  if (adresse) parseAdresse(adresse); // throws a German message on nonsense
  const ws = context.workbook.worksheets.getItemOrNullObject(name);
  ws.load('name,visibility');
  await context.sync();
  if (ws.isNullObject) {
    throw new Error(`Das Blatt „${name}“ gibt es in dieser Arbeitsmappe nicht (mehr). Bitte erneut prüfen.`);
  }
  // Excel cannot activate a hidden sheet; say so instead of failing with an Office.js error
  if (ws.visibility === 'Hidden' || ws.visibility === 'VeryHidden') {
    throw new Error(
      `Das Blatt „${name}“ ist ausgeblendet. Bitte es einblenden (Rechtsklick auf ein Blattregister → „Einblenden“) und dann erneut auf den Eintrag klicken.`,
    );
  }
  ws.activate();
  if (adresse) ws.getRange(adresse).select();
  await context.sync();
}
