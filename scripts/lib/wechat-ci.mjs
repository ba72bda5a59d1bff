// WeChat's own build core (miniprogram-ci, extracted from WeChat DevTools), run offline on a built mini-program.
// It is ~276 MB of dependencies, so it is not in the project's package.json: tools/wechat-ci pins it (with its own
// package-lock.json) and `ensureWechatCi` installs it there on first use, and again whenever that lock changes.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const toolDir = resolve(import.meta.dirname, '..', '..', 'tools', 'wechat-ci')
const stampFile = join(toolDir, 'node_modules', '.installed-lock-sha256')

/** Installs tools/wechat-ci from its lock file unless the installed copy already came from that exact lock. */
export function ensureWechatCi(log = console.log) {
  const lockHash = createHash('sha256').update(readFileSync(join(toolDir, 'package-lock.json'))).digest('hex')
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === lockHash) return
  log('Installing miniprogram-ci into tools/wechat-ci (once; ~276 MB, about a minute)…')
  // --ignore-scripts: nothing it needs for compiling and scanning has an install step, and install scripts are
  // where a package would reach for the network.
  const install = spawnSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], {
    cwd: toolDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  })
  if (install.status !== 0) {
    process.stderr.write(`${install.stdout}\n${install.stderr}`)
    throw new Error(`npm ci in tools/wechat-ci failed (exit ${install.status})`)
  }
  writeFileSync(stampFile, lockHash)
}

// Without these two, miniprogram-ci asks WeChat's servers for the app's attributes and signs requests with the
// upload key. Compiling and scanning need neither: the key is never used, and the attributes are DevTools' defaults
// for an ordinary, unreleased mini-program (2 MB main package, 20 MB in all).
const PLACEHOLDER_KEY = '-----BEGIN RSA PRIVATE KEY-----\nnot-used-offline\n-----END RSA PRIVATE KEY-----\n'
const OFFLINE_ATTR = {
  platform: false,
  appType: 0,
  isSandbox: false,
  released: false,
  setting: {
    MaxCodeSize: 2,
    MaxSubpackageSubCodeSize: 2,
    MaxSubpackageFullCodeSize: 20,
    NavigateMiniprogramLimit: 10,
    MaxSubPackageLimit: 100,
  },
  gameApp: false,
}

/**
 * @typedef {{ name: string, success: boolean, text: string, detail?: unknown }} QualityCheck
 * @typedef {{ compileError: string | null, checks: QualityCheck[], packages: Map<string, { files: number, bytes: number }> }} WeappReport
 */

/**
 * Compiles the mini-program in `projectDir` (a folder with app.json and project.config.json, like dist/weapp) as
 * DevTools would, then runs DevTools' code-quality scan and size analysis on it. A compile error stops there.
 * @returns {Promise<WeappReport>}
 */
export async function checkWeappPackage(projectDir) {
  const ci = createRequire(join(toolDir, 'package.json'))('miniprogram-ci')
  const appid = JSON.parse(readFileSync(join(projectDir, 'project.config.json'), 'utf8')).appid ?? 'touristappid'
  const project = new ci.Project({ appid, type: 'miniProgram', projectPath: projectDir, privateKey: PLACEHOLDER_KEY })
  project.attr = async () => OFFLINE_ATTR

  const scratch = mkdtempSync(join(tmpdir(), 'check-weapp-'))
  try {
    // useProjectConfig: compile with the package's own project.config.json settings, as an upload from DevTools does.
    await ci.getCompiledResult({ project, setting: { useProjectConfig: true }, onProgressUpdate: () => {} }, join(scratch, 'compiled.zip'))
  } catch (error) {
    return { compileError: compileErrorText(error), checks: [], packages: new Map() }
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
  const checks = await ci.checkCodeQuality(project)
  const analysis = await ci.analyseCode(project)
  return { compileError: null, checks, packages: sizesByPackage(analysis.files) }
}

/**
 * The compiler's message, and its error code: some failures (a page whose JS does not parse, met while minifying)
 * come back as an internal TypeError whose message alone says nothing useful.
 */
function compileErrorText(error) {
  if (!error || typeof error !== 'object') return String(error)
  const message = 'message' in error ? String(error.message) : String(error)
  return 'code' in error && error.code != null ? `${message} (miniprogram-ci error ${error.code})` : message
}

/** analyseCode lists every file with its subpackage root (null for the main package). */
function sizesByPackage(files) {
  const packages = new Map()
  for (const file of files) {
    const name = file.subPackage ? file.subPackage.replace(/\/$/, '') : 'main package'
    const entry = packages.get(name) ?? { files: 0, bytes: 0 }
    entry.files += 1
    entry.bytes += file.size
    packages.set(name, entry)
  }
  return packages
}
