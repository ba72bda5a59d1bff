import { api } from '../../contract'
import { OPERATION_GROUPS } from '../../contract/groups'
import { groupFor } from './operation'
import { operationGroups, operations } from './registry'

/**
 * The client routes each call by src/contract/groups.ts; the server builds its functions from each operation's
 * group. The two must be the same map, or a page would call a function that refuses the operation.
 */
describe('function groups', () => {
  it("the client's map is exactly the registry's", () => {
    expect(OPERATION_GROUPS).toEqual(operationGroups())
    expect(Object.keys(OPERATION_GROUPS).sort()).toEqual(Object.keys(api).sort())
  })

  it('groups by audience: callers and members call member, staff call staff', () => {
    expect(groupFor({ access: 'caller' })).toBe('member')
    expect(groupFor({ access: 'member' })).toBe('member')
    expect(groupFor({ access: { staff: ['clerk', 'manager', 'admin'] } })).toBe('staff')
    expect(groupFor({ access: { staff: ['manager', 'admin'] }, group: 'console' })).toBe('console')
  })

  it('never puts a staff-only operation in a group members call', () => {
    const leaks = operations.filter((op) => typeof op.access !== 'string' && op.group === 'member').map((op) => op.name)
    expect(leaks).toEqual([])
  })
})
