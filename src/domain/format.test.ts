import { anzahl, aufzaehlung, datumDeutsch, deutscherTag, prozent, zahlDeutsch, zahlImBericht, zeitstempel, zitat } from './format';

describe('German formatting', () => {
  it('quotes and lists', () => {
    expect(zitat('1.1')).toBe('„1.1“');
    expect(aufzaehlung(['a', 'b', 'c'])).toBe('„a“, „b“ oder „c“');
    expect(aufzaehlung(['a', 'b'], 'und')).toBe('„a“ und „b“');
  });
  it('plural', () => {
    expect(anzahl(1, 'Warnung', 'Warnungen')).toBe('1 Warnung');
    expect(anzahl(0, 'Warnung', 'Warnungen')).toBe('0 Warnungen');
  });
  it('percent', () => {
    expect(prozent(0.934)).toBe('93 %');
    expect(prozent(null)).toBe('–');
    expect(prozent(null, 'keine Daten')).toBe('keine Daten');
  });
  it('numbers and dates', () => {
    expect(zahlDeutsch(1234.5)).toBe('1234,5');
    expect(zahlDeutsch(0.1 + 0.2)).toBe('0,3');
    expect(zahlImBericht(1234.567)).toBe('1.234,57');
    expect(zahlImBericht(null)).toBe('–');
    expect(datumDeutsch('2026-10-31')).toBe('31.10.2026');
  });
  it('timestamps in German time, whatever the machine time zone', () => {
    expect(zeitstempel(new Date('2027-01-15T08:30:00Z'))).toBe('15.01.2027, 09:30 Uhr');
    expect(zeitstempel(new Date('2026-07-14T22:05:00Z'))).toBe('15.07.2026, 00:05 Uhr');
    expect(deutscherTag(new Date('2026-12-31T23:15:00Z'))).toBe('2027-01-01');
  });
});
