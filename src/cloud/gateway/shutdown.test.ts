import { request } from 'node:http'
import { connect } from 'node:net'
import { startGatewayProcess, type GatewayProcess } from '../../../tests/helpers/gateway-process'

// The gateway process as `npm start` runs it (src/cloud/gateway/main.ts under tsx, embedded database in a temporary
// folder, a free port): SIGTERM drains the requests in flight, refuses new connections, and exits within its bound.
const GRACE_MS = 4_000
let gateway: GatewayProcess | undefined
afterEach(() => {
  gateway?.dispose()
  gateway = undefined
})

async function startGateway(): Promise<GatewayProcess> {
  gateway = await startGatewayProcess({ env: { SEED_DEMO: '0', SHUTDOWN_GRACE_MS: String(GRACE_MS) } })
  return gateway
}

/**
 * A POST whose body arrives in two halves `gapMs` apart: in flight for that long. It asks for 100-continue, so
 * `sent` resolves once the server has read its headers and is working on it (not merely once it was written).
 */
function slowPost(port: number, path: string, body: string, gapMs: number): { sent: Promise<void>; answer: Promise<{ status: number; json: any }> } {
  let firstHalfSent!: () => void
  const sent = new Promise<void>((resolve) => (firstHalfSent = resolve))
  const answer = new Promise<{ status: number; json: any }>((resolve, reject) => {
    const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), expect: '100-continue' }
    const req = request({ port, host: '127.0.0.1', path, method: 'POST', headers }, (res) => {
      let text = ''
      res.on('data', (chunk) => (text += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }))
    })
    req.on('error', reject)
    const half = Math.floor(body.length / 2)
    req.on('continue', () => {
      req.write(body.slice(0, half), () => firstHalfSent())
      if (gapMs >= 0) setTimeout(() => req.end(body.slice(half)), gapMs)
    })
    req.flushHeaders()
  })
  return { sent, answer }
}

function connectOutcome(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.on('connect', () => {
      socket.destroy()
      resolve('connected')
    })
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message))
  })
}

async function waitFor(check: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('gateway process shutdown', () => {
  it('on SIGTERM finishes the requests in flight with 200, refuses new connections, and exits within the bound', async () => {
    const { port, output, exited } = await startGateway()
    const calls = [
      slowPost(port, '/api/devLogin', JSON.stringify({ as: 'member' }), 1_500),
      slowPost(port, '/api/devLogin', JSON.stringify({ as: 'clerk' }), 1_800),
      slowPost(port, '/api/whoAmI', JSON.stringify({}), 1_200),
    ]
    await Promise.all(calls.map((c) => c.sent))
    const signalledAt = Date.now()
    gateway!.child.kill('SIGTERM')
    await waitFor(() => output().includes('正在停止'), 5_000) // printed once the listener is closed

    expect(await connectOutcome(port)).toBe('ECONNREFUSED')
    const answers = await Promise.all(calls.map((c) => c.answer))
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200])
    expect(answers[0].json).toMatchObject({ ok: true, data: { role: 'member' } })
    expect(answers[1].json).toMatchObject({ ok: true, data: { role: 'clerk' } })
    expect(answers[2].json).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } }) // answered, not dropped

    const { code, at } = await exited
    expect(code).toBe(0)
    expect(at - signalledAt).toBeLessThan(GRACE_MS)
    expect(output()).not.toMatch(/cut off/)
  })

  it('cuts a request that never finishes once the bound has passed, and still exits', async () => {
    const { port, output, exited } = await startGateway()
    const stuck = slowPost(port, '/api/devLogin', JSON.stringify({ as: 'member' }), -1) // the second half never comes
    stuck.answer.catch(() => {}) // its connection is cut: that is the point
    await stuck.sent
    const signalledAt = Date.now()
    gateway!.child.kill('SIGTERM')
    const { code, at } = await exited
    expect(code).toBe(0)
    expect(at - signalledAt).toBeGreaterThanOrEqual(GRACE_MS - 100)
    expect(at - signalledAt).toBeLessThan(GRACE_MS + 3_000)
    expect(output()).toMatch(/cut off/)
  })
})
