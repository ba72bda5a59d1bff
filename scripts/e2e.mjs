#!/usr/bin/env node
// npm run test:e2e: serve the app exactly as `npm start` does, but on its own temporary data folder and a free
// port (never the developer's data), then drive Debian's Chromium through it with node's test runner.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const dataDir = mkdtempSync(join(tmpdir(), 'member-center-e2e-'))
// The files run in parallel against one database; sections that must not interleave take a lock here (harness.mjs).
const lockDir = mkdtempSync(join(tmpdir(), 'member-center-e2e-locks-'))
const files = process.env.E2E_FILES?.trim() ? process.env.E2E_FILES.trim().split(/\s+/) : ['tests/e2e/']
const STARTUP_LIMIT_MS = 240_000 // includes the H5 build on a fresh clone

const server = spawn(process.execPath, [join(root, 'scripts/start.mjs')], {
  cwd: root,
  env: { ...process.env, DATA_DIR: dataDir, PORT: '0', NODE_ENV: 'development' },
  stdio: ['ignore', 'pipe', 'inherit'],
  detached: true, // its own process group, so the build and the gateway stop together
})

let exitCode = 1
try {
  const baseUrl = await waitForUrl(server)
  exitCode = await run(process.execPath, ['--test', '--test-reporter=spec', ...files], { E2E_BASE_URL: baseUrl, E2E_LOCK_DIR: lockDir })
} catch (error) {
  console.error(error)
} finally {
  await stop(server)
  rmSync(dataDir, { recursive: true, force: true })
  rmSync(lockDir, { recursive: true, force: true })
}
process.exit(exitCode)

function waitForUrl(child) {
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start in time')), STARTUP_LIMIT_MS)
    let seen = ''
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk)
      seen += chunk
      const match = seen.match(/http:\/\/127\.0\.0\.1:\d+\//)
      if (match) {
        clearTimeout(timer)
        resolvePromise(match[0])
      }
    })
    child.on('exit', (code) => reject(new Error(`server exited early with ${code}`)))
  })
}

function run(cmd, args, env) {
  return new Promise((resolvePromise) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
    child.on('exit', (code) => resolvePromise(code ?? 1))
  })
}

function stop(child) {
  if (child.exitCode !== null) return Promise.resolve()
  return new Promise((resolvePromise) => {
    const force = setTimeout(() => process.kill(-child.pid, 'SIGKILL'), 10_000)
    child.on('exit', () => {
      clearTimeout(force)
      resolvePromise()
    })
    process.kill(-child.pid, 'SIGINT')
  })
}
