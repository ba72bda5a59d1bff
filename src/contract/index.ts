export * from './errors'
export * from './schemas'
export { zodIssuesToFields } from './zod-fields'
