import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { removeContainersSequentially, removePodNetworks } from './docker-cleanup';
import { freePort, waitUntil } from './ports';
import { createTestDatabase } from './postgres';
import { claimSubnet } from './subnet-claim';
import { TestNatsServer } from './nats-server';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../../..');

export interface RunningKubectl {
  output(): string;
  /** Waits until the output matches; the match and its groups. */
  waitForOutput(pattern: RegExp, timeoutMs: number): Promise<string[]>;
  kill(): void;
}

export interface KubectlResult { readonly code: number; readonly stdout: string; readonly stderr: string }

/** A pod as the e2e tests look at it, from `kubectl get pods -o json`. */
export interface PodRow {
  readonly name: string;
  readonly uid: string;
  readonly phase: string;
  readonly node: string;
  readonly image: string;
  readonly ready: boolean;
  readonly terminating: boolean;
}

export interface TestClusterOptions {
  /** Node agents (real Docker); default 2. */
  readonly nodes?: number;
  /** Extra environment per service, e.g. short node grace periods for the controllers. */
  readonly env?: Partial<Record<'gateway' | 'scheduler' | 'controllers' | 'projector' | 'node', Record<string, string>>>;
}

/**
 * A whole private cluster for one end-to-end test file: its own nats-server and database,
 * and every Wake service as a real child process — projector, gateway (HTTPS, kubeconfig),
 * scheduler, controllers and node agents running real Docker containers on their own
 * loopback addresses (127.0.<x>.2, .3, …). Node names are unique per run, so concurrent test
 * files and other clusters on the same Docker engine never touch each other's containers.
 */
export class TestCluster {
  private readonly procs = new Map<string, ChildProcess>();
  readonly nodeNames: string[];
  readonly nodeAddresses: string[];
  private readonly run: string;
  private readonly subnet: number;
  private readonly releaseSubnet: () => void;
  private constructor(
    readonly dir: string, readonly nats: TestNatsServer, private readonly db: { url: string; drop: () => Promise<void> },
    readonly gatewayPort: number, private readonly opts: TestClusterOptions,
  ) {
    this.run = Math.random().toString(36).slice(2, 7);
    const claim = claimSubnet();
    this.subnet = claim.subnet;
    this.releaseSubnet = claim.release;
    const n = opts.nodes ?? 2;
    this.nodeNames = Array.from({ length: n }, (_, i) => this.nodeName(i));
    this.nodeAddresses = Array.from({ length: n }, (_, i) => `127.0.${this.subnet}.${i + 2}`);
  }

  /**
   * The cluster's own ClusterIP range (127.<subnet>.0.0/16, never `wake up`'s 127.100.0.0/16): two
   * clusters on one machine would otherwise hand out the same ClusterIPs and share their listeners.
   */
  get serviceCidr(): string {
    return `127.${this.subnet === 100 ? 250 : this.subnet}.0.0/16`;
  }

  private nodeName(i: number): string {
    return `e2e-${this.run}-${String.fromCharCode(97 + i)}`;
  }

  static async start(opts: TestClusterOptions = {}): Promise<TestCluster> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wake-e2e-'));
    const nats = await TestNatsServer.start();
    const db = await createTestDatabase('wake_e2e');
    const c = new TestCluster(dir, nats, db, await freePort(), opts);
    c.spawn('projector', 'apps/projector/src/main.ts', opts.env?.projector);
    c.spawn('gateway', 'apps/gateway/src/main.ts', { WAKE_GATEWAY_PORT: String(c.gatewayPort), ...opts.env?.gateway });
    c.spawn('scheduler', 'apps/scheduler/src/main.ts', opts.env?.scheduler);
    c.spawn('controllers', 'apps/controllers/src/main.ts', opts.env?.controllers);
    c.nodeNames.forEach((_, i) => c.startNode(i));
    try {
      await waitUntil(() => fs.existsSync(c.kubeconfig), 60_000, 'the gateway to write its kubeconfig');
      await waitUntil(async () => (await c.kubectl(['get', '--raw', '/readyz'])).stdout.trim() === 'ok', 60_000, 'the gateway to be ready');
      await waitUntil(async () => {
        const out = (await c.kubectl(['get', 'nodes', '--no-headers'])).stdout;
        return c.nodeNames.every((n) => new RegExp(`^${n}\\s+Ready\\s`, 'm').test(out));
      }, 90_000, 'every node to be Ready');
    } catch (e) {
      // Say why (the services' own logs), and leave nothing behind: the caller never gets `c` to stop.
      const logs = ['gateway', ...c.nodeNames].map((n) => `--- ${n} ---\n${c.logOf(n).slice(-2000)}`).join('\n');
      await c.stop().catch(() => undefined);
      throw new Error(`${(e as Error).message}\n${logs}`);
    }
    return c;
  }

  /** The cluster's database (for the `wake` CLI's history commands). */
  get databaseUrl(): string {
    return this.db.url;
  }

  get kubeconfig(): string {
    return path.join(this.dir, 'kubeconfig');
  }

  /** The log of one service (for a failing test's message). */
  logOf(name: string): string {
    try { return fs.readFileSync(path.join(this.dir, `${name}.log`), 'utf8'); } catch { return ''; }
  }

  /** Registers one more node agent (the next name and address) and starts it; returns its name. */
  addNode(): string {
    const i = this.nodeNames.length;
    this.nodeNames.push(this.nodeName(i));
    this.nodeAddresses.push(`127.0.${this.subnet}.${i + 2}`);
    this.startNode(i);
    return this.nodeNames[i];
  }

  startNode(i: number): void {
    this.spawn(this.nodeNames[i], 'apps/node-agent/src/main.ts', {
      WAKE_NODE_NAME: this.nodeNames[i], WAKE_NODE_ADDRESS: this.nodeAddresses[i],
      WAKE_DATA_DIR: path.join(this.dir, 'nodes', this.nodeNames[i]), WAKE_LEASE_RENEW_SECONDS: '2', ...this.opts.env?.node,
    });
  }

  /** Kills a service (SIGKILL by default: a crash) and waits for it to be gone. */
  async kill(name: string, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const p = this.procs.get(name);
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    await new Promise<void>((resolve) => { p.once('exit', () => resolve()); p.kill(signal); });
  }

  restart(name: string): void {
    const i = this.nodeNames.indexOf(name);
    if (i >= 0) return this.startNode(i);
    const mains: Record<string, string> = { projector: 'apps/projector/src/main.ts', gateway: 'apps/gateway/src/main.ts', scheduler: 'apps/scheduler/src/main.ts', controllers: 'apps/controllers/src/main.ts' };
    this.spawn(name, mains[name], name === 'gateway' ? { WAKE_GATEWAY_PORT: String(this.gatewayPort) } : {});
  }

  /**
   * A long-running kubectl (port-forward, logs -f): its output so far, a wait for a pattern in it
   * (the match's groups), and kill. The caller kills it (in a finally).
   */
  spawnKubectl(args: string[], env: Record<string, string> = {}): RunningKubectl {
    const child = spawn('kubectl', ['--kubeconfig', this.kubeconfig, '--cache-dir', path.join(this.dir, 'kube-cache'), ...args], {
      env: { ...process.env, HOME: this.dir, KUBECONFIG: this.kubeconfig, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d: Buffer) => { output += d.toString(); });
    child.stderr!.on('data', (d: Buffer) => { output += d.toString(); });
    return {
      output: () => output,
      waitForOutput: async (pattern, timeoutMs) => {
        let m: RegExpMatchArray | null = null;
        await waitUntil(async () => {
          m = pattern.exec(output);
          if (!m) await new Promise((r) => setTimeout(r, 100));
          return m !== null || child.exitCode !== null;
        }, timeoutMs, `kubectl ${args.join(' ')} to print ${pattern}`);
        if (!m) throw new Error(`kubectl ${args.join(' ')} exited (${child.exitCode}) without printing ${pattern}: ${output}`);
        return [...(m as RegExpMatchArray)];
      },
      kill: () => { if (child.exitCode === null) child.kill('SIGINT'); },
    };
  }

  kubectl(args: string[], opts: { input?: string; timeoutMs?: number } = {}): Promise<KubectlResult> {
    const cacheDir = path.join(this.dir, 'kube-cache');
    return new Promise((resolve) => {
      const child = execFile('kubectl', ['--kubeconfig', this.kubeconfig, '--cache-dir', cacheDir, ...args], {
        timeout: opts.timeoutMs ?? 60_000, env: { ...process.env, HOME: this.dir, KUBECONFIG: this.kubeconfig },
      }, (err, stdout, stderr) => {
        const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 1) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      });
      if (opts.input !== undefined) child.stdin!.end(opts.input);
    });
  }

  /** The pods matching a label selector, read with the real kubectl. */
  async pods(selector: string): Promise<PodRow[]> {
    const r = await this.kubectl(['get', 'pods', '-l', selector, '-o', 'json']);
    if (r.code !== 0) throw new Error(`kubectl get pods -l ${selector}: ${r.stderr}`);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return JSON.parse(r.stdout).items.map((p: any) => ({
      name: p.metadata.name, uid: p.metadata.uid, phase: p.status?.phase, node: p.spec.nodeName,
      image: p.spec.containers[0].image, terminating: Boolean(p.metadata.deletionTimestamp),
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      ready: (p.status?.conditions ?? []).some((x: any) => x.type === 'Ready' && x.status === 'True'),
    }));
  }

  /** Docker containers of this cluster's pods (all nodes, or one). */
  async containers(node?: string): Promise<Array<{ id: string; labels: Record<string, string> }>> {
    const nodes = node ? [node] : this.nodeNames;
    const out: Array<{ id: string; labels: Record<string, string> }> = [];
    for (const n of nodes) {
      const { stdout } = await run('docker', ['ps', '-q', '--filter', `label=wake.node=${n}`]);
      for (const id of stdout.split('\n').filter(Boolean)) {
        const { stdout: json } = await run('docker', ['inspect', '--format', '{{json .Config.Labels}}', id]);
        out.push({ id, labels: JSON.parse(json) });
      }
    }
    return out;
  }

  async stop(): Promise<void> {
    for (const name of [...this.nodeNames, 'controllers', 'scheduler', 'gateway', 'projector']) await this.kill(name, 'SIGTERM');
    // One at a time: bulk removal can deadlock Docker 20.10 (see docker-cleanup.ts).
    for (const n of this.nodeNames) await removeContainersSequentially(`wake.node=${n}`).catch(() => undefined);
    for (const n of this.nodeNames) await removePodNetworks(`wake.node=${n}`).catch(() => undefined);
    await this.nats.stop();
    await this.db.drop();
    fs.rmSync(this.dir, { recursive: true, force: true });
    this.releaseSubnet();
  }

  private spawn(name: string, main: string, env: Record<string, string> = {}): void {
    const log = fs.openSync(path.join(this.dir, `${name}.log`), 'a');
    const p = spawn(process.execPath, ['-r', path.join(root, 'scripts/register.js'), path.join(root, main)], {
      cwd: root, stdio: ['ignore', log, log],
      env: {
        ...process.env, NATS_URL: this.nats.url, DATABASE_URL: this.db.url, WAKE_HOME: this.dir, WAKE_LOG_LEVEL: 'warn',
        WAKE_SERVICE_CIDR: this.serviceCidr, ...env,
      },
    });
    this.procs.set(name, p);
  }
}
