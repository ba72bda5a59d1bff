import { cancelMyRegistration } from './cancel-my-registration'
import { getEvent } from './get-event'
import { getMyRegistration } from './get-my-registration'
import { listEvents } from './list-events'
import { listMyRegistrations } from './list-my-registrations'
import { signUpForEvent } from './sign-up-for-event'
import { submitEventFeedback } from './submit-event-feedback'

/** Member events for members (活动, 我的活动); publishing is event-publishing's, the door is event-door's. */
export const eventsOperations = [listEvents, getEvent, signUpForEvent, cancelMyRegistration, listMyRegistrations, getMyRegistration, submitEventFeedback]
