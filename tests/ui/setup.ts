import '@testing-library/jest-dom'
import { __taro } from './taro-mock'

// The app reads process.env.TARO_ENV at call time: the jsdom suite is the H5 build.
process.env.TARO_ENV = 'h5'

afterEach(() => {
  __taro.reset()
  jest.clearAllMocks()
})
