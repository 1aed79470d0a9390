import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

/** A Wake service run the way an operator runs it: `node -r ./scripts/register.js <main.ts>`, output kept for errors. */
export class ServiceProcess {
  output = '';
  private constructor(readonly name: string, readonly child: ChildProcess) {}

  static start(name: string, main: string, env: Record<string, string>): ServiceProcess {
    const child = spawn(process.execPath, ['-r', './scripts/register.js', main], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    const p = new ServiceProcess(name, child);
    const keep = (b: Buffer) => { p.output = (p.output + b.toString()).slice(-30_000); };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    return p;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  async waitFor(pattern: RegExp, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(this.output)) {
      if (!this.running) throw new Error(`${this.name} exited:\n${this.output.slice(-3000)}`);
      if (Date.now() > deadline) throw new Error(`${this.name}: no ${pattern} within ${timeoutMs} ms:\n${this.output.slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (!this.running) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill(signal);
    const t = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(t);
  }
}
