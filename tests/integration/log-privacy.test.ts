import { sql } from 'drizzle-orm'
import { createAppFixture, type AppFixture } from '../helpers/app-fixture'

// A query that fails with personal data in its parameters (openid, nickname, phone ciphertext) and in PostgreSQL's
// own error text: what reaches the log is the error's class, code, SQLSTATE and a short message, never those values.
let app: AppFixture
beforeAll(async () => {
  app = await createAppFixture()
  // The card insert fails the way a real constraint would, quoting the row in its message and detail.
  await app.db.execute(sql`
    create function refuse_member_for_test() returns trigger language plpgsql as $$
    begin
      raise exception using errcode = 'check_violation',
        message = format('member refused: "%s"', new.nickname),
        detail = format('Failing row contains (%s, %s, %s).', new.openid, new.nickname, new.phone_enc);
    end $$`)
  await app.db.execute(sql`create trigger refuse_member_for_test before insert on members for each row execute function refuse_member_for_test()`)
})
afterAll(async () => app?.close())

describe('logs of failed queries', () => {
  it('carry class, SQLSTATE and a short message, and none of the personal values', async () => {
    const openid = 'wx-private-openid-7f3a'
    const nickname = '隐私昵称小王'
    const phone = '13912345678'
    const logged = jest.spyOn(console, 'error').mockImplementation(() => {})
    let output: string
    try {
      const result = await app.call('openCard', { nickname, phone }, openid)
      expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
      output = logged.mock.calls.map((args) => args.map(String).join(' ')).join('\n')
    } finally {
      logged.mockRestore()
    }
    // Nothing personal: not the caller, the nickname, the phone or its ciphertext; no params list, no row detail.
    for (const value of [openid, nickname, phone]) expect(output).not.toContain(value)
    expect(output).not.toMatch(/v\d+\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\./) // field-cipher's shape
    expect(output).not.toMatch(/params:/)
    expect(output).not.toMatch(/Failing row contains/)
    // Yet enough to act on: which call, which error classes, the SQLSTATE, PostgreSQL's message without the value.
    expect(output).toContain('dispatch openCard failed:')
    expect(output).toMatch(/DrizzleQueryError .*← caused by \w+ SQLSTATE 23514 member refused: "…"/)
  })
})
