import http from 'node:http';
import Docker from 'dockerode';
import { DockerRuntime } from './docker-runtime';
import { LABEL } from './labels';
import { buildImages, cleanup, readAll, reconcile, reconcileUntil, testPod, testRuntime } from './int-support';

// Real Docker engine. beforeAll runs scripts/build-images.sh (idempotent: skips existing images).
const docker = new Docker();
const { rt, run } = testRuntime('127.0.0.2');

beforeAll(() => buildImages(), 120000);
afterAll(() => cleanup(run, rt));

const sleeper = (name: string) => testPod(name, { containers: [{ name: 'main', image: 'wake/busybox:1', command: ['sh', '-c', 'echo hello from $(POD_NAME); echo oops >&2; exec sleep 3600'], env: [{ name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }] }] }, rt.nodeName);

describe('DockerRuntime against the real engine', () => {
  const pod = sleeper('sleeper');
  const uid = pod.metadata!.uid!;

  it('starts a pod: sandbox + container, labelled, sharing the sandbox network', async () => {
    const t0 = Date.now();
    const status = await reconcile(rt, pod);
    const podStartMs = Date.now() - t0;
    expect(status.phase).toBe('Running');
    expect(status.podIP).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(status.hostIP).toBe('127.0.0.2');
    expect(status.containerStatuses![0]).toMatchObject({ name: 'main', ready: true, started: true, restartCount: 0 });
    expect(status.containerStatuses![0].containerID).toMatch(/^docker:\/\/[0-9a-f]{64}$/);

    const all = await rt.podContainers(uid);
    expect(all.map((c) => c.name).sort()).toEqual(['POD', 'main']);
    const sb = all.find((c) => c.kind === 'sandbox')!;
    const main = all.find((c) => c.name === 'main')!;
    const info = await docker.getContainer(main.id).inspect();
    expect(info.Config.Labels).toMatchObject({ [LABEL.podUid]: uid, [LABEL.podName]: 'sleeper', [LABEL.podNamespace]: 'default', [LABEL.node]: rt.nodeName, [LABEL.container]: 'main', [LABEL.restartCount]: '0' });
    expect(info.Config.Labels[LABEL.specHash]).toMatch(/^[0-9a-f]{16}$/);
    expect(info.HostConfig.NetworkMode).toBe(`container:${sb.id}`);
    expect(info.HostConfig.Init).toBe(true);
    // The container sees the sandbox's interface and address.
    const ip = await rt.execCapture(main.id, ['sh', '-c', "ip -4 addr show eth0 | grep -o 'inet [0-9.]*'"], 5000);
    expect(ip.stdout.trim()).toBe(`inet ${sb.ip}`);

    // Reference: bare `docker run -d` of the same image on the same engine.
    const t1 = Date.now();
    const bare = await docker.createContainer({ Image: 'wake/busybox:1', Cmd: ['sleep', '3600'], Labels: { 'wake.test': run }, HostConfig: { Init: true } });
    await bare.start();
    const bareMs = Date.now() - t1;
    console.log(`pod start (sandbox + 1 container, one reconcile): ${podStartMs} ms; docker create+start of one container: ${bareMs} ms`);
  });

  it('reads logs (stdout and stderr, tail, timestamps)', async () => {
    const id = (await rt.podContainers(uid)).find((c) => c.name === 'main')!.id;
    // stdout and stderr are separate pipes: their relative order is not fixed.
    const lines = (s: string) => s.split('\n').filter(Boolean);
    expect(lines(await readAll(await rt.logs(id))).sort()).toEqual(['hello from sleeper', 'oops']);
    expect(lines(await readAll(await rt.logs(id, { tailLines: 1 })))).toHaveLength(1);
    const stamped = lines(await readAll(await rt.logs(id, { timestamps: true })));
    expect(stamped.every((l) => /^\d{4}-\d\d-\d\dT[\d:.]+Z (hello from sleeper|oops)$/.test(l))).toBe(true);
    expect(await readAll(await rt.logs(id, { sinceTime: new Date(Date.now() + 60000).toISOString() }))).toBe('');
    // Following delivers both lines too, in either order (separate pipes).
    const follow = await rt.logs(id, { follow: true });
    let seen = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`follow delivered only ${JSON.stringify(seen)}`)), 10_000);
      follow.on('data', (d: Buffer) => {
        seen += d.toString();
        if (seen.includes('hello from sleeper') && seen.includes('oops')) { clearTimeout(timer); resolve(); }
      });
    });
    follow.destroy();
  });

  it('execs: cat /etc/hostname answers the pod name; stdin and exit codes flow', async () => {
    const id = (await rt.podContainers(uid)).find((c) => c.name === 'main')!.id;
    expect((await rt.execCapture(id, ['cat', '/etc/hostname'], 5000)).stdout.trim()).toBe('sleeper');
    const s = await rt.exec(id, ['sh', '-c', 'cat; echo done >&2; exit 3'], { stdin: true });
    const out = readAll(s.stdout);
    const err = readAll(s.stderr);
    s.stdin!.write('typed input\n');
    s.stdin!.end();
    expect(await out).toBe('typed input\n');
    expect(await err).toBe('done\n');
    expect(await s.exitCode).toBe(3);
  });

  it('adopts after the runtime object is re-created: no duplicates', async () => {
    const again = new DockerRuntime(rt.options);
    const managed = await again.listManaged(rt.nodeName);
    expect([...managed.keys()]).toEqual([uid]);
    const before = managed.get(uid)!.map((c) => c.id).sort();
    const status = await reconcile(again, pod);
    expect(status.phase).toBe('Running');
    expect((await again.podContainers(uid)).map((c) => c.id).sort()).toEqual(before);
    expect((await again.listManaged('some-other-node')).size).toBe(0);
  });

  it('a container exiting 1 restarts, keeps the previous instance for logs, then backs off', async () => {
    const p = testPod('crasher', { containers: [{ name: 'c', image: 'wake/busybox:1', command: ['sh', '-c', 'echo run $(date +%s); exit 1'] }] }, rt.nodeName);
    const s1 = await reconcileUntil(rt, p, (s) => (s.containerStatuses?.[0].restartCount ?? 0) >= 1 && !!s.containerStatuses![0].lastState?.terminated);
    expect(s1.containerStatuses![0].lastState!.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    const s2 = await reconcileUntil(rt, p, (s) => s.containerStatuses![0].state?.waiting?.reason === 'CrashLoopBackOff');
    expect(s2.containerStatuses![0].state!.waiting!.message).toContain('back-off 10s');
    const previous = await readAll((await rt.podLogs(p.metadata!.uid!, 'c', { previous: true }))!);
    expect(previous).toMatch(/^run \d+\n$/);
    const instances = (await rt.podContainers(p.metadata!.uid!)).filter((c) => c.name === 'c');
    expect(instances.length).toBe(2); // current + previous, no more
  });

  it('publishes a hostPort on the node address, reachable over HTTP', async () => {
    const p = testPod('web', { containers: [{ name: 'web', image: 'wake/web:1', ports: [{ containerPort: 80, hostPort: 18091 }] }] }, rt.nodeName);
    await reconcile(rt, p);
    const body = await retry(() => get('http://127.0.0.2:18091/'));
    expect(body.trim()).toBe('web');
    await rt.removePod(p.metadata!.uid!, 2, p);
    expect(await rt.podContainers(p.metadata!.uid!)).toEqual([]);
  });

  it('removes a deleted pod within its grace period', async () => {
    const t0 = Date.now();
    const deleted = { ...pod, metadata: { ...pod.metadata, deletionTimestamp: new Date() } };
    await reconcile(rt, deleted);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(await rt.podContainers(uid)).toEqual([]);
  });
});

function get(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http.get(url, { timeout: 2000 }, (res) => readAll(res).then(resolve, reject)).on('error', reject);
  });
}

async function retry<T>(fn: () => Promise<T>, tries = 20): Promise<T> {
  for (let i = 0; ; i++) {
    try { return await fn(); } catch (e) { if (i >= tries) throw e; await new Promise((r) => setTimeout(r, 100)); }
  }
}
