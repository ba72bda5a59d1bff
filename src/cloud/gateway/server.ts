import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { Server as NetServer } from 'node:net'
import { AppError, type ApiErrorBody, type ApiResult } from '../../contract'
import { dispatch, type AppDeps, type Caller } from '../app'
import { describeError } from '../db/loggable-error'
import { devLoginIdentity } from './dev-login'
import { signSessionToken, verifySessionToken } from './session-token'
import { serveImageFile } from './image-files'
import { serveStatic } from './static-files'

/**
 * The local HTTP face of the same handlers the WeChat cloud functions run: `POST /api/<function>` with a JSON body,
 * answered with the same `ApiResult`. The caller comes from a signed session token, never from the body.
 */
export interface GatewayOptions {
  deps: AppDeps
  sessionSecret: string
  /** dist/h5; omitted in API-only tests. */
  staticDir?: string
  /** Where the local storage port keeps pictures (DATA_DIR/files), served at /files/<key>. */
  filesDir?: string
  production: boolean
}

const MAX_BODY_BYTES = 64 * 1024
/** A picture upload: 200 KB as base64 (273 KB) plus the JSON around it. */
const MAX_UPLOAD_BODY_BYTES = 300 * 1024
const UPLOAD_FUNCTIONS = new Set(['uploadMallImage'])
/** How much of an over-large body is still read (and dropped) so that its 413 reliably reaches the client. */
const MAX_DISCARD_BYTES = 8 * 1024 * 1024

/** Responses not yet finished, per gateway: what a graceful close waits for. */
const inFlight = new WeakMap<Server, Set<ServerResponse>>()
const draining = new WeakSet<Server>()

export function createGateway(options: GatewayOptions): Server {
  const active = new Set<ServerResponse>()
  const server = createServer((req, res) => {
    active.add(res)
    res.on('close', () => active.delete(res))
    // While draining, no connection is kept alive for another request.
    if (draining.has(server)) res.setHeader('connection', 'close')
    handle(req, res, options).catch((error) => {
      console.error('[gateway] unexpected failure:', describeError(error))
      if (!res.headersSent) sendJson(res, 500, failure(new AppError('INTERNAL').toBody()))
      else res.end()
    })
  })
  inFlight.set(server, active)
  return server
}

/**
 * Stops accepting connections, lets the requests in flight finish (each answered with `Connection: close`), closes
 * keep-alive connections once they are idle, and after `graceMs` cuts whatever is still open.
 * Resolves once every connection is closed; `forced` says whether the bound was hit.
 */
export function closeGateway(server: Server, graceMs: number): Promise<{ forced: boolean }> {
  draining.add(server)
  for (const res of inFlight.get(server) ?? []) if (!res.headersSent) res.setHeader('connection', 'close')
  return new Promise((resolve) => {
    let forced = false
    let sweep: NodeJS.Timeout | undefined
    // http's own close() also destroys every connection without a request at that instant, including one that
    // was just accepted and whose request is still in the socket buffer: that request would be dropped. So stop
    // listening with net's close, and start closing idle connections a moment later.
    const firstSweep = setTimeout(() => {
      server.closeIdleConnections()
      sweep = setInterval(() => server.closeIdleConnections(), 50)
    }, FRESH_CONNECTION_GRACE_MS)
    const bound = setTimeout(() => {
      forced = true
      server.closeAllConnections()
    }, graceMs)
    netServerClose.call(server, () => {
      clearTimeout(firstSweep)
      clearInterval(sweep)
      clearTimeout(bound)
      resolve({ forced })
    })
  })
}

const netServerClose = NetServer.prototype.close
/** Time for a connection accepted just before the close to deliver its request. */
const FRESH_CONNECTION_GRACE_MS = 300

async function handle(req: IncomingMessage, res: ServerResponse, options: GatewayOptions): Promise<void> {
  const url = req.url ?? '/'
  if (!url.startsWith('/api/')) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, failure({ code: 'UNKNOWN_FUNCTION', message: '不支持的请求方式' }))
    if (url.startsWith('/files/') && options.filesDir) return serveImageFile(options.filesDir, req, res)
    if (!options.staticDir) return sendJson(res, 404, failure(new AppError('UNKNOWN_FUNCTION').toBody()))
    return serveStatic(options.staticDir, req, res)
  }
  if (req.method !== 'POST') return sendJson(res, 405, failure({ code: 'UNKNOWN_FUNCTION', message: '请使用 POST 调用接口' }))

  // Function names are plain identifiers: anything else (encoded characters included) is simply unknown.
  const name = url.slice('/api/'.length).split('?')[0]
  const body = await readJsonBody(req, UPLOAD_FUNCTIONS.has(name) ? MAX_UPLOAD_BODY_BYTES : MAX_BODY_BYTES)
  if (!body.ok) return sendJson(res, body.status, failure(body.error), body.close)

  const now = options.deps.now?.() ?? new Date()
  if (name === 'devLogin') {
    try {
      const who = devLoginIdentity(body.value, options.production)
      const token = signSessionToken(who.openid, options.sessionSecret, now)
      return sendJson(res, 200, { ok: true, data: { token, role: who.role, label: who.label } })
    } catch (error) {
      if (error instanceof AppError) return sendJson(res, 200, failure(error.toBody()))
      throw error
    }
  }

  const result = await dispatch(name, body.value, callerFrom(req, options.sessionSecret, now), options.deps)
  // Typed errors travel as 200 with ok:false so both transports (HTTP and callFunction) look the same to the client.
  sendJson(res, 200, result)
}

function callerFrom(req: IncomingMessage, secret: string, now: Date): Caller | null {
  const header = req.headers.authorization
  if (!header?.startsWith('Bearer ')) return null
  const claims = verifySessionToken(header.slice('Bearer '.length).trim(), secret, now)
  return claims ? { openid: claims.sub } : null
}

type BodyResult = { ok: true; value: unknown } | { ok: false; status: number; error: ApiErrorBody; close?: boolean }

const TOO_LARGE: ApiErrorBody = { code: 'BAD_INPUT', message: '请求内容过大' }

/**
 * Reads the body to its end even when it is over the limit, throwing the excess away, and only then answers:
 * a server that answers and closes while the client is still sending makes the kernel reset the connection, and
 * the client often loses the 413 with it. Past MAX_DISCARD_BYTES it stops listening (answers and closes).
 */
function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length'])
    if (declared > MAX_DISCARD_BYTES) return resolve({ ok: false, status: 413, error: TOO_LARGE, close: true })
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= maxBytes) chunks.push(chunk)
      else if (size > MAX_DISCARD_BYTES) resolve({ ok: false, status: 413, error: TOO_LARGE, close: true })
    })
    req.on('end', () => {
      if (size > maxBytes) return resolve({ ok: false, status: 413, error: TOO_LARGE })
      resolve(parseJson(Buffer.concat(chunks).toString('utf8').trim()))
    })
    // The client gave up mid-body: nobody is left to answer (writing to the closed socket is a no-op).
    req.on('close', () => {
      if (!req.complete) resolve({ ok: false, status: 400, error: { code: 'BAD_INPUT', message: '请求未完整发送' }, close: true })
    })
  })
}

function parseJson(text: string): BodyResult {
  if (text === '') return { ok: true, value: {} }
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false, status: 400, error: { code: 'BAD_INPUT', message: '请求格式不正确（需要 JSON）' } }
  }
}

function failure(error: ApiErrorBody): ApiResult<never> {
  return { ok: false, error }
}

function sendJson(res: ServerResponse, status: number, payload: unknown, close = false): void {
  const text = JSON.stringify(payload)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...(close ? { connection: 'close' } : {}),
  })
  res.end(text)
}
