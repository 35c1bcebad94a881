/**
 * Offers bytes or text as a file download (Blob + temporary anchor). Works in
 * the task pane's browser when Excel cannot open a new workbook itself, and
 * for the reports Excel has no place for.
 */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function dateiHerunterladen(
  datei: string,
  inhalt: Uint8Array | string,
  doc: Document = document,
  mime: string = XLSX_MIME,
): void {
  // a copy on a plain ArrayBuffer: Blob does not take views of a SharedArrayBuffer
  const teil = typeof inhalt === 'string' ? inhalt : new Uint8Array(inhalt);
  const url = URL.createObjectURL(new Blob([teil], { type: mime }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = datei;
  a.rel = 'noopener';
  a.style.display = 'none';
  doc.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    // revoke later: some browsers start reading the blob only after click() returns
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
