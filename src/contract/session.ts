import { z } from 'zod'
import { noInput, role } from './fields'

/** Session: who is calling, and the H5 gateway's dev login. */
export const sessionApi = {
  /** Who is calling: role and whether they already hold a card. Never fails for a known identity. */
  whoAmI: {
    input: noInput,
    output: z.object({
      role: role,
      hasCard: z.boolean(),
      nickname: z.string().nullable(),
      staffName: z.string().nullable(),
    }),
  },
} as const

/** Dev login (gateway only, refused in production): pick a demo identity. Not an operation: no caller yet. */
export const devLoginInput = z
  .object({
    as: z.enum(['member', 'birthday', 'clerk', 'manager', 'visitor']),
  })
  .strict()
export const devLoginOutput = z.object({ token: z.string(), role: role, label: z.string() })
