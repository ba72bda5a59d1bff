#!/usr/bin/env node
// npm run size: a production weapp build, then the size of the main package (everything in dist/weapp except
// the subpackage roots) and of each subpackage. WeChat refuses a main package over 2 MB; we stop at 1.5 MB
// and aim for under 1 MB, so there is room to grow before a release is blocked.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { buildWeappForProduction } from './lib/build.mjs'

const root = resolve(import.meta.dirname, '..')
const dist = join(root, 'dist', 'weapp')
const LIMIT_BYTES = 1.5 * 1024 * 1024
const AIM_BYTES = 1024 * 1024

if (process.argv.includes('--no-build')) {
  if (!existsSync(dist)) fail('dist/weapp does not exist: run without --no-build')
} else {
  console.log('Building weapp (production)…')
  buildWeappForProduction(root, 'size')
}

const appJson = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8'))
const subRoots = (appJson.subPackages ?? appJson.subpackages ?? []).map((p) => p.root.replace(/\/$/, ''))

const files = walk(dist)
const sizes = new Map(subRoots.map((r) => [r, 0]))
let main = 0
for (const file of files) {
  const rel = relative(dist, file).split(sep).join('/')
  const owner = subRoots.find((r) => rel === r || rel.startsWith(`${r}/`))
  const bytes = statSync(file).size
  if (owner) sizes.set(owner, sizes.get(owner) + bytes)
  else main += bytes
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`
console.log(`main package      ${kb(main).padStart(10)}`)
for (const [r, n] of sizes) console.log(`${r.padEnd(18)}${kb(n).padStart(10)}`)
console.log(`total             ${kb(main + [...sizes.values()].reduce((a, b) => a + b, 0)).padStart(10)}`)

if (main > LIMIT_BYTES) fail(`main package ${kb(main)} is over the ${kb(LIMIT_BYTES)} limit`)
if (main > AIM_BYTES) console.warn(`warning: main package ${kb(main)} is over the ${kb(AIM_BYTES)} aim`)
else console.log(`ok: main package under ${kb(AIM_BYTES)}`)

function walk(dir) {
  const out = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...walk(p))
    else out.push(p)
  }
  return out
}

function fail(message) {
  console.error(`size: ${message}`)
  process.exit(1)
}
