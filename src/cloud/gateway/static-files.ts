import { createReadStream, statSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
}

/** Serves the H5 build; unknown paths fall back to index.html (the app routes on the client). */
export function serveStatic(root: string, urlPath: string, res: ServerResponse): void {
  const relative = normalize(safeDecode(urlPath.split('?')[0])).replace(/^([/\\])+/, '')
  const candidate = join(root, relative)
  // normalize() already collapsed '..'; anything still escaping the root is refused.
  const insideRoot = candidate === root || candidate.startsWith(root.endsWith(sep) ? root : root + sep)
  const file = insideRoot && isFile(candidate) ? candidate : join(root, 'index.html')
  if (!isFile(file)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
    res.end('H5 应用尚未构建：请运行 npm start（会自动构建）或 npm run build:h5')
    return
  }
  const hashedAsset = /\.[0-9a-f]{8,}\./.test(file)
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': hashedAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
  })
  createReadStream(file).pipe(res)
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
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
