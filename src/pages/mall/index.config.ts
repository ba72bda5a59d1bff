export default definePageConfig({
  navigationBarTitleText: '积分商城',
  // Pull down to refresh the balance and the items' states (stock, windows).
  enablePullDownRefresh: true,
})
