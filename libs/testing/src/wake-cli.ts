import { execFile } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

export interface WakeCliResult {
  readonly stdout: string;
  readonly stderr: string;
  /** The exit code (0 on success). */
  readonly code: number;
}

/**
 * The `wake` CLI as a child process, on the given log and database (what `./wake` execs, without
 * the wrapper's .wake/env, which would point at the dev cluster). Never throws on a non-zero exit:
 * tests assert the code.
 */
export function runWake(args: readonly string[], env: { NATS_URL: string; DATABASE_URL: string } & Record<string, string>, timeoutMs = 90_000): Promise<WakeCliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['-r', './scripts/register.js', 'apps/cli/src/main.ts', ...args], {
      cwd: root, env: { ...process.env, ...env }, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024,
    }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 1) : 0;
      resolve({ stdout: String(stdout), stderr: String(stderr), code });
    });
  });
}
