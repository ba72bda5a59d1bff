import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

/**
 * Rules about who imports what, checked on the source (no bundler needed, so it runs in `npm test`):
 *  - no import cycles anywhere in src/ (type-only imports included: a cycle there still ties modules together);
 *  - client code takes the contract from its feature's file, and what the member pages and the main package
 *    pull in at run time never reaches the till's contract (staff schemas stay in the staff subpackage).
 */
const SRC = __dirname

interface ImportEdge {
  target: string
  typeOnly: boolean
}

const files = walk(SRC).filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.endsWith('.d.ts'))
const graph = new Map(files.map((f) => [f, importsOf(f)]))

describe('import rules', () => {
  it('has no import cycles in src/', () => {
    expect(findCycles().map((cycle) => cycle.map((f) => relative(SRC, f)).join(' → '))).toEqual([])
  })

  it('keeps client code off the whole contract at run time: a feature imports its own contract file', () => {
    const whole = ['contract/index.ts'].map((f) => join(SRC, f))
    const offenders = files
      .filter((f) => /^(features|packages|pages|components|services)\//.test(relative(SRC, f)))
      .filter((f) => graph.get(f)!.some((edge) => !edge.typeOnly && whole.includes(edge.target)))
      .map((f) => relative(SRC, f))
    expect(offenders).toEqual([])
  })

  it('never bundles the till contract into the member subpackage or the main package', () => {
    const till = join(SRC, 'contract/till.ts')
    const entries = files.filter((f) => /^(packages\/member|pages)\/.+\/index\.tsx$/.test(relative(SRC, f)))
    expect(entries.length).toBeGreaterThan(0)
    const leaks = entries.filter((entry) => runtimeClosure(entry).has(till)).map((f) => relative(SRC, f))
    expect(leaks).toEqual([])
    // And the check can see a leak: the till page does reach it.
    expect(runtimeClosure(join(SRC, 'packages/staff/pages/till/index.tsx')).has(till)).toBe(true)
  })
})

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? walk(path) : [path]
  })
}

/** Relative imports and re-exports of a file, resolved to files; `import type` / `export type` marked as such. */
function importsOf(file: string): ImportEdge[] {
  const text = readFileSync(file, 'utf8')
  const edges: ImportEdge[] = []
  const pattern = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"](\.[^'"]+)['"]/gm
  for (const match of text.matchAll(pattern)) {
    const target = resolveModule(dirname(file), match[3])
    if (target) edges.push({ target, typeOnly: Boolean(match[2]) })
  }
  return edges
}

function resolveModule(from: string, spec: string): string | null {
  const base = resolve(from, spec)
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(candidate) && statSync(candidate).isFile() && /\.tsx?$/.test(candidate)) return candidate
  }
  return null
}

function runtimeClosure(entry: string): Set<string> {
  const seen = new Set<string>()
  const stack = [entry]
  while (stack.length) {
    const file = stack.pop()!
    if (seen.has(file)) continue
    seen.add(file)
    for (const edge of graph.get(file) ?? importsOf(file)) if (!edge.typeOnly) stack.push(edge.target)
  }
  return seen
}

/** Tarjan's strongly connected components: any component with more than one file (or a self-import) is a cycle. */
function findCycles(): string[][] {
  let counter = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const onStack = new Set<string>()
  const stack: string[] = []
  const cycles: string[][] = []
  const visit = (file: string) => {
    index.set(file, counter)
    low.set(file, counter++)
    stack.push(file)
    onStack.add(file)
    for (const { target } of graph.get(file) ?? []) {
      if (!graph.has(target)) continue
      if (!index.has(target)) {
        visit(target)
        low.set(file, Math.min(low.get(file)!, low.get(target)!))
      } else if (onStack.has(target)) low.set(file, Math.min(low.get(file)!, index.get(target)!))
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = []
      let member: string
      do {
        member = stack.pop()!
        onStack.delete(member)
        component.push(member)
      } while (member !== file)
      const selfImport = graph.get(file)!.some((e) => e.target === file)
      if (component.length > 1 || selfImport) cycles.push(component)
    }
  }
  for (const file of graph.keys()) if (!index.has(file)) visit(file)
  return cycles
}
