export default definePageConfig({
  navigationBarTitleText: '会员卡',
  enablePullDownRefresh: false,
  // weapp shows the member code with a native custom component (see src/components/member-code-native).
  ...(process.env.TARO_ENV === 'weapp'
    ? { usingComponents: { 'member-code-native': '../../components/member-code-native/index' } }
    : {}),
})
