import { defineOperation } from '../operation'
import { birthdayPage } from './birthday-page'

export const getMyBirthday = defineOperation({
  name: 'getMyBirthday',
  access: 'member',
  run: (ctx, member) => birthdayPage(ctx, member),
})
