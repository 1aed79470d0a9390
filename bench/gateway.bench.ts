/**
 * The gateway's speed against the Kubernetes API SLOs and against the raw log in the same run:
 *   1. ConfigMap create (1 KB) over HTTPS at concurrency 32: throughput, p50/p99 — vs raw
 *      `append` of the same objects at the same concurrency (ratio);
 *   2. with 10k ConfigMaps in one namespace: p99 of single-object GET and of the namespace LIST.
 * SLOs (kubernetes/community sig-scalability): mutating p99 ≤ 1 s, single-object read p99 ≤ 1 s,
 * namespace-scoped LIST p99 ≤ 5 s. Private nats-server, fresh database, projector and gateway in-process.
 *
 *   node -r ./scripts/register.js bench/gateway.bench.ts [--quick]
 */
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { GatewayHarness } from '../apps/gateway/src/testing/harness';

const quick = process.argv.includes('--quick');
const PLAN = quick ? { creates: 2_000, appends: 2_000, objects: 2_000, gets: 500, lists: 5 } : { creates: 10_000, appends: 10_000, objects: 10_000, gets: 2_000, lists: 20 };
const CONCURRENCY = 32;
const out = path.join(__dirname, 'results', quick ? 'gateway.quick.json' : 'gateway.json');
const payload = 'x'.repeat(1024 - 40);

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0;
}

async function concurrently(n: number, concurrency: number, op: (i: number) => Promise<void>): Promise<{ seconds: number; latencies: number[] }> {
  const latencies: number[] = [];
  let next = 0;
  const start = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    for (let i = next++; i < n; i = next++) {
      const t = process.hrtime.bigint();
      await op(i);
      latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  }));
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, latencies: latencies.sort((a, b) => a - b) };
}

function summary(r: { seconds: number; latencies: number[] }) {
  return { ops: r.latencies.length, perSecond: Math.round(r.latencies.length / r.seconds), p50Ms: +percentile(r.latencies, 50).toFixed(2), p99Ms: +percentile(r.latencies, 99).toFixed(2), maxMs: +r.latencies[r.latencies.length - 1].toFixed(2) };
}

async function main(): Promise<void> {
  const h = await GatewayHarness.start();
  const agent = new https.Agent({ keepAlive: true, maxSockets: CONCURRENCY, ca: h.caCert });
  const call = (method: string, p: string, body?: unknown) => new Promise<number>((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = https.request(new URL(p, h.url), {
      method, agent, headers: { Authorization: `Bearer ${h.gateway.token}`, ...(data ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(data) } : {}) },
    }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode ?? 0)); });
    req.on('error', reject);
    req.end(data);
  });
  const cm = (ns: string, name: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns }, data: { payload } });
  const expectCode = (want: number) => (code: number) => { if (code !== want) throw new Error(`HTTP ${code}, wanted ${want}`); };
  try {
    for (const ns of ['bench', 'fill']) await call('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } }).then(expectCode(201));
    // Warm-up (TLS sessions, JIT) then the measured runs, raw append first.
    await concurrently(200, CONCURRENCY, (i) => call('POST', '/api/v1/namespaces/bench/configmaps', cm('bench', `warm-${i}`)).then(expectCode(201)));
    const raw = await concurrently(PLAN.appends, CONCURRENCY, async (i) => {
      await h.log.append({ type: 'ConfigMap.Created', object: { ...cm('raw', `raw-${i}`), metadata: { name: `raw-${i}`, namespace: 'raw', uid: `uid-${i}`, creationTimestamp: new Date().toISOString() } }, actor: 'bench' }, { expect: 'absent' });
    });
    const creates = await concurrently(PLAN.creates, CONCURRENCY, (i) => call('POST', '/api/v1/namespaces/bench/configmaps', cm('bench', `cm-${i}`)).then(expectCode(201)));
    // 10k objects in one namespace: the creates above plus fill-ups through the gateway.
    const inNs = PLAN.creates + 200;
    if (PLAN.objects > inNs) await concurrently(PLAN.objects - inNs, CONCURRENCY, (i) => call('POST', '/api/v1/namespaces/bench/configmaps', cm('bench', `fill-${i}`)).then(expectCode(201)));
    const objects = Math.max(PLAN.objects, inNs);
    const gets = await concurrently(PLAN.gets, 8, (i) => call('GET', `/api/v1/namespaces/bench/configmaps/cm-${i % PLAN.creates}`).then(expectCode(200)));
    const lists = await concurrently(PLAN.lists, 1, () => call('GET', '/api/v1/namespaces/bench/configmaps').then(expectCode(200)));
    const listsPaged = await concurrently(PLAN.lists, 1, () => call('GET', '/api/v1/namespaces/bench/configmaps?limit=500').then(expectCode(200)));
    const result = {
      when: new Date().toISOString(), quick, concurrency: CONCURRENCY, objectBytes: 1024,
      rawAppend: summary(raw),
      create: summary(creates),
      createVsAppend: +(summary(creates).perSecond / summary(raw).perSecond).toFixed(3),
      objectsInNamespace: objects,
      get: summary(gets),
      list: summary(lists),
      listLimit500: summary(listsPaged),
      slo: {
        mutatingP99Ms: { limit: 1000, value: summary(creates).p99Ms, ok: summary(creates).p99Ms <= 1000 },
        getP99Ms: { limit: 1000, value: summary(gets).p99Ms, ok: summary(gets).p99Ms <= 1000 },
        listP99Ms: { limit: 5000, value: summary(lists).p99Ms, ok: summary(lists).p99Ms <= 5000 },
      },
    };
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
    const row = (name: string, s: ReturnType<typeof summary>) => `${name.padEnd(26)} ${String(s.perSecond).padStart(7)}/s  p50 ${s.p50Ms.toFixed(1).padStart(7)} ms  p99 ${s.p99Ms.toFixed(1).padStart(7)} ms  (${s.ops} ops)`;
    process.stdout.write([
      `gateway bench${quick ? ' (quick)' : ''}: concurrency ${CONCURRENCY}, 1 KB ConfigMaps, ${objects} objects in the namespace`,
      row('raw append', result.rawAppend),
      row('POST configmap (HTTPS)', result.create),
      `create / raw append throughput: ${result.createVsAppend}`,
      row('GET configmap', result.get),
      row(`LIST ${objects} configmaps`, result.list),
      row('LIST limit=500', result.listLimit500),
      `SLOs: mutating p99 ${result.slo.mutatingP99Ms.ok ? 'OK' : 'MISSED'} · get p99 ${result.slo.getP99Ms.ok ? 'OK' : 'MISSED'} · list p99 ${result.slo.listP99Ms.ok ? 'OK' : 'MISSED'}`,
      `written to ${path.relative(process.cwd(), out)}`, '',
    ].join('\n'));
  } finally {
    agent.destroy();
    await h.stop();
  }
}

main().catch((e) => { process.stderr.write(`${(e as Error).stack}\n`); process.exit(1); });
