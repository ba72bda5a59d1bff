import type { Pool, PoolClient } from 'pg'
import { describeError } from './loggable-error'

/**
 * Keeps a lost PostgreSQL connection (server restart, failover, pg_terminate_backend, a pooler restart) from taking
 * the process down, and from taking a pool slot with it.
 *
 * pg-pool only listens for errors on idle clients. A client checked out for a transaction has no 'error' listener,
 * so the server's "terminating connection due to administrator command" between two queries, or the socket's end
 * right after, is an unhandled 'error' event: the whole gateway (or cloud-function instance) dies. So every client
 * gets a listener of its own, for life. The calls using that client still fail (their queries reject) and answer
 * INTERNAL; the pool opens a fresh connection for the next call.
 *
 * A broken checked-out client is also handed back to the pool right away, marked broken so the pool drops it:
 * drizzle's transaction() sends BEGIN before its try/finally, so a client that dies on BEGIN would otherwise never
 * be released and the pool (2 connections in a cloud function) would run dry. drizzle's own release, if it comes
 * later, is then a no-op.
 */
export function survivePoolErrors(pool: Pool): void {
  const checkedOut = new WeakSet<PoolClient>()
  pool.on('acquire', (client) => checkedOut.add(client))
  pool.on('release', (_error, client) => checkedOut.delete(client))
  // Idle clients that fail are dropped by pg-pool, which then emits here (and would crash without a listener);
  // the per-client listener below has already logged it.
  pool.on('error', () => {})
  pool.on('connect', (client) => {
    let logged = false
    client.on('error', (error) => {
      if (!logged) console.error(`postgres connection lost: ${describeError(error)}`)
      logged = true
      if (!checkedOut.has(client)) return
      checkedOut.delete(client)
      const release = client.release
      client.release = () => {}
      release(error)
    })
  })
}
