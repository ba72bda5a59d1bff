import { operations } from '../app/registry'
import { cloudFunctionSpecs, functionConfig, FUNCTION_TIMEOUT_S, type ExtraFunction } from './cloud-functions'

/** What build:cloud generates, checked on the pure generator (test:cloud runs the built bundles themselves). */
describe('the generated cloud functions', () => {
  it('are one function per group of the registry, serving exactly that group, then the jobs function', () => {
    const all = cloudFunctionSpecs()
    expect(all.map((s) => s.name)).toEqual(['member', 'staff', 'console', 'jobs'])
    const specs = all.filter((s) => s.operations.length > 0)
    for (const spec of specs) {
      expect(spec.operations.sort()).toEqual(operations.filter((op) => op.group === spec.name).map((op) => op.name).sort())
      expect(spec.entrySource).toContain(`createCloudFunction(${JSON.stringify(spec.name)})`)
      expect(spec.config.timeout).toBe(FUNCTION_TIMEOUT_S)
    }
  })

  it('run the scheduled jobs from one function with one 7-field timer, allowed to send subscription messages', () => {
    const jobs = cloudFunctionSpecs().find((s) => s.name === 'jobs')!
    expect(jobs.operations).toEqual([])
    expect(jobs.entrySource).toContain('src/cloud/wechat/jobs-function')
    expect(jobs.config.permissions.openapi).toEqual(['subscribeMessage.send'])
    expect(jobs.config.triggers).toEqual([{ name: 'jobsTimer', type: 'timer', config: '0 */5 * * * * *' }])
    expect(jobs.config.timeout).toBe(60)
  })

  it("grant each function the union of its operations' WeChat APIs, once each", () => {
    const ops = [
      { name: 'a', group: 'member', wechatApis: ['phonenumber.getPhoneNumber'] },
      { name: 'b', group: 'member', wechatApis: ['phonenumber.getPhoneNumber', 'subscribeMessage.send'] },
      { name: 'c', group: 'staff', wechatApis: [] },
    ] as never
    const byName = Object.fromEntries(cloudFunctionSpecs(ops, []).map((s) => [s.name, s.config.permissions.openapi]))
    expect(byName).toEqual({ member: ['phonenumber.getPhoneNumber', 'subscribeMessage.send'], staff: [] })
    // And on the real registry: openCard's phone exchange is the member function's only permission.
    expect(cloudFunctionSpecs().find((s) => s.name === 'member')!.config.permissions.openapi).toEqual(['phonenumber.getPhoneNumber'])
  })

  it('add an extra function (a jobs timer) from one list entry: its entry module, timeout and triggers', () => {
    const jobs: ExtraFunction = {
      name: 'jobs',
      entry: 'src/cloud/jobs/timer.ts',
      timeout: 60,
      wechatApis: ['subscribeMessage.send'],
      triggers: [{ name: 'hourly', type: 'timer', config: '0 5 * * * * *' }],
    }
    const spec = cloudFunctionSpecs(operations, [jobs]).find((s) => s.name === 'jobs')!
    expect(spec.entrySource).toBe('export { main } from "./src/cloud/jobs/timer"\n')
    expect(spec.operations).toEqual([])
    expect(spec.config).toEqual({
      timeout: 60,
      permissions: { openapi: ['subscribeMessage.send'] },
      triggers: [{ name: 'hourly', type: 'timer', config: '0 5 * * * * *' }],
    })
  })

  it('refuse a timer WeChat would refuse, and a name clash or a name WeChat does not accept', () => {
    expect(() => functionConfig({ triggers: [{ name: 'daily', type: 'timer', config: '0 3 * * *' }] })).toThrow(/7-field cron/)
    const hourly = { name: 'hourly', type: 'timer', config: '0 0 * * * * *' } as const
    expect(() => functionConfig({ triggers: [hourly, { ...hourly, name: 'again' }] })).toThrow(/one timer trigger per cloud function/)
    expect(() => functionConfig({ triggers: [{ ...hourly, name: '1st' }] })).toThrow(/trigger name/)
    expect(() => cloudFunctionSpecs(operations, [{ name: 'member', entry: 'x.ts' }])).toThrow(/two cloud functions are named member/)
    expect(() => cloudFunctionSpecs(operations, [{ name: '../jobs', entry: 'x.ts' }])).toThrow(/not one WeChat accepts/)
  })

  it('write no triggers key for a function without timers', () => {
    expect(functionConfig({})).toEqual({ timeout: FUNCTION_TIMEOUT_S, permissions: { openapi: [] } })
  })
})
