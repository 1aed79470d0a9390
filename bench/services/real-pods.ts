import type { ChildProcess } from 'node:child_process';
import Docker from 'dockerode';
import { TestCluster, waitUntil } from '@wake/testing';
import { get } from '../../apps/node-agent/src/proxy/test-backends';
import { runScript, stopAll } from './processes';
import type { LoadFigures } from './throughput';

export type RealPodTarget = 'direct' | 'nodePort' | 'clusterIP';
const TARGETS: readonly RealPodTarget[] = ['direct', 'nodePort', 'clusterIP'];

/** The load tool's figures plus what the pod's kernel saw meanwhile. */
export type RealPodFigures = LoadFigures & {
  /**
   * Connections the pod's listening socket dropped during the run (TcpExt ListenDrops of the pod's
   * network namespace): busybox httpd listens with a backlog of 9, and each dropped SYN costs the
   * client (or the proxy) a retransmission 1 s later.
   */
  readonly listenDrops: number;
};

export interface RealPodsRow {
  readonly mode: 'keepalive' | 'close';
  readonly concurrency: number;
  /** Per target, the figures of its median trial (by req/s). */
  readonly direct: RealPodFigures;
  readonly nodePort: RealPodFigures;
  readonly clusterIP: RealPodFigures;
  /** Medians over the trials of each trial's ratio (req/s through the proxy / req/s direct) and p99 difference. */
  readonly nodePortRatio: number;
  readonly clusterIPRatio: number;
  readonly nodePortAddedP99Ms: number;
  readonly clusterIPAddedP99Ms: number;
  /** Every trial: the order its three runs went in, and their req/s and p99. */
  readonly trials: Array<{ order: RealPodTarget[]; rps: Record<RealPodTarget, number>; p99Ms: Record<RealPodTarget, number>; listenDrops: Record<RealPodTarget, number> }>;
}

export interface RealPodsResult {
  readonly nodes: number;
  readonly image: string;
  readonly pod: { readonly name: string; readonly podIP: string; readonly podNetwork: string; readonly subnet: string };
  readonly nodeAddress: string;
  readonly nodePort: number;
  readonly clusterIP: string;
  /** TestCluster start → the three targets answering with the pod's name. */
  readonly setupMs: number;
  readonly rows: RealPodsRow[];
  /** What TestCluster.stop() left behind on the Docker engine (both should be 0). */
  readonly leftAfterStop: { readonly containers: number; readonly networks: number };
}

export interface RealPodsPlan {
  readonly seconds: number;
  readonly trials: number;
  readonly levels: ReadonlyArray<{ mode: 'keepalive' | 'close'; c: number }>;
}

const NAME = 'bench-web';
const manifest = `
apiVersion: apps/v1
kind: Deployment
metadata: { name: ${NAME} }
spec:
  replicas: 1
  selector: { matchLabels: { app: ${NAME} } }
  template:
    metadata: { labels: { app: ${NAME} } }
    spec:
      terminationGracePeriodSeconds: 1
      containers:
        - name: web
          image: wake/web:1
          imagePullPolicy: Never
          ports: [{ containerPort: 80 }]
---
apiVersion: v1
kind: Service
metadata: { name: ${NAME} }
spec:
  type: NodePort
  selector: { app: ${NAME} }
  ports: [{ port: 80, targetPort: 80 }]
`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const ipToInt = (ip: string) => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
function inSubnet(ip: string, cidr: string): boolean {
  const [base, bits] = cidr.split('/');
  const size = 2 ** (32 - Number(bits));
  return Math.floor(ipToInt(ip) / size) === Math.floor(ipToInt(base) / size);
}

/**
 * The proxy against a REAL pod: a TestCluster (every Wake service a child process, one node agent
 * running Docker containers on its own bridge network), a one-replica Deployment of wake/web:1
 * (busybox httpd) behind a NodePort Service. The same load tool as section 2, for each mode, against
 * the pod directly (its podIP on the pod network), the NodePort on the node address and the ClusterIP
 * (both host loopback, served by the node agent's proxy). Each trial runs the three back to back, the
 * order rotated by one per trial (over 3 trials each target runs once in each position).
 * Traffic goes only to 127.0.0.0/8 and to the pod this function created (its address is checked to
 * lie on the cluster's own pod network before any load is sent).
 * `cleanup` receives the cluster's stop, for the caller's signal and deadline handlers.
 */
export async function benchRealPods(plan: RealPodsPlan, cleanup: Array<() => Promise<unknown>>, log: (m: string) => void): Promise<RealPodsResult> {
  const t0 = performance.now();
  const children: ChildProcess[] = [];
  const c = await TestCluster.start({ nodes: 1 });
  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= (async () => { stopAll(children); await c.stop(); })());
  cleanup.push(stop);
  const node = c.nodeNames[0];
  const nodeAddress = c.nodeAddresses[0];
  try {
    const applied = await c.kubectl(['apply', '-f', '-'], { input: manifest });
    if (applied.code !== 0) throw new Error(`kubectl apply: ${applied.stderr}`);
    type PodJson = { metadata: { name: string; deletionTimestamp?: string }; spec: { nodeName?: string }; status?: { podIP?: string; conditions?: Array<{ type: string; status: string }> } };
    let pod: PodJson | undefined;
    await waitUntil(async () => {
      const r = await c.kubectl(['get', 'pods', '-l', `app=${NAME}`, '-o', 'json']);
      const items = r.code === 0 ? (JSON.parse(r.stdout).items as PodJson[]) : [];
      pod = items.find((p) => !p.metadata.deletionTimestamp && p.status?.podIP && p.status.conditions?.some((x) => x.type === 'Ready' && x.status === 'True'));
      if (!pod) await sleep(500);
      return Boolean(pod);
    }, 120_000, `a ready ${NAME} pod with a podIP`);
    const podName = pod!.metadata.name;
    const podIP = pod!.status!.podIP!;
    const svc = JSON.parse((await c.kubectl(['get', 'svc', NAME, '-o', 'json'])).stdout) as { spec: { clusterIP: string; ports: Array<{ nodePort: number }> } };
    const clusterIP = svc.spec.clusterIP;
    const nodePort = svc.spec.ports[0].nodePort;

    // The networking rule: loopback, or the pod this benchmark created on its cluster's own pod network.
    const network = await new Docker().getNetwork(`wake-${node}`).inspect() as Docker.NetworkInspectInfo;
    if (network.Labels?.['wake.node'] !== node) throw new Error(`the pod network wake-${node} is not this cluster's`);
    const subnet = (network.IPAM?.Config ?? []).map((x) => x.Subnet).find((s) => s && !s.includes(':'));
    if (!subnet || !inSubnet(podIP, subnet)) throw new Error(`podIP ${podIP} is not on the cluster's pod network (${subnet})`);
    if (!clusterIP.startsWith('127.') || !nodeAddress.startsWith('127.')) throw new Error(`ClusterIP ${clusterIP} or node address ${nodeAddress} is not loopback`);

    const where: Record<RealPodTarget, [string, number]> = { direct: [podIP, 80], nodePort: [nodeAddress, nodePort], clusterIP: [clusterIP, 80] };
    for (const t of TARGETS) {
      const [ip, port] = where[t];
      await waitUntil(async () => {
        const body = await get(ip, port).catch(() => '');
        if (body.trim() !== podName) await sleep(200);
        return body.trim() === podName;
      }, 30_000, `${podName} answering on ${ip}:${port} (${t})`);
    }
    const setupMs = performance.now() - t0;
    log(`   pod ${podName} at ${podIP} (${subnet}), NodePort ${nodeAddress}:${nodePort}, ClusterIP ${clusterIP}:80; ready ${Math.round(setupMs / 1000)} s after TestCluster.start`);

    const drops = () => listenDrops(c, podName);
    const load = async (t: RealPodTarget, conc: number, mode: string): Promise<RealPodFigures> => {
      const before = await drops();
      const figures = await runScript<LoadFigures>('load-tool.ts', [where[t][0], String(where[t][1]), String(conc), String(plan.seconds), mode], children);
      return { ...figures, listenDrops: (await drops()) - before };
    };
    const rows: RealPodsRow[] = [];
    for (const level of plan.levels) {
      const trials: Array<Record<RealPodTarget, RealPodFigures> & { order: RealPodTarget[] }> = [];
      for (let i = 0; i < plan.trials; i++) {
        const order = TARGETS.map((_, k) => TARGETS[(k + i) % TARGETS.length]);
        const got = {} as Record<RealPodTarget, RealPodFigures>;
        for (const t of order) got[t] = await load(t, level.c, level.mode);
        trials.push({ ...got, order });
      }
      const pick = (t: RealPodTarget) => [...trials].sort((a, b) => a[t].rps - b[t].rps)[Math.floor(trials.length / 2)][t];
      rows.push({
        mode: level.mode, concurrency: level.c,
        direct: pick('direct'), nodePort: pick('nodePort'), clusterIP: pick('clusterIP'),
        nodePortRatio: median(trials.map((x) => x.nodePort.rps / x.direct.rps)),
        clusterIPRatio: median(trials.map((x) => x.clusterIP.rps / x.direct.rps)),
        nodePortAddedP99Ms: median(trials.map((x) => x.nodePort.p99Ms - x.direct.p99Ms)),
        clusterIPAddedP99Ms: median(trials.map((x) => x.clusterIP.p99Ms - x.direct.p99Ms)),
        trials: trials.map((x) => ({
          order: x.order,
          rps: { direct: x.direct.rps, nodePort: x.nodePort.rps, clusterIP: x.clusterIP.rps },
          p99Ms: { direct: x.direct.p99Ms, nodePort: x.nodePort.p99Ms, clusterIP: x.clusterIP.p99Ms },
          listenDrops: { direct: x.direct.listenDrops, nodePort: x.nodePort.listenDrops, clusterIP: x.clusterIP.listenDrops },
        })),
      });
      log(`   ${level.mode === 'keepalive' ? 'kept alive' : 'one per request'}, c=${level.c}: done`);
    }
    await stop();
    cleanup.splice(cleanup.indexOf(stop), 1);
    return {
      nodes: 1, image: 'wake/web:1 (busybox httpd)', pod: { name: podName, podIP, podNetwork: network.Name, subnet },
      nodeAddress, nodePort, clusterIP, setupMs, rows, leftAfterStop: await leftOnDocker(node),
    };
  } finally {
    await stop();
  }
}

/** TcpExt ListenDrops in the pod's network namespace (its /proc/net/netstat), read with kubectl exec. */
async function listenDrops(c: TestCluster, pod: string): Promise<number> {
  const r = await c.kubectl(['exec', pod, '--', 'cat', '/proc/net/netstat']);
  const lines = r.stdout.split('\n').filter((l) => l.startsWith('TcpExt:'));
  if (r.code !== 0 || lines.length < 2) return NaN;
  const names = lines[0].split(/\s+/);
  const values = lines[1].split(/\s+/);
  return Number(values[names.indexOf('ListenDrops')]);
}

/** Containers and pod networks of the node still on the engine. */
async function leftOnDocker(node: string): Promise<{ containers: number; networks: number }> {
  const docker = new Docker();
  const filters = { label: [`wake.node=${node}`] };
  return { containers: (await docker.listContainers({ all: true, filters })).length, networks: (await docker.listNetworks({ filters })).length };
}
