import { staffLookupMember } from './staff-lookup-member'
import { staffRecordPurchase } from './staff-record-purchase'

/** The till (staff): look a member up by code, record a purchase. */
export const tillOperations = [staffLookupMember, staffRecordPurchase]
