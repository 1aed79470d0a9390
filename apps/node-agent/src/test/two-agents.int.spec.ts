import type { V1Pod } from '@kubernetes/client-node';
import { WakeError, type KubeObject } from '@wake/events';
import { ObjectStore } from '@wake/store';
import { waitUntil } from '@wake/testing';
import { buildImages } from '../runtime/int-support';
import { TestCluster, user } from './test-cluster';
import { fetchLogs, runExec } from './node-api-client';

// Two node agents (child processes, main.ts through Nest) on 127.0.0.2 and 127.0.0.3, a private
// nats-server with JetStream, and the real Docker engine. Every container carries wake.test=<run>.
let c: TestCluster;
let nodeA: string;
let nodeB: string;

beforeAll(async () => {
  buildImages();
  c = await TestCluster.start();
  nodeA = c.nodeName('a');
  nodeB = c.nodeName('b');
  const a = c.agent('a', '127.0.0.2').start();
  const b = c.agent('b', '127.0.0.3').start();
  await Promise.all([c.waitRegistered(a), c.waitRegistered(b)]);
}, 120_000);

afterAll(async () => { await c?.stop(); }, 60_000);

const sleeper = (cmd = 'sleep 3600') => [{ name: 'c', image: 'wake/busybox:1', command: ['sh', '-c', cmd] }];
const running = (p: V1Pod) => p.status?.phase === 'Running';
const cs = (p: V1Pod, name = 'c') => p.status?.containerStatuses?.find((s) => s.name === name);
const ref = (p: V1Pod) => ({ namespace: 'default', pod: p.metadata!.name!, uid: p.metadata!.uid! });

describe('registration and heartbeat', () => {
  it('registers each Node with its address, capacity, nodeInfo and labels, and renews its Lease', async () => {
    for (const [node, ip] of [[nodeA, '127.0.0.2'], [nodeB, '127.0.0.3']]) {
      const n = (await c.store.get({ kind: 'Node', namespace: '', name: node })) as any;
      expect(n.status.addresses).toContainEqual({ type: 'InternalIP', address: ip });
      expect(n.status.capacity).toMatchObject({ pods: '110' });
      expect(n.status.nodeInfo.kubeletVersion).toMatch(/^v1\.32\.\d+-wake$/);
      expect(n.status.nodeInfo.containerRuntimeVersion).toMatch(/^docker:\/\//);
      expect(n.metadata.labels['kubernetes.io/hostname']).toBe(node);
      expect(n.status.conditions.find((x: any) => x.type === 'Ready').status).toBe('True');
    }
    const leaseKey = { kind: 'Lease', namespace: 'kube-node-lease', name: nodeA };
    const first = (await c.store.get(leaseKey)) as any;
    expect(first.spec).toMatchObject({ holderIdentity: nodeA, leaseDurationSeconds: 40 });
    await waitUntil(async () => ((await c.store.get(leaseKey)) as any).spec.renewTime !== first.spec.renewTime, 10_000, 'the lease to be renewed');
    const last = await c.log.last(leaseKey);
    expect(last!.type).toBe('Lease.Renewed');
    expect(last!.actor).toBe(`system:node:${nodeA}`);
    // renewals do not rewrite the Node: its status is written when it changes (or every 40 s)
    expect((await c.log.history({ kind: 'Node', namespace: '', name: nodeA })).map((e) => e.type)).toEqual(['Node.Registered']);
  });
});

describe('pods on their node', () => {
  it('runs a pod bound to node a: Running with the node address and a pod IP, containers labelled with its uid', async () => {
    const created = await c.createPod('hello', nodeA, { containers: sleeper('echo hello from $HOSTNAME; sleep 0.3; echo to-stderr >&2; sleep 3600') });
    const p = await c.waitPod('hello', running, 30_000, 'Running');
    expect(p.status).toMatchObject({ hostIP: '127.0.0.2', podIP: expect.stringMatching(/^\d+\.\d+\.\d+\.\d+$/) });
    expect(p.status!.conditions!.find((x) => x.type === 'Ready')!.status).toBe('True');
    const containers = await c.containersOf(created.metadata!.uid!, true);
    expect(containers.map((x) => x.Labels['wake.container']).sort()).toEqual(['POD', 'c']);
    expect(containers.every((x) => x.Labels['wake.node'] === nodeA)).toBe(true);
    const last = await c.log.last({ kind: 'Pod', namespace: 'default', name: 'hello' });
    expect(last!.type).toBe('Pod.StatusReported');
    expect(last!.actor).toBe(`system:node:${nodeA}`);

    // the other agent runs its own pods, with its own address
    await c.createPod('hello-b', nodeB, { containers: sleeper() });
    expect((await c.waitPod('hello-b', running, 30_000, 'Running')).status!.hostIP).toBe('127.0.0.3');
  });

  it('serves logs and exec over NATS for its own pods only', async () => {
    const p = (await c.getPod('hello'))!;
    await waitUntil(async () => (await fetchLogs(c.nc, nodeA, ref(p))).text.includes('to-stderr'), 10_000, 'logs');
    const logs = await fetchLogs(c.nc, nodeA, ref(p));
    expect(logs.text).toBe('hello from hello\nto-stderr\n');
    expect((await fetchLogs(c.nc, nodeA, { ...ref(p), tailLines: 1 })).text).toBe('to-stderr\n');
    expect((await fetchLogs(c.nc, nodeA, { ...ref(p), timestamps: true })).text).toMatch(/^\d{4}-\d\d-\d\dT\S+ hello from hello\n/);
    // the wrong node, or a stale uid, is NotFound; --previous without a previous instance is an error
    expect((await fetchLogs(c.nc, nodeB, ref(p))).error).toMatch(/not found/);
    expect((await fetchLogs(c.nc, nodeA, { ...ref(p), uid: 'stale' })).error).toMatch(/not found/);
    expect((await fetchLogs(c.nc, nodeA, { ...ref(p), previous: true })).error).toMatch(/previous terminated container/);

    // a stable pod's status is not written again
    const seqBefore = (await c.log.last({ kind: 'Pod', namespace: 'default', name: 'hello' }))!.seq;

    const ex = await runExec(c.nc, nodeA, ref(p), ['cat', '/etc/hostname']);
    expect(ex.started).toEqual({ ok: true });
    expect(ex.stdout.trim()).toBe('hello');
    expect(ex.exit).toEqual({ exitCode: 0 });
    const withStdin = await runExec(c.nc, nodeA, ref(p), ['sh', '-c', 'cat; echo oops >&2; exit 3'], 'piped in\n');
    expect(withStdin).toMatchObject({ stdout: 'piped in\n', stderr: 'oops\n', exit: { exitCode: 3 } });
    expect((await runExec(c.nc, nodeB, ref(p), ['true'])).started).toMatchObject({ ok: false, code: 'NotFound' });
    await new Promise((r) => setTimeout(r, 1500));
    expect((await c.log.last({ kind: 'Pod', namespace: 'default', name: 'hello' }))!.seq).toBe(seqBefore);
  });

  it('follows logs until cancelled', async () => {
    await c.createPod('ticker', nodeA, { containers: sleeper('i=0; while true; do echo tick $i; i=$((i+1)); sleep 0.2; done') });
    const p = await c.waitPod('ticker', running, 30_000, 'Running');
    const seen: string[] = [];
    const { createInbox } = await import('nats');
    const { logsSubject } = await import('@wake/node-api');
    const replyTo = createInbox();
    const sub = c.nc.subscribe(replyTo, { callback: (_e, m) => seen.push(new TextDecoder().decode(m.data)) });
    c.nc.publish(logsSubject(nodeA), new TextEncoder().encode(JSON.stringify({ ...ref(p), replyTo, follow: true })));
    await waitUntil(() => seen.join('').split('\n').length > 6, 10_000, 'followed lines');
    c.nc.publish(`${replyTo}.cancel`, new Uint8Array(0));
    await new Promise((r) => setTimeout(r, 800));
    const n = seen.length;
    await new Promise((r) => setTimeout(r, 800));
    expect(seen.length).toBe(n); // nothing after the cancel (and its EOF)
    sub.unsubscribe();
  });
});

describe('pod network', () => {
  // busybox httpd on node b with a CGI that answers the client's address as the server sees it.
  const whoami = 'mkdir -p /www/cgi-bin; printf "#!/bin/sh\\necho Content-Type: text/plain\\necho\\necho \\$REMOTE_ADDR\\n" > /www/cgi-bin/ip; '
    + 'chmod +x /www/cgi-bin/ip; exec httpd -f -p 8080 -h /www';

  it('a pod on node a reaches a pod on node b by its pod IP, and is seen there with its own pod IP (no NAT)', async () => {
    await c.createPod('whoami', nodeB, { containers: sleeper(whoami) });
    await c.createPod('asker', nodeA, { containers: sleeper() });
    const [server, client] = await Promise.all([c.waitPod('whoami', running, 30_000, 'Running'), c.waitPod('asker', running, 30_000, 'Running')]);
    const [serverIP, clientIP] = [server.status!.podIP!, client.status!.podIP!];
    // different nodes, different pod networks: neither Docker's isolation nor its masquerading may apply
    expect(serverIP.split('.').slice(0, 3)).not.toEqual(clientIP.split('.').slice(0, 3));
    let seen = '';
    for (let i = 0; i < 6 && !seen; i++) {
      // busybox's `timeout` bounds each try (a dropped SYN would leave wget waiting for minutes)
      const r = await runExec(c.nc, nodeA, ref(client), ['timeout', '5', 'wget', '-qO-', `http://${serverIP}:8080/cgi-bin/ip`]);
      if (r.exit?.exitCode === 0) seen = r.stdout.trim();
      else await new Promise((res) => setTimeout(res, 500));
    }
    // busybox httpd listens on IPv6 and writes the address as [::ffff:a.b.c.d]
    expect(seen.replace(/^\[(::ffff:)?|\]$/g, '')).toBe(clientIP);
  }, 60_000);
});

describe('restarts and probes', () => {
  it('backs off a crashing container (CrashLoopBackOff), restarts on a failing liveness probe, and marks a failing readiness probe not ready', async () => {
    await c.createPod('crash', nodeA, { containers: sleeper('echo crashing; exit 1') });
    await c.createPod('liveness', nodeB, {
      containers: [{ ...sleeper()[0], livenessProbe: { exec: { command: ['false'] }, periodSeconds: 1, failureThreshold: 2 } }],
    });
    await c.createPod('readiness', nodeA, {
      containers: [{ ...sleeper()[0], readinessProbe: { exec: { command: ['false'] }, periodSeconds: 1 } }],
    });
    const crash = await c.waitPod('crash', (p) => cs(p)?.restartCount! >= 1 && cs(p)?.state?.waiting?.reason === 'CrashLoopBackOff', 30_000, 'CrashLoopBackOff');
    expect(cs(crash)!.lastState!.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    const live = await c.waitPod('liveness', (p) => (cs(p)?.restartCount ?? 0) >= 1, 30_000, 'a liveness restart');
    expect(cs(live)!.lastState!.terminated).toBeDefined();
    const ready = await c.waitPod('readiness', (p) => running(p) && !!p.status?.conditions?.some((x) => x.type === 'Ready' && x.status === 'False'), 30_000, 'Running and not Ready');
    expect(cs(ready)).toMatchObject({ ready: false, restartCount: 0, state: { running: expect.anything() } });
    await c.waitPod('crash', (p) => (cs(p)?.restartCount ?? 0) >= 2, 40_000, 'a second restart after the back-off');
  }, 120_000);
});

describe('configuration and limits', () => {
  it('passes env from a ConfigMap and a Secret and mounts a configMap volume that follows its source', async () => {
    await c.store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'default' }, data: { greeting: 'hi', 'app.conf': 'v=1' } }, { actor: user });
    await c.store.create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds', namespace: 'default' }, data: { password: Buffer.from('s3cret').toString('base64') } }, { actor: user });
    await c.createPod('configured', nodeB, {
      volumes: [{ name: 'cfg', configMap: { name: 'settings' } }],
      containers: [{
        name: 'c', image: 'wake/busybox:1', command: ['sh', '-c', 'echo "$GREETING $PASSWORD"; cat /cfg/app.conf; echo; sleep 3600'],
        env: [
          { name: 'GREETING', valueFrom: { configMapKeyRef: { name: 'settings', key: 'greeting' } } },
          { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'creds', key: 'password' } } },
        ],
        volumeMounts: [{ name: 'cfg', mountPath: '/cfg' }],
      }],
    });
    const p = await c.waitPod('configured', running, 30_000, 'Running');
    await waitUntil(async () => (await fetchLogs(c.nc, nodeB, ref(p))).text.includes('v=1'), 10_000, 'logs');
    expect((await fetchLogs(c.nc, nodeB, ref(p))).text).toBe('hi s3cret\nv=1\n');
    const cm = (await c.store.get({ kind: 'ConfigMap', namespace: 'default', name: 'settings' }))!;
    await c.store.update({ ...cm, data: { greeting: 'hi', 'app.conf': 'v=2' } } as KubeObject, { actor: user });
    await waitUntil(async () => (await runExec(c.nc, nodeB, ref(p), ['cat', '/cfg/app.conf'])).stdout === 'v=2', 15_000, 'the volume to follow the ConfigMap');
  });

  it('enforces a memory limit: the container is OOMKilled and reported so', async () => {
    await c.createPod('hog', nodeA, {
      restartPolicy: 'Never',
      containers: [{ name: 'c', image: 'wake/busybox:1', command: ['sh', '-c', 'x=a; while true; do x=$x$x; done'], resources: { limits: { memory: '16Mi' } } }],
    });
    // Docker 20.10 may handle the exit before the OOM event (then the first report says Error): the
    // agent re-inspects on its resync and corrects the reason — waited for, bounded.
    const p = await c.waitPod('hog', (x) => x.status?.phase === 'Failed' && cs(x)?.state?.terminated?.reason === 'OOMKilled', 40_000, 'Failed, OOMKilled');
    expect(cs(p)!.state!.terminated).toMatchObject({ reason: 'OOMKilled', exitCode: 137 });
  });
});

describe('deletion', () => {
  it('stops the containers within the grace period and removes the pod', async () => {
    const created = await c.createPod('doomed', nodeB, { terminationGracePeriodSeconds: 3, containers: sleeper('trap "" TERM; while true; do sleep 1; done') });
    await c.waitPod('doomed', running, 30_000, 'Running');
    const t0 = Date.now();
    await c.store.delete({ kind: 'Pod', namespace: 'default', name: 'doomed' }, { actor: user });
    await waitUntil(async () => !(await c.getPod('doomed')), 20_000, 'the pod to be removed');
    const took = Date.now() - t0;
    expect(took).toBeLessThan(3000 + 2500);
    expect(await c.containersOf(created.metadata!.uid!)).toEqual([]);
    const last = await c.log.last({ kind: 'Pod', namespace: 'default', name: 'doomed' });
    expect(last).toMatchObject({ type: 'Pod.Deleted', actor: `system:node:${nodeB}` });
  });
});

describe('crash safety', () => {
  it('after kill -9 and a restart, adopts its containers (one set per pod), removes those of vanished pods, runs new ones', async () => {
    const keep = await c.createPod('survivor', nodeA, { containers: sleeper() });
    const gone = await c.createPod('vanished', nodeA, { containers: sleeper() });
    await Promise.all([c.waitPod('survivor', running, 30_000, 'Running'), c.waitPod('vanished', running, 30_000, 'Running')]);
    const before = (await c.containersOf(keep.metadata!.uid!, true)).map((x) => x.Id).sort();
    const agent = c.agents.get('a')!;
    await agent.kill('SIGKILL');
    // while the agent is dead: one pod is force-removed from the API, another is created
    await c.store.delete({ kind: 'Pod', namespace: 'default', name: 'vanished' }, { actor: user, gracePeriodSeconds: 0 });
    await c.createPod('newcomer', nodeA, { containers: sleeper() });
    expect(await c.containersOf(gone.metadata!.uid!, true)).toHaveLength(2);
    agent.start();
    await c.waitRegistered(agent);
    await c.waitPod('newcomer', running, 30_000, 'Running');
    await waitUntil(async () => (await c.containersOf(gone.metadata!.uid!)).length === 0, 20_000, 'the vanished pod to be cleaned up');
    const after = (await c.containersOf(keep.metadata!.uid!)).map((x) => x.Id).sort();
    expect(after).toEqual(before); // adopted, not started again
    // exactly one set of containers per pod on node a
    const all = await c.docker.listContainers({ filters: { label: [`wake.node=${nodeA}`, `wake.test=${c.run}`] } });
    const perPod = new Map<string, string[]>();
    for (const x of all) perPod.set(x.Labels['wake.pod.uid'], [...(perPod.get(x.Labels['wake.pod.uid']) ?? []), x.Labels['wake.container']]);
    for (const names of perPod.values()) expect(new Set(names).size).toBe(names.length);
    expect(((await c.getPod('survivor'))!.status!.containerStatuses![0]).restartCount).toBe(0);
  }, 120_000);
});

describe('node restriction', () => {
  it("refuses one node's credentials on another node's pods, Node and Lease", async () => {
    const asA = new ObjectStore(c.log);
    const actor = { type: 'node' as const, node: nodeA };
    const podB = (await c.getPod('hello-b'))! as unknown as KubeObject;
    const forbidden = async (p: Promise<unknown>) => {
      const e = await p.then(() => undefined, (x: unknown) => x);
      expect(e).toBeInstanceOf(WakeError);
      expect((e as WakeError).code).toBe('Forbidden');
    };
    await forbidden(asA.update({ ...podB, status: { phase: 'Failed' } }, { actor, subresource: 'status' }));
    await forbidden(asA.delete({ kind: 'Pod', namespace: 'default', name: 'hello-b' }, { actor, gracePeriodSeconds: 0 }));
    const nb = (await c.store.get({ kind: 'Node', namespace: '', name: nodeB }))!;
    await forbidden(asA.update({ ...nb, metadata: { ...nb.metadata, labels: { evil: 'yes' } } }, { actor }));
    await forbidden(asA.update({ ...nb, status: {} }, { actor, subresource: 'status' }));
    const lease = (await c.store.get({ kind: 'Lease', namespace: 'kube-node-lease', name: nodeB }))!;
    await forbidden(asA.update({ ...lease, spec: { holderIdentity: nodeA } }, { actor }));
    // nothing changed
    expect(((await c.getPod('hello-b'))!.status!.phase)).toBe('Running');
  });
});
