import { loadConfig, type AppConfig } from '../../src/cloud/app'

/** The instant every fixture's clock starts at, and the demo seed is dated from. */
export const TEST_START = '2025-06-15T02:00:00.000Z'

/**
 * Test-only secrets, fixed: the seeded snapshot every test file copies was encrypted with this key, so every
 * file must decrypt with the same one. Never the dev values, so nothing here can pass for a local database.
 */
export function testConfig(): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    MEMBER_CODE_SECRET: 'integration-test-member-code-secret',
    DATA_ENCRYPTION_KEY: '5'.repeat(64),
    STORE_TIMEZONE: 'Asia/Shanghai',
  })
}
