import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join } from 'node:path'

const TYPES: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' }

/**
 * Serves the pictures the local storage port wrote (`GET /files/<key>`). Keys are content-addressed, so a URL
 * never changes meaning and is cached for a year. Only the key shape the port writes is accepted (word
 * characters and single slashes, one known extension): '..', encoded slashes and absolute paths never match,
 * so nothing outside the folder can be named.
 */
export async function serveImageFile(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const key = (req.url ?? '').split('?')[0].slice('/files/'.length)
  const match = /^[\w-]+(?:\/[\w-]+)*\.(jpg|png|webp)$/.exec(key)
  const size = match ? await fileSize(join(root, key)) : undefined
  if (!match || size === undefined) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' })
    res.end('未找到')
    return
  }
  res.writeHead(200, {
    'content-type': TYPES[match[1]],
    'content-length': String(size),
    'cache-control': 'public, max-age=31536000, immutable',
    'x-content-type-options': 'nosniff',
  })
  if (req.method === 'HEAD') return void res.end()
  createReadStream(join(root, key)).pipe(res)
}

async function fileSize(path: string): Promise<number | undefined> {
  try {
    const info = await stat(path)
    return info.isFile() ? info.size : undefined
  } catch {
    return undefined
  }
}
