/**
 * Synthetic but realistic plans of any size for the benchmark:
 * n Arbeitsplanung rows, n/5 Kennzahlen (10,000 ↔ 2,000), n/20
 * Handlungsziele with one Checkliste row each, the 8 Handlungsfelder.
 * Deterministic (no Math.random), so every run measures the same data.
 */
import type { RawValue } from '../../src/domain/model';
import { DEFAULT_EINSTELLUNGEN, EINSTELLUNGEN, LISTS, STANDARD_HANDLUNGSFELDER, type TableKey } from '../../src/domain/schema';

export type Tabellen = Record<TableKey, RawValue[][]>;

const TRAEGER = ['VHS Rheine', 'Jobcenter Kreis Steinfurt', 'Caritasverband Rheine', 'Diakonie', 'Schulamt', 'Kommunales Integrationszentrum', 'Familienzentrum Dorenkamp', 'Stadtbibliothek'];
const TAETIGKEIT = ['Sprachcafé im Stadtteil aufbauen', 'Beratung zur Anerkennung ausländischer Abschlüsse', 'Elternabende mit Sprachmittlung', 'Qualifizierung ehrenamtlicher Lotsinnen und Lotsen', 'Vernetzungstreffen der Träger', 'Informationsmaterial in leichter Sprache', 'Aufsuchende Beratung in Gemeinschaftsunterkünften', 'Fortbildung interkulturelle Kompetenz für Verwaltung'];
const WIRKUNG = ['Mehr Teilnehmende erreichen das Sprachniveau B1', 'Familien finden schneller passende Angebote', 'Zugewanderte nehmen häufiger an Vereinsleben teil', 'Beratungswege sind kürzer und bekannter'];

/** Integer in [0, m) from a fixed hash of i, so the data looks varied but is reproducible. */
function h(i: number, m: number): number {
  let x = (i + 1) * 2654435761;
  x = (x ^ (x >>> 15)) >>> 0;
  return x % m;
}

export function benchTabellen(zeilen: number): Tabellen {
  const anzahlZiele = Math.max(8, Math.round(zeilen / 20));
  const anzahlKennzahlen = Math.max(8, Math.round(zeilen / 5));
  const ziele: RawValue[][] = [];
  const zielIds: { id: string; hf: number }[] = [];
  for (let z = 0; z < anzahlZiele; z++) {
    const hf = (z % 8) + 1;
    const id = `${hf}.${Math.floor(z / 8) + 1}`;
    zielIds.push({ id, hf });
    ziele.push([hf, `Herausforderung ${id}: Zugänge zu Angeboten sind ungleich verteilt`, `Leitziel ${hf}: gleichberechtigte Teilhabe`, id, `Handlungsziel ${id}: ${TAETIGKEIT[z % TAETIGKEIT.length]} verstetigen`]);
  }
  const arbeitsplanung: RawValue[][] = [];
  let letzteMassnahme = '';
  for (let i = 0; i < zeilen; i++) {
    const ziel = zielIds[i % anzahlZiele];
    const nr = `A-${String(i + 1).padStart(5, '0')}`;
    // the first row of each Ziel is a Maßnahme, so no Ziel is left without one
    const wirkung = i >= anzahlZiele && h(i, 4) === 0 && letzteMassnahme !== '';
    const standard = !wirkung && h(i, 33) === 0;
    if (wirkung) {
      arbeitsplanung.push([nr, ziel.hf, ziel.id, 'Wirkung', WIRKUNG[h(i, WIRKUNG.length)], letzteMassnahme, null, null, 'ganzjährig', LISTS.status[h(i + 7, 3)], 'nein', null]);
    } else {
      letzteMassnahme = nr;
      arbeitsplanung.push([
        nr,
        ziel.hf,
        ziel.id,
        'Maßnahme',
        `${TAETIGKEIT[h(i, TAETIGKEIT.length)]} (${ziel.id}, lfd. ${i + 1})`,
        null,
        LISTS.prioritaet[h(i + 1, 3)],
        TRAEGER[h(i + 2, TRAEGER.length)],
        LISTS.zeitraum[h(i + 3, 5)],
        LISTS.status[h(i + 4, 5)],
        standard ? 'ja' : 'nein',
        h(i, 5) === 0 ? 'Abstimmung im Netzwerk steht aus' : null,
      ]);
    }
  }
  const checkliste: RawValue[][] = zielIds.map((z, i) => [
    z.id,
    'Neuzugewanderte Familien',
    '0,5 Stelle, Sachmittel',
    TRAEGER[i % TRAEGER.length],
    LISTS.umsetzungsstand[h(i, 5)],
    'Umsetzung im Plan',
    LISTS.anpassungsbedarf[h(i + 1, 4)],
    'Zwischenstand im Netzwerk besprechen',
  ]);
  const kennzahlen: RawValue[][] = [];
  for (let k = 0; k < anzahlKennzahlen; k++) {
    const ziel = zielIds[k % anzahlZiele];
    const fallend = h(k, 5) === 0;
    const ausgangswert = h(k + 1, 3) === 0 ? null : fallend ? 40 : 10;
    const zielwert = fallend && ausgangswert !== null ? 20 : 50 + h(k, 50);
    const istwert = h(k + 2, 6) === 0 ? null : fallend && ausgangswert !== null ? 20 + h(k, 25) : h(k + 3, zielwert + 10);
    kennzahlen.push([
      `K-${String(k + 1).padStart(5, '0')}`,
      ziel.id,
      `Erreichte Personen ${k + 1}`,
      'Personen',
      LISTS.wirkungsebene[h(k, 3)],
      ausgangswert,
      zielwert,
      istwert,
      istwert === null ? null : new Date(Date.UTC(2026, h(k, 12), 1 + h(k, 28))),
      'Träger-Statistik',
      TRAEGER[h(k, TRAEGER.length)],
      h(k, 2) === 0 ? 'Angebot startete verspätet' : null,
    ]);
  }
  return {
    handlungsfelder: STANDARD_HANDLUNGSFELDER.map((hf) => [hf.nr, hf.name, `Netzwerk ${hf.name}`, 'Tandem der Netzwerkleitung']),
    einstellungen: [
      [EINSTELLUNGEN.berichtsjahr, DEFAULT_EINSTELLUNGEN.berichtsjahr],
      [EINSTELLUNGEN.ampelGruen, DEFAULT_EINSTELLUNGEN.ampelGruen],
      [EINSTELLUNGEN.ampelGelb, DEFAULT_EINSTELLUNGEN.ampelGelb],
    ],
    ziele,
    arbeitsplanung,
    checkliste,
    kennzahlen,
    zeitreihe: [],
  };
}

