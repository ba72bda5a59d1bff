// Two worlds share this file: Taro's build (babel-preset-taro) and jest (plain presets for node and jsdom).
module.exports = (api) => {
  const isTest = api.env('test')
  if (isTest) {
    return {
      presets: [
        ['@babel/preset-env', { targets: { node: 'current' } }],
        ['@babel/preset-typescript', { allowDeclareFields: true }],
        ['@babel/preset-react', { runtime: 'automatic' }],
      ],
    }
  }
  return {
    presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
    plugins: [
      [
        'import',
        { libraryName: '@nutui/nutui-react-taro', libraryDirectory: 'dist/esm', style: 'css', camel2DashComponentName: false },
        'nutui-react-taro',
      ],
    ],
  }
}
