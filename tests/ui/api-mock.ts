/**
 * The API module's boundary, for page tests: `jest.mock('<path>/services/api', () => require('<path>/tests/ui/api-mock').apiModuleMock())`.
 * Only callApi / devLogin / hasSession are replaced; ApiError and the rest are the real module's.
 */
import type { ApiName } from '../../src/contract'
import type * as ApiModule from '../../src/services/api'

export function apiModuleMock() {
  const actual = jest.requireActual<typeof ApiModule>('../../src/services/api')
  return {
    ...actual,
    callApi: jest.fn(),
    devLogin: jest.fn(() => Promise.resolve({ role: 'member', label: '演示会员' })),
    hasSession: jest.fn(() => true),
    clearSession: jest.fn(),
    supportsDevLogin: jest.fn(() => true),
  }
}

type Handler = (input: unknown) => unknown
/** Route callApi by function name; a handler may return a value or throw an ApiError. */
export function routeApi(mock: jest.Mock, handlers: Partial<Record<ApiName, Handler>>) {
  mock.mockImplementation(async (name: ApiName, input: unknown) => {
    const h = handlers[name]
    if (!h) throw new Error(`unexpected callApi('${name}')`)
    return h(input)
  })
}
