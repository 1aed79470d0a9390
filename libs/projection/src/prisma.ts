import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../../generated/prisma/client';
import { createPool } from './pg-pool';

export type { PrismaClient };

/** A Prisma client on the pg driver adapter (Prisma 6.19 JS engine: no native engine). */
export function createPrisma(databaseUrl: string, poolSize = 10): PrismaClient {
  const pool = createPool(databaseUrl, poolSize);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  pools.set(prisma, pool);
  return prisma;
}

const pools = new WeakMap<PrismaClient, ReturnType<typeof createPool>>();

/** The pg pool under a client made by createPrisma (for statements Prisma would slow down). */
export function poolOf(prisma: PrismaClient): ReturnType<typeof createPool> | undefined {
  return pools.get(prisma);
}

/** Disconnects Prisma and closes its pg pool (Prisma does not own a pool it was given). */
export async function closePrisma(prisma: PrismaClient): Promise<void> {
  await prisma.$disconnect();
  await pools.get(prisma)?.end();
}

export function databaseUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:15432/wake';
}
