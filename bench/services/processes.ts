import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

/** Runs a TypeScript script of this folder in a child process and resolves with its first JSON line. */
export function runScript<T>(script: string, args: string[], keep: ChildProcess[] = []): Promise<T> {
  const child = spawn(process.execPath, ['-r', './scripts/register.js', path.join('bench/services', script), ...args], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
  keep.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve(JSON.parse(out.slice(0, nl)) as T);
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before answering`)));
  });
}

/** Ends child processes this benchmark started (stdin closed, then SIGTERM by pid). */
export function stopAll(children: ChildProcess[]): void {
  for (const c of children.splice(0)) {
    c.stdin?.end();
    if (c.exitCode === null && c.pid) c.kill('SIGTERM');
  }
}
