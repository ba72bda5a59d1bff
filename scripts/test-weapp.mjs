#!/usr/bin/env node
// npm run test:weapp: the BUILT mini-program (dist/weapp) under miniprogram-simulate (tests/weapp, jest.weapp.config.js).
// Builds `taro build --type weapp` for production first unless dist/weapp is a production build newer than every
// source file; `--no-build` skips that check (CI runs this right after `npm run size`, which just built it).
// Other arguments go to jest (e.g. a test name pattern).
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { buildWeappForProduction, newestMtime } from './lib/build.mjs'

const root = resolve(import.meta.dirname, '..')
const dist = join(root, 'dist', 'weapp')
const args = process.argv.slice(2)
const noBuild = args.includes('--no-build')
const jestArgs = args.filter((a) => a !== '--no-build')

// What a weapp build reads: a change to any of these makes dist/weapp stale.
const inputs = ['src', 'config', 'package.json', 'package-lock.json', 'babel.config.js', 'tsconfig.json', 'project.config.json']

if (noBuild) {
  if (!existsSync(join(dist, 'app.js'))) fail('dist/weapp does not exist: run without --no-build')
} else {
  const why = staleReason()
  if (why) {
    console.log(`Building weapp (production): ${why}…`)
    const started = Date.now()
    buildWeappForProduction(root, 'test:weapp')
    console.log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  } else {
    console.log('dist/weapp is an up-to-date production build: not rebuilding')
  }
}

const jest = spawnSync('npx', ['jest', '-c', 'jest.weapp.config.js', ...jestArgs], { cwd: root, stdio: 'inherit' })
process.exit(jest.status ?? 1)

/** Why dist/weapp must be (re)built, or null when it is a production build newer than all its inputs. */
function staleReason() {
  const appJs = join(dist, 'app.js')
  if (!existsSync(appJs)) return 'dist/weapp does not exist'
  // A watch-mode (development) build also writes dist/weapp; the tests run what ships: the production build.
  const vendors = join(dist, 'vendors.js')
  if (!existsSync(vendors) || !readFileSync(vendors, 'utf8').includes('Minified React error')) return 'dist/weapp is not a production build'
  const builtAt = statSync(appJs).mtimeMs
  for (const input of inputs) {
    const newer = newestMtime(join(root, input))
    if (newer > builtAt) return `${input} changed after the last build`
  }
  return null
}

function fail(message) {
  console.error(`test:weapp: ${message}`)
  process.exit(1)
}
