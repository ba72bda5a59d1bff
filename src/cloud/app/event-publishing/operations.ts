import { cancelEvent } from './cancel-event'
import { createEvent } from './create-event'
import { exportEventRoster } from './export-event-roster'
import { getEventAdmin } from './get-event-admin'
import { getEventResults } from './get-event-results'
import { listEventsAdmin } from './list-events-admin'
import { previewEventNotice } from './preview-event-notice'
import { publishEvent } from './publish-event'
import { updateEvent } from './update-event'

/** The manager console's events (console function group): clerks cannot publish. */
export const eventPublishingOperations = [
  listEventsAdmin,
  getEventAdmin,
  createEvent,
  updateEvent,
  previewEventNotice,
  publishEvent,
  cancelEvent,
  getEventResults,
  exportEventRoster,
]
