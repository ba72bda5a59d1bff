import { dropDatabase, TEMPLATE_ENV } from './pg-admin'

export default async function globalTeardown(): Promise<void> {
  const baseUrl = process.env.DATABASE_URL
  const template = process.env[TEMPLATE_ENV]
  if (baseUrl && template) await dropDatabase(baseUrl, template)
}
