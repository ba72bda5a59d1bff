#!/usr/bin/env node
// npm run build:cloud: bundle each WeChat cloud function (src/cloud/functions/<name>/index.ts) into a deployable
// folder cloudfunctions/<name>/ with index.js, package.json (wx-server-sdk is installed by WeChat's cloud) and the
// database migrations, which run on the first connection under an advisory lock.
import { build } from 'esbuild'
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const sourceDir = join(root, 'src/cloud/functions')
const outRoot = join(root, 'cloudfunctions')
const migrations = join(root, 'src/cloud/db/migrations')
const FUNCTION_TIMEOUT_S = 20

rmSync(outRoot, { recursive: true, force: true })
mkdirSync(outRoot, { recursive: true })
const OPENAPI_PERMISSIONS = await operationWechatApis()
const names = readdirSync(sourceDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)

for (const name of names) {
  const outDir = join(outRoot, name)
  mkdirSync(outDir, { recursive: true })
  await build({
    entryPoints: [join(sourceDir, name, 'index.ts')],
    outfile: join(outDir, 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node16', // WeChat cloud functions offer Node 16 and newer
    format: 'cjs',
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    // wx-server-sdk comes from WeChat's own install; PGlite is only for local use; pg-native is optional in pg.
    external: ['wx-server-sdk', '@electric-sql/pglite', 'pg-native'],
    logLevel: 'warning',
  })
  cpSync(migrations, join(outDir, 'migrations'), { recursive: true })
  // WeChat's default 3 s timeout is too short for a cold start that connects to PostgreSQL and checks migrations.
  // Cloud-call permissions for WeChat's server API (云调用): what the operation declares in its `wechatApis`.
  if (!(name in OPENAPI_PERMISSIONS)) throw new Error(`src/cloud/functions/${name} names no operation in the registry`)
  const config = { timeout: FUNCTION_TIMEOUT_S, permissions: { openapi: [...OPENAPI_PERMISSIONS[name]] } }
  writeFileSync(join(outDir, 'config.json'), JSON.stringify(config, null, 2) + '\n')
  writeFileSync(
    join(outDir, 'package.json'),
    JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', dependencies: { 'wx-server-sdk': '~3.0.4' } }, null, 2) + '\n',
  )
}
/**
 * Each operation's `wechatApis`, read from the registry itself (src/cloud/app/registry.ts) so the permissions
 * in config.json can never drift from what the code declares: bundled to a scratch file and required.
 */
async function operationWechatApis() {
  const scratch = join(outRoot, '.registry.cjs')
  await build({
    stdin: { contents: "export { wechatPermissions } from './src/cloud/app/registry'", resolveDir: root, loader: 'ts' },
    outfile: scratch,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    logLevel: 'warning',
  })
  try {
    return createRequire(import.meta.url)(scratch).wechatPermissions()
  } finally {
    rmSync(scratch, { force: true })
  }
}

console.log(`built ${names.length} cloud functions into cloudfunctions/: ${names.join(', ')}`)
