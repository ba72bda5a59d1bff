import { whoAmI } from './who-am-i'

/** Session: who is calling. */
export const sessionOperations = [whoAmI]
