// Draws the tab bar icons (81x81 RGBA PNG, 4x supersampled) without any image library: node generate.mjs
import zlib from 'node:zlib'; import fs from 'node:fs'
const S = 81, SS = 4
function crc32(buf) { let c, crc = ~0; for (const b of buf) { c = (crc ^ b) & 0xff; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; crc = (crc >>> 8) ^ c } return ~crc >>> 0 }
function chunk(type, data) { const len = Buffer.alloc(4); len.writeUInt32BE(data.length); const td = Buffer.concat([Buffer.from(type), data]); const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td)); return Buffer.concat([len, td, crc]) }
function png(cover, [r, g, b]) {
  const raw = Buffer.alloc((S * 4 + 1) * S)
  for (let y = 0; y < S; y++) { raw[y * (S * 4 + 1)] = 0; for (let x = 0; x < S; x++) {
    let n = 0; for (let i = 0; i < SS; i++) for (let j = 0; j < SS; j++) if (cover((x + (i + 0.5) / SS) , (y + (j + 0.5) / SS))) n++
    const o = y * (S * 4 + 1) + 1 + x * 4; raw[o] = r; raw[o + 1] = g; raw[o + 2] = b; raw[o + 3] = Math.round(255 * n / (SS * SS)) } }
  const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(S, 0); ihdr.writeUInt32BE(S, 4); ihdr[8] = 8; ihdr[9] = 6
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))])
}
const W = 5
function roundRect(x, y, x0, y0, x1, y1, r) { const cx = Math.min(Math.max(x, x0 + r), x1 - r), cy = Math.min(Math.max(y, y0 + r), y1 - r); return (x - cx) ** 2 + (y - cy) ** 2 <= r * r }
const card = (x, y) => { const outer = roundRect(x, y, 10, 18, 71, 63, 9), inner = roundRect(x, y, 10 + W, 18 + W, 71 - W, 63 - W, 5); const stripe = y >= 30 && y <= 36 && x > 10 && x < 71; const chip = y >= 45 && y <= 51 && x >= 20 && x <= 38; return (outer && !inner) || stripe || chip }
const me = (x, y) => { const d = Math.hypot(x - 40.5, y - 28); const head = d <= 13 && d >= 13 - W; const body = (() => { const dy = y - 72, dx = x - 40.5; const r = Math.hypot(dx, dy * 1.0); return y <= 68 && r <= 28 && r >= 28 - W })(); const base = y >= 64 && y <= 68 && x >= 13 && x <= 68; return head || body || base }
// A gift box: an outlined box with a lid, a ribbon down the middle and two loops of a bow on top.
const gift = (x, y) => { const lidO = roundRect(x, y, 12, 26, 69, 40, 4), lidI = roundRect(x, y, 12 + W, 26 + W, 69 - W, 40 - W, 2); const boxO = roundRect(x, y, 17, 38, 64, 68, 5), boxI = roundRect(x, y, 17 + W, 38, 64 - W, 68 - W, 3); const ribbon = Math.abs(x - 40.5) <= W / 2 + 0.5 && y >= 26 && y <= 68; const loop = (cx) => { const d = Math.hypot((x - cx) / 1.3, y - 18); return d <= 8 && d >= 8 - W * 0.8 && y <= 26 }; return (lidO && !lidI) || (boxO && !boxI && y >= 38) || ribbon || loop(30) || loop(51) }
// A calendar: an outlined page with a solid header band, two binder rings through its top edge, and a 2x3 grid of
// day dots.
const event = (x, y) => { const outer = roundRect(x, y, 12, 20, 69, 68, 8), inner = roundRect(x, y, 12 + W, 20 + W, 69 - W, 68 - W, 4); const band = y >= 20 && y <= 34 && outer; const ring = (cx) => Math.abs(x - cx) <= W / 2 + 0.5 && y >= 12 && y <= 27; const dot = [28, 40.5, 53].some((cx) => [45, 57].some((cy) => Math.abs(x - cx) <= 3.5 && Math.abs(y - cy) <= 3.5)); return (outer && !inner) || band || ring(28) || ring(53) || dot }
const grey = [138, 143, 153], red = [200, 16, 46]
fs.writeFileSync('card.png', png(card, grey)); fs.writeFileSync('card-active.png', png(card, red))
fs.writeFileSync('gift.png', png(gift, grey)); fs.writeFileSync('gift-active.png', png(gift, red))
fs.writeFileSync('event.png', png(event, grey)); fs.writeFileSync('event-active.png', png(event, red))
fs.writeFileSync('me.png', png(me, grey)); fs.writeFileSync('me-active.png', png(me, red))
