import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../../../..');

export interface AgentProcessOptions {
  readonly nodeName: string;
  readonly nodeAddress: string;
  readonly natsUrl: string;
  readonly dataDir: string;
  /** Label put on every container the agent starts (for the test's cleanup). */
  readonly testLabel: string;
  readonly env?: Record<string, string>;
}

/** A node agent as a child process (`main.ts` through Nest), so a test can kill -9 it. */
export class AgentProcess {
  private proc?: ChildProcess;
  output = '';

  constructor(readonly o: AgentProcessOptions) {}

  start(): this {
    this.output = '';
    const p = spawn(process.execPath, ['-r', './scripts/register.js', 'apps/node-agent/src/main.ts'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        NATS_URL: this.o.natsUrl,
        WAKE_NODE_NAME: this.o.nodeName,
        WAKE_NODE_ADDRESS: this.o.nodeAddress,
        WAKE_DATA_DIR: this.o.dataDir,
        WAKE_CONTAINER_LABELS: `wake.test=${this.o.testLabel}`,
        WAKE_LEASE_RENEW_SECONDS: '2',
        WAKE_RESYNC_SECONDS: '5',
        ...this.o.env,
      },
    });
    const keep = (d: Buffer) => { this.output = (this.output + d.toString()).slice(-20_000); };
    p.stdout!.on('data', keep);
    p.stderr!.on('data', keep);
    this.proc = p;
    return this;
  }

  get pid(): number | undefined {
    return this.proc?.pid;
  }

  get alive(): boolean {
    const p = this.proc;
    return !!p && p.exitCode === null && p.signalCode === null;
  }

  async kill(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const p = this.proc;
    if (!p || !this.alive) return;
    await new Promise<void>((resolve) => { p.once('exit', () => resolve()); p.kill(signal); });
  }
}
