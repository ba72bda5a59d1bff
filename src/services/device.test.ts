import Taro from '@tarojs/taro'
import { raiseBrightness, restoreBrightness } from './device'

jest.mock('@tarojs/taro', () => require('../../tests/ui/taro-mock'))

const getScreenBrightness = Taro.getScreenBrightness as unknown as jest.Mock
const setScreenBrightness = Taro.setScreenBrightness as unknown as jest.Mock
const levels = () => setScreenBrightness.mock.calls.map(([arg]) => (arg as { value: number }).value)

/** getScreenBrightness answers only when the test says so, like a slow native call. */
function slowBrightness(value: number) {
  let answer: () => void = () => undefined
  getScreenBrightness.mockImplementationOnce(
    () =>
      new Promise((resolve) => {
        answer = () => resolve({ value })
      }),
  )
  return () => answer()
}

beforeEach(() => {
  process.env.TARO_ENV = 'weapp'
})
afterEach(async () => {
  await restoreBrightness() // module state: leave nothing saved for the next test
  process.env.TARO_ENV = 'h5'
  jest.clearAllMocks()
})

describe('screen brightness', () => {
  it('raises to full and restores the level the user had', async () => {
    getScreenBrightness.mockResolvedValueOnce({ value: 0.3 })
    await raiseBrightness()
    expect(levels()).toEqual([1])
    await restoreBrightness()
    expect(levels()).toEqual([1, 0.3])
  })

  it('a restore while the raise still waits for getScreenBrightness wins: the screen is not left at full', async () => {
    const answer = slowBrightness(0.4)
    const raising = raiseBrightness()
    await restoreBrightness() // the page hid before the native call answered
    answer()
    await raising
    expect(levels()).not.toContain(1)
    // Nothing is left saved: a later restore does not touch the screen either.
    await restoreBrightness()
    expect(levels()).not.toContain(1)
  })

  it('raise → restore → raise while the first raise waits: only the newest raise counts, and restore puts back the real level', async () => {
    const answerFirst = slowBrightness(0.4)
    const first = raiseBrightness()
    await restoreBrightness()
    getScreenBrightness.mockResolvedValueOnce({ value: 0.4 })
    const second = raiseBrightness()
    answerFirst()
    await Promise.all([first, second])
    expect(levels()).toEqual([1])
    await restoreBrightness()
    expect(levels()).toEqual([1, 0.4])
  })

  it('does nothing on H5', async () => {
    process.env.TARO_ENV = 'h5'
    await raiseBrightness()
    await restoreBrightness()
    expect(getScreenBrightness).not.toHaveBeenCalled()
    expect(setScreenBrightness).not.toHaveBeenCalled()
  })
})
