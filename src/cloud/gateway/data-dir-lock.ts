import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { join } from 'node:path'

/**
 * One process owns the embedded database's folder: two PGlite processes on one data dir silently lose writes
 * (see shared/toolchain.md). The lock is a file holding the owner's pid, created with O_EXCL; a lock left by a
 * process that no longer exists (kill -9, power cut) is taken over.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(`The data folder ${dataDir} is in use by another running server (pid ${ownerPid}). Stop it first (Ctrl-C in its terminal).`)
    this.name = 'DataDirLockedError'
  }
}

export interface DataDirLock {
  release(): void
}

export function lockFilePath(dataDir: string): string {
  return join(dataDir, 'server.lock')
}

/** The pid of the live process holding the lock, or null when the folder is free (or its lock is stale). */
export function currentLockOwner(dataDir: string): number | null {
  let pid: number
  try {
    pid = Number.parseInt(readFileSync(lockFilePath(dataDir), 'utf8'), 10)
  } catch {
    return null
  }
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : null
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true })
  const path = lockFilePath(dataDir)
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx')
      writeSync(fd, String(process.pid))
      closeSync(fd)
      return { release: () => rmSync(path, { force: true }) }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const owner = currentLockOwner(dataDir)
      if (owner !== null && owner !== process.pid) throw new DataDirLockedError(dataDir, owner)
      rmSync(path, { force: true }) // stale: its process is gone
    }
  }
  throw new Error(`Could not lock ${dataDir}`)
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
