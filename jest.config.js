// npm test: three projects that share one babel transform.
//  - node: domain rules, contract, and use-case/handler integration tests on PGlite (or PostgreSQL with DATABASE_URL)
//  - ui:   pages and components in jsdom with Taro's H5 web components (see ../shared/toolchain.md)
//  - mp:   native mini-program components under miniprogram-simulate
const esmInNodeModules = [
  '@tarojs', '@stencil', 'swiper', 'ssr-window', 'dom7', 'lodash-es', 'query-string', 'decode-uri-component',
  'split-on-first', 'filter-obj', 'universal-router', 'is-mobile', 'style-inject', 'tslib', '@nutui',
]
const transformIgnorePatterns = [`/node_modules/(?!(${esmInNodeModules.join('|')})/)`]
// @tarojs/components/lib/react bundles its own pnpm tree (…/lib/react/node_modules/.pnpm/…/node_modules/tslib): let
// babel reach those ESM files too.
const uiTransformIgnorePatterns = [`/node_modules/(?!(${[...esmInNodeModules, '\\.pnpm'].join('|')})/)`]

module.exports = {
  testTimeout: 30000,
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      testMatch: [
        '<rootDir>/src/**/*.test.ts',
        '<rootDir>/tests/integration/**/*.test.ts',
        // Races only show on real PostgreSQL: `npm run test:pg` sets this; plain `npm test` never runs them.
        ...(process.env.MC_CONCURRENCY_TESTS === '1' ? ['<rootDir>/tests/concurrency/**/*.test.ts'] : []),
        ...(process.env.MC_CONCURRENCY_TESTS === '1' ? ['<rootDir>/tests/faults/**/*.test.ts'] : []),
      ],
      // PGlite's Emscripten loader does `await import('module')`, which jest's VM refuses without
      // --experimental-vm-modules; letting babel turn that into require() makes plain `npm test` work.
      transformIgnorePatterns: [`/node_modules/(?!(${[...esmInNodeModules, '@electric-sql/pglite'].join('|')})/)`],
      transform: { '\\.[jt]sx?$': 'babel-jest', '@electric-sql/pglite/dist/.+\\.cjs$': 'babel-jest' },
      // With DATABASE_URL: one migrated template database per run, copied per test file. Without: no-ops.
      globalSetup: '<rootDir>/tests/helpers/pg-global-setup.ts',
      globalTeardown: '<rootDir>/tests/helpers/pg-global-teardown.ts',
    },
    {
      displayName: 'ui',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/src/**/*.test.tsx'],
      transformIgnorePatterns: uiTransformIgnorePatterns,
      // swiper (pulled in by Taro's H5 components) ships .mjs: transform those too.
      transform: { '\\.[mc]?[jt]sx?$': 'babel-jest' },
      setupFilesAfterEnv: ['<rootDir>/tests/ui/setup.ts'],
      moduleNameMapper: {
        '^@tarojs/components$': '@tarojs/components/lib/react',
        '^@tarojs/taro$': '<rootDir>/tests/ui/taro-mock.ts',
        '\\.(css|scss|sass|less)$': '<rootDir>/tests/ui/style-stub.js',
      },
      globals: {
        ENABLE_INNER_HTML: true,
        ENABLE_ADJACENT_HTML: true,
        ENABLE_SIZE_APIS: true,
        ENABLE_TEMPLATE_CONTENT: true,
        ENABLE_MUTATION_OBSERVER: true,
        ENABLE_CLONE_NODE: true,
        ENABLE_CONTAINS: true,
        DEPRECATED_ADAPTER_COMPONENT: false,
        __TARO_FRAMEWORK__: 'react',
      },
    },
    {
      displayName: 'mp',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/mp/**/*.test.js', '<rootDir>/tests/mp/**/*.test.ts'],
      transformIgnorePatterns,
    },
  ],
}
