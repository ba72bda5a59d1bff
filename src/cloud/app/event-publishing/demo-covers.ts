import { deflateSync } from 'node:zlib'

/**
 * The demo events' covers, drawn at seed time as scripts/draw-mall-pictures.mjs drew the mall's pictures: flat
 * shapes rasterised into a small RGB PNG (16:9), no image library and no downloads. Each cover is a colour field
 * with a motif: a cup, a bean, a ring of dots, a star.
 */
const W = 320
const H = 180

type Rgb = [number, number, number]
const hex = (h: string): Rgb => [1, 3, 5].map((i) => Number.parseInt(h.slice(i, i + 2), 16)) as Rgb

class Canvas {
  readonly px = new Uint8Array(W * H * 3)
  constructor(background: string) {
    const c = hex(background)
    for (let i = 0; i < W * H; i++) this.px.set(c, i * 3)
  }
  private set(x: number, y: number, c: Rgb): void {
    if (x >= 0 && y >= 0 && x < W && y < H) this.px.set(c, (y * W + x) * 3)
  }
  rect(x0: number, y0: number, w: number, h: number, color: string): this {
    const c = hex(color)
    for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) this.set(x, y, c)
    return this
  }
  ellipse(cx: number, cy: number, rx: number, ry: number, color: string): this {
    const c = hex(color)
    for (let y = Math.floor(cy - ry); y <= cy + ry; y++)
      for (let x = Math.floor(cx - rx); x <= cx + rx; x++) if (((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1) this.set(x, y, c)
    return this
  }
}

export const DEMO_COVERS = {
  // 品鉴会: a cup and saucer on warm brown.
  tasting: () => new Canvas('#8d5b3d').ellipse(160, 130, 80, 14, '#f3e9dc').rect(115, 70, 90, 58, '#f3e9dc').ellipse(215, 96, 18, 18, '#f3e9dc').ellipse(215, 96, 9, 9, '#8d5b3d').ellipse(160, 72, 45, 8, '#5a3825'),
  // 拉花课: a bean on cream.
  latte: () => new Canvas('#f1e3cf').ellipse(160, 90, 52, 70, '#6f4631').rect(157, 25, 6, 130, '#f1e3cf'),
  // 读书会: a ring of dots on green.
  reading: () => {
    const c = new Canvas('#4f7a5a')
    for (let i = 0; i < 10; i++) c.ellipse(160 + 60 * Math.cos((i * Math.PI) / 5), 90 + 60 * Math.sin((i * Math.PI) / 5), 10, 10, '#f6efe2')
    return c.rect(130, 70, 60, 40, '#f6efe2')
  },
  // 金卡专场: a gold disc on deep blue.
  gold: () => new Canvas('#24324a').ellipse(160, 90, 62, 62, '#d6a94a').ellipse(160, 90, 44, 44, '#e8c46e').rect(150, 60, 20, 60, '#d6a94a'),
} as const

export type DemoCover = keyof typeof DEMO_COVERS

/** The cover as PNG bytes. */
export function drawDemoCover(name: DemoCover): Buffer {
  return png(DEMO_COVERS[name]().px)
}

function png(px: Uint8Array): Buffer {
  const raw = Buffer.alloc((W * 3 + 1) * H)
  for (let y = 0; y < H; y++) Buffer.from(px.buffer, y * W * 3, W * 3).copy(raw, y * (W * 3 + 1) + 1)
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type), data])
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(W, 0)
  header.writeUInt32BE(H, 4)
  header.set([8, 2, 0, 0, 0], 8) // 8-bit RGB
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))])
}

function crc32(buf: Buffer): number {
  let c = ~0
  for (const byte of buf) {
    c ^= byte
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1))
  }
  return ~c >>> 0
}
