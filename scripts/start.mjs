#!/usr/bin/env node
// npm start: refuse early if another server owns the data folder, build the H5 app when its sources changed,
// then run the gateway (API + H5) in this terminal. Ctrl-C stops it cleanly.
import { spawn, spawnSync } from 'node:child_process'
import { readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { newestMtime } from './lib/build.mjs'

const root = resolve(import.meta.dirname, '..')
const dataDir = resolve(root, process.env.DATA_DIR ?? '.data')
const h5Dir = resolve(root, process.env.H5_DIR ?? 'dist/h5')

const owner = lockOwner()
if (owner) {
  console.error(`会员中心已在运行（进程 ${owner}）：同一数据目录 ${dataDir} 只能由一个进程使用。请先在原终端按 Ctrl-C 停止它。`)
  process.exit(1)
}

if (process.env.SKIP_H5_BUILD !== '1' && h5IsStale()) {
  console.log('正在构建 H5 应用 (building the H5 app)…')
  const build = spawnSync('npx', ['taro', 'build', '--type', 'h5', '--no-check'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

// The gateway must not inherit NODE_ENV=production from the H5 build: that would refuse the demo login.
const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/cloud/gateway/main.ts')], {
  cwd: root,
  // The IPC channel is a lifeline: if this process dies in any way, the gateway sees 'disconnect' and stops.
  stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  env: { ...process.env, DATA_DIR: dataDir, H5_DIR: h5Dir },
})
// Ctrl-C reaches the whole process group; the gateway shuts down on its own and we wait for it.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)))
// `npm start` killed with SIGTERM does not pass it on through its shell: notice being orphaned and stop too.
const parent = process.ppid
setInterval(() => process.ppid !== parent && child.kill('SIGTERM'), 1000).unref()

function lockOwner() {
  try {
    const pid = Number.parseInt(readFileSync(join(dataDir, 'server.lock'), 'utf8'), 10)
    process.kill(pid, 0)
    return pid
  } catch {
    return null
  }
}

/** The H5 build is stale when any client source or config file is newer than its index.html. */
function h5IsStale() {
  let built
  try {
    built = statSync(join(h5Dir, 'index.html')).mtimeMs
  } catch {
    return true
  }
  const inputs = ['src', 'config', 'package.json', 'babel.config.js']
  return inputs.some((p) => newestMtime(join(root, p), (path) => !path.includes(`${'/'}cloud${'/'}`)) > built)
}
