import { TestCluster, waitUntil } from '@wake/testing';

// Issue 4's acceptance with the real kubectl: pods on two real node agents (real Docker),
// through the gateway — get -o wide, logs, exec, delete — and a crash-looping container.
let c: TestCluster;
beforeAll(async () => { c = await TestCluster.start({ nodes: 2 }); }, 180_000);
afterAll(async () => { await c?.stop(); }, 120_000);

const pod = (name: string, node: string, command: string, restartPolicy = 'Always') => `
apiVersion: v1
kind: Pod
metadata: { name: ${name} }
spec:
  nodeName: ${node}
  restartPolicy: ${restartPolicy}
  terminationGracePeriodSeconds: 3
  containers:
    - name: main
      image: wake/busybox:1
      imagePullPolicy: Never
      command: ["sh", "-c", ${JSON.stringify(command)}]
`;
const json = async (args: string[]) => JSON.parse((await c.kubectl([...args, '-o', 'json'])).stdout);

it('runs a pod on the node it names: wide output, logs, exec, labelled containers, deletion', async () => {
  const [nodeB] = [c.nodeNames[1]];
  expect((await c.kubectl(['apply', '-f', '-'], { input: pod('hello', nodeB, 'echo hello from wake; sleep 3600') })).code).toBe(0);
  await waitUntil(async () => (await json(['get', 'pod', 'hello'])).status?.phase === 'Running', 90_000, 'pod hello Running');

  const wide = await c.kubectl(['get', 'pod', 'hello', '-o', 'wide']);
  expect(wide.stdout).toMatch(new RegExp(`hello\\s+1/1\\s+Running\\s+0\\s+\\S+\\s+\\S+\\s+${nodeB}`));
  const p = await json(['get', 'pod', 'hello']);
  expect(p.status.hostIP).toBe(c.nodeAddresses[1]);
  const containers = await c.containers(nodeB);
  expect(containers.some((x) => x.labels['wake.pod.uid'] === p.metadata.uid)).toBe(true);

  await waitUntil(async () => (await c.kubectl(['logs', 'hello'])).stdout.includes('hello from wake'), 30_000, 'the log line');
  const exec = await c.kubectl(['exec', 'hello', '--', 'cat', '/etc/hostname']);
  expect(exec.code).toBe(0);
  expect(exec.stdout.trim()).toBe('hello');
  const failing = await c.kubectl(['exec', 'hello', '--', 'sh', '-c', 'exit 3']);
  expect(failing.code).toBe(3);

  const t0 = Date.now();
  expect((await c.kubectl(['delete', 'pod', 'hello'], { timeoutMs: 60_000 })).code).toBe(0);
  expect(Date.now() - t0).toBeLessThan(3_000 + 15_000);
  await waitUntil(async () => !(await c.containers(nodeB)).some((x) => x.labels['wake.pod.uid'] === p.metadata.uid), 30_000, 'the containers to be removed');
}, 300_000);

it('shows a container that keeps exiting 1 with a rising restart count and CrashLoopBackOff', async () => {
  expect((await c.kubectl(['apply', '-f', '-'], { input: pod('crasher', c.nodeNames[0], 'echo boom; exit 1') })).code).toBe(0);
  await waitUntil(async () => {
    const s = (await json(['get', 'pod', 'crasher'])).status?.containerStatuses?.[0];
    return (s?.restartCount ?? 0) >= 2 && s?.state?.waiting?.reason === 'CrashLoopBackOff';
  }, 120_000, 'restartCount >= 2 and CrashLoopBackOff');
  expect((await c.kubectl(['get', 'pod', 'crasher'])).stdout).toMatch(/crasher\s+0\/1\s+CrashLoopBackOff\s+[2-9]/);
  expect((await c.kubectl(['logs', 'crasher', '--previous'])).stdout).toContain('boom');
}, 180_000);
