#!/usr/bin/env node
// npm run build:cloud: generate the WeChat cloud functions from the registry. One function per group of operations
// (member, staff, …: each operation's `group`) plus the extra functions (src/cloud/functions/cloud-functions.ts), each
// a deployable folder cloudfunctions/<name>/ with index.js (one bundle), config.json (timeout, the union of its
// operations' WeChat permissions, timer triggers), package.json (wx-server-sdk is installed by WeChat's cloud) and the
// database migrations, which run on the first connection under an advisory lock.
import { build } from 'esbuild'
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const outRoot = join(root, 'cloudfunctions')
const migrations = join(root, 'src/cloud/db/migrations')

rmSync(outRoot, { recursive: true, force: true })
mkdirSync(outRoot, { recursive: true })
const specs = await cloudFunctionSpecs()

for (const spec of specs) {
  const outDir = join(outRoot, spec.name)
  mkdirSync(outDir, { recursive: true })
  await build({
    stdin: { contents: spec.entrySource, resolveDir: root, loader: 'ts', sourcefile: `${spec.name}/index.ts` },
    outfile: join(outDir, 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node16', // WeChat cloud functions offer Node 16 and newer
    format: 'cjs',
    minify: true,
    // Logs name an error by its class (describeError): keep class and function names through minification.
    keepNames: true,
    sourcemap: false,
    legalComments: 'none',
    // wx-server-sdk comes from WeChat's own install; PGlite is only for local use; pg-native is optional in pg.
    external: ['wx-server-sdk', '@electric-sql/pglite', 'pg-native'],
    logLevel: 'warning',
  })
  cpSync(migrations, join(outDir, 'migrations'), { recursive: true })
  writeFileSync(join(outDir, 'config.json'), JSON.stringify(spec.config, null, 2) + '\n')
  writeFileSync(
    join(outDir, 'package.json'),
    JSON.stringify({ name: spec.name, version: '1.0.0', private: true, main: 'index.js', dependencies: { 'wx-server-sdk': '~3.0.4' } }, null, 2) + '\n',
  )
}

/**
 * The functions to build, read from the registry itself (through src/cloud/functions/cloud-functions.ts) so the
 * groups and the permissions in config.json can never drift from what the code declares: bundled to a scratch
 * file and required.
 */
async function cloudFunctionSpecs() {
  const scratch = join(outRoot, '.specs.cjs')
  await build({
    stdin: { contents: "export { cloudFunctionSpecs } from './src/cloud/functions/cloud-functions'", resolveDir: root, loader: 'ts' },
    outfile: scratch,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    logLevel: 'warning',
  })
  try {
    return createRequire(import.meta.url)(scratch).cloudFunctionSpecs()
  } finally {
    rmSync(scratch, { force: true })
  }
}

for (const spec of specs) {
  const serves = spec.operations.length ? spec.operations.join(', ') : 'no client calls'
  console.log(`cloudfunctions/${spec.name}: ${serves}${spec.config.triggers ? `; timers: ${spec.config.triggers.map((t) => t.config).join(', ')}` : ''}`)
}
console.log(`built ${specs.length} cloud functions into cloudfunctions/`)
