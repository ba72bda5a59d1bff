import { getMyBirthday } from './get-my-birthday'
import { setMyBirthday } from './set-my-birthday'
import { staffCorrectBirthday } from './staff-correct-birthday'

/** The birthday month (生日礼): the member's page and one-time setting, a manager's correction. */
export const birthdayOperations = [getMyBirthday, setMyBirthday, staffCorrectBirthday]
