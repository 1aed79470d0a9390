import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { connect, type NatsConnection } from 'nats';
import { JetStreamEventLog, streamSettingsFromEnv } from '@wake/events';
import { closePrisma, createPrisma, databaseUrlFromEnv, ProjectionStore, Projector, type PrismaClient } from '@wake/projection';

/** Runs the projector: the only writer of the projection tables (DESIGN invariant 1). */
@Injectable()
export class ProjectorService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Projector');
  private nc?: NatsConnection;
  private prisma?: PrismaClient;
  private projector?: Projector;

  async onApplicationBootstrap(): Promise<void> {
    const stream = streamSettingsFromEnv();
    this.nc = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:14222', name: 'wake-projector', maxReconnectAttempts: -1 });
    await JetStreamEventLog.open(this.nc, { stream }); // makes sure the stream exists
    this.prisma = createPrisma(databaseUrlFromEnv());
    this.projector = new Projector(this.nc, new ProjectionStore(this.prisma), {
      stream: stream.name,
      maxBatch: Number(process.env.WAKE_PROJECTOR_MAX_BATCH) || undefined,
      log: (m) => this.logger.log(m),
    });
    await this.projector.start();
    this.logger.log(`projecting ${stream.name} from sequence ${this.projector.lastSeq + 1}`);
    // A failed batch stops the loop; exit so the supervisor restarts us from the checkpoint.
    this.projector.done().catch((e) => {
      this.logger.error(`projector stopped: ${(e as Error).message}`);
      process.exit(1);
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.projector?.stop();
    if (this.prisma) await closePrisma(this.prisma);
    await this.nc?.drain();
  }
}
