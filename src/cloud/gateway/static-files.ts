import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { basename, extname, join, normalize, sep } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants as zlib, gzip } from 'node:zlib'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
}

/** Text formats worth compressing; images and woff/woff2 are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.map', '.txt', '.svg', '.ttf'])
/** Below this, the headers cost more than the bytes saved. */
const MIN_COMPRESS_BYTES = 1024

type Encoding = 'br' | 'gzip'
const ENCODERS: Record<Encoding, (body: Buffer) => Promise<Buffer>> = {
  // Quality 9: within ~10 % of the maximum for a fraction of its time (~0.1 s per MB instead of ~2 s).
  br: (body) => promisify(brotliCompress)(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  gzip: (body) => promisify(gzip)(body, { level: 9 }),
}

interface CachedFile {
  mtimeMs: number
  size: number
  identity: Buffer
  encoded: Map<Encoding, Promise<Buffer>>
}
/** Compressed copies, made once per file version (path + mtime + size) and kept: the H5 build is a few MB. */
const compressedCache = new Map<string, CachedFile>()

/**
 * Serves the H5 build. Paths without an extension (and .html) fall back to index.html, the app's shell; a missing
 * asset (/favicon.ico, an old chunk) is a 404, not HTML under a .js name. Text is sent gzip- or brotli-compressed
 * when the browser accepts it; hashed assets are cached for a year, everything else is revalidated (ETag → 304).
 */
export async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const urlPath = (req.url ?? '/').split('?')[0]
  const relative = normalize(safeDecode(urlPath)).replace(/^([/\\])+/, '')
  const candidate = join(root, relative)
  // normalize() already collapsed '..'; anything still escaping the root is refused.
  const insideRoot = candidate === root || candidate.startsWith(root.endsWith(sep) ? root : root + sep)
  const found = insideRoot ? await fileInfo(candidate) : undefined
  let file = candidate
  let info = found
  if (!found) {
    const extension = extname(relative)
    if (extension !== '' && extension !== '.html') return notFound(res)
    file = join(root, 'index.html')
    info = await fileInfo(file)
  }
  if (!info) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' })
    res.end('H5 应用尚未构建：请运行 npm start（会自动构建）或 npm run build:h5')
    return
  }

  const extension = extname(file)
  const compressible = COMPRESSIBLE.has(extension) && info.size >= MIN_COMPRESS_BYTES
  const encoding = compressible ? chooseEncoding(req.headers['accept-encoding']) : undefined
  const version = `${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}`
  const etag = `"${version}${encoding ? `-${encoding}` : ''}"`
  const headers: Record<string, string> = {
    'content-type': TYPES[extension] ?? 'application/octet-stream',
    'cache-control': /\.[0-9a-f]{8,}\./.test(basename(file)) ? 'public, max-age=31536000, immutable' : 'no-cache',
    etag,
    ...(compressible ? { vary: 'Accept-Encoding' } : {}),
  }
  if (matchesEtag(req.headers['if-none-match'], etag)) {
    res.writeHead(304, headers)
    res.end()
    return
  }

  if (!compressible) {
    res.writeHead(200, { ...headers, 'content-length': String(info.size) })
    if (req.method === 'HEAD') return void res.end()
    createReadStream(file).pipe(res)
    return
  }
  const body = await cachedBody(file, info, encoding)
  res.writeHead(200, { ...headers, ...(encoding ? { 'content-encoding': encoding } : {}), 'content-length': String(body.length) })
  res.end(req.method === 'HEAD' ? undefined : body)
}

async function cachedBody(file: string, info: { mtimeMs: number; size: number }, encoding: Encoding | undefined): Promise<Buffer> {
  let entry = compressedCache.get(file)
  if (!entry || entry.mtimeMs !== info.mtimeMs || entry.size !== info.size) {
    entry = { ...info, identity: await readFile(file), encoded: new Map() }
    compressedCache.set(file, entry)
  }
  if (!encoding) return entry.identity
  let encoded = entry.encoded.get(encoding)
  if (!encoded) {
    encoded = ENCODERS[encoding](entry.identity)
    entry.encoded.set(encoding, encoded)
  }
  return encoded
}

/** br when the browser takes it, else gzip, else none; `q=0` refuses a coding, `*` stands for any other. */
export function chooseEncoding(header: string | string[] | undefined): Encoding | undefined {
  const accepted = new Map<string, number>()
  for (const part of (Array.isArray(header) ? header.join(',') : header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    if (!name) continue
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    accepted.set(name, q ? Number.parseFloat(q.slice(2)) || 0 : 1)
  }
  const weight = (coding: Encoding) => accepted.get(coding) ?? (coding === 'gzip' ? accepted.get('x-gzip') : undefined) ?? accepted.get('*') ?? 0
  return (['br', 'gzip'] as const).find((coding) => weight(coding) > 0)
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false
  if (header.trim() === '*') return true
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' })
  res.end('未找到')
}

async function fileInfo(path: string): Promise<{ mtimeMs: number; size: number } | undefined> {
  try {
    const info = await stat(path)
    return info.isFile() ? { mtimeMs: info.mtimeMs, size: info.size } : undefined
  } catch {
    return undefined
  }
}

/** A malformed escape (e.g. "%E0%A4%A") is a path that exists nowhere, not a server error. */
function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path)
  } catch {
    return path
  }
}
