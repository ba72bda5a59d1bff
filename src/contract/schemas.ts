/**
 * Kept for tests written before the contract was split by feature. Application code imports its feature's file
 * (`contract/card`, `contract/till`, …) or, on the server, `contract/index`; a test (contract-imports.test.ts)
 * keeps src/ off this file.
 */
export * from './index'
