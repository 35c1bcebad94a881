/**
 * A plain-text picture of the fake workbook (every sheet's cells with value,
 * formula, number format, visual format and validation; widths, heights,
 * merges, protection, charts, tables, properties), for tests that the
 * written sheets stay exactly as they were when the calls that write them
 * change.
 */
import { createHash } from 'crypto';
import type { FakeBlatt, FakeExcel } from './fakeExcel';

function laeufe(m: Map<number, number>): string {
  const eintraege = [...m.entries()].sort(([a], [b]) => a - b);
  const out: string[] = [];
  for (let i = 0; i < eintraege.length; ) {
    let j = i;
    while (j + 1 < eintraege.length && eintraege[j + 1][0] === eintraege[j][0] + 1 && eintraege[j + 1][1] === eintraege[i][1]) j++;
    out.push(`${eintraege[i][0]}${j > i ? `-${eintraege[j][0]}` : ''}=${eintraege[i][1]}`);
    i = j + 1;
  }
  return out.join(' ');
}

function blattAbbild(b: FakeBlatt): string[] {
  const zeilen: string[] = [
    `## ${b.name} (${b.sichtbarkeit}${b.registerfarbe ? `, ${b.registerfarbe}` : ''}${b.geschuetzt ? `, geschützt ${JSON.stringify(b.schutzOptionen)}` : ''})`,
    `${b.name} Spaltenbreiten ${laeufe(b.spaltenbreiten)}`,
    `${b.name} Zeilenhöhen ${laeufe(b.zeilenhoehen)}`,
    `${b.name} Verbunden ${[...b.verbunden].sort().join(' ')}`,
    `${b.name} Ausgeblendet ${b.ausgeblendet.join(' ')} fixiert ${b.fixierteZeilen}`,
    `${b.name} Seite ${JSON.stringify(b.seite)}`,
  ];
  for (const cf of b.bedingteFormate) zeilen.push(`${b.name} Bedingt ${JSON.stringify(cf)}`);
  for (const d of b.diagramme) zeilen.push(`${b.name} Diagramm ${JSON.stringify(d)}`);
  const zellen = [...b.zellen.entries()]
    .map(([k, c]) => ({ z: Number(k.split(',')[0]), s: Number(k.split(',')[1]), c }))
    .sort((x, y) => x.z - y.z || x.s - y.s);
  for (const { z, s, c } of zellen) {
    const format = Object.keys(c.format).length > 0 ? ` ${JSON.stringify(c.format, Object.keys(c.format).sort())}` : '';
    const formel = c.formel ? ` ${c.formel}` : '';
    const fehler = c.fehler ? ` !${c.fehler}` : '';
    const gueltig = c.gueltigkeit ? ` ✓${JSON.stringify(c.gueltigkeit)}` : '';
    zeilen.push(`${b.name}!${z},${s} ${JSON.stringify(c.wert)}${formel}${fehler} ${c.zahlenformat}${format}${gueltig}`);
  }
  return zeilen;
}

/** The fake workbook as text, sheets in order (or only `blaetter`). */
export function abbild(fx: FakeExcel, blaetter?: readonly string[]): string {
  const m = fx.modell;
  const zeilen: string[] = [];
  for (const b of m.blaetter) if (!blaetter || blaetter.includes(b.name)) zeilen.push(...blattAbbild(b));
  for (const t of m.tabellen) if (!blaetter || blaetter.includes(t.blatt)) zeilen.push(`Tabelle ${JSON.stringify(t)}`);
  if (!blaetter) {
    zeilen.push(`Eigenschaften ${JSON.stringify([...m.eigenschaften.entries()].sort())}`);
    zeilen.push(`Aktiv ${m.aktivesBlatt ?? ''} ${JSON.stringify(m.auswahl)}`);
  }
  return zeilen.join('\n');
}

/** SHA-256 of the picture, for large workbooks. */
export function abbildHash(fx: FakeExcel, blaetter?: readonly string[]): string {
  return createHash('sha256').update(abbild(fx, blaetter)).digest('hex');
}

/** What changed between two pictures: removed lines ("- …") then added lines ("+ …"), each in picture order. */
export function aenderungen(vorher: string, nachher: string): string {
  const alt = vorher.split('\n');
  const neu = nachher.split('\n');
  const altSet = new Set(alt);
  const neuSet = new Set(neu);
  return [...alt.filter((z) => !neuSet.has(z)).map((z) => `- ${z}`), ...neu.filter((z) => !altSet.has(z)).map((z) => `+ ${z}`)].join('\n');
}
