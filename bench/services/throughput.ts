import type { ChildProcess } from 'node:child_process';
import type { EndpointSlice, Service } from '@wake/services';
import { ServiceProxy } from '../../apps/node-agent/src/proxy/service-proxy';
import { runScript, stopAll } from './processes';

export interface LoadFigures {
  readonly requests: number;
  readonly errors: number;
  readonly rps: number;
  /** Share of the requests sent on a reused (kept-alive) connection. */
  readonly reusedShare?: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly p999Ms: number;
}

export interface ThroughputRow {
  readonly mode: 'keepalive' | 'close';
  readonly concurrency: number;
  readonly direct: LoadFigures;
  readonly nodePort: LoadFigures;
  /** nodePort rps / direct rps, and nodePort p99 − direct p99 (the latency the proxy adds). */
  readonly rpsRatio: number;
  readonly addedP99Ms: number;
}

/**
 * Proxy throughput and added latency: the same load tool (a separate process) against the backend
 * directly and through the NodePort, one right after the other, for each mode; trials alternate the
 * order and the median trial (by rps) is kept. The backend is a separate process too; the proxy runs
 * here, as it runs inside the node agent.
 */
export async function benchThroughput(plan: { seconds: number; trials: number; levels: Array<{ mode: 'keepalive' | 'close'; c: number }> }, addr: (host: number) => string): Promise<ThroughputRow[]> {
  const children: ChildProcess[] = [];
  const proxy = new ServiceProxy({ nodeAddress: addr(2) });
  try {
    const backendIP = addr(21);
    const { port } = await runScript<{ port: number }>('http-backend.ts', [backendIP, 'pod-a'], children);
    const nodePort = 30000 + Math.floor(Math.random() * 2700);
    const service: Service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'load', namespace: 'default' }, spec: { type: 'NodePort', clusterIP: addr(1), ports: [{ port: 8080, protocol: 'TCP', nodePort }] } };
    const slice: EndpointSlice = {
      apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', addressType: 'IPv4',
      metadata: { name: 'load-x', namespace: 'default', labels: { 'kubernetes.io/service-name': 'load' } },
      ports: [{ name: '', port, protocol: 'TCP' }], endpoints: [{ addresses: [backendIP], conditions: { ready: true } }],
    };
    await proxy.sync([service], [slice]);
    const load = (ip: string, p: number, c: number, mode: string) => runScript<LoadFigures>('load-tool.ts', [ip, String(p), String(c), String(plan.seconds), mode], children);
    const rows: ThroughputRow[] = [];
    for (const level of plan.levels) {
      const trials: Array<{ direct: LoadFigures; nodePort: LoadFigures }> = [];
      for (let t = 0; t < plan.trials; t++) {
        const first = t % 2 === 0 ? 'direct' : 'nodePort';
        const run = (which: string) => (which === 'direct' ? load(backendIP, port, level.c, level.mode) : load(addr(2), nodePort, level.c, level.mode));
        const x = await run(first);
        const y = await run(first === 'direct' ? 'nodePort' : 'direct');
        trials.push(first === 'direct' ? { direct: x, nodePort: y } : { direct: y, nodePort: x });
      }
      const ratio = (r: { direct: LoadFigures; nodePort: LoadFigures }) => r.nodePort.rps / r.direct.rps;
      const median = [...trials].sort((p, q) => ratio(p) - ratio(q))[Math.floor(trials.length / 2)];
      rows.push({ mode: level.mode, concurrency: level.c, ...median, rpsRatio: ratio(median), addedP99Ms: median.nodePort.p99Ms - median.direct.p99Ms });
    }
    return rows;
  } finally {
    await proxy.close();
    stopAll(children);
  }
}
