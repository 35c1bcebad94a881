/** Turns a benchmark result into the short table (stderr) and docs/BENCHMARK.md. */
import type { BundleMessung } from './bundle';
import type { CliMessung } from './cli';
import type { DomainMessung } from './domain';
import type { Ergebnis } from './index';
import { MAX_STAPEL_BYTES } from '../../src/excel/bloecke';
import { GRENZE_AB, KPI_ERNEUT, ZIEL_KPI_AUFRUFE_BEI_10000, type SyncMessung } from './syncs';
import type { JahreswechselMessung } from './jahreswechsel';
import type { BerichtMessung } from './umsetzungsbericht';

/** Why an action needed more syncs than its goal: the data of its requests exceeds one request's budget. */
function ueberBudget(a: { zielSyncs: number; proGroesse: readonly { zeilen: number; syncs: number; summeKB: number }[] }): string {
  const mehr = a.proGroesse.filter((g) => g.syncs > a.zielSyncs);
  return mehr
    .map((g) => `; bei ${de(g.zeilen, 0)} Zeilen Anfragen zusammen ${de((g.summeKB * 1024) / 1e6, 1)} MB, je Anfrage höchstens ${de(MAX_STAPEL_BYTES / 1e6, 0)} MB`)
    .join('');
}

export const ZIELE = {
  domainMsBei10000: 50,
  cliFaktor: 1.3,
  /** peak memory (RSS high-water mark) of one `kpi --json` process at 10,000 rows */
  cliSpeicherMB: 250,
  groessterSchreibblockMB: 5,
  initialGzipKB: 150,
  jahreswechselBeispielMs: 2000,
  berichtBeispielMs: 2000,
  /** time per row at 10,000 rows at most this multiple of that at 1,000 rows (linear) */
  jahreswechselLinearFaktor: 1.5,
} as const;

type Bewertung = Ergebnis['bewertung'][number];

const de = (n: number, stellen = 1): string => n.toLocaleString('de-DE', { maximumFractionDigits: stellen, minimumFractionDigits: 0 });
const ok = (b: boolean | null): string => (b === null ? '–' : b ? 'ja' : 'NEIN');
const istFehler = (x: unknown): x is { fehler: string } => typeof x === 'object' && x !== null && !Array.isArray(x) && 'fehler' in x;

function pad(zeilen: string[][]): string[] {
  const breiten = zeilen[0].map((_, i) => Math.max(...zeilen.map((z) => (z[i] ?? '').length)));
  return zeilen.map((z) => z.map((c, i) => (i === 0 ? c.padEnd(breiten[i]) : c.padStart(breiten[i]))).join('  '));
}

export function bewerte(e: Ergebnis): Bewertung[] {
  const b: Bewertung[] = [];
  if (!istFehler(e.domain)) {
    const gross = e.domain[e.domain.length - 1];
    b.push({ ziel: `Domäne prüfen+KPI ≤ ${ZIELE.domainMsBei10000} ms (${de(gross.zeilen, 0)} Zeilen)`, gemessen: `${de(gross.medianMs)} ms`, erfuellt: gross.zeilen >= 10000 ? gross.medianMs <= ZIELE.domainMsBei10000 : null });
  } else b.push({ ziel: 'Domäne', gemessen: `Fehler: ${e.domain.fehler}`, erfuellt: false });
  if (!istFehler(e.cli)) {
    const gross = e.cli.messungen[e.cli.messungen.length - 1];
    // judged on CPU time: on the shared 2-core machine wall time mostly measures the other processes
    const faktor = Math.max(gross.pruefenFaktorCpu, gross.kpiFaktorCpu);
    b.push({
      ziel: `CLI ≤ ${de(ZIELE.cliFaktor)} × nacktes exceljs-Lesen (${de(gross.zeilen, 0)} Zeilen)`,
      gemessen: `CPU-Zeit: pruefen ${de(gross.pruefenFaktorCpu, 2)} ×, kpi ${de(gross.kpiFaktorCpu, 2)} ×; Wandzeit (Median) ${de(gross.pruefenFaktor, 2)} × / ${de(gross.kpiFaktor, 2)} ×, schnellster Lauf ${de(gross.pruefenFaktorMinimum, 2)} × / ${de(gross.kpiFaktorMinimum, 2)} ×`,
      erfuellt: faktor <= ZIELE.cliFaktor,
    });
    const speicher = gross.maxRssMB?.kpi ?? NaN;
    b.push({
      ziel: `CLI kpi Spitzenspeicher ≤ ${de(ZIELE.cliSpeicherMB, 0)} MB (${de(gross.zeilen, 0)} Zeilen)`,
      gemessen: Number.isFinite(speicher)
        ? `${de(speicher, 0)} MB RSS-Höchststand des Prozesses (pruefen ${de(gross.maxRssMB.pruefen, 0)} MB, nacktes exceljs-Lesen ${de(gross.maxRssMB.nackterLese, 0)} MB)`
        : 'nicht gemessen',
      erfuellt: gross.zeilen >= 10000 && Number.isFinite(speicher) ? speicher <= ZIELE.cliSpeicherMB : null,
    });
  } else b.push({ ziel: 'CLI', gemessen: `Fehler: ${e.cli.fehler}`, erfuellt: false });
  if (!istFehler(e.syncs)) {
    const s = e.syncs;
    for (const a of s.aktionen) {
      b.push({
        ziel: `${a.aktion}: ${a.zielSyncs} ${a.zielSyncs === 1 ? 'Sync' : 'Syncs'} bei jeder Größe`,
        gemessen: a.fehler
          ? `nicht gemessen: ${a.fehler}`
          : `${a.proGroesse.map((g) => g.syncs).join(' / ')} Syncs (${a.proGroesse.map((g) => de(g.zeilen, 0)).join(' / ')} Zeilen)${ueberBudget(a)}`,
        erfuellt: a.fehler ? null : a.zielErreicht,
      });
    }
    for (const name of ['KPIs aktualisieren', KPI_ERNEUT]) {
      const kpi = s.aktionen.find((a) => a.aktion === name);
      const kpi10000 = kpi?.proGroesse.find((g) => g.zeilen === 10_000);
      if (!kpi || !kpi10000) continue;
      const namen = kpi10000.namenAufrufe > 0 ? `; bei 10.000 Zeilen davon ${de(kpi10000.namenAufrufe, 0)} für die Namen der Spaltenüberschriften (Screenreader, einer je Kopfzeile eines Blocks)` : '';
      b.push({
        ziel: `${name}: ≤ ${de(ZIEL_KPI_AUFRUFE_BEI_10000, 0)} API-Aufrufe bei 10.000 Zeilen`,
        gemessen: `${kpi.proGroesse.map((g) => de(g.apiAufrufe, 0)).join(' / ')} Aufrufe (${kpi.proGroesse.map((g) => de(g.zeilen, 0)).join(' / ')} Zeilen)${namen}`,
        erfuellt: kpi10000.apiAufrufe <= ZIEL_KPI_AUFRUFE_BEI_10000,
      });
    }
    const gemessen = s.aktionen.filter((a) => !a.fehler);
    const groesst = Math.max(...gemessen.flatMap((a) => a.proGroesse.map((g) => Math.max(g.groessterSyncKB, g.groessteAntwortKB))));
    const probe = 'fehler' in s.grenzprobe ? null : s.grenzprobe;
    const proben = probe ? [probe.letzteImZiel, ...(probe.ersteMitMehr ? [probe.ersteMitMehr] : [])] : [];
    const probeKB = Math.max(0, ...proben.map((p) => Math.max(p.groessterSyncKB, p.groessteAntwortKB)));
    b.push({
      ziel: `größte Office.js-Anfrage/Antwort < ${ZIELE.groessterSchreibblockMB} MB`,
      gemessen: `${de(groesst / 1024, 2)} MB bei den drei Größen${proben.map((p) => `; KPIs aktualisieren bei ${de(p.zeilen, 0)} Zeilen: ${de(Math.max(p.groessterSyncKB, p.groessteAntwortKB) / 1024, 2)} MB, ${p.syncs} Syncs`).join('')} (geschätzt)`,
      erfuellt: Math.max(groesst, probeKB) / 1024 < ZIELE.groessterSchreibblockMB,
    });
  } else b.push({ ziel: 'context.sync()', gemessen: `Fehler: ${e.syncs.fehler}`, erfuellt: false });
  if (!istFehler(e.berichte)) {
    const beispiel = e.berichte[0];
    const langsamster = beispiel.formate.reduce((a, f) => (f.cpuMs > a.cpuMs ? f : a));
    b.push({
      ziel: `bericht Beispielplanung ≤ ${de(ZIELE.berichtBeispielMs / 1000)} s je Format (.xlsx, .html, .docx; ohne PDF)`,
      gemessen: `CPU-Zeit ${beispiel.formate.map((f) => `${f.format} ${de(f.cpuMs / 1000, 2)} s`).join(', ')}; Wandzeit (Median) ${beispiel.formate.map((f) => `${de(f.ms / 1000, 2)} s`).join(' / ')}`,
      // CPU time, as for the CLI: wall time on the shared machine mostly measures the other processes
      erfuellt: langsamster.cpuMs <= ZIELE.berichtBeispielMs,
    });
    for (const gross of e.berichte.slice(1))
      b.push({
        ziel: `bericht bei ${de(gross.zeilen, 0)} Zeilen (gemessen, ohne Ziel)`,
        gemessen: gross.formate.map((f) => `${f.format} ${de(f.ms / 1000, 1)} s (CPU ${de(f.cpuMs / 1000, 1)} s)`).join(', '),
        erfuellt: null,
      });
  } else b.push({ ziel: 'bericht', gemessen: `Fehler: ${e.berichte.fehler}`, erfuellt: false });
  if (!istFehler(e.jahreswechsel)) {
    const jw = e.jahreswechsel;
    const bsp = jw.find((m) => m.zeilen === 0);
    // judged on CPU time like the CLI above: wall time on the shared machine mostly measures other processes
    if (bsp) b.push({ ziel: `jahreswechsel Beispielplan ≤ ${de(ZIELE.jahreswechselBeispielMs / 1000)} s (CPU-Zeit des CLI-Prozesses)`, gemessen: `CPU ${de(bsp.cliCpuMs, 0)} ms, Wandzeit ${de(bsp.cliMs, 0)} ms`, erfuellt: bsp.cliCpuMs <= ZIELE.jahreswechselBeispielMs && bsp.exit === 0 });
    const k = jw.find((m) => m.zeilen === 1000);
    const g = jw.find((m) => m.zeilen === 10000);
    if (k && g) {
      // CPU time per row of the whole process, without node's start (the 100-row run stands for that fixed cost)
      const basis = jw.find((m) => m.zeilen === 100)?.cliCpuMs ?? 0;
      const proZeile = (m: JahreswechselMessung): number => Math.max(m.cliCpuMs - basis, 1) / m.zeilen;
      const faktor = proZeile(g) / proZeile(k);
      b.push({
        ziel: `jahreswechsel linear: Zeit je Zeile bei 10.000 ≤ ${de(ZIELE.jahreswechselLinearFaktor)} × der bei 1.000 Zeilen`,
        gemessen: `${de(faktor, 2)} × (CLI-CPU ${de(k.cliCpuMs, 0)} ms / ${de(g.cliCpuMs, 0)} ms; Domäne ${de(k.domainMs, 1)} ms / ${de(g.domainMs, 1)} ms)`,
        erfuellt: faktor <= ZIELE.jahreswechselLinearFaktor && g.exit === 0,
      });
    }
  } else b.push({ ziel: 'jahreswechsel', gemessen: `Fehler: ${e.jahreswechsel.fehler}`, erfuellt: false });
  if (e.bundle && !istFehler(e.bundle)) {
    b.push({ ziel: `Aufgabenbereich initial ≤ ${ZIELE.initialGzipKB} KB JS (gzip)`, gemessen: `${de(e.bundle.initialGzipKB)} KB`, erfuellt: e.bundle.initialGzipKB <= ZIELE.initialGzipKB });
  } else if (e.bundle) b.push({ ziel: 'Bundle', gemessen: `Fehler: ${e.bundle.fehler}`, erfuellt: false });
  return b;
}

function domainZeilen(d: DomainMessung[]): string[][] {
  return [['Zeilen', 'Kennzahlen', 'Handlungsziele', 'prüfen+KPI (Median ms)'], ...d.map((m) => [de(m.zeilen, 0), de(m.kennzahlen, 0), de(m.handlungsziele, 0), de(m.medianMs, 2)])];
}

function cliZeilen(c: CliMessung[]): string[][] {
  const paar = (a: number, b: number): string => `${de(a, 2)} / ${de(b, 2)}`;
  return [
    ['Zeilen', 'Datei KB', 'exceljs nackt ms', 'pruefen ms', 'kpi ms', 'Faktor Wandzeit (Median) pruefen / kpi', 'Faktor CPU-Zeit', 'Faktor schnellster Lauf', 'Spitzen-RSS MB nackt / kpi'],
    ...c.map((m) => [
      de(m.zeilen, 0),
      de(m.dateiKB, 0),
      de(m.nackterLeseMs, 0),
      de(m.pruefenMs, 0),
      de(m.kpiMs, 0),
      paar(m.pruefenFaktor, m.kpiFaktor),
      paar(m.pruefenFaktorCpu, m.kpiFaktorCpu),
      paar(m.pruefenFaktorMinimum, m.kpiFaktorMinimum),
      m.maxRssMB ? `${de(m.maxRssMB.nackterLese, 0)} / ${de(m.maxRssMB.kpi, 0)}` : '–',
    ]),
  ];
}

function syncZeilen(s: SyncMessung): string[][] {
  const groessen = s.aktionen[0]?.proGroesse.map((g) => g.zeilen) ?? [];
  return [
    ['Aktion', 'Ziel', ...groessen.map((g) => `Syncs bei ${de(g, 0)}`), ...groessen.map((g) => `API-Aufrufe bei ${de(g, 0)}`), 'größte Anfrage KB', 'größte Antwort KB', 'größter Einzelwert KB'],
    ...s.aktionen.map((a) =>
      a.fehler
        ? [a.aktion, String(a.zielSyncs), ...groessen.map(() => '–'), ...groessen.map(() => '–'), `nicht gemessen: ${a.fehler.slice(0, 90)}`, '', '']
        : [
            a.aktion,
            String(a.zielSyncs),
            ...a.proGroesse.map((g) => String(g.syncs)),
            ...a.proGroesse.map((g) => de(g.apiAufrufe, 0)),
            de(Math.max(...a.proGroesse.map((g) => g.groessterSyncKB)), 0),
            de(Math.max(...a.proGroesse.map((g) => g.groessteAntwortKB)), 0),
            de(Math.max(...a.proGroesse.map((g) => g.groessterSchreibKB)), 0),
          ],
    ),
  ];
}

function jahreswechselZeilen(j: JahreswechselMessung[]): string[][] {
  return [
    ['Zeilen', 'CLI ms (Median)', 'CLI CPU ms', 'Domäne ms'],
    ...j.map((m) => [m.zeilen === 0 ? 'Beispielplan' : de(m.zeilen, 0), de(m.cliMs, 0), de(m.cliCpuMs, 0), de(m.domainMs, 2)]),
  ];
}

function berichtZeilen(bs: BerichtMessung[]): string[][] {
  return [
    ['Planung', 'Zeilen', 'Format', 'Datei KB', 'Prozess ms (Median)', 'CPU ms', 'schnellster ms', 'laden+prüfen ms', 'Modell ms', 'Schreiben ms'],
    ...bs.flatMap((b) =>
      b.formate.map((f) => [
        b.plan,
        de(b.zeilen, 0),
        f.format,
        de(f.dateiKB, 0),
        de(f.ms, 0),
        de(f.cpuMs, 0),
        de(f.minimumMs, 0),
        de(b.ladenMs, 0),
        de(b.modellMs, 1),
        de(f.schreibenMs, 0),
      ]),
    ),
  ];
}

function bundleZeilen(b: BundleMessung): string[][] {
  return [['Paket', 'minifiziert KB', '≈ gzip KB'], ...b.pakete.map((p) => [p.paket, de(p.minifiziertKB), de(p.anteilGzipKB)])];
}

export function tabelle(e: Ergebnis): { zeilen: string[]; bewertung: Bewertung[] } {
  const out: string[] = [];
  if (!istFehler(e.domain)) out.push('Domäne (prüfen + berechneKpi, im Speicher)', ...pad(domainZeilen(e.domain)), '');
  if (!istFehler(e.cli)) out.push(`CLI (frische Prozesse, Median aus ${e.cli.messungen[0]?.laeufe ?? '?'} Läufen)`, ...pad(cliZeilen(e.cli.messungen)), '');
  if (!istFehler(e.syncs)) out.push('Add-in: context.sync() je Aktion (Fake-Excel)', ...pad(syncZeilen(e.syncs)), '');
  if (!istFehler(e.berichte)) out.push('bericht je Format (frische Prozesse; laden, Modell, Schreiben in einem warmen Prozess)', ...pad(berichtZeilen(e.berichte)), '');
  if (!istFehler(e.jahreswechsel)) out.push('Jahreswechsel (frische Prozesse; Domäne im Speicher)', ...pad(jahreswechselZeilen(e.jahreswechsel)), '');
  if (e.bundle && !istFehler(e.bundle)) out.push(`Aufgabenbereich: initial ${de(e.bundle.initialGzipKB)} KB gzip (${de(e.bundle.initialKB)} KB), später nachgeladen ${de(e.bundle.nachgeladenGzipKB)} KB gzip`, '');
  const bewertung = bewerte(e);
  out.push(...pad([['Ziel', 'gemessen', 'erfüllt'], ...bewertung.map((b) => [b.ziel, b.gemessen, ok(b.erfuellt)])]));
  out.push('', `Dauer: ${de(e.dauerSekunden)} s`);
  return { zeilen: out, bewertung };
}

function md(zeilen: string[][]): string {
  const [kopf, ...rest] = zeilen;
  return [`| ${kopf.join(' | ')} |`, `|${kopf.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`, ...rest.map((z) => `| ${z.join(' | ')} |`)].join('\n');
}

/**
 * What the CLI adds on top of exceljs, from the in-process phases: the part
 * that does not depend on how busy the machine is.
 */
function cliEinordnung(c: { messungen: CliMessung[]; startMs: Record<string, number> }): string[] {
  const m = c.messungen[c.messungen.length - 1];
  if (!m) return [];
  const p = m.profilMs;
  const laden = (p.ladeMappe ?? 0) - (p.nacktesReadFile ?? 0);
  const eigen = laden + (p.rohdatenAusMappe ?? 0) + (p.pruefen ?? 0) + (p.berechneKpi ?? 0);
  const module = c.startMs.requireCliZusaetzlich ?? 0;
  const nackt = (c.startMs.requireExceljs ?? 0) + (p.nacktesReadFile ?? 0);
  if (nackt <= 0) return [];
  return [
    `Eigenanteil des CLI bei ${de(m.zeilen, 0)} Zeilen (warmer Prozess): ladeMappe minus nacktes readFile ${de(laden)} ms (Paket prüfen, Datenprüfungen als Bereiche) + rohdatenAusMappe ${de(p.rohdatenAusMappe)} ms + pruefen ${de(p.pruefen)} ms + berechneKpi ${de(p.berechneKpi)} ms = ${de(eigen)} ms, dazu ${de(module)} ms für das Laden der eigenen Module. Das nackte Lesen kostet ${de(nackt, 0)} ms (require('exceljs') + readFile). Ohne Fremdlast ergibt das rechnerisch ${de((nackt + eigen + module) / nackt, 2)} × (plus Prozessstart und JSON-Ausgabe, die beide Seiten bzw. nur das CLI zahlen; in einem frischen Prozess laufen die eigenen Schritte noch nicht optimiert und kosten mehr). Die Paketprüfung entpackt jeden Teil einmal und gibt die entpackten Teile an exceljs weiter; neu gepackt wird nur, wenn etwas normalisiert werden muss (${p.normalisiertNeuGepackt ? 'hier: ja' : 'hier: nein'}); die Datei wird einmal gelesen. In Node liest ladeMappe die Datenprüfungen gleich als Bereiche statt Zelle für Zelle, deshalb kann ladeMappe schneller sein als das nackte readFile.`,
    '',
  ];
}

/** docs/BENCHMARK.md from one run. The prose around the figures is written by hand in the template below. */
export function markdown(e: Ergebnis): string {
  const teile: string[] = [];
  teile.push(
    '# Benchmark',
    '',
    `Letzter Lauf: ${e.zeitpunkt.slice(0, 16).replace('T', ' ')} UTC, ${e.rechner.cpus} Kerne (${e.rechner.cpuModell}), Node ${e.rechner.node}, Dauer ${de(e.dauerSekunden)} s. Systemlast (loadavg 1 min) vorher ${de(e.rechner.lastVorher[0])}, nachher ${de(e.rechner.lastNachher[0])} — andere Prozesse auf dem Rechner verlängern vor allem die Prozesszeiten der Kommandozeile.`,
    '',
    'Neu messen: `npm run -s bench > ergebnis.json` (Tabelle auf stderr, JSON auf stdout); `npm run -s bench -- --doku` schreibt diese Datei neu. Dauer etwa 2–3 Minuten auf 2 Kernen.',
    '',
    '## Ergebnis gegen die Ziele',
    '',
    md([['Ziel', 'gemessen', 'erfüllt'], ...e.bewertung.map((b) => [b.ziel, b.gemessen, ok(b.erfuellt)])]),
    '',
  );
  if (!istFehler(e.domain)) {
    teile.push('## Domäne: prüfen + KPI', '', 'Reine Logik auf einer `RawWorkbook` im Speicher (ohne Datei, ohne Excel): `pruefen` (Einlesen + alle Regeln aus SPEC §3) und `berechneKpi`. Median aus 15 Läufen nach 2 Aufwärmläufen. Je 10.000 Zeilen Arbeitsplanung: 2.000 Kennzahlen, 500 Handlungsziele mit Checkliste, 8 Handlungsfelder.', '', md(domainZeilen(e.domain)), '');
  }
  if (!istFehler(e.cli)) {
    const c = e.cli;
    teile.push(
      '## Kommandozeile gegen nacktes exceljs-Lesen',
      '',
      `Jede Zahl ist die Wandzeit eines frischen \`node\`-Prozesses (so wartet ein Benutzer): \`node bin/integrationsmonitor.js pruefen|kpi <datei> --json\` gegen \`new ExcelJS.Workbook().xlsx.readFile(<datei>)\`. Die Datei schreibt \`schreibeVorlage\` (echte Vorlage mit Tabellen, Dropdowns, bedingten Formaten). Median aus ${c.messungen[0]?.laeufe ?? '?'} abwechselnd gemessenen Läufen. Weil die Wandzeit auf dem geteilten 2-Kern-Rechner stark von fremder Last abhängt, misst der Benchmark zusätzlich die CPU-Zeit jedes Prozesses (user + system, alle Threads; \`scripts/bench/cpu-hook.js\`) — sie ist die Grundlage der Bewertung. Das Verhältnis der jeweils schnellsten Läufe steht daneben. „Spitzen-RSS“ ist der Höchststand des belegten Arbeitsspeichers des ganzen Prozesses (\`process.resourceUsage().maxRSS\` beim Beenden, Median), Node selbst eingeschlossen; Ziel für \`kpi\` bei 10.000 Zeilen: höchstens ${de(ZIELE.cliSpeicherMB, 0)} MB.`,
      '',
      md(cliZeilen(c.messungen)),
      '',
      `Fixkosten eines Prozesses (Median aus 5): leeres \`node\` ${de(c.startMs.nodeLeer, 0)} ms, \`require('exceljs')\` ${de(c.startMs.requireExceljs, 0)} ms, die eigenen Module des CLI zusätzlich ${de(c.startMs.requireCliZusaetzlich, 0)} ms.`,
      '',
      ...cliEinordnung(c),
      'Wohin die Zeit geht (ein warmer Prozess, schnellster von 3 Läufen je Schritt, ms):',
      '',
      md([
        ['Zeilen', 'Datei lesen', 'Paket prüfen (allein)', 'ladeMappe (Paket prüfen + exceljs)', 'rohdatenAusMappe', 'pruefen', 'berechneKpi', 'nacktes readFile (Vergleich)'],
        ...c.messungen.map((m) => [de(m.zeilen, 0), ...['dateiLesen', 'normalisieren', 'ladeMappe', 'rohdatenAusMappe', 'pruefen', 'berechneKpi', 'nacktesReadFile'].map((k) => de(m.profilMs[k] ?? NaN))]),
      ]),
      '',
    );
  }
  if (!istFehler(e.jahreswechsel)) {
    teile.push(
      '## Jahreswechsel',
      '',
      '`node bin/integrationsmonitor.js jahreswechsel <datei> --aus <neu.xlsx> --force` als frischer Prozess (Datei lesen, prüfen, neue Mappe mit Diagrammen schreiben), Median aus bis zu 3 Läufen; daneben die reine Regel `jahreswechsel()` der Domäne im Speicher (Median aus 7). „Beispielplan“ ist `vorlage --beispiel` (74 Zeilen Arbeitsplanung, 34 Kennzahlen).',
      '',
      md(jahreswechselZeilen(e.jahreswechsel)),
      '',
    );
  }
  if (!istFehler(e.syncs)) {
    teile.push('## Add-in: context.sync() und Anfragegrößen', '', e.syncs.hinweis, '', md(syncZeilen(e.syncs)), '');
    const gp = e.syncs.grenzprobe;
    if (!('fehler' in gp)) {
      const v = gp.letzteImZiel;
      const m = gp.ersteMitMehr;
      teile.push(
        `Grenze (KPIs aktualisieren, gesucht ab ${de(GRENZE_AB, 0)} Zeilen in Schritten von ${de(gp.schritt, 0)} Zeilen): bei ${de(v.zeilen, 0)} Zeilen Arbeitsplanung noch ${v.syncs} Syncs, größte Anfrage ${de(v.groessterSyncKB, 0)} KB (geschätzt), ${de(v.apiAufrufe, 0)} API-Aufrufe` +
          (m
            ? `; ab ${de(m.zeilen, 0)} Zeilen ${m.syncs} Syncs, weil alle Schreibaufrufe zusammen nicht mehr in eine Anfrage von höchstens 4 MB passen (Excel im Web lehnt Anfragen über 5 MB ab). Dort ist die größte Anfrage ${de(m.groessterSyncKB, 0)} KB; jede weitere angefangene 4 MB kosten einen Sync mehr.`
            : '; bis zur oberen Suchgrenze keine weitere Anfrage nötig.'),
        '',
        'Lesen: eine Anfrage — die Vertragstabellen werden über ihren Namen angefragt (`tables.getItemOrNullObject`, Kopfzeile, Datenkörper, Zeilen darunter), `isNullObject` sagt, was fehlt. Schreiben: eine Anfrage; der Schreibplan (src/excel/bloecke.ts, `Anfrage`) zählt jeden Aufruf mit — Werte, Zahlenformate, Formate, Spaltenbreiten — und synct erst, wenn der nächste Aufruf die Anfrage über 4 MB brächte (jeder weitere Sync steht im Ergebnis, `anfrage.zusaetzlicheSyncs`). Formate gehen Eigenschaft für Eigenschaft hinaus, ein Bereich je Rechteck gleicher Zellen (zeilen- oder spaltenweise, was weniger Bereiche ergibt), ohne Adresslisten (deren Trennzeichen hängt vom Host ab); Zeilenhöhen passt Excel selbst an (ein Aufruf je Blatt).',
        '',
      );
    }
    const wachsend = e.syncs.aktionen.filter((a) => !a.fehler && a.proGroesse.length > 1 && a.proGroesse[a.proGroesse.length - 1].apiAufrufe > 2 * a.proGroesse[0].apiAufrufe);
    if (wachsend.length) {
      teile.push(
        'Aktionen, deren Zahl an API-Aufrufen mit der Zeilenzahl wächst (der Schreibplan verteilt sie auf Anfragen ≤ 4 MB):',
        '',
        ...wachsend.map((a) => {
          const g = a.proGroesse[a.proGroesse.length - 1];
          return `* ${a.aktion}: ${a.proGroesse.map((p) => de(p.apiAufrufe, 0)).join(' / ')} Aufrufe; häufigster bei ${de(g.zeilen, 0)} Zeilen: \`${g.haeufigsterAufruf?.aufruf ?? '?'}\` (${de(g.haeufigsterAufruf?.anzahl ?? 0, 0)}×), größte Anfrage ${de(g.groessterSyncKB, 0)} KB, Syncs ${a.proGroesse.map((p) => p.syncs).join(' / ')}.`;
        }),
        '',
      );
    }
  }
  if (!istFehler(e.berichte)) {
    teile.push(
      '## Umsetzungsbericht je Format',
      '',
      `\`node bin/integrationsmonitor.js bericht <datei> --aus <ziel> --force\` als frischer Prozess je Format (Beispielplanung: Median aus ${e.berichte[0]?.laeufe ?? '?'} Läufen; große Planung: ein Lauf, weil das Word-Dokument lange braucht), Wandzeit und CPU-Zeit wie oben. Daneben in einem warmen Prozess: Arbeitsmappe laden und prüfen, KPIs und Berichtsmodell berechnen, der Schreiber des Formats allein (darstellen, packen, Datei schreiben). Das PDF fehlt hier: seine Zeit ist die von LibreOffice.`,
      '',
      md(berichtZeilen(e.berichte)),
      '',
    );
  }
  if (e.bundle && !istFehler(e.bundle)) {
    const b = e.bundle;
    teile.push(
      '## Aufgabenbereich-Bundle',
      '',
      `\`webpack --mode production\` in einen temporären Ordner (Build ${de(b.buildSekunden)} s). Initial geladen, d. h. für die erste Ansicht in Excel (Chunk-Gruppen ${b.ersteAnsicht.join(', ')}): ${b.initialeDateien.map((d) => `\`${d.datei}\` ${de(d.gzipKB)} KB`).join(', ')} — zusammen **${de(b.initialGzipKB)} KB gzip** (${de(b.initialKB)} KB minifiziert); davon lädt \`taskpane.html\` selbst ${de(b.startGzipKB)} KB. Später nachgeladen (Prüfen, KPIs, Checkliste, Netzwerke …): ${de(b.nachgeladenGzipKB)} KB gzip in ${b.nachgeladeneDateien.length} Dateien. office.js kommt vom Microsoft-CDN und ist nicht mitgezählt.`,
      '',
      'Kosten je Paket im initialen JS: minifizierte Bytes über die Source Maps zugeordnet; der gzip-Anteil ist proportional geschätzt.',
      '',
      md(bundleZeilen(b)),
      '',
    );
  }
  return `${teile.join('\n')}\n`;
}
