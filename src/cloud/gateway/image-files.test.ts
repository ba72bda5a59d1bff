import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createAppFixture, type AppFixture } from '../../../tests/helpers/app-fixture'
import { DEMO_OPENIDS } from '../app'
import { localImageStorage } from '../app/storage/local-image-storage'
import { createGateway } from './server'
import { signSessionToken } from './session-token'

// Pictures the local storage port wrote, served by the gateway at /files/<key>; and an upload of a full-size
// picture fits the gateway's body limit for that function.
const secret = 'image-files-test-secret'
const filesDir = mkdtempSync(join(tmpdir(), 'files-'))
const outsideDir = mkdtempSync(join(tmpdir(), 'outside-'))
let app: AppFixture
let server: Server
let base: string

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 7, 7])

beforeAll(async () => {
  app = await createAppFixture()
  mkdirSync(join(filesDir, 'mall'))
  writeFileSync(join(filesDir, 'mall', 'abc123.png'), PNG)
  writeFileSync(join(filesDir, 'mall', 'notes.txt'), 'not a picture')
  writeFileSync(join(outsideDir, 'secret.png'), 'outside the folder')
  server = createGateway({ deps: { ...app.deps, images: localImageStorage(filesDir) }, sessionSecret: secret, filesDir, production: false })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  await app?.close()
})

function rawGet(path: string): Promise<{ status: number; body: string }> {
  const { port } = server.address() as AddressInfo
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = ''
      res.on('data', (c) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('gateway /files/', () => {
  it('serves a stored picture with its type and a year of immutable caching', async () => {
    const res = await fetch(`${base}/files/mall/abc123.png`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/png')
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(Buffer.from(await res.arrayBuffer())).toEqual(PNG)
  })

  it('refuses traversal, encoded slashes, other file kinds and missing keys with 404', async () => {
    const rel = `../${outsideDir.split('/').pop()}/secret.png`
    // Raw paths (fetch would normalise '..' away before it reached the server).
    for (const path of [`/files/${rel}`, `/files/mall/../../${rel}`, `/files/mall/..%2F..%2Fsecret.png`, '/files/%2e%2e/secret.png', '/files/mall/notes.txt', '/files/mall/missing.png', '/files//etc/passwd.png']) {
      const res = await rawGet(path)
      expect([path, res.status]).toEqual([path, 404])
      expect(res.body).not.toContain('outside the folder')
    }
  })

  it('takes a full 200 KB picture through uploadMallImage (over the general body limit) and serves it back', async () => {
    const bytes = Buffer.alloc(200 * 1024)
    PNG.copy(bytes)
    const token = signSessionToken(DEMO_OPENIDS.manager, secret, app.clock.now())
    const res = await fetch(`${base}/api/uploadMallImage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ contentType: 'image/png', dataBase64: bytes.toString('base64') }),
    })
    const json = (await res.json()) as any
    expect(json).toMatchObject({ ok: true, data: { imageUrl: expect.stringMatching(/^\/files\/mall\/[0-9a-f]{64}\.png$/) } })
    const served = await fetch(`${base}${json.data.imageUrl}`)
    expect(Buffer.from(await served.arrayBuffer())).toEqual(bytes)
  })
})
