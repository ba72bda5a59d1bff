// Main package = the tab pages only. Member extras and staff tools live in subpackages,
// so a customer never downloads the till code (and the main package stays small).
export default defineAppConfig({
  pages: ['pages/card/index', 'pages/mall/index', 'pages/events/index', 'pages/me/index'],
  subPackages: [
    { root: 'packages/member', pages: ['pages/open-card/index', 'pages/points/index', 'pages/notifications/index'] },
    // Coupons: the 领券中心, the wallet (券包), a coupon's code, and the 生日礼 page.
    { root: 'packages/coupons', pages: ['pages/center/index', 'pages/wallet/index', 'pages/detail/index', 'pages/birthday/index'] },
    // The points mall: an item, 我的兑换 and one redemption with its pick-up code (the catalogue is the mall tab).
    { root: 'packages/mall', pages: ['pages/item/index', 'pages/redemptions/index', 'pages/redemption/index'] },
    // Events: one event, 我的活动 and one registration with its ticket and feedback (the list is the 活动 tab).
    { root: 'packages/events', pages: ['pages/detail/index', 'pages/registrations/index', 'pages/registration/index'] },
    // Staff: the till (the one scanner), refunds and an event's door.
    { root: 'packages/staff', pages: ['pages/till/index', 'pages/refund/index', 'pages/door/index'] },
    // The manager console: coupon templates, the points mall's catalogue, and events.
    {
      root: 'packages/console',
      pages: [
        'pages/coupon-templates/index',
        'pages/coupon-template/index',
        'pages/mall-items/index',
        'pages/mall-item/index',
        'pages/mall-redemptions/index',
        'pages/events/index',
        'pages/event/index',
        'pages/event-results/index',
      ],
    },
  ],
  preloadRule: {
    'pages/card/index': { network: 'all', packages: ['packages/member', 'packages/coupons'] },
    'pages/mall/index': { network: 'all', packages: ['packages/mall'] },
    'pages/events/index': { network: 'all', packages: ['packages/events'] },
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
      // 81×81 PNGs (a few hundred bytes each), drawn once by a tiny script; see src/components/tabbar-icons.
      {
        pagePath: 'pages/card/index',
        text: '会员卡',
        iconPath: 'components/tabbar-icons/card.png',
        selectedIconPath: 'components/tabbar-icons/card-active.png',
      },
      {
        pagePath: 'pages/mall/index',
        text: '积分商城',
        iconPath: 'components/tabbar-icons/gift.png',
        selectedIconPath: 'components/tabbar-icons/gift-active.png',
      },
      {
        pagePath: 'pages/events/index',
        text: '活动',
        iconPath: 'components/tabbar-icons/event.png',
        selectedIconPath: 'components/tabbar-icons/event-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'components/tabbar-icons/me.png',
        selectedIconPath: 'components/tabbar-icons/me-active.png',
      },
    ],
  },
  ...(process.env.TARO_ENV === 'weapp' ? { lazyCodeLoading: 'requiredComponents' } : {}),
  // H5: no slide animation. Taro 4.2's H5 router hides the previous page on a timer (duration + delay) and does not
  // cancel it when that page is shown again, so going back within ~350 ms left the card tab blank (display: none).
  ...(process.env.TARO_ENV === 'h5' ? { animation: false } : {}),
})
