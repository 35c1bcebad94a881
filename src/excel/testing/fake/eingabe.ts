/** How Excel interprets a value assigned through range.values (as if typed). */
import { FakeOfficeFehler, type FakeZelle } from './modell';

/**
 * Interpret an assigned value like Office.js: apostrophe → text, "=…" →
 * formula; with `zahlenErkennen` number-like text becomes a number (off by
 * default for compatibility; `createFakeExcel({ zahlenErkennen: true })`
 * catches IDs like "1.10" silently becoming 1.1).
 */
export function setzeEingabe(c: FakeZelle, w: unknown, zahlenErkennen = false): void {
  delete c.fehler;
  delete c.formel;
  if (w === null || w === undefined) {
    c.wert = '';
    return;
  }
  if (typeof w === 'string') {
    if (w.startsWith("'")) {
      c.wert = w.slice(1);
      return;
    }
    if (/^[=+-]/.test(w) && w.length > 1 && !/^[+-]?\d+([.,]\d+)?$/.test(w)) {
      c.formel = w;
      c.wert = '';
      return;
    }
    // Excel parses typed numbers (locale-neutral through the API): "1.10" becomes 1.1 — unless the cell is formatted as text
    if (zahlenErkennen && c.zahlenformat !== '@' && /^[+-]?\d+(\.\d+)?$/.test(w.trim())) {
      c.wert = Number(w);
      return;
    }
    // Excel also reads dates with month names („Mai 2025“, „1. Mai“, „15-Feb“) and error literals („#NV“)
    if (zahlenErkennen && c.zahlenformat !== '@' && /\d/.test(w) && FAKE_MONATSDATUM.test(w.trim())) {
      c.wert = 45_778; // some serial: the text is gone, which is what matters
      return;
    }
    if (zahlenErkennen && c.zahlenformat !== '@' && FAKE_FEHLERWERT.test(w.trim())) {
      c.wert = w.trim().toUpperCase();
      c.fehler = c.wert;
      return;
    }
    c.wert = w;
    return;
  }
  if (typeof w === 'number' || typeof w === 'boolean') {
    c.wert = w;
    return;
  }
  throw new FakeOfficeFehler('InvalidArgument', `Wert ${String(w)} kann nicht geschrieben werden`);
}

export const FAKE_MONATSDATUM =
  /^[\d\s.,/-]*(januar|jänner|jan|februar|feb|märz|mär|mrz|april|apr|mai|juni|jun|juli|jul|august|aug|september|sep|oktober|okt|november|nov|dezember|dez|march|may|oct|dec)\.?[\d\s.,/-]*$/i;
export const FAKE_FEHLERWERT = /^#(NV|N\/A|DIV\/0!|WERT!|VALUE!|BEZUG!|REF!|NAME\?|ZAHL!|NUM!|NULL!)$/i;
