// Draws Keyhold's toolbar icon (a keyhole on a blue tile) as PNGs, with no image tooling needed.
// Run once after changing the design: node scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'ascii'), data])), 8 + data.length);
  return out;
};

function icon(size) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  const s = 4; // supersampling for smooth edges
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      let tile = 0;
      let hole = 0;
      for (let sy = 0; sy < s; sy++)
        for (let sx = 0; sx < s; sx++) {
          const u = (x + (sx + 0.5) / s) / size;
          const v = (y + (sy + 0.5) / s) / size;
          const r = 0.2; // rounded tile corners
          const dx = Math.max(r - u, u - (1 - r), 0);
          const dy = Math.max(r - v, v - (1 - r), 0);
          if (dx * dx + dy * dy <= r * r) tile++;
          const inCircle = (u - 0.5) ** 2 + (v - 0.4) ** 2 <= 0.15 ** 2;
          const halfWidth = 0.06 + (v - 0.42) * 0.22;
          const inStem = v >= 0.42 && v <= 0.8 && Math.abs(u - 0.5) <= halfWidth;
          if (inCircle || inStem) hole++;
        }
      const a = tile / (s * s);
      const h = hole / (s * s);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = Math.round(0x1f * (1 - h) + 0xff * h);
      raw[o + 1] = Math.round(0x5f * (1 - h) + 0xff * h);
      raw[o + 2] = Math.round(0xbf * (1 - h) + 0xff * h);
      raw[o + 3] = Math.round(255 * a);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

mkdirSync(new URL('../public/icon/', import.meta.url), { recursive: true });
for (const size of [16, 32, 48, 96, 128]) writeFileSync(new URL(`../public/icon/${size}.png`, import.meta.url), icon(size));
console.log('icons written');
