import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { V1ConfigMap } from '@kubernetes/client-node';
import { buildImages, cleanup, readAll, reconcile, reconcileUntil, testPod, testRuntime } from './int-support';
import { podVolumes } from './volumes';
import { prepareVolumes } from './volume-setup';
import { runHandler } from '../lifecycle/probe-executors';

// Real Docker engine. beforeAll runs scripts/build-images.sh (idempotent: skips existing images).
const { rt, run } = testRuntime('127.0.0.2');

beforeAll(() => buildImages(), 120000);
afterAll(() => cleanup(run, rt));

const appId = async (uid: string, name: string) => (await rt.podContainers(uid)).find((c) => c.name === name && c.state.running)!.id;

describe('limits, termination, images, probes, config (real Docker)', () => {
  it('enforces a memory limit: the container is OOMKilled and reported so', async () => {
    const p = testPod('hog', {
      restartPolicy: 'Never',
      containers: [{ name: 'hog', image: 'wake/busybox:1', command: ['sh', '-c', 'x=a; while true; do x=$x$x; done'], resources: { limits: { memory: '16Mi' } } }],
    }, rt.nodeName);
    // Docker 20.10 may handle the exit before the cgroup's OOM event on a loaded machine: the first
    // inspect then says OOMKilled false (reason Error) and a later one true. The agent re-inspects on
    // every sync, so the reason must become OOMKilled — waited for, bounded.
    const oomKilled = (st: { containerStatuses?: { state?: { terminated?: { reason?: string } } }[] }) => st.containerStatuses?.[0]?.state?.terminated?.reason === 'OOMKilled';
    const s = await reconcileUntil(rt, p, (st) => st.phase === 'Failed' && oomKilled(st), 30000);
    expect(s.containerStatuses![0].state!.terminated).toMatchObject({ reason: 'OOMKilled', exitCode: 137 });
  });

  it('stops gracefully: SIGTERM through Init ends a sleeping container at once; an ignoring one is killed at the grace period', async () => {
    const p = testPod('stopper', {
      terminationGracePeriodSeconds: 2,
      containers: [
        { name: 'polite', image: 'wake/busybox:1', command: ['sleep', '3600'] },
        { name: 'stubborn', image: 'wake/busybox:1', command: ['sh', '-c', 'trap "" TERM; while true; do sleep 1; done'] },
      ],
    }, rt.nodeName);
    await reconcileUntil(rt, p, (s) => s.phase === 'Running');
    const uid = p.metadata!.uid!;
    const [polite, stubborn] = [await appId(uid, 'polite'), await appId(uid, 'stubborn')];
    const a = await rt.stop(polite, { gracePeriodSeconds: 2 });
    expect(a.elapsedMs).toBeLessThan(1900); // well before the 2 s grace period, with room for a loaded machine
    expect((await rt.inspect(polite))!.state.exitCode).toBe(143);
    const b = await rt.stop(stubborn, { gracePeriodSeconds: 2 });
    expect(b.elapsedMs).toBeGreaterThanOrEqual(1900);
    expect(b.elapsedMs).toBeLessThan(5000);
    expect((await rt.inspect(stubborn))!.state.exitCode).toBe(137);
    await rt.removePod(uid, 0);
  });

  it('runs preStop (exec) before SIGTERM', async () => {
    const p = testPod('prestop', {
      volumes: [{ name: 'shared', emptyDir: {} }],
      containers: [{
        name: 'c', image: 'wake/busybox:1', command: ['sleep', '3600'], volumeMounts: [{ name: 'shared', mountPath: '/shared' }],
        lifecycle: { preStop: { exec: { command: ['sh', '-c', 'echo bye > /shared/prestop'] } } },
      }],
    }, rt.nodeName);
    await reconcileUntil(rt, p, (s) => s.phase === 'Running');
    const r = await rt.stop(await appId(p.metadata!.uid!, 'c'), { gracePeriodSeconds: 5, container: p.spec!.containers[0] });
    expect(r.preStop).toEqual({ result: 'Success' });
    expect(readFileSync(join(podVolumes(p, rt.options.dataDir).get('shared')!.hostPath, 'prestop'), 'utf8')).toBe('bye\n');
    await rt.removePod(p.metadata!.uid!, 0);
  });

  it('a pull that cannot succeed becomes ErrImagePull with the registry message', async () => {
    const image = '127.0.0.1:1/wake/missing:1';
    expect(await rt.ensureImage('wake/busybox:1', 'Never')).toMatchObject({ type: 'Present' });
    expect(await rt.ensureImage('wake/missing:1', 'Never')).toMatchObject({ type: 'NeverPull', reason: 'ErrImageNeverPull' });
    const p = testPod('nopull', { containers: [{ name: 'c', image }] }, rt.nodeName);
    const state = {};
    const s = await reconcile(rt, p, state);
    expect(s.phase).toBe('Pending');
    expect(s.containerStatuses![0].state!.waiting!.reason).toBe('ErrImagePull');
    expect(s.containerStatuses![0].state!.waiting!.message).toMatch(/Failed to pull image "127.0.0.1:1\/wake\/missing:1": .*connection refused/);
  });

  it('runs init containers in order, then the app, with env and a configMap volume from lookups', async () => {
    let cm: V1ConfigMap = { data: { 'greeting.txt': 'hello', MODE: 'fast' } };
    const lookups = {
      configMap: (_ns: string, n: string) => (n === 'cfg' ? cm : undefined),
      secret: (_ns: string, n: string) => (n === 'creds' ? { data: { TOKEN: Buffer.from('t0k').toString('base64') } } : undefined),
    };
    const p = testPod('configured', {
      volumes: [{ name: 'cfg', configMap: { name: 'cfg' } }, { name: 'work', emptyDir: {} }],
      initContainers: [
        { name: 'one', image: 'wake/busybox:1', command: ['sh', '-c', 'echo one >> /work/order'], volumeMounts: [{ name: 'work', mountPath: '/work' }] },
        { name: 'two', image: 'wake/busybox:1', command: ['sh', '-c', 'echo two >> /work/order'], volumeMounts: [{ name: 'work', mountPath: '/work' }] },
      ],
      containers: [{
        name: 'app', image: 'wake/busybox:1', command: ['sh', '-c', 'echo "$MODE $TOKEN"; cat /work/order; exec sleep 3600'],
        env: [{ name: 'MODE', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'MODE' } } }],
        envFrom: [{ secretRef: { name: 'creds' } }],
        volumeMounts: [{ name: 'cfg', mountPath: '/etc/cfg' }, { name: 'work', mountPath: '/work' }],
      }],
    }, rt.nodeName);
    const s = await reconcileUntil(rt, p, (st) => st.phase === 'Running', 20000, {}, lookups);
    expect(s.initContainerStatuses!.map((c) => c.state!.terminated!.reason)).toEqual(['Completed', 'Completed']);
    const id = await appId(p.metadata!.uid!, 'app');
    await new Promise((r) => setTimeout(r, 200));
    expect(await readAll(await rt.logs(id))).toBe('fast t0k\none\ntwo\n');
    expect((await rt.execCapture(id, ['cat', '/etc/cfg/greeting.txt'], 5000)).stdout).toBe('hello');
    cm = { data: { 'greeting.txt': 'updated', MODE: 'fast' } };
    await prepareVolumes(p, rt.options.dataDir, lookups);
    expect((await rt.execCapture(id, ['cat', '/etc/cfg/greeting.txt'], 5000)).stdout).toBe('updated');
    await rt.removePod(p.metadata!.uid!, 0);
  });

  it('probe executors: exec, httpGet to the pod IP, tcpSocket', async () => {
    const p = testPod('probed', { containers: [{ name: 'web', image: 'wake/web:1', ports: [{ name: 'http', containerPort: 80 }] }] }, rt.nodeName);
    const s = await reconcileUntil(rt, p, (st) => st.phase === 'Running');
    const target = { containerId: await appId(p.metadata!.uid!, 'web'), container: p.spec!.containers[0], podIP: s.podIP! };
    const exec = (c: string[]) => runHandler({ exec: { command: c } }, target, rt, 2000);
    expect(await exec(['true'])).toEqual({ result: 'Success' });
    expect((await exec(['sh', '-c', 'exit 2'])).result).toBe('Failure');
    await new Promise((r) => setTimeout(r, 300));
    expect(await runHandler({ httpGet: { port: 'http' as never, path: '/' } }, target, rt, 2000)).toEqual({ result: 'Success' });
    expect(await runHandler({ httpGet: { port: 80 as never, path: '/missing' } }, target, rt, 2000)).toMatchObject({ result: 'Failure', message: 'HTTP probe failed with statuscode: 404' });
    expect(await runHandler({ tcpSocket: { port: 80 as never } }, target, rt, 2000)).toEqual({ result: 'Success' });
    expect((await runHandler({ tcpSocket: { port: 81 as never } }, target, rt, 2000)).result).toBe('Failure');
    await rt.removePod(p.metadata!.uid!, 0);
  });
});
