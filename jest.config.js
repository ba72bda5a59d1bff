// npm test: three projects that share one babel transform.
//  - node: domain rules, contract, and use-case/handler integration tests on PGlite (or PostgreSQL with DATABASE_URL)
//  - ui:   pages and components in jsdom with Taro's H5 web components (see ../shared/toolchain.md)
//  - mp:   native mini-program components under miniprogram-simulate
const esmInNodeModules = [
  '@tarojs', '@stencil', 'swiper', 'ssr-window', 'dom7', 'lodash-es', 'query-string', 'decode-uri-component',
  'split-on-first', 'filter-obj', 'universal-router', 'is-mobile', 'style-inject', 'tslib', '@nutui',
]
const transformIgnorePatterns = [`/node_modules/(?!(${esmInNodeModules.join('|')})/)`]

module.exports = {
  testTimeout: 30000,
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/tests/integration/**/*.test.ts'],
      transformIgnorePatterns,
    },
    {
      displayName: 'ui',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/src/**/*.test.tsx'],
      transformIgnorePatterns,
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
