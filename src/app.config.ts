// Main package = the two tab pages only. Member extras and staff tools live in subpackages,
// so a customer never downloads the till code (and the main package stays small).
export default defineAppConfig({
  pages: ['pages/card/index', 'pages/me/index'],
  subPackages: [
    { root: 'packages/member', pages: ['pages/open-card/index', 'pages/points/index'] },
    { root: 'packages/staff', pages: ['pages/till/index'] },
  ],
  preloadRule: {
    'pages/card/index': { network: 'all', packages: ['packages/member'] },
  },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '会员中心',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f8',
  },
  tabBar: {
    color: '#8a8f99',
    selectedColor: '#c8102e',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      { pagePath: 'pages/card/index', text: '会员卡' },
      { pagePath: 'pages/me/index', text: '我的' },
    ],
  },
  ...(process.env.TARO_ENV === 'weapp' ? { lazyCodeLoading: 'requiredComponents' } : {}),
})
