import { aRegistration, anEvent } from '../../../tests/ui/event-fixtures'
import {
  cancelConfirm,
  cancelRuleText,
  checkInWindowText,
  eventBanner,
  eventTimeText,
  myStateText,
  pointsRuleTexts,
  registrationLabel,
  registrationNote,
  seatsText,
  signupButton,
  signupConfirmText,
  signupToastText,
} from './view-model'
import { checkFeedback } from './feedback-check'

/** Well before the fixtures' events (2099). */
const NOW_MS = Date.parse('2026-11-23T06:00:00.000Z')

// 2099-06-01 in the store: the events below are in 2099 ("this year") unless they say otherwise.
const NOW = Date.parse('2099-06-01T00:00:00.000Z')

describe('events view model', () => {
  it('says the time range in store time, with the weekday', () => {
    // 06:00Z–08:00Z is 14:00–16:00 in the store; 2099-12-05 is a Saturday.
    expect(eventTimeText('2099-12-05T06:00:00.000Z', '2099-12-05T08:00:00.000Z', NOW)).toBe('12月5日 周六 14:00–16:00')
    // 15:59Z is 23:59 the same store day, whatever the phone's zone.
    expect(eventTimeText('2099-12-05T12:00:00.000Z', '2099-12-05T15:59:00.000Z', NOW)).toBe('12月5日 周六 20:00–23:59')
    // 16:00Z is 00:00 the next store day: an evening event ends at 24:00, not on Sunday.
    expect(eventTimeText('2099-12-05T13:00:00.000Z', '2099-12-05T16:00:00.000Z', NOW)).toBe('12月5日 周六 21:00–24:00')
    // Starting at 00:00 store time is already the next day (16:00Z the day before).
    expect(eventTimeText('2099-12-05T16:00:00.000Z', '2099-12-05T18:00:00.000Z', NOW)).toBe('12月6日 周日 00:00–02:00')
    // Across days it names both.
    expect(eventTimeText('2099-12-05T14:00:00.000Z', '2099-12-05T18:00:00.000Z', NOW)).toBe('12月5日 周六 22:00 – 12月6日 周日 02:00')
    // Another year shows the year.
    expect(eventTimeText('2100-01-02T02:00:00.000Z', '2100-01-02T04:00:00.000Z', NOW)).toBe('2100年1月2日 周六 10:00–12:00')
  })

  it('says seats left, or full with the waitlist', () => {
    expect(seatsText({ seatsLeft: 12, waitlistCount: 0 })).toBe('剩余 12 席')
    expect(seatsText({ seatsLeft: 1, waitlistCount: 0 })).toBe('剩余 1 席')
    expect(seatsText({ seatsLeft: 0, waitlistCount: 4 })).toBe('已满 · 候补 4 人')
    expect(seatsText({ seatsLeft: 0, waitlistCount: 0 })).toBe('已满')
  })

  it('names the points rule and my state', () => {
    expect(pointsRuleTexts({ pointsCost: 100, rewardPoints: 0 })).toEqual(['报名需 100 积分'])
    expect(pointsRuleTexts({ pointsCost: 0, rewardPoints: 50 })).toEqual(['签到得 50 积分'])
    expect(pointsRuleTexts({ pointsCost: 1500, rewardPoints: 50 })).toEqual(['报名需 1,500 积分', '签到得 50 积分'])
    expect(myStateText({ id: '1', status: 'waitlisted', waitlistPosition: 3 })).toBe('候补第 3 位')
    expect(myStateText({ id: '1', status: 'registered', waitlistPosition: null })).toBe('已报名')
    expect(myStateText({ id: '1', status: 'attended', waitlistPosition: null })).toBe('已签到')
    expect(myStateText({ id: '1', status: 'cancelled', waitlistPosition: null })).toBeNull()
    expect(myStateText(null)).toBeNull()
  })

  it('picks the one button from the server state, my registration first', () => {
    expect(signupButton(anEvent())).toEqual({ kind: 'signup', label: '立即报名' })
    expect(signupButton(anEvent({ signupState: 'waitlist' }))).toEqual({ kind: 'waitlist', label: '加入候补' })
    expect(signupButton(anEvent({ pointsCost: 300, shortBy: 20 }))).toEqual({ kind: 'disabled', label: '积分不足（差 20 分）' })
    expect(signupButton(anEvent({ signupState: 'tier_locked', reason: '金卡及以上可报名' }))).toEqual({ kind: 'disabled', label: '金卡及以上可报名' })
    expect(signupButton(anEvent({ signupState: 'closed', reason: null }))).toEqual({ kind: 'disabled', label: '报名已截止' })
    const mine = { id: '701', status: 'waitlisted' as const, waitlistPosition: 2 }
    expect(signupButton(anEvent({ signupState: 'waitlist', myRegistration: mine }))).toEqual({ kind: 'mine', label: '查看我的报名', registrationId: '701' })
    // A cancelled registration does not stop signing up again.
    expect(signupButton(anEvent({ myRegistration: { ...mine, status: 'cancelled' } }))).toEqual({ kind: 'signup', label: '立即报名' })
  })

  it('words the confirm, the toast, the cut-off and the door window', () => {
    expect(signupConfirmText(100)).toBe('报名将扣除 100 积分，取消报名可退回')
    expect(signupToastText({ status: 'registered', waitlistPosition: null })).toBe('报名成功')
    expect(signupToastText({ status: 'waitlisted', waitlistPosition: 3 })).toBe('已加入候补（第 3 位）')
    expect(cancelRuleText({ startsAt: '2099-12-05T06:00:00.000Z', cancelUntil: '2099-12-05T03:00:00.000Z' })).toBe('开始前 3 小时可取消')
    expect(cancelRuleText({ startsAt: '2099-12-05T06:00:00.000Z', cancelUntil: '2099-12-05T05:30:00.000Z' })).toBe('开始前 30 分钟可取消')
    // The door opens 2 hours before a start at 00:30 store time: 22:30 the day before.
    expect(checkInWindowText('2099-12-05T16:30:00.000Z')).toBe('开始前 2 小时可签到（12月5日 22:30 起）')
  })

  it('notes a registration by its status, and says what a cancel gives back', () => {
    expect(registrationNote(aRegistration({ status: 'waitlisted', waitlistPosition: 3 }), NOW_MS)).toBe('你是第 3 位候补')
    expect(registrationNote(aRegistration({ status: 'cancelled', cancelReason: 'member', pointsRefunded: 100 }), NOW_MS)).toBe('你已取消报名，100 积分已退回')
    expect(registrationNote(aRegistration({ status: 'cancelled', cancelReason: 'promotion_skipped' }), NOW_MS)).toBe('轮到你时积分或等级不满足，未能转正')
    expect(registrationNote(aRegistration(), NOW_MS)).toBeNull()
    // Nobody is promoted after the start: a waitlister then never got a seat (at the start instant itself, too).
    const late = aRegistration({ status: 'waitlisted', waitlistPosition: 1, startsAt: '2026-12-05T06:00:00.000Z' })
    expect(registrationLabel(late, Date.parse('2026-12-05T05:59:59.000Z'))).toBe('候补中')
    expect(registrationNote(late, Date.parse('2026-12-05T05:59:59.000Z'))).toBe('你是第 1 位候补')
    expect(registrationLabel(late, Date.parse('2026-12-05T06:00:00.000Z'))).toBe('未获得名额')
    expect(registrationNote(late, Date.parse('2026-12-05T06:00:00.000Z'))).toBe('活动已开始，候补未能转正（未扣积分）')
    expect(cancelConfirm(aRegistration({ pointsPaid: 100 })).content).toBe('取消后报名扣除的 100 积分将退回您的账户，名额将让给候补会员。')
    expect(cancelConfirm(aRegistration()).content).toBe('取消后名额将让给候补会员。')
    expect(cancelConfirm(aRegistration({ status: 'waitlisted', waitlistPosition: 2 })).title).toBe('退出候补')
    expect(eventBanner(true, '2099-11-30T02:00:00.000Z')).toBe('活动已取消')
    expect(eventBanner(false, null)).toBeNull()
  })

  it('checks feedback by the contract: stars required, 1–5, a comment of at most 500 characters', () => {
    expect(checkFeedback({ registrationId: '701', rating: 0 })).toEqual({ rating: '请选择评分' })
    expect(checkFeedback({ registrationId: '701', rating: 5, comment: '好'.repeat(500) })).toEqual({})
    expect(checkFeedback({ registrationId: '701', rating: 5, comment: '好'.repeat(501) }).comment).toMatch(/500/)
    expect(checkFeedback({ registrationId: '701', rating: 3 })).toEqual({})
  })
})
