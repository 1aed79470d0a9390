import path from 'node:path';
import { defineConfig } from 'prisma/config';

// Prisma 6.19 with the JS engine: no native engine download is needed (none is reachable here).
export default defineConfig({
  schema: path.join(__dirname, 'prisma', 'schema.prisma'),
  engine: 'js',
  experimental: { adapter: true },
  async adapter() {
    const { PrismaPg } = await import('@prisma/adapter-pg');
    const { createPool } = await import('./libs/projection/src/pg-pool');
    return new PrismaPg(createPool(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:15432/wake', 2));
  },
});
