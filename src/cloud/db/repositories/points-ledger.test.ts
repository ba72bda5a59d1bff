import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { eq } from 'drizzle-orm'
import { AppError } from '../../../contract'
import { createAppFixture, expectBalancesMatchLedger, openNewCard, type AppFixture } from '../../../../tests/helpers/app-fixture'
import { members, pointsLedger } from '../schema'
import { postPoints, type PointsMovement } from './points-ledger'

let app: AppFixture
beforeAll(async () => {
  app = await createAppFixture()
})
afterEach(async () => expectBalancesMatchLedger(app.db))
afterAll(async () => app?.close())

async function newMember(openid: string) {
  await openNewCard(app, openid)
  const [row] = await app.db.select().from(members).where(eq(members.openid, openid))
  return row
}

let requestNo = 0
const movement = (member: { id: number; storeId: number }, delta: number, reason: PointsMovement['reason'] = delta > 0 ? 'adjust' : 'redeem') => ({
  storeId: member.storeId,
  memberId: member.id,
  reason,
  delta,
  requestId: `test:${++requestNo}`,
  note: null,
  expiresAt: null,
  createdAt: app.clock.now(),
})

const post = (m: PointsMovement) => app.db.transaction((tx) => postPoints(tx, m))
const balanceOf = async (id: number) => (await app.db.select().from(members).where(eq(members.id, id)))[0].pointsBalance

async function refusal(work: Promise<unknown>): Promise<AppError> {
  try {
    await work
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  throw new Error('expected a refusal')
}

describe('postPoints, the one way points move', () => {
  it('credits and debits the balance together with one ledger entry each', async () => {
    const member = await newMember('wx-post-points')
    const credited = await post({ ...movement(member, 300), growthDelta: 30 })
    expect(credited).toMatchObject({ pointsBalance: 300, growth: 30, tierCode: 'normal', entryId: expect.any(Number) })
    const debited = await post(movement(member, -120))
    expect(debited).toMatchObject({ pointsBalance: 180, growth: 30 })
    const entries = await app.db.select().from(pointsLedger).where(eq(pointsLedger.memberId, member.id))
    expect(entries.map((e) => [e.reason, e.delta])).toEqual([['adjust', 300], ['redeem', -120]])
    expect(entries.map((e) => e.id)).toEqual([credited.entryId, debited.entryId])
  })

  it('lets a debit take the balance to exactly zero', async () => {
    const member = await newMember('wx-post-to-zero')
    await post(movement(member, 50))
    expect(await post(movement(member, -50))).toMatchObject({ pointsBalance: 0 })
  })

  it('refuses a debit above the balance as POINTS_INSUFFICIENT, in Chinese, writing nothing', async () => {
    const member = await newMember('wx-post-short')
    await post(movement(member, 100))
    const before = await app.counts()
    const error = await refusal(post(movement(member, -101)))
    expect(error.code).toBe('POINTS_INSUFFICIENT')
    expect(error.message).toBe('积分不足：需要 101 积分，当前只有 100 积分')
    expect(await app.counts()).toEqual(before)
    expect(await balanceOf(member.id)).toBe(100)
  })

  it('refuses to move points on a closed card as MEMBER_CLOSED, writing nothing', async () => {
    const member = await newMember('wx-post-closed')
    await post(movement(member, 10))
    await app.db.update(members).set({ status: 'closed' }).where(eq(members.id, member.id))
    const before = await app.counts()
    expect((await refusal(post(movement(member, 5)))).code).toBe('MEMBER_CLOSED')
    expect(await app.counts()).toEqual(before)
  })

  it('never moves points twice for one request id: the replay fails and the balance stays', async () => {
    const member = await newMember('wx-post-replay')
    const first = movement(member, 40)
    await post(first)
    await expect(post({ ...first, delta: 40 })).rejects.toThrow()
    expect(await balanceOf(member.id)).toBe(40)
  })

  it('refuses a zero movement before it reaches the database', async () => {
    const member = await newMember('wx-post-zero')
    await expect(post(movement(member, 0))).rejects.toThrow(/non-zero/)
  })
})

describe('who writes points', () => {
  it('is postPoints alone: no other source file writes points_ledger, points_balance or the lots (the ledger trigger does)', () => {
    const root = join(__dirname, '../../..') // src/
    const writers = sourceFiles(root)
      .filter((file) => !/\.test\.tsx?$/.test(file) && !file.endsWith(join('repositories', 'points-ledger.ts')))
      .filter((file) => {
        const text = readFileSync(file, 'utf8')
        return /insert\((pointsLedger|pointsLots|pointsLotMoves)\)|update\((pointsLots|pointsLotMoves)\)|(insert into|update) \$\{(pointsLedger|pointsLots|pointsLotMoves)\}|points_balance\s*=|pointsBalance:\s*sql/.test(text)
      })
      .map((file) => relative(root, file))
    expect(writers).toEqual([])
  })
})

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(name) ? [path] : []
  })
}
