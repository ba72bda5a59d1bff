export default definePageConfig({ navigationBarTitleText: 'x' })
