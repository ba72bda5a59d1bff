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

/**
 * routeApi, with every answer checked against the contract's output schema (what the server's dispatch does),
 * so a fake cannot drift from what the server sends. Errors thrown by a handler pass through.
 */
export function routeCheckedApi(mock: jest.Mock, handlers: Partial<Record<ApiName, Handler>>) {
  // Required lazily: the contract is large and most page tests never need it.
  const { api } = jest.requireActual<typeof import('../../src/contract')>('../../src/contract')
  mock.mockImplementation(async (name: ApiName, input: unknown) => {
    const h = handlers[name]
    if (!h) throw new Error(`unexpected callApi('${name}')`)
    return api[name].output.parse(await h(input))
  })
}
