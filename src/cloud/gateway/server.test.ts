import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { request, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { DEMO_OPENIDS, loadConfig, openDatabase, seedDemoData } from '../app'
import { createGateway } from './server'
import { signSessionToken } from './session-token'

// The HTTP face of the handlers, end to end on an embedded database: transport, identity from the token,
// and the typed errors a browser sees.
const secret = 'gateway-test-secret'
const staticDir = mkdtempSync(join(tmpdir(), 'h5-'))
writeFileSync(join(staticDir, 'index.html'), '<html>shell</html>')
writeFileSync(join(staticDir, 'app.js'), 'console.log(1)')
let database: Awaited<ReturnType<typeof openDatabase>>
let server: Server
let base: string

beforeAll(async () => {
  database = await openDatabase({})
  await seedDemoData(database.db, new Date())
  server = createGateway({ deps: { db: database.db, config: loadConfig({}) }, sessionSecret: secret, production: false })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  await database.close()
})

async function post(name: string, body: unknown, token?: string, raw?: string) {
  const res = await fetch(`${base}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: raw ?? JSON.stringify(body),
  })
  return { status: res.status, json: (await res.json()) as any }
}

describe('gateway', () => {
  it('logs in as the demo member and serves that member their own card', async () => {
    const login = await post('devLogin', { as: 'member' })
    expect(login.json).toMatchObject({ ok: true, data: { role: 'member', label: '演示会员' } })
    const card = await post('getMyCard', {}, login.json.data.token)
    expect(card.json.ok).toBe(true)
    expect(card.json.data.card.memberNo).toMatch(/^\d{8}$/)
  })

  it('gives each visitor a fresh identity without a card', async () => {
    const a = await post('devLogin', { as: 'visitor' })
    const b = await post('devLogin', { as: 'visitor' })
    expect(a.json.data.token).not.toBe(b.json.data.token)
    const who = await post('whoAmI', {}, a.json.data.token)
    expect(who.json).toMatchObject({ ok: true, data: { role: 'member', hasCard: false } })
  })

  it('treats a missing or tampered token as no caller', async () => {
    expect((await post('getMyCard', {})).json.error.code).toBe('UNAUTHENTICATED')
    const token = signSessionToken(DEMO_OPENIDS.member, 'some-other-secret', new Date())
    expect((await post('getMyCard', {}, token)).json.error.code).toBe('UNAUTHENTICATED')
  })

  it('answers unknown functions, bad JSON and wrong methods with typed Chinese errors', async () => {
    const token = signSessionToken(DEMO_OPENIDS.member, secret, new Date())
    const unknown = await post('dropTables', {}, token)
    expect(unknown.json.error).toMatchObject({ code: 'UNKNOWN_FUNCTION' })
    const badJson = await post('getMyCard', null, token, '{not json')
    expect(badJson.status).toBe(400)
    expect(badJson.json.error.code).toBe('BAD_INPUT')
    expect(badJson.json.error.message).toMatch(/[\u4e00-\u9fa5]/)
    const get = await fetch(`${base}/api/getMyCard`)
    expect(get.status).toBe(405)
  })

  it('asks for a typed phone number when a WeChat phone code arrives without WeChat behind it', async () => {
    const login = await post('devLogin', { as: 'visitor' })
    const res = await post('openCard', { nickname: '浏览器用户', phoneCode: 'abc' }, login.json.data.token)
    expect(res.json.error).toMatchObject({ code: 'BAD_INPUT', fields: { phone: '请输入手机号' } })
    const who = await post('whoAmI', {}, login.json.data.token)
    expect(who.json.data.hasCard).toBe(false)
  })

  it('serves the app shell for unknown or malformed paths and never escapes the H5 folder', async () => {
    const shell = createGateway({ deps: { db: database.db, config: loadConfig({}) }, sessionSecret: secret, staticDir, production: false })
    await new Promise<void>((resolve) => shell.listen(0, '127.0.0.1', resolve))
    const at = `http://127.0.0.1:${(shell.address() as AddressInfo).port}`
    try {
      for (const path of ['/', '/deep/link', '/%E0%A4%A', '/..%2f..%2fetc%2fpasswd', '/index.html']) {
        const res = await fetch(`${at}${path}`)
        expect(res.status).toBe(200)
        expect(await res.text()).toBe('<html>shell</html>')
      }
      // An asset outside the folder is simply not found (and never read).
      for (const path of ['/../package.json', '/..%2fpackage.json', '/%2e%2e/package.json']) {
        const res = await fetch(`${at}${path}`)
        expect(res.status).toBe(404)
        expect(await res.text()).not.toContain('"name"')
      }
      expect(await (await fetch(`${at}/app.js`)).text()).toBe('console.log(1)')
      expect((await fetch(`${at}/api/%E0%A4%A`, { method: 'POST' })).status).toBe(200) // a typed UNKNOWN_FUNCTION
    } finally {
      await new Promise((resolve) => shell.close(resolve))
    }
  })

  it('refuses an over-large body', async () => {
    const res = await post('openCard', null, undefined, JSON.stringify({ nickname: 'x'.repeat(70_000) }))
    expect(res.status).toBe(413)
    expect(res.json.error.code).toBe('BAD_INPUT')
  })

  it('answers 413 every time, many large bodies in a row, sized or streamed (no reset before the answer)', async () => {
    // Answering while the client is still sending, then closing, made the kernel reset the connection: the client
    // saw ECONNRESET instead of the 413 for most bodies of a few hundred KB.
    const answers: string[] = []
    for (const size of [200_000, 1_000_000, 4_000_000]) {
      const body = 'x'.repeat(size)
      for (let i = 0; i < 15; i++) {
        const res = await fetch(`${base}/api/openCard`, { method: 'POST', body }).catch((error) => error.cause?.code ?? String(error))
        answers.push(typeof res === 'string' ? res : `${res.status} ${((await res.json()) as any).error.code}`)
      }
    }
    // Chunked, without a declared length: the limit is found while reading.
    for (let i = 0; i < 10; i++) {
      const stream = new ReadableStream({
        start(controller) {
          for (let c = 0; c < 20; c++) controller.enqueue(new TextEncoder().encode('y'.repeat(50_000)))
          controller.close()
        },
      })
      const res = await fetch(`${base}/api/openCard`, { method: 'POST', body: stream, duplex: 'half' } as RequestInit).catch((error) => error.cause?.code ?? String(error))
      answers.push(typeof res === 'string' ? res : `${res.status} ${((await res.json()) as any).error.code}`)
    }
    expect(answers.filter((a) => a !== '413 BAD_INPUT')).toEqual([])
    expect(answers).toHaveLength(55)
    // The server is fine afterwards.
    expect((await post('devLogin', { as: 'member' })).json.ok).toBe(true)
  })

  it('refuses the demo login in production', async () => {
    const prod = createGateway({ deps: { db: database.db, config: loadConfig({}) }, sessionSecret: secret, production: true })
    await new Promise<void>((resolve) => prod.listen(0, '127.0.0.1', resolve))
    const res = await fetch(`http://127.0.0.1:${(prod.address() as AddressInfo).port}/api/devLogin`, {
      method: 'POST',
      body: JSON.stringify({ as: 'clerk' }),
    })
    expect(((await res.json()) as any).error.code).toBe('DEV_LOGIN_DISABLED')
    await new Promise((resolve) => prod.close(resolve))
  })
})

describe('gateway static files', () => {
  // A bundle like the H5 build's: hashed chunk names, a large compressible script, a binary image.
  const h5 = mkdtempSync(join(tmpdir(), 'h5-static-'))
  const script = Array.from({ length: 3000 }, (_, i) => `export const value${i} = 'member-center-${i % 17}';`).join('\n')
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')
  let shell: Server
  let at: string

  beforeAll(async () => {
    mkdirSync(join(h5, 'js'))
    writeFileSync(join(h5, 'index.html'), `<!doctype html><html><head><title>会员中心</title></head><body>${'<div></div>'.repeat(200)}</body></html>`)
    writeFileSync(join(h5, 'js', 'app.3f9a1c2e.js'), script)
    writeFileSync(join(h5, 'logo.png'), png)
    shell = createGateway({ deps: { db: database.db, config: loadConfig({}) }, sessionSecret: secret, staticDir: h5, production: false })
    await new Promise<void>((resolve) => shell.listen(0, '127.0.0.1', resolve))
    at = `http://127.0.0.1:${(shell.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await new Promise((resolve) => shell.close(resolve))
  })

  /** node:http rather than fetch: fetch asks for and undoes compression by itself, hiding what was sent. */
  function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
    return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const req = request(`${at}${path}`, { method, headers }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk) => chunks.push(chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
      })
      req.on('error', reject)
      req.end()
    })
  }

  it('compresses scripts and the shell by Accept-Encoding (br, else gzip, else none), with Vary', async () => {
    const br = await get('/js/app.3f9a1c2e.js', { 'accept-encoding': 'gzip, deflate, br' })
    expect(br.headers['content-encoding']).toBe('br')
    expect(brotliDecompressSync(br.body).toString()).toBe(script)
    expect(br.body.length).toBeLessThan(script.length / 4)
    expect(Number(br.headers['content-length'])).toBe(br.body.length)

    const gz = await get('/js/app.3f9a1c2e.js', { 'accept-encoding': 'gzip' })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gz.body).toString()).toBe(script)
    expect(gz.body.length).toBeLessThan(script.length / 4)

    const refusedBr = await get('/js/app.3f9a1c2e.js', { 'accept-encoding': 'br;q=0, gzip;q=0.5' })
    expect(refusedBr.headers['content-encoding']).toBe('gzip')

    const plain = await get('/js/app.3f9a1c2e.js')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.toString()).toBe(script)
    for (const res of [br, gz, plain]) {
      expect(res.headers.vary).toBe('Accept-Encoding')
      expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8')
    }

    const html = await get('/', { 'accept-encoding': 'gzip' })
    expect(html.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(html.body).toString()).toContain('<title>会员中心</title>')

    // Images are compressed already: sent as they are.
    const image = await get('/logo.png', { 'accept-encoding': 'gzip, br' })
    expect(image.headers['content-encoding']).toBeUndefined()
    expect(image.body.equals(png)).toBe(true)
  })

  it('keeps compressed copies per file version: the same bytes again, new bytes once the file changes', async () => {
    writeFileSync(join(h5, 'js', 'vendor.aa11bb22.js'), script)
    const first = await get('/js/vendor.aa11bb22.js', { 'accept-encoding': 'gzip' })
    const second = await get('/js/vendor.aa11bb22.js', { 'accept-encoding': 'gzip' })
    expect(second.body.equals(first.body)).toBe(true)
    expect(second.headers.etag).toBe(first.headers.etag)

    const changed = `${script}\nexport const added = true;`
    writeFileSync(join(h5, 'js', 'vendor.aa11bb22.js'), changed)
    const third = await get('/js/vendor.aa11bb22.js', { 'accept-encoding': 'gzip' })
    expect(gunzipSync(third.body).toString()).toBe(changed)
    expect(third.headers.etag).not.toBe(first.headers.etag)
  })

  it('caches hashed assets for a year and revalidates the shell (ETag → 304), per encoding', async () => {
    const asset = await get('/js/app.3f9a1c2e.js', { 'accept-encoding': 'gzip' })
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    const shellPage = await get('/', { 'accept-encoding': 'gzip' })
    expect(shellPage.headers['cache-control']).toBe('no-cache')
    expect((await get('/deep/link')).headers['cache-control']).toBe('no-cache')

    const etag = String(shellPage.headers.etag)
    const revalidated = await get('/', { 'accept-encoding': 'gzip', 'if-none-match': etag })
    expect(revalidated.status).toBe(304)
    expect(revalidated.body.length).toBe(0)
    // The gzip copy's tag does not stand for the uncompressed one.
    expect((await get('/', { 'if-none-match': etag })).status).toBe(200)
  })

  it('answers a missing asset (favicon.ico, an old chunk) with 404, not the HTML shell', async () => {
    for (const path of ['/favicon.ico', '/js/app.00000000.js', '/static/missing.css', '/robots.txt']) {
      const res = await get(path)
      expect(res.status).toBe(404)
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8')
      expect(res.body.toString()).not.toContain('<html')
    }
  })

  it('answers HEAD with the headers only', async () => {
    const res = await get('/js/app.3f9a1c2e.js', { 'accept-encoding': 'gzip' }, 'HEAD')
    expect(res.status).toBe(200)
    expect(res.headers['content-encoding']).toBe('gzip')
    expect(Number(res.headers['content-length'])).toBeGreaterThan(0)
    expect(res.body.length).toBe(0)
  })

  it('ships a page template that lets people zoom and carries its own icon', () => {
    const template = readFileSync(join(__dirname, '..', '..', 'index.html'), 'utf8')
    const viewport = template.match(/<meta[^>]*name="viewport"[^>]*>/)?.[0] ?? ''
    expect(viewport).toContain('width=device-width')
    expect(viewport).not.toMatch(/user-scalable\s*=\s*(no|0)/)
    expect(viewport).not.toMatch(/maximum-scale/)
    // An inline SVG icon: the browser never asks for /favicon.ico, and the icon survives any build.
    const icon = template.match(/<link[^>]*rel="icon"[^>]*href="data:image\/svg\+xml,([^"]+)"/)?.[1]
    expect(decodeURIComponent(icon ?? '')).toMatch(/^<svg [^>]*xmlns='http:\/\/www\.w3\.org\/2000\/svg'.*<\/svg>$/)
  })
})
