import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../../generated/prisma/client';
import { createPool } from './pg-pool';

export type { PrismaClient };

/** A Prisma client on the pg driver adapter (Prisma 6.19 JS engine: no native engine). */
export function createPrisma(databaseUrl: string, poolSize = 10): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg(createPool(databaseUrl, poolSize)) });
}

export function databaseUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:15432/wake';
}
