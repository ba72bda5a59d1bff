/** A client-made idempotency key (contract `requestId`): made once per confirming tap, reused by its retries. */
export function newRequestId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
}
