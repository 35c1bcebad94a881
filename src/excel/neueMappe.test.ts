import { alsBase64, kannNeueMappeOeffnen, neueMappeOeffnen, NEUE_MAPPE_ANFORDERUNG } from './neueMappe';

describe('neueMappe', () => {
  it('needs ExcelApi 1.8 for Excel.createWorkbook', () => {
    const gefragt: string[] = [];
    expect(kannNeueMappeOeffnen((set, v) => (gefragt.push(`${set} ${v}`), false))).toBe(false);
    expect(kannNeueMappeOeffnen(() => true)).toBe(true);
    expect(gefragt).toEqual(['ExcelApi 1.8']);
    expect(NEUE_MAPPE_ANFORDERUNG).toEqual({ set: 'ExcelApi', version: '1.8' });
  });

  it('encodes the file as base64, also beyond one slice of 32 KiB', () => {
    const gross = new Uint8Array(100_000).map((_v, i) => (i * 7) % 256);
    expect(alsBase64(gross)).toBe(Buffer.from(gross).toString('base64'));
    expect(alsBase64(new Uint8Array([80, 75, 3, 4]))).toBe('UEsDBA==');
    expect(alsBase64(new Uint8Array())).toBe('');
  });

  it('passes the base64 file to createWorkbook and lets its error through', async () => {
    const erstellen = jest.fn().mockResolvedValue(undefined);
    await neueMappeOeffnen(new Uint8Array([80, 75, 3, 4]), erstellen);
    expect(erstellen).toHaveBeenCalledWith('UEsDBA==');
    const fehler = new Error('This operation is not allowed due to the extension hardening policy.');
    await expect(neueMappeOeffnen(new Uint8Array([1]), jest.fn().mockRejectedValue(fehler))).rejects.toBe(fehler);
  });
});
