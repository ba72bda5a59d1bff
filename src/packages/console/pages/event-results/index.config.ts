export default definePageConfig({ navigationBarTitleText: '报名与数据' })
