import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface KubectlResult { readonly code: number; readonly stdout: string; readonly stderr: string }

/**
 * Runs the real kubectl against a kubeconfig with an isolated discovery/HTTP cache. Always
 * asynchronous: the gateway under test runs in this same process.
 */
export function kubectlRunner(kubeconfig: string) {
  const cacheDir = path.join(path.dirname(kubeconfig), 'kube-cache');
  fs.mkdirSync(cacheDir, { recursive: true });
  return (args: string[], opts: { input?: string; timeoutMs?: number } = {}): Promise<KubectlResult> =>
    new Promise((resolve) => {
      const child = execFile('kubectl', ['--kubeconfig', kubeconfig, '--cache-dir', cacheDir, ...args], {
        timeout: opts.timeoutMs ?? 60_000, env: { ...process.env, HOME: path.dirname(kubeconfig), KUBECONFIG: kubeconfig },
      }, (err, stdout, stderr) => {
        const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 1) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      });
      if (opts.input !== undefined) child.stdin!.end(opts.input);
    });
}

/** Splits `kubectl get` table output into rows of cells. */
export function tableRows(out: string): string[][] {
  return out.trim().split('\n').filter(Boolean).map((l) => l.trim().split(/\s{2,}/));
}
