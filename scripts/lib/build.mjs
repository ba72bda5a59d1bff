// What the scripts share about builds: a production weapp build, and "has anything changed since it was built".
import { spawnSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** `taro build --type weapp` for production; the output is shown only when the build fails. Exits on failure. */
export function buildWeappForProduction(root, scriptName) {
  const build = spawnSync('npx', ['taro', 'build', '--type', 'weapp', '--no-check'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NODE_ENV: 'production' },
  })
  // Taro's progress bar is noise here.
  if (build.status !== 0) {
    process.stderr.write(`${build.stdout}\n${build.stderr}`)
    console.error(`${scriptName}: taro build failed (exit ${build.status})`)
    process.exit(1)
  }
}

/**
 * The newest modification time of the files under `path` (0 when it does not exist) that `include` accepts.
 * Files only: a deleted source does not make a build stale (rebuild by hand after deleting files).
 */
export function newestMtime(path, include = () => true) {
  const stat = statSync(path, { throwIfNoEntry: false })
  if (!stat) return 0
  if (!stat.isDirectory()) return include(path) ? stat.mtimeMs : 0
  let newest = 0
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry), include))
  return newest
}
