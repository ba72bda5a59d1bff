import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// `npm start` while another server owns the data folder must refuse at once, before building anything.
describe('npm start', () => {
  it('refuses with a clear message when a live process holds the data folder', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'start-refusal-'))
    writeFileSync(join(dataDir, 'server.lock'), String(process.pid)) // this test runner: certainly alive
    const run = spawnSync(process.execPath, ['scripts/start.mjs'], {
      env: { ...process.env, DATA_DIR: dataDir, SKIP_H5_BUILD: '1' },
      encoding: 'utf8',
      timeout: 20_000,
    })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain(`会员中心已在运行（进程 ${process.pid}）`)
  })
})
