import { connect, type NatsConnection } from 'nats';
import { DEFAULT_STREAM, JetStreamEventLog } from '@wake/events';
import { createTestDatabase, TestNatsServer } from '@wake/testing';
import { closePrisma, createPrisma, type PrismaClient } from '../prisma';
import { ProjectionStore } from '../projection-store';

/**
 * What a projection integration test stands on: a private nats-server with the log on its own
 * stream, and a fresh migrated database with a ProjectionStore. `stop()` removes all of it.
 */
export class LogAndProjection {
  private constructor(
    readonly nats: TestNatsServer, readonly nc: NatsConnection, readonly log: JetStreamEventLog,
    readonly db: { url: string; drop: () => Promise<void> }, readonly prisma: PrismaClient, readonly store: ProjectionStore,
  ) {}

  static async start(streamName: string): Promise<LogAndProjection> {
    const nats = await TestNatsServer.start();
    const nc = await connect({ servers: nats.url });
    const log = await JetStreamEventLog.open(nc, { stream: { ...DEFAULT_STREAM, name: streamName } });
    const db = await createTestDatabase();
    const prisma = createPrisma(db.url);
    return new LogAndProjection(nats, nc, log, db, prisma, new ProjectionStore(prisma));
  }

  async stop(): Promise<void> {
    await closePrisma(this.prisma);
    await this.db.drop();
    await this.nc.drain();
    await this.nats.stop();
  }
}
