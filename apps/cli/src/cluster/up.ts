import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { components, ROOT, WAKE_HOME, type ClusterShape } from './components';
import { logFile, runningPid, startComponent } from './processes';

const run = promisify(execFile);
const kubeconfig = () => path.join(WAKE_HOME, 'kubeconfig');

export interface UpOptions extends ClusterShape {
  readonly example: boolean;
  readonly timeoutSeconds: number;
}

type Step = (title: string, work: () => Promise<string | void>) => Promise<void>;

/** Prints each step as it starts and how it ended, with its duration. */
const step: Step = async (title, work) => {
  const t0 = Date.now();
  process.stdout.write(`  … ${title}\n`);
  try {
    const note = await work();
    process.stdout.write(`  ✓ ${title}${note ? `: ${note}` : ''} (${((Date.now() - t0) / 1000).toFixed(1)}s)\n`);
  } catch (e) {
    process.stdout.write(`  ✗ ${title}: ${(e as Error).message}\n`);
    throw e;
  }
};

async function until(what: string, timeoutMs: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
}

export const kubectl = (...args: string[]) => run('kubectl', ['--kubeconfig', kubeconfig(), '--cache-dir', path.join(WAKE_HOME, 'kube-cache'), ...args], { cwd: ROOT });

/**
 * The local cluster: NATS, PostgreSQL (set up by scripts/setup.sh before this runs), the
 * projector, gateway, scheduler, controllers and node agents as background processes,
 * then the example workload. A second run finds what is up and starts only what is not.
 */
export async function up(opts: UpOptions): Promise<void> {
  const env = { ...process.env };
  for (const c of components(opts)) {
    await step(`${c.name}`, async () => {
      if (!fs.existsSync(path.join(ROOT, c.main))) throw new Error(`${c.main} does not exist yet`);
      const pid = runningPid(c.name);
      if (pid) return `already running (pid ${pid})`;
      return `started (pid ${startComponent(c, env)}, log ${path.relative(ROOT, logFile(c.name))})`;
    });
  }
  await step('gateway ready', async () => {
    await until('the gateway to answer /readyz', opts.timeoutSeconds * 1000, async () => {
      if (!fs.existsSync(kubeconfig())) return false;
      return (await kubectl('get', '--raw', '/readyz')).stdout.trim() === 'ok';
    });
    return `kubeconfig ${kubeconfig()}`;
  });
  await step(`${opts.nodes} nodes Ready`, async () => {
    await until('the nodes to be Ready', opts.timeoutSeconds * 1000, async () => {
      const { stdout } = await kubectl('get', 'nodes', '--no-headers');
      return stdout.split('\n').filter((l) => /\sReady\s/.test(l)).length >= opts.nodes;
    });
  });
  if (!opts.example) return;
  await step('example workload (examples/nginx.yaml)', async () => {
    await kubectl('apply', '-f', path.join(ROOT, 'examples/nginx.yaml'));
    await kubectl('rollout', 'status', 'deployment/nginx', `--timeout=${opts.timeoutSeconds}s`);
    return 'deployment/nginx available';
  });
  await step('service/nginx on http://127.0.0.2:30080/', async () => {
    let body = '';
    await until('the NodePort to answer', opts.timeoutSeconds * 1000, async () => { body = await httpGet('http://127.0.0.2:30080/'); return true; });
    return `answered by ${body.trim()}`;
  });
}

function httpGet(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false, timeout: 2_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => { body += d; });
      res.on('end', () => (res.statusCode === 200 ? resolve(body) : reject(new Error(`HTTP ${res.statusCode}`))));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}
