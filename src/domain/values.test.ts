import { alsSichererText, datumAusText, istFormelText, leseDatum, leseGanzzahl, leseId, leseListe, leseSpalte, leseText, leseZahl, seriennummerZuDatum, zahlAusText } from './values';
import { a1, blattAdresse, spaltenBuchstabe } from './adresse';

describe('blattAdresse', () => {
  it.each([
    ['Arbeitsplanung', 'D7', 'Arbeitsplanung!D7'],
    ['Ziele_2026', 'A1', 'Ziele_2026!A1'],
    ['Anlage 1', 'A2', "'Anlage 1'!A2"],
    ['KPI Übersicht', 'B3', "'KPI Übersicht'!B3"],
    ["Netz's", 'C1', "'Netz''s'!C1"],
    ['2026', 'A1', "'2026'!A1"],
  ])('%p %p → %p', (b, z, a) => expect(blattAdresse(b, z)).toBe(a));
});

describe('a1 / spaltenBuchstabe', () => {
  it.each([
    [1, 'A'],
    [12, 'L'],
    [26, 'Z'],
    [27, 'AA'],
    [52, 'AZ'],
    [703, 'AAA'],
  ])('column %i → %s', (c, s) => expect(spaltenBuchstabe(c)).toBe(s));
  it('builds A1 addresses', () => expect(a1(7, 4)).toBe('D7'));
});

describe('leseText', () => {
  it.each<[Parameters<typeof leseText>[0], string]>([
    [null, ''],
    ['  Hallo  ', 'Hallo'],
    ['   ', ''],
    [1.2, '1.2'],
    [3, '3'],
    [0.1 + 0.2, '0.3'],
    [true, 'WAHR'],
    [false, 'FALSCH'],
    [new Date(Date.UTC(2026, 0, 5)), '05.01.2026'],
  ])('%p → %p', (v, s) => {
    const r = leseText(v);
    expect(r.wert).toBe(s);
    expect(r.problem).toBeNull();
  });
  it('reports Excel error values as Fehler', () => {
    const r = leseText({ error: '#REF!' });
    expect(r.problem?.schwere).toBe('Fehler');
    expect(r.problem?.regel).toBe('EXCEL_FEHLERWERT');
    expect(r.problem?.text).toContain('enthält den Excel-Fehlerwert #REF!');
  });
});

describe('zahlAusText', () => {
  it.each<[string, number | null]>([
    ['12', 12],
    ['12,5', 12.5],
    ['12.5', 12.5],
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['1.234', 1234],
    ['12.500', 12500],
    ['1.234.567', 1234567],
    ['0.125', 0.125],
    ['-3,5', -3.5],
    ['+7', 7],
    [' 1 234 ', 1234],
    [',5', 0.5],
    ['abc', null],
    ['12 Personen', null],
    ['1,2,3', null],
    ['1.2.3', null],
    ['', null],
    ['-', null],
    ['12,5%', null],
  ])('%p → %p', (s, n) => expect(zahlAusText(s)).toBe(n));
});

describe('leseZahl', () => {
  it('accepts numbers silently', () => expect(leseZahl(12.5)).toEqual({ wert: 12.5, problem: null }));
  it('treats empty as null', () => {
    expect(leseZahl(null).wert).toBeNull();
    expect(leseZahl('  ').wert).toBeNull();
    expect(leseZahl('  ').problem).toBeNull();
  });
  it.each([
    ['12,5', 12.5],
    ['1.234,5', 1234.5],
    ['12.5', 12.5],
  ])('accepts text %p as %p with a Warnung', (s, n) => {
    const r = leseZahl(s);
    expect(r.wert).toBe(n);
    expect(r.problem?.schwere).toBe('Warnung');
    expect(r.problem?.regel).toBe('ZAHL_ALS_TEXT');
    expect(r.problem?.text).toContain('als Text gespeichert');
  });
  it('rejects other text with a Fehler', () => {
    const r = leseZahl('zwölf');
    expect(r.wert).toBeNull();
    expect(r.problem?.schwere).toBe('Fehler');
    expect(r.problem?.regel).toBe('KEINE_ZAHL');
    expect(r.problem?.text).toContain('„zwölf“ ist keine Zahl');
  });
  it('rejects booleans, dates and error values', () => {
    expect(leseZahl(true).problem?.schwere).toBe('Fehler');
    expect(leseZahl(new Date()).problem?.schwere).toBe('Fehler');
    expect(leseZahl({ error: '#NV' }).problem?.text).toContain('#NV');
  });
});

describe('leseGanzzahl', () => {
  it('accepts integers', () => expect(leseGanzzahl(3)).toEqual({ wert: 3, problem: null }));
  it('accepts integer text with a Warnung', () => {
    const r = leseGanzzahl('3');
    expect(r.wert).toBe(3);
    expect(r.problem?.schwere).toBe('Warnung');
  });
  it('rejects fractions', () => {
    const r = leseGanzzahl(2.5);
    expect(r.wert).toBeNull();
    expect(r.problem?.regel).toBe('KEINE_GANZZAHL');
    expect(r.problem?.text).toContain('2,5 ist keine ganze Zahl');
  });
  it('rejects text', () => {
    const r = leseGanzzahl('eins');
    expect(r.problem?.regel).toBe('KEINE_GANZZAHL');
    expect(r.problem?.text).toContain('ganze Zahl');
  });
});

describe('dates', () => {
  it('converts Excel serials', () => {
    expect(seriennummerZuDatum(46387)).toBe('2026-12-31');
    expect(seriennummerZuDatum(1)).toBe('1900-01-01');
    expect(seriennummerZuDatum(59)).toBe('1900-02-28');
    expect(seriennummerZuDatum(61)).toBe('1900-03-01');
    expect(seriennummerZuDatum(46387.75)).toBe('2026-12-31');
    expect(seriennummerZuDatum(0)).toBeNull();
  });
  it.each<[string, string | null]>([
    ['31.12.2026', '2026-12-31'],
    ['1.2.2026', '2026-02-01'],
    ['31.12.26', '2026-12-31'],
    ['2026-12-31', '2026-12-31'],
    ['31.02.2026', null],
    ['2026/12/31', null],
    ['morgen', null],
  ])('text %p → %p', (s, iso) => expect(datumAusText(s)).toBe(iso));
  it('leseDatum: Date silently, serial silently, text with Warnung, junk with Fehler', () => {
    expect(leseDatum(new Date(Date.UTC(2026, 5, 30)))).toEqual({ wert: '2026-06-30', problem: null });
    expect(leseDatum(46387)).toEqual({ wert: '2026-12-31', problem: null });
    const t = leseDatum('31.12.2026');
    expect(t.wert).toBe('2026-12-31');
    expect(t.problem?.schwere).toBe('Warnung');
    expect(t.problem?.regel).toBe('DATUM_ALS_TEXT');
    const f = leseDatum('bald');
    expect(f.wert).toBeNull();
    expect(f.problem?.schwere).toBe('Fehler');
    expect(f.problem?.text).toContain('TT.MM.JJJJ');
    expect(leseDatum(-5).problem?.schwere).toBe('Fehler');
    expect(leseDatum({ error: '#WERT!' }).problem?.regel).toBe('EXCEL_FEHLERWERT');
  });
});

describe('leseListe', () => {
  const art = ['Maßnahme', 'Wirkung'] as const;
  it('accepts exact values', () => expect(leseListe('Wirkung', art)).toEqual({ wert: 'Wirkung', problem: null }));
  it('treats empty as null', () => expect(leseListe('', art)).toEqual({ wert: null, problem: null }));
  it('normalises case/whitespace with a Warnung', () => {
    const r = leseListe('  maßnahme ', art);
    expect(r.wert).toBe('Maßnahme');
    expect(r.problem?.schwere).toBe('Warnung');
    expect(r.problem?.regel).toBe('LISTE_ABWEICHEND');
  });
  it('normalises inner whitespace', () => {
    expect(leseListe('in  Umsetzung', ['nicht begonnen', 'in Umsetzung']).wert).toBe('in Umsetzung');
  });
  it('rejects other values listing the allowed ones', () => {
    const r = leseListe('Massnahme', art);
    expect(r.wert).toBeNull();
    expect(r.problem?.schwere).toBe('Fehler');
    expect(r.problem?.regel).toBe('LISTE_UNGUELTIG');
    expect(r.problem?.text).toBe('„Massnahme“ ist kein erlaubter Wert. Bitte „Maßnahme“ oder „Wirkung“ wählen.');
  });
  it('maps booleans to ja/nein with a Warnung', () => {
    const r = leseListe(true, ['ja', 'nein']);
    expect(r.wert).toBe('ja');
    expect(r.problem?.schwere).toBe('Warnung');
  });
  it('reports error values', () => expect(leseListe({ error: '#REF!' }, art).problem?.regel).toBe('EXCEL_FEHLERWERT'));
});

describe('formula text', () => {
  it.each([
    ['=SUMME(A1)', true],
    ['+49 5971', true],
    ['-5', true],
    ['@user', true],
    ['Text = Text', false],
    ['', false],
  ])('istFormelText(%p) = %p', (s, f) => expect(istFormelText(s)).toBe(f));
  it('alsSichererText prefixes an apostrophe only when needed', () => {
    expect(alsSichererText('=1+1')).toBe("'=1+1");
    expect(alsSichererText('harmlos')).toBe('harmlos');
  });
});

describe('leseId', () => {
  it('reads text and numbers like leseText', () => {
    expect(leseId(' 1.2 ')).toEqual({ wert: '1.2', problem: null });
    expect(leseId(1.2)).toEqual({ wert: '1.2', problem: null });
  });
  it('reports a date (German Excel turned "1.2" into 01.02.) as Fehler with the fix', () => {
    const r = leseId(new Date(Date.UTC(2026, 1, 1)));
    expect(r.wert).toBe('');
    expect(r.problem?.schwere).toBe('Fehler');
    expect(r.problem?.regel).toBe('DATUM_STATT_ID');
    expect(r.problem?.text).toContain('als Datum 01.02.2026 gespeichert');
    expect(r.problem?.text).toContain('als Text formatieren');
  });
});

describe('leseSpalte dispatches by column type', () => {
  it.each<[Parameters<typeof leseSpalte>[0], Parameters<typeof leseSpalte>[1], string | number | null]>([
    [{ header: 'HF-Nr', type: 'integer' }, '3', 3],
    [{ header: 'Zielwert', type: 'number' }, '12,5', 12.5],
    [{ header: 'Stichtag', type: 'date' }, 46387, '2026-12-31'],
    [{ header: 'Art', type: 'list', list: ['Maßnahme', 'Wirkung'] }, 'wirkung', 'Wirkung'],
    [{ header: 'Bemerkung', type: 'text' }, new Date(Date.UTC(2026, 1, 1)), '01.02.2026'],
    [{ header: 'Nr', type: 'text' }, new Date(Date.UTC(2026, 1, 1)), ''],
  ])('%p %p → %p', (spec, v, w) => expect(leseSpalte(spec, v).wert).toBe(w));
});
