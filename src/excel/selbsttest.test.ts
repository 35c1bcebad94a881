/**
 * The Selbsttest on the in-memory Excel in each mode: its probes must report
 * exactly the differences the modes model, and it leaves the workbook as it
 * was.
 */
import { selbsttest, selbsttestBericht } from './selbsttest';
import { createFakeExcel, type FakeSaat } from './testing/fakeExcel';
import { beispielSaat } from './testing/saat';

async function lauf(saat: FakeSaat, neueMappe = true) {
  const fx = createFakeExcel({ ...beispielSaat(), ...saat });
  const vorher = fx.schnappschuss();
  const proben = await selbsttest(fx.context, { unterstuetzt: fx.unterstuetzt, neueMappeMoeglich: () => neueMappe, blattName: 'Selbsttest 1' });
  return { fx, vorher, proben, gescheitert: proben.filter((p) => !p.ok).map((p) => `${p.name} [${p.code}]`) };
}

describe('Selbsttest', () => {
  test('Excel im Web: nur die „;“-Adressliste scheitert; Mappe danach unverändert', async () => {
    const { fx, vorher, proben, gescheitert } = await lauf({ host: 'web' });
    expect(gescheitert).toEqual(['Adressliste mit „;“ (getRanges) [InvalidArgument]']);
    expect(proben.length).toBeGreaterThanOrEqual(17);
    expect(proben[proben.length - 1]).toMatchObject({ name: 'Verborgenes Blatt wieder entfernen', ok: true });
    expect(fx.schnappschuss()).toBe(vorher);
  });

  test('deutsches Excel für Windows: nur die „,“-Adressliste scheitert', async () => {
    const { fx, vorher, gescheitert } = await lauf({ host: 'desktop-de' });
    expect(gescheitert).toEqual(['Adressliste mit „,“ (getRanges) [InvalidArgument]']);
    expect(fx.schnappschuss()).toBe(vorher);
  });

  test('Host mit ExcelApi 1.4: die Proben späterer Anforderungssätze scheitern mit ApiNotFound, aufgeräumt wird trotzdem', async () => {
    const { fx, vorher, gescheitert } = await lauf({ apiVersion: '1.4' }, false);
    expect(gescheitert).toEqual([
      'Adressliste mit „,“ (getRanges) [ApiNotFound]',
      'Adressliste mit „;“ (getRanges) [ApiNotFound]',
      'Tabelle vergrößern (resize) und Ergebniszeile [ApiNotFound]',
      'Datenüberprüfung (Liste) mit Fehler- und Eingabemeldung [ApiNotFound]',
      'Namen verschieben (NamedItem.formula) [ApiNotFound]',
      'Formate über Suchmarken (findAll, vollständig und als Teil), dann die Werte [ApiNotFound]',
      'Seitenlayout: A4 quer, Ränder, Drucktitel, Fußzeile [ApiNotFound]',
      'Bedingte Formatierung (Formel) [ApiNotFound]',
      'Benutzerdefinierte Dokumenteigenschaft [ApiNotFound]',
      'Anforderungssätze ExcelApi 1.1–1.17 [ApiNotFound]',
      'Neue Arbeitsmappe öffnen (createWorkbook) [ApiNotFound]',
    ]);
    expect(fx.schnappschuss()).toBe(vorher);
  });

  test('geschützte Arbeitsmappenstruktur: das Blatt kann nicht angelegt werden, die übrigen Proben laufen', async () => {
    const fx = createFakeExcel(beispielSaat());
    fx.modell.strukturGeschuetzt = true;
    const proben = await selbsttest(fx.context, { unterstuetzt: fx.unterstuetzt, blattName: 'Selbsttest 1' });
    expect(proben[0]).toMatchObject({ name: 'Verborgenes Blatt anlegen', ok: false, code: 'AccessDenied' });
    expect(fx.modell.blaetter.some((b) => b.name === 'Selbsttest 1')).toBe(false);
  });

  test('Bericht als Text: Umgebung und jede Probe mit ✓/✗ und Code', () => {
    const text = selbsttestBericht(
      [
        { name: 'A', ok: true },
        { name: 'B', ok: false, code: 'InvalidArgument', hinweis: 'x' },
      ],
      { Host: 'Excel', Plattform: 'PC', 'Office-Version': '16.0', Sprache: 'de-DE' },
    );
    expect(text).toBe('Integrationsmonitor – Selbsttest\nHost: Excel\nPlattform: PC\nOffice-Version: 16.0\nSprache: de-DE\n\n✓ A\n✗ B [InvalidArgument] – x');
  });
});
