/**
 * FNV-1a 64-bit over the UTF-8 bytes of a string, computed with two 32-bit
 * halves in plain doubles (exact below 2^53), so the domain needs neither
 * node:crypto nor BigInt and gives the same result in Node and the browser.
 */

const PRIME_LOW = 0x1b3; // FNV prime 2^40 + 0x1b3, the 2^40 part is applied as a shift
const TWO_32 = 4294967296;

export function fnv1a64(text: string): string {
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  const step = (byte: number): void => {
    lo = (lo ^ byte) >>> 0;
    // h * (2^40 + 0x1b3) mod 2^64 = h * 0x1b3 + (lo << 40)
    const loProd = lo * PRIME_LOW;
    const carry = Math.floor(loProd / TWO_32);
    const hiProd = hi * PRIME_LOW + carry + ((lo << 8) >>> 0);
    lo = loProd >>> 0;
    hi = hiProd % TWO_32 >>> 0;
  };
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) step(cp);
    else if (cp < 0x800) {
      step(0xc0 | (cp >> 6));
      step(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      step(0xe0 | (cp >> 12));
      step(0x80 | ((cp >> 6) & 0x3f));
      step(0x80 | (cp & 0x3f));
    } else {
      step(0xf0 | (cp >> 18));
      step(0x80 | ((cp >> 12) & 0x3f));
      step(0x80 | ((cp >> 6) & 0x3f));
      step(0x80 | (cp & 0x3f));
    }
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}
