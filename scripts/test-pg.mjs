#!/usr/bin/env node
// npm run test:pg: the node project's integration tests plus the concurrency tests, on a real PostgreSQL server.
// Each test file gets its own database copied from a migrated template (tests/helpers/pg-global-setup.ts); races
// can only show here, so tests/concurrency runs only in this mode (MC_CONCURRENCY_TESTS gates it in jest.config.js).
import { spawnSync } from 'node:child_process'
import pg from 'pg'

const url = process.env.DATABASE_URL || 'postgres://root@127.0.0.1:5432/postgres'

const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 })
try {
  await client.connect()
  await client.query('select 1')
} catch (error) {
  console.error(`test:pg: cannot reach PostgreSQL at ${url}: ${error.message}`)
  console.error('Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start, or set DATABASE_URL.')
  process.exit(1)
} finally {
  await client.end().catch(() => {})
}

const jestArgs = ['jest', '--selectProjects', 'node', '--testPathPattern', '(tests/(integration|concurrency|faults)|src/cloud/(app|db|jobs))/', ...process.argv.slice(2)]
const result = spawnSync('npx', jestArgs, {
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: url, MC_CONCURRENCY_TESTS: '1' },
})
process.exit(result.status ?? 1)
