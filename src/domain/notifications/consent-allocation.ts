/**
 * Which claimed notifications may use a consent: in id order, as many per (member, template) as that pair has
 * unused consents. Pure, so the claim can do it with one read and one guarded update per chunk, not a round trip
 * per notification.
 */
export interface ClaimedForConsent {
  id: number
  memberId: number
  templateId: string
}

export interface ConsentAllocation {
  send: number[]
  noConsent: number[]
  /** Consents spent per `${memberId}:${templateId}`. */
  spent: Map<string, number>
}

export const consentKey = (memberId: number, templateId: string) => `${memberId}:${templateId}`

export function allocateConsents(claimed: readonly ClaimedForConsent[], available: ReadonlyMap<string, number>): ConsentAllocation {
  const spent = new Map<string, number>()
  const send: number[] = []
  const noConsent: number[] = []
  for (const row of [...claimed].sort((a, b) => a.id - b.id)) {
    const key = consentKey(row.memberId, row.templateId)
    const used = spent.get(key) ?? 0
    if (used < (available.get(key) ?? 0)) {
      spent.set(key, used + 1)
      send.push(row.id)
    } else noConsent.push(row.id)
  }
  return { send, noConsent, spent }
}
