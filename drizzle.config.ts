import { defineConfig } from 'drizzle-kit'

// `npm run db:generate` writes SQL migrations from src/cloud/db/schema/; they apply on PGlite and PostgreSQL.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/cloud/db/schema/index.ts',
  out: './src/cloud/db/migrations',
})
