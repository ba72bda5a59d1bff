import { getMemberCode } from './get-member-code'
import { getMyCard } from './get-my-card'
import { openCard } from './open-card'

/** The membership card: open it, show it, show its rotating code. */
export const cardOperations = [openCard, getMyCard, getMemberCode]
