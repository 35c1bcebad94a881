#!/usr/bin/env node
'use strict';
/**
 * Draws the add-in icons (assets/icon-16.png … icon-128.png) without any
 * image library: a rounded blue square with three rising white bars and a
 * green dot (the "Ampel"), supersampled for smooth edges, written as PNG
 * with zlib. Run: node scripts/icons.js
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80, 128];
const BLAU = [0x1f, 0x4e, 0x78];
const WEISS = [0xff, 0xff, 0xff];
const GRUEN = [0x70, 0xad, 0x47];

/** Colour of the point (x, y) in unit coordinates 0…1, or null for transparent. */
function farbe(x, y) {
  const r = 0.2; // corner radius
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  // three bars, bottom-aligned at y = 0.8
  const bars = [
    [0.17, 0.33, 0.58],
    [0.42, 0.58, 0.42],
    [0.67, 0.83, 0.24],
  ];
  // green dot above the first bar
  if ((x - 0.25) ** 2 + (y - 0.36) ** 2 < 0.085 ** 2) return GRUEN;
  for (const [x0, x1, top] of bars) if (x >= x0 && x < x1 && y >= top && y < 0.8) return WEISS;
  return BLAU;
}

function crc32(buf) {
  let c;
  const table = [];
  for (let n = 0; n < 256; n++) {
    c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  let crc = 0xffffffff;
  for (const b of buf) crc = table[(crc ^ b) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size) {
  const ss = 4; // supersampling per axis
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const f = farbe((x + (sx + 0.5) / ss) / size, (y + (sy + 0.5) / ss) / size);
          if (!f) continue;
          r += f[0]; g += f[1]; b += f[2]; a += 1;
        }
      }
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = a ? Math.round(r / a) : 0;
      raw[o + 1] = a ? Math.round(g / a) : 0;
      raw[o + 2] = a ? Math.round(b / a) : 0;
      raw[o + 3] = Math.round((a / (ss * ss)) * 255);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = path.join(__dirname, '..', 'assets');
fs.mkdirSync(out, { recursive: true });
for (const s of SIZES) fs.writeFileSync(path.join(out, `icon-${s}.png`), png(s));
process.stdout.write(`${SIZES.map((s) => `assets/icon-${s}.png`).join(', ')} geschrieben\n`);
