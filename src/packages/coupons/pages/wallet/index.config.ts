export default definePageConfig({
  navigationBarTitleText: '我的券包',
  onReachBottomDistance: 80,
})
