import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { waitUntil } from '@wake/testing';

const root = path.resolve(__dirname, '../..');

/** The real scheduler (apps/scheduler/src/main.ts) as a child process, with its output kept for its stats lines. */
export class SchedulerProcess {
  private readonly out: string[] = [];
  private constructor(readonly proc: ChildProcess) {
    proc.stdout!.on('data', (b: Buffer) => this.out.push(b.toString()));
    proc.stderr!.on('data', (b: Buffer) => this.out.push(b.toString()));
  }

  static async start(natsUrl: string, env: Record<string, string> = {}): Promise<SchedulerProcess> {
    // BENCH_SCHEDULER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", to profile the scheduler.
    const nodeArgs = (process.env.BENCH_SCHEDULER_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const p = spawn(process.execPath, [...nodeArgs, '-r', './scripts/register.js', 'apps/scheduler/src/main.ts'], {
      cwd: root, stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NATS_URL: natsUrl, WAKE_SCHEDULER_ID: 'bench', WAKE_SCHEDULER_LEASE_TTL_MS: '3000', ...env },
    });
    const s = new SchedulerProcess(p);
    await waitUntil(() => s.text.includes('leading:'), 60_000, 'the scheduler to lead');
    return s;
  }

  get pid(): number | undefined {
    return this.proc.pid;
  }

  get text(): string {
    return this.out.join('');
  }

  /** Stops it (SIGTERM: drains in-flight writes) and returns its final stats. */
  async stop(): Promise<Record<string, unknown> | undefined> {
    const p = this.proc;
    if (p.exitCode === null && p.signalCode === null) {
      await new Promise<void>((resolve) => { p.once('exit', () => resolve()); p.kill('SIGTERM'); });
    }
    const m = /final stats (\{.*\})/.exec(this.text);
    return m ? JSON.parse(m[1]) : undefined;
  }
}
