import { MAX_STAPEL_BYTES } from './bloecke';
import { createFakeExcel } from './testing/fakeExcel';
import { beispielSaat } from './testing/saat';
import { kpiAktualisieren, KPI_STAND_EIGENSCHAFT } from './kpi';
import { kennwortFehler } from './schreiben';
import { leseArbeitsmappe } from './lesen';
import { einrichten } from './einrichten';
import { berechneKpi, pruefen } from '../domain';

const JETZT = new Date(2026, 10, 25, 15, 30);

describe('kpiAktualisieren', () => {
  test('Beispiel: schreibt KPI-Blätter, Ergebnis wie Domain', async () => {
    const fx = createFakeExcel({ ...beispielSaat(), zahlenErkennen: true });
    const r = await kpiAktualisieren(fx.context, JETZT);
    expect(r.kpi).not.toBeNull();
    expect(fx.syncs()).toBe(2);
    const fx2 = createFakeExcel(beispielSaat());
    const raw = await leseArbeitsmappe(fx2.context);
    const { plan } = pruefen(raw);
    expect(r.kpi).toEqual(berechneKpi(plan!));
    expect(fx.modell.blaetter.map((b) => b.name)).toEqual(expect.arrayContaining(['KPI Übersicht', 'KPI Handlungsziele']));
    expect(fx.werte('KPI Übersicht', 'A1')[0][0]).toBe('KPI Übersicht – Arbeitsplanung 2026');
    expect(fx.blatt('KPI Übersicht').geschuetzt).toBe(true);
    expect(fx.blatt('KPI Übersicht').diagramme.map((d) => d.name)).toEqual(['DiagrammZielerreichung', 'DiagrammStatus']);
    expect(fx.modell.eigenschaften.get(KPI_STAND_EIGENSCHAFT.toLowerCase())).toBe(JETZT.toISOString());
    // Handlungsziel-IDs stay text on the computed sheet (Excel would turn "1.1" into a number)
    const ids = r.kpi!.handlungsziele.map((h) => h.id);
    const spalteA = fx.werte('KPI Handlungsziele', `A1:A200`).map((z) => z[0]);
    for (const id of ids) expect(spalteA).toContain(id);
    expect(spalteA.filter((v) => typeof v === 'number')).toEqual([]);
  });
});

describe('kpiAktualisieren: Fehler, Wiederholung, Zeilenzahl', () => {
  test('mit Fehlern wird nichts geschrieben', async () => {
    const saat = beispielSaat();
    const ap = saat.tabellen!.find((t) => t.name === 'tblArbeitsplanung')!;
    const kaputt = {
      ...saat,
      tabellen: saat.tabellen!.map((t) =>
        t === ap
          ? { ...ap, zeilen: ap.zeilen.map((r, i) => (i === 0 ? ['X', ...r.slice(1, 3), 'Massnahme', ...r.slice(4)] : r)) }
          : t,
      ),
    };
    const fx = createFakeExcel(kaputt);
    const vorher = fx.schnappschuss();
    const r = await kpiAktualisieren(fx.context, JETZT);
    expect(r.kpi).toBeNull();
    expect(r.geschrieben).toEqual([]);
    expect(r.findings.some((f) => f.schwere === 'Fehler' && f.blatt === 'Arbeitsplanung' && f.zelle === 'D2')).toBe(true);
    expect(fx.schnappschuss()).toBe(vorher);
    expect(fx.syncs()).toBeLessThanOrEqual(4);
  });

  test('zweite Aktualisierung: Blätter und Diagramme bleiben dieselben', async () => {
    const fx = createFakeExcel(beispielSaat());
    await kpiAktualisieren(fx.context, JETZT);
    const blatt = fx.blatt('KPI Übersicht');
    const diagramm = blatt.diagramme[0];
    const verlaufTabelle = fx.tabelle('tblVerlauf')!.tabelle;
    const r = await kpiAktualisieren(fx.context, new Date(2026, 10, 26, 9, 0));
    expect(r.geschrieben.map((g) => [g.blatt, g.neuesBlatt])).toEqual([
      ['KPI Übersicht', false],
      ['KPI Handlungsziele', false],
      ['Umsetzungsbericht', false],
      ['KPI Verlauf', false],
    ]);
    // Verlauf continues its table (same name, one table), now with two refresh days
    const verlauf = fx.tabelle('tblVerlauf')!;
    expect(fx.modell.tabellen.filter((t) => t.name === 'tblVerlauf')).toHaveLength(1);
    const tage = new Set(verlauf.zeilen.map((z) => z[0]));
    expect(tage.size).toBe(2);
    // the same table object, resized (references to tblVerlauf keep working)
    expect(verlauf.tabelle).toBe(verlaufTabelle);
    expect(fx.protokoll.some((p) => p.startsWith('Table entfernt'))).toBe(false);
    expect(fx.blatt('KPI Übersicht')).toBe(blatt);
    expect(blatt.diagramme).toHaveLength(2);
    expect(blatt.diagramme[0]).toBe(diagramm);
    expect(r.geschrieben[0].diagrammeAktualisiert).toEqual(['DiagrammZielerreichung', 'DiagrammStatus']);
    // data tables untouched
    const t = fx.tabelle('tblArbeitsplanung')!;
    expect(t.zeilen.length).toBeGreaterThan(10);
  });

  // one read, one write: the sample's Arbeitsplanung repeated (few Handlungsziele, so few styled
  // rectangles) still fits one request at 10,000 rows
  test('2 syncs für 10 und für 10.000 Zeilen Arbeitsplanung', async () => {
    const klein = createFakeExcel(beispielSaat(10));
    const gross = createFakeExcel(beispielSaat(10_000));
    const spyK = jest.spyOn(klein.context, 'sync');
    const spyG = jest.spyOn(gross.context, 'sync');
    const rk = await kpiAktualisieren(klein.context, JETZT);
    const rg = await kpiAktualisieren(gross.context, JETZT);
    expect(rk.kpi).not.toBeNull();
    expect(rg.kpi).not.toBeNull();
    expect(rg.kpi!.gesamt.massnahmen + rg.kpi!.gesamt.wirkungen + rg.kpi!.gesamt.standardmassnahmen).toBe(10_000);
    expect(spyK.mock.calls.length).toBe(2);
    expect(spyG.mock.calls.length).toBe(2);
    // each request (values + every format/merge/height call) stays within the budget
    expect(rk.anfrage.zusaetzlicheSyncs).toBe(0);
    expect(rg.anfrage.zusaetzlicheSyncs).toBe(0);
    expect(rg.anfrage.groessteBytes).toBeLessThanOrEqual(MAX_STAPEL_BYTES);
    expect(rg.anfrage.groessteBytes).toBeGreaterThan(rk.anfrage.groessteBytes);
  });

  test('berechnete Blätter bei 10.000 Zeilen ohne verbundene Zellen (Barrierefreiheit), Zeilenhöhen von Excel angepasst', async () => {
    const fx = createFakeExcel(beispielSaat(10_000));
    await kpiAktualisieren(fx.context, JETZT);
    for (const name of ['KPI Übersicht', 'KPI Handlungsziele', 'Umsetzungsbericht', 'KPI Verlauf']) expect(fx.blatt(name).verbunden).toEqual([]);
    expect(fx.protokoll.filter((p) => p.startsWith('Range.merge'))).toEqual([]);
    // without merged cells Excel fits the row heights: one call per sheet, none per row
    expect(fx.protokoll.filter((p) => p.startsWith('RangeFormat.rowHeight'))).toEqual([]);
    expect(fx.protokoll.filter((p) => p.startsWith('RangeFormat.autofitRows')).sort()).toEqual(
      ['KPI Handlungsziele', 'KPI Verlauf', 'KPI Übersicht', 'Umsetzungsbericht'].map((n) => `RangeFormat.autofitRows ${n}`).sort(),
    );
  });
});

describe('Verlauf über die Aktualisierung', () => {
  test('zweimal am selben Tag ersetzt die Zeilen des Tages, statt sie zu verdoppeln', async () => {
    const fx = createFakeExcel(beispielSaat());
    await kpiAktualisieren(fx.context, new Date(2026, 10, 25, 9, 0));
    const n = fx.tabelle('tblVerlauf')!.zeilen.length;
    await kpiAktualisieren(fx.context, new Date(2026, 10, 25, 16, 0));
    expect(fx.tabelle('tblVerlauf')!.zeilen).toHaveLength(n);
    expect(n).toBe(9); // 8 Handlungsfelder + Gesamt
  });

  test('ein Blatt „Verlauf“ einer früheren Version wird zu „KPI Verlauf“, die Zeilen bleiben', async () => {
    const fx = createFakeExcel(beispielSaat());
    await kpiAktualisieren(fx.context, new Date(2026, 10, 24, 9, 0));
    const alt = fx.modell.blaetter.find((b) => b.name === 'KPI Verlauf')!;
    for (const t of fx.modell.tabellen) if (t.blatt === alt.name) t.blatt = 'Verlauf';
    alt.name = 'Verlauf';
    const r = await kpiAktualisieren(fx.context, new Date(2026, 10, 25, 9, 0));
    expect(r.kpi).not.toBeNull();
    const namen = fx.modell.blaetter.map((b) => b.name);
    expect(namen).toContain('KPI Verlauf');
    expect(namen).not.toContain('Verlauf');
    expect(fx.tabelle('tblVerlauf')!.zeilen).toHaveLength(18);
    expect(fx.tabelle('tblVerlauf')!.tabelle.blatt).toBe('KPI Verlauf');
  });
});

describe('Blattschutz des berechneten Blatts', () => {
  const MELDUNG =
    'Blatt „KPI Übersicht“ ist mit Kennwort geschützt. Bitte den Blattschutz aufheben (Überprüfen › Blattschutz aufheben) und erneut aktualisieren.';

  test('ohne Kennwort geschützt: Aktualisieren hebt den Schutz auf, schreibt, schützt wieder; weiterhin 2 syncs', async () => {
    const fx = createFakeExcel(beispielSaat());
    await kpiAktualisieren(fx.context, JETZT);
    const blatt = fx.blatt('KPI Übersicht');
    expect(blatt.geschuetzt).toBe(true);
    const vorher = fx.syncs();
    await kpiAktualisieren(fx.context, new Date(2026, 10, 26, 9, 0));
    expect(fx.syncs() - vorher).toBe(2);
    expect(fx.protokoll).toContain('Protection.unprotect KPI Übersicht');
    expect(blatt.geschuetzt).toBe(true);
  });

  test('mit Kennwort geschützt: deutsche Meldung mit Blattname und Abhilfe statt des Office-Fehlers', async () => {
    const fx = createFakeExcel(beispielSaat());
    await kpiAktualisieren(fx.context, JETZT);
    const blatt = fx.blatt('KPI Übersicht');
    blatt.kennwort = 'geheim';
    const vorher = fx.syncs();
    const fehler = await kpiAktualisieren(fx.context, new Date(2026, 10, 26, 9, 0)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(fehler).toBeInstanceOf(Error);
    expect((fehler as Error).name).toBe('Error');
    expect((fehler as Error).message).toBe(MELDUNG);
    expect(blatt.geschuetzt).toBe(true);
    // failed in the write phase: no more syncs than a normal refresh
    expect(fx.syncs() - vorher).toBeLessThanOrEqual(4);
  });

  test('andere Fehler beim Schreiben bleiben unverändert; kennwortFehler nur bei entsperrten Blättern', () => {
    const office = Object.assign(new Error('x'), { code: 'InvalidArgument' });
    expect(kennwortFehler(office, [])).toBeNull();
    expect(
      kennwortFehler(Object.assign(new Error('x'), { code: 'RequestPayloadSizeLimitExceeded' }), ['KPI Übersicht']),
    ).toBeNull();
    expect(kennwortFehler(office, ['KPI Übersicht'])?.message).toBe(MELDUNG);
    const ort = Object.assign(new Error('x'), {
      code: 'GeneralException',
      debugInfo: { errorLocation: 'WorksheetProtection.unprotect' },
    });
    expect(kennwortFehler(ort, ['KPI Übersicht', 'Verlauf'])?.message).toMatch(
      /^Eines der Blätter „KPI Übersicht“, „Verlauf“ ist mit Kennwort geschützt\./,
    );
  });
});

describe('KPIs aktualisieren in deutschem Desktop-Excel und im Web', () => {
  test.each(['web', 'desktop-de'] as const)('%s: läuft durch, ohne hostabhängige Adresslisten', async (host) => {
    const fx = createFakeExcel({ ...beispielSaat(), host });
    const r = await kpiAktualisieren(fx.context, JETZT);
    expect(r.kpi).not.toBeNull();
    expect(fx.syncs()).toBe(2);
    expect(fx.protokoll.some((p) => p.startsWith('Worksheet.getRanges'))).toBe(false);
  });
});

describe('reservierter Blattname „Verlauf“ / „History“', () => {
  test('die Fälschung lehnt ihn wie Excel ab, beim Anlegen und Umbenennen, in jeder Schreibweise', () => {
    for (const host of ['web', 'desktop-de'] as const) {
      const fx = createFakeExcel({ host });
      const blaetter = fx.context.workbook.worksheets;
      for (const n of ['Verlauf', 'verlauf', 'History', 'HISTORY']) {
        expect(() => blaetter.add(n)).toThrow(expect.objectContaining({ code: 'InvalidArgument' }));
        expect(() => (blaetter.getItem('Tabelle1').name = n)).toThrow(expect.objectContaining({ code: 'InvalidArgument' }));
      }
      expect(() => blaetter.add('KPI Verlauf')).not.toThrow();
    }
  });

  test('Einrichten und KPIs aktualisieren legen kein Blatt mit reserviertem Namen an', async () => {
    const fx = createFakeExcel({ host: 'desktop-de' });
    await einrichten(fx.context);
    const r = await kpiAktualisieren(fx.context, JETZT);
    expect(r.kpi).not.toBeNull();
    const namen = fx.modell.blaetter.map((b) => b.name);
    expect(namen).toContain('KPI Verlauf');
    expect(namen.filter((n) => ['verlauf', 'history'].includes(n.toLowerCase()))).toEqual([]);
  });
});

describe('Diagramme: Reihen ausdrücklich je Spalte', () => {
  test('KPI Verlauf nach der ersten Aktualisierung: Daten als Kategorien, nicht als Reihen', async () => {
    const fx = createFakeExcel({ ...beispielSaat(), host: 'desktop-de' });
    await kpiAktualisieren(fx.context, JETZT);
    const alle = fx.modell.blaetter.flatMap((b) => b.diagramme.map((d) => ({ blatt: b.name, ...d })));
    expect(alle.some((d) => d.blatt === 'KPI Verlauf')).toBe(true);
    for (const d of alle) expect({ blatt: d.blatt, name: d.name, reihenNach: d.reihenNach }).toEqual({ blatt: d.blatt, name: d.name, reihenNach: 'Spalten' });
    // and after setData on the next refresh
    await kpiAktualisieren(fx.context, new Date(JETZT.getTime() + 86_400_000));
    for (const b of fx.modell.blaetter) for (const d of b.diagramme) expect(d.reihenNach).toBe('Spalten');
  });
});

describe('kpiAktualisieren: Namen der Spaltenüberschriften', () => {
  const namenAufrufe = (p: string[]) => p.filter((x) => /^(NamedItemCollection\.add|NamedItem\.(delete|formula))/.test(x));
  const spaltentitel = (fx: ReturnType<typeof createFakeExcel>) =>
    [...fx.modell.namen.values()].filter((n) => n.name.startsWith('ColumnTitle_Umsetzungsbericht_'));

  test('bleiben bei unverändertem Plan stehen und werden nach einer neuen Maßnahme verschoben, nicht neu angelegt', async () => {
    const fx = createFakeExcel(beispielSaat());
    await kpiAktualisieren(fx.context, JETZT);
    const erste = spaltentitel(fx).map((n) => ({ ...n }));
    expect(erste.length).toBeGreaterThan(10);

    const vorher = fx.protokoll.length;
    await kpiAktualisieren(fx.context, JETZT);
    expect(namenAufrufe(fx.protokoll.slice(vorher))).toEqual([]);
    expect(spaltentitel(fx)).toEqual(erste);

    // one more Maßnahme in the first Handlungsziel: every header block below it moves down one row
    const t = fx.tabelle('tblArbeitsplanung')!;
    const nr = t.kopf.indexOf('Nr');
    const neu = [...t.zeilen[0]];
    neu[nr] = 'N-neu';
    fx.context.workbook.tables.getItem('tblArbeitsplanung').rows.add(undefined, [neu]);
    await fx.context.sync();
    const danach = fx.protokoll.length;
    await kpiAktualisieren(fx.context, JETZT);
    const aufrufe = namenAufrufe(fx.protokoll.slice(danach));
    expect(aufrufe.length).toBeGreaterThan(0);
    expect(aufrufe.every((a) => a.startsWith('NamedItem.formula'))).toBe(true);
    // every name still marks a header cell of the sheet
    for (const n of spaltentitel(fx)) {
      const zelle = n.bezug.replace(/^=.*!/, '').replace(/\$/g, '');
      expect(fx.zelle('Umsetzungsbericht', zelle)?.format.fill).toBe('#1F4E78');
    }
  });
});
