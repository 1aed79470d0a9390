import type { PrismaClient } from '@wake/projection';
import { processCpuMicros } from '../support/cpu';

/**
 * CPU time of the PostgreSQL processes working for one database (its client backends and the
 * autovacuum workers on it), read from /proc: PostgreSQL runs on this machine. The list of
 * processes is polled, so a backend born during the measurement counts from its start; one
 * that exits counts up to its last poll.
 */
export class PgBackendCpu {
  private readonly baseline = new Map<number, number>();
  private readonly latest = new Map<number, number>();
  private timer?: NodeJS.Timeout;
  private polling?: Promise<void>;

  constructor(private readonly prisma: PrismaClient, private readonly everyMs = 250) {}

  async start(): Promise<void> {
    this.baseline.clear();
    this.latest.clear();
    await this.poll(true);
    this.timer = setInterval(() => { this.polling ??= this.poll(false).finally(() => { this.polling = undefined; }); }, this.everyMs);
  }

  /** Microseconds of CPU the database's processes used since start(). */
  async stop(): Promise<number | undefined> {
    clearInterval(this.timer);
    await this.polling;
    await this.poll(false);
    if (!this.latest.size) return undefined;
    let total = 0;
    for (const [pid, cpu] of this.latest) total += cpu - (this.baseline.get(pid) ?? 0);
    return total;
  }

  private async poll(first: boolean): Promise<void> {
    const rows = await this.prisma.$queryRawUnsafe<{ pid: number }[]>(
      'SELECT pid FROM pg_stat_activity WHERE datname = current_database()',
    ).catch(() => []);
    for (const { pid } of rows) {
      const cpu = processCpuMicros(Number(pid));
      if (cpu === undefined) continue;
      if (first) this.baseline.set(Number(pid), cpu);
      this.latest.set(Number(pid), cpu);
    }
  }
}
