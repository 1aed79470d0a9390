/**
 * Node agent pod startup latency: create → Running seen by a watch on the log, for pods bound
 * to one agent (a child process, main.ts), side by side in the same run with starting the same
 * containers directly on the same engine (`docker run -d`: one container, and a pod's pair —
 * sandbox plus app joined to its network). Rounds interleave the three so noise hits all alike.
 *
 *   node -r ./scripts/register.js bench/node-agent.bench.ts [--quick] [--pods N] [--out file]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { connect } from 'nats';
import { DEFAULT_STREAM, JetStreamEventLog } from '@wake/events';
import { ObjectStore, type Actor } from '@wake/store';
import { TestNatsServer, waitUntil } from '@wake/testing';
import { AgentProcess } from '../apps/node-agent/src/test/agent-process';
import { buildImages } from '../apps/node-agent/src/runtime/int-support';
import { dockerRunOnce, dockerRunPod, removeLabelled } from './node-agent/docker-floor';
import { podStartup } from './node-agent/pod-startup';
import { Latency } from './support/latency';
import { machineInfo } from './support/machine';
import { ms, table } from './support/table';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const pods = args.includes('--pods') ? Number(args[args.indexOf('--pods') + 1]) : quick ? 8 : 30;
const out = args.includes('--out')
  ? path.resolve(args[args.indexOf('--out') + 1])
  : path.join(__dirname, 'results', quick ? 'node-agent.quick.json' : 'node-agent.json');
const TARGET = { p50RatioToPodFloor: 1.5, p99Ms: 1000 };
const user: Actor = { type: 'user', name: 'bench' };
const log = (m: string) => console.log(m);

async function main(): Promise<void> {
  const startedAt = new Date().toISOString();
  const run = `bench-${randomUUID().slice(0, 8)}`;
  const label = `wake.test=${run}`;
  const cleanup: Array<() => Promise<unknown>> = [];
  const onSignal = () => { void runAll(cleanup).finally(() => process.exit(130)); };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  log(`wake node agent benchmark (${quick ? 'quick' : 'full'}, ${pods} pods): private nats-server, one agent, the local Docker engine`);
  try {
    buildImages();
    cleanup.unshift(() => removeLabelled(label));
    const nats = await TestNatsServer.start();
    cleanup.unshift(() => nats.stop());
    const nc = await connect({ servers: nats.url });
    cleanup.unshift(() => nc.close());
    const eventLog = await JetStreamEventLog.open(nc, { stream: DEFAULT_STREAM });
    const store = new ObjectStore(eventLog);
    for (const name of ['default', 'kube-node-lease']) await store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }, { actor: user });

    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wake-bench-agent-'));
    cleanup.unshift(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    const node = `bench-${run}`;
    const agent = new AgentProcess({ nodeName: node, nodeAddress: '127.0.0.2', natsUrl: nats.url, dataDir, testLabel: run, env: { WAKE_LEASE_RENEW_SECONDS: '10' } }).start();
    cleanup.unshift(() => agent.kill('SIGKILL'));
    await waitUntil(() => /registered/.test(agent.output), 60_000, `the agent to register\n${agent.output}`);

    // warm-up: one of each (image cache, first-use paths in the agent and the engine)
    await podStartup(store, eventLog, user, node, 'warmup');
    await dockerRunOnce(label);
    await dockerRunPod(label);

    const result = { pod: new Latency(), dockerRun: new Latency(), dockerRunPod: new Latency() };
    const raw = { pod: [] as number[], dockerRun: [] as number[], dockerRunPod: [] as number[] };
    for (let i = 0; i < pods; i++) {
      const p = await podStartup(store, eventLog, user, node, `pod-${i}`);
      const d = await dockerRunOnce(label);
      const dp = await dockerRunPod(label);
      result.pod.record(p * 1000); result.dockerRun.record(d * 1000); result.dockerRunPod.record(dp * 1000);
      raw.pod.push(p); raw.dockerRun.push(d); raw.dockerRunPod.push(dp);
    }

    const row = (name: string, l: Latency) => [name, ms(l.ms(50)), ms(l.ms(90)), ms(l.ms(99)), ms(l.ms(100))];
    log(`\npod startup (ms), ${pods} each, interleaved`);
    log(table(['what', 'p50', 'p90', 'p99', 'max'], [
      row('pod via agent (create → Running on the log)', result.pod),
      row('docker run -d (one container)', result.dockerRun),
      row('docker run -d ×2 (sandbox + app, the pod floor)', result.dockerRunPod),
    ]));
    const ratioPodFloor = result.pod.ms(50) / result.dockerRunPod.ms(50);
    const ratioOne = result.pod.ms(50) / result.dockerRun.ms(50);
    const ok = { p50: ratioPodFloor <= TARGET.p50RatioToPodFloor, p99: result.pod.ms(99) <= TARGET.p99Ms };
    log(`\np50 ratio to the pod floor: ${ratioPodFloor.toFixed(2)}× (target ≤ ${TARGET.p50RatioToPodFloor}×) ${ok.p50 ? 'ok' : 'MISSED'}`);
    log(`p50 ratio to one docker run: ${ratioOne.toFixed(2)}×`);
    log(`p99: ${ms(result.pod.ms(99))} ms (target ≤ ${TARGET.p99Ms} ms) ${ok.p99 ? 'ok' : 'MISSED'}`);

    const summary = (l: Latency) => ({ p50: l.ms(50), p90: l.ms(90), p99: l.ms(99), max: l.ms(100), count: l.count });
    const report = {
      benchmark: 'node-agent', mode: quick ? 'quick' : 'full', startedAt, finishedAt: new Date().toISOString(), machine: machineInfo(),
      pods, target: TARGET,
      results: { podStartupMs: summary(result.pod), dockerRunMs: summary(result.dockerRun), dockerRunPodMs: summary(result.dockerRunPod) },
      ratios: { p50ToPodFloor: ratioPodFloor, p50ToOneDockerRun: ratioOne },
      met: ok,
      samplesMs: raw,
    };
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, JSON.stringify(report, (_k, v) => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 100) / 100 : v), 2) + '\n');
    log(`\nwritten to ${path.relative(process.cwd(), out)}`);
  } finally {
    await runAll(cleanup);
  }
}

async function runAll(steps: Array<() => Promise<unknown>>): Promise<void> {
  for (const s of steps.splice(0)) await s().catch(() => undefined);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
