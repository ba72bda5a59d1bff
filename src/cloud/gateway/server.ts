import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { AppError, type ApiErrorBody, type ApiResult } from '../../contract'
import { dispatch, type AppDeps, type Caller } from '../app'
import { describeError } from '../db/loggable-error'
import { devLoginIdentity } from './dev-login'
import { signSessionToken, verifySessionToken } from './session-token'
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
  production: boolean
}

const MAX_BODY_BYTES = 64 * 1024

export function createGateway(options: GatewayOptions): Server {
  return createServer((req, res) => {
    handle(req, res, options).catch((error) => {
      console.error('[gateway] unexpected failure:', describeError(error))
      if (!res.headersSent) sendJson(res, 500, failure(new AppError('INTERNAL').toBody()))
      else res.end()
    })
  })
}

async function handle(req: IncomingMessage, res: ServerResponse, options: GatewayOptions): Promise<void> {
  const url = req.url ?? '/'
  if (!url.startsWith('/api/')) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, failure({ code: 'UNKNOWN_FUNCTION', message: '不支持的请求方式' }))
    if (!options.staticDir) return sendJson(res, 404, failure(new AppError('UNKNOWN_FUNCTION').toBody()))
    return serveStatic(options.staticDir, url, res)
  }
  if (req.method !== 'POST') return sendJson(res, 405, failure({ code: 'UNKNOWN_FUNCTION', message: '请使用 POST 调用接口' }))

  // Function names are plain identifiers: anything else (encoded characters included) is simply unknown.
  const name = url.slice('/api/'.length).split('?')[0]
  const body = await readJsonBody(req)
  if (!body.ok) return sendJson(res, body.status, failure(body.error))

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

type BodyResult = { ok: true; value: unknown } | { ok: false; status: number; error: ApiErrorBody }

async function readJsonBody(req: IncomingMessage): Promise<BodyResult> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) return { ok: false, status: 413, error: { code: 'BAD_INPUT', message: '请求内容过大' } }
    chunks.push(chunk as Buffer)
  }
  const text = Buffer.concat(chunks).toString('utf8').trim()
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

function sendJson(res: ServerResponse, status: number, payload: unknown): void {
  const text = JSON.stringify(payload)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(text)
}
