// npm run test:weapp (scripts/test-weapp.mjs): the BUILT weapp (dist/weapp) under miniprogram-simulate.
// Kept out of the default `npm test` because it needs a `taro build --type weapp` first.
module.exports = {
  displayName: 'weapp',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/tests/weapp/**/*.test.js', '<rootDir>/tests/weapp/**/*.test.ts'],
  // The compiled bundles are run as they are: no babel over dist (it is minified ES5 already).
  transformIgnorePatterns: ['/node_modules/', '<rootDir>/dist/'],
  testTimeout: 30000,
}
