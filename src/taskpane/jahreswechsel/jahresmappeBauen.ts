/**
 * "Neues Berichtsjahr anlegen" in the browser: the open workbook
 * (RawWorkbook) → the same builder as the CLI's `jahreswechsel`
 * (src/xlsx/jahreswechselMappe.ts) → .xlsx bytes. The builder pulls in
 * exceljs, so the pane loads this module only on use (dynamic import in
 * gateway.ts).
 */
import type { RawWorkbook } from '../../domain/model';
import { bauVoraussetzungen, erstelltAus, type JahresmappeErstellt } from './vorschau';

export async function jahresmappeBauen(raw: RawWorkbook, jahr: number, jetzt: Date): Promise<JahresmappeErstellt> {
  const { plan, quelle, datei } = bauVoraussetzungen(raw, jahr);
  // same chunk as this module, so it arrives with it
  const { baueJahresmappe } = await import(/* webpackChunkName: "jahreswechsel-erstellen" */ '../../xlsx/jahreswechselMappe');
  const neu = await baueJahresmappe(raw, plan, jahr, { erstelltAm: jetzt, quelle, ziel: datei });
  return erstelltAus(neu.ergebnis, datei, neu.inhalt, neu.pruefung);
}
