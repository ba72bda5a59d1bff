import { staffCheckIn } from './staff-check-in'
import { staffGetDoorList } from './staff-get-door-list'
import { staffListDoorEvents } from './staff-list-door-events'
import { staffPreviewTicket } from './staff-preview-ticket'
import { staffVoidCheckIn } from './staff-void-check-in'
import { staffWalkIn } from './staff-walk-in'

/** The door of an event (staff): its events, the live list, check-in by ticket or member, 现场补签, a manager's void. */
export const eventDoorOperations = [staffListDoorEvents, staffGetDoorList, staffPreviewTicket, staffCheckIn, staffWalkIn, staffVoidCheckIn]
