import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../../../..');

/** The controllers service as a child process (`apps/controllers/src/main.ts`), for crash tests and benchmarks. */
export class ControllersProcess {
  output = '';
  private constructor(readonly child: ChildProcess) {}

  static start(env: Record<string, string>): ControllersProcess {
    const child = spawn(process.execPath, ['-r', './scripts/register.js', 'apps/controllers/src/main.ts'], {
      cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env },
    });
    const p = new ControllersProcess(child);
    const keep = (b: Buffer) => { p.output = (p.output + b.toString()).slice(-20_000); };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    return p;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  async kill(signal: NodeJS.Signals): Promise<void> {
    if (!this.running) return;
    await new Promise<void>((resolve) => { this.child.once('exit', () => resolve()); this.child.kill(signal); });
  }
}
