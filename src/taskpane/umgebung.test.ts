import { startAnsichtAusUrl } from './ansicht';
import { alsBenutzerFehler } from './fehler';
import { BenutzerFehler } from './gateway';
import { ermittleUmgebung, istDunkel } from './umgebung';

describe('ermittleUmgebung', () => {
  const office = (host: string | null, farbe?: string) => ({
    onReady: () => Promise.resolve({ host, platform: null }),
    HostType: { Excel: 'Excel' },
    context: { officeTheme: { bodyBackgroundColor: farbe } },
  });

  it('without office.js (CDN unreachable) reports outside Office at once', async () => {
    await expect(ermittleUmgebung(undefined, 50)).resolves.toEqual({ art: 'ohne-office', grund: 'kein-office-js' });
  });

  it('in a plain browser office.js reports no host', async () => {
    await expect(ermittleUmgebung(office(null), 50)).resolves.toEqual({ art: 'ohne-office', grund: 'kein-host' });
  });

  it('does not hang when Office.onReady never answers', async () => {
    const haengt = { onReady: () => new Promise(() => undefined), HostType: { Excel: 'Excel' } };
    await expect(ermittleUmgebung(haengt, 20)).resolves.toEqual({ art: 'ohne-office', grund: 'zeitueberschreitung' });
  });

  it('recognises Excel and its dark theme, and other Office apps', async () => {
    await expect(ermittleUmgebung(office('Excel', '#262626'), 50)).resolves.toEqual({ art: 'excel', dunkel: true });
    await expect(ermittleUmgebung(office('Excel', '#FFFFFF'), 50)).resolves.toEqual({ art: 'excel', dunkel: false });
    await expect(ermittleUmgebung(office('Word'), 50)).resolves.toEqual({ art: 'anderes-office', host: 'Word' });
  });

  it('istDunkel tolerates missing or odd colours', () => {
    expect(istDunkel(undefined)).toBe(false);
    expect(istDunkel('weiß')).toBe(false);
    expect(istDunkel('000000')).toBe(true);
  });
});

describe('startAnsichtAusUrl', () => {
  it('maps the ribbon URLs to views and runs their action', () => {
    expect(startAnsichtAusUrl('?ansicht=pruefen')).toEqual({ ansicht: 'pruefen', ausfuehren: true });
    expect(startAnsichtAusUrl('?ansicht=kpi')).toEqual({ ansicht: 'kpi', ausfuehren: true });
    expect(startAnsichtAusUrl('?ansicht=checkliste')).toEqual({ ansicht: 'checkliste', ausfuehren: false });
    expect(startAnsichtAusUrl('')).toEqual({ ansicht: 'start', ausfuehren: false });
    expect(startAnsichtAusUrl('?ansicht=<script>')).toEqual({ ansicht: 'start', ausfuehren: false });
  });
});

describe('alsBenutzerFehler', () => {
  it('translates known Office.js codes into German advice with the code for support', () => {
    const f = alsBenutzerFehler(Object.assign(new Error('x'), { code: 'InvalidOperationInCellEditMode' }), 'Das Prüfen');
    expect(f.message).toBe('Das Prüfen ist fehlgeschlagen: Excel befindet sich im Bearbeitungsmodus einer Zelle.');
    expect(f.hinweis).toContain('Eingabetaste oder Esc');
    expect(f.technisch).toContain('InvalidOperationInCellEditMode');
  });

  it('keeps German adapter messages as the advice', () => {
    const f = alsBenutzerFehler(new Error('Das Blatt „Ziele“ gibt es nicht. Bitte erneut prüfen.'), 'Das Springen zur Zelle');
    expect(f.hinweis).toBe('Das Blatt „Ziele“ gibt es nicht. Bitte erneut prüfen.');
  });

  it('gives generic advice and the technical text for programming errors and unknown codes', () => {
    const f = alsBenutzerFehler(new TypeError('x is undefined'), 'Das Einrichten');
    expect(f.message).toBe('Das Einrichten ist fehlgeschlagen.');
    expect(f.hinweis).toContain('Versuchen Sie es erneut');
    expect(f.technisch).toBe('x is undefined');
    expect(alsBenutzerFehler(Object.assign(new Error('y'), { code: 'Neu' }), 'A').technisch).toBe('Neu: y');
    expect(alsBenutzerFehler('kaputt', 'A').technisch).toBe('kaputt');
  });

  it('passes BenutzerFehler through unchanged', () => {
    const b = new BenutzerFehler('m', 'h');
    expect(alsBenutzerFehler(b, 'A')).toBe(b);
  });
});

describe('Nutzlast-Fehler von Excel', () => {
  test.each(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded'])('%s: deutsche Meldung', (code) => {
    const f = alsBenutzerFehler(Object.assign(new Error('x'), { code }), 'KPIs aktualisieren');
    expect(f.message).toContain('zu groß (mehr als 5 MB auf einmal)');
    expect(f.technisch).toContain(code);
  });
});
