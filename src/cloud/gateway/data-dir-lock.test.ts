import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { acquireDataDirLock, currentLockOwner, DataDirLockedError, lockFilePath } from './data-dir-lock'

const freshDir = () => mkdtempSync(join(tmpdir(), 'lock-test-'))

describe('data folder lock', () => {
  it('lets one owner in and refuses a second while the first holds it', () => {
    const dir = freshDir()
    const lock = acquireDataDirLock(dir)
    writeFileSync(lockFilePath(dir), String(process.ppid)) // pretend another live process owns it
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError)
    lock.release()
    expect(currentLockOwner(dir)).toBeNull()
  })

  it('takes over a lock whose process is gone', () => {
    const dir = freshDir()
    writeFileSync(lockFilePath(dir), '999999999')
    const lock = acquireDataDirLock(dir)
    expect(currentLockOwner(dir)).toBe(process.pid)
    lock.release()
  })
})
