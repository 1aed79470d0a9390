import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, waitUntil } from './ports';

/** A real nats-server with JetStream on 127.0.0.1, private to one test file. */
export class TestNatsServer {
  private proc?: ChildProcess;
  private constructor(readonly port: number, readonly monitorPort: number, readonly dir: string) {}

  static async start(): Promise<TestNatsServer> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wake-nats-'));
    const server = new TestNatsServer(await freePort(), await freePort(), dir);
    fs.writeFileSync(path.join(dir, 'nats.conf'), [
      `listen: 127.0.0.1:${server.port}`,
      `http: 127.0.0.1:${server.monitorPort}`,
      'max_payload: 4MB',
      `jetstream { store_dir: "${path.join(dir, 'store')}" }`,
    ].join('\n'));
    await server.run();
    return server;
  }

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  private async run(): Promise<void> {
    this.proc = spawn('nats-server', ['-c', path.join(this.dir, 'nats.conf')], { stdio: 'ignore' });
    await waitUntil(async () => {
      const r = await fetch(`http://127.0.0.1:${this.monitorPort}/healthz?js-enabled-only=true`);
      return r.ok;
    }, 10_000, 'nats-server to be healthy');
  }

  /** Stops the server (SIGTERM, or SIGKILL for a crash) and starts it again on the same store. */
  async restart(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    await this.halt(signal);
    await this.run();
  }

  async halt(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const p = this.proc;
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    await new Promise<void>((resolve) => { p.once('exit', () => resolve()); p.kill(signal); });
  }

  async stop(): Promise<void> {
    await this.halt();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
