import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export interface GatewayProcess {
  child: ChildProcess
  port: number
  base: string
  /** stdout and stderr so far. */
  output(): string
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>
  /** SIGKILLs it if still running and removes its data folder. */
  dispose(): void
}

/**
 * The gateway as `npm start` runs it (src/cloud/gateway/main.ts under tsx) on a free port and a temporary data
 * folder. Without `databaseUrl` it uses its embedded database: DATABASE_URL is never inherited, so a test can
 * never migrate or seed the PostgreSQL server's own database by accident.
 */
export function startGatewayProcess(options: { env?: Record<string, string>; databaseUrl?: string } = {}): Promise<GatewayProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gateway-process-'))
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: '0', NODE_ENV: 'development', ...options.env }
  delete env.DATABASE_URL
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl
  const root = resolve(__dirname, '..', '..')
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/cloud/gateway/main.ts')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal, at: Date.now() })),
  )
  const dispose = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    rmSync(dataDir, { recursive: true, force: true })
  }
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      dispose()
      reject(new Error(`gateway did not start within 90 s:\n${output}`))
    }, 90_000)
    child.stdout!.on('data', () => {
      const match = output.match(/http:\/\/127\.0\.0\.1:(\d+)\//)
      if (!match) return
      clearTimeout(timer)
      const port = Number(match[1])
      resolvePromise({ child, port, base: `http://127.0.0.1:${port}`, output: () => output, exited, dispose })
    })
    child.on('exit', () => {
      clearTimeout(timer)
      reject(new Error(`gateway exited before it started:\n${output}`))
    })
  })
}
