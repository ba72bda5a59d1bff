import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'

/**
 * The built mini-program: the till's contract (staff schemas) ships only in the staff subpackage. A marker
 * string that exists only in src/contract/till.ts (the receipt-number rule's message) must appear there and
 * nowhere a member downloads (the main package, the member subpackage). Source-level twin: src/import-rules.test.ts.
 */
const dist = join(__dirname, '../../dist/weapp')
const TILL_CONTRACT_MARKER = '小票号只能包含字母'
/** The minifier writes non-ASCII text as \uXXXX escapes: look for the marker either way. */
const escaped = (text: string) => [...text].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')
const markers = [TILL_CONTRACT_MARKER, escaped(TILL_CONTRACT_MARKER), escaped(TILL_CONTRACT_MARKER).replace(/u([0-9a-f]{4})/g, (_, h: string) => `u${h.toUpperCase()}`)]

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? jsFiles(path) : path.endsWith('.js') ? [path] : []
  })
}

/** Which package a built file belongs to: a subpackage root from app.json, or the main package. */
function packageOf(file: string, subRoots: string[]): string {
  const rel = relative(dist, file).split(sep).join('/')
  return subRoots.find((root) => rel.startsWith(`${root}/`)) ?? 'main'
}

describe('the till contract in the built weapp', () => {
  const appJson = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8'))
  const subRoots: string[] = (appJson.subPackages ?? appJson.subpackages ?? []).map((p: { root: string }) => p.root.replace(/\/$/, ''))
  const carriers = jsFiles(dist)
    .filter((file) => {
      const text = readFileSync(file, 'utf8')
      return markers.some((m) => text.includes(m))
    })
    .map((file) => packageOf(file, subRoots))

  it('ships in the staff subpackage', () => {
    expect(carriers.some((p) => /staff/.test(p))).toBe(true)
  })

  it('is not in the main package or the member subpackage', () => {
    expect(carriers.filter((p) => !/staff/.test(p))).toEqual([])
  })
})
