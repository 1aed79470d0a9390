import { TestCluster, waitUntil } from '@wake/testing';

// Issue 4's acceptance with the real kubectl: pods on two real node agents (real Docker),
// through the gateway — get -o wide, logs, exec, delete — a crash-looping container, `kubectl top`, and
// `kubectl autoscale` scaling a busy Deployment on those metrics.
let c: TestCluster;
// Metrics every 2 s (default 15) so `kubectl top` has rates within seconds; the autoscaler syncs every 2 s (default 15).
beforeAll(async () => {
  c = await TestCluster.start({ nodes: 2, env: { node: { WAKE_METRICS_SECONDS: '2' }, controllers: { WAKE_HPA_SYNC_PERIOD_SECONDS: '2' } } });
}, 180_000);
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

it('kubectl top: a busy pod shows more CPU than an idle one, and every node shows CPU% and MEMORY%', async () => {
  const manifest = (name: string, node: string, command: string) => `
apiVersion: v1
kind: Pod
metadata: { name: ${name}, labels: { app: ${name} } }
spec:
  nodeName: ${node}
  terminationGracePeriodSeconds: 1
  containers:
    - name: main
      image: wake/busybox:1
      imagePullPolicy: Never
      command: ["sh", "-c", ${JSON.stringify(command)}]
      resources: { limits: { cpu: 300m, memory: 64Mi } }
`;
  const input = manifest('top-busy', c.nodeNames[0], 'while :; do :; done') + '---' + manifest('top-idle', c.nodeNames[1], 'sleep 3600');
  expect((await c.kubectl(['apply', '-f', '-'], { input })).code).toBe(0);
  const row = (out: string, name: string) => new RegExp(`^${name}\\s+(\\d+)m\\s+(\\d+)Mi\\s*$`, 'm').exec(out);
  let top = '';
  await waitUntil(async () => {
    top = (await c.kubectl(['top', 'pods', '--no-headers'])).stdout;
    const busy = row(top, 'top-busy');
    if (busy && Number(busy[1]) > 100 && row(top, 'top-idle')) return true;
    await new Promise((r) => setTimeout(r, 1_000)); // a new sample every 2 s: no need to ask more often
    return false;
  }, 90_000, 'kubectl top pods to show top-busy above 100m and top-idle');
  const [busy, idle] = [row(top, 'top-busy')!, row(top, 'top-idle')!];
  expect(Number(busy[1])).toBeGreaterThan(Number(idle[1]));
  expect(Number(busy[1])).toBeLessThanOrEqual(400); // the 300m limit holds (rounding and window jitter aside)
  expect(Number(idle[1])).toBeLessThan(50);

  // Selectors, one pod by name, the raw shapes, and metrics-server's 404.
  const selected = await c.kubectl(['top', 'pods', '-l', 'app=top-idle', '--no-headers']);
  expect(selected.stdout.trim().split('\n').map((l) => l.split(/\s+/)[0])).toEqual(['top-idle']);
  expect((await c.kubectl(['top', 'pod', 'top-busy', '--containers'])).stdout).toMatch(/top-busy\s+main\s+\d+m\s+\d+Mi/);
  const raw = JSON.parse((await c.kubectl(['get', '--raw', '/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/top-idle'])).stdout);
  expect(raw).toMatchObject({ kind: 'PodMetrics', apiVersion: 'metrics.k8s.io/v1beta1', metadata: { name: 'top-idle', namespace: 'default' } });
  expect(raw.window).toMatch(/^\d+(\.\d+)?s$/);
  expect(parseFloat(raw.window)).toBeGreaterThanOrEqual(1.5); // the agents' 2 s rounds (a slow round stretches one)
  expect(raw.containers[0]).toMatchObject({ name: 'main', usage: { cpu: expect.stringMatching(/^\d+[num]?$/), memory: expect.stringMatching(/^[1-9]\d*(Ki|Mi)?$/) } });
  const missing = await c.kubectl(['top', 'pod', 'nope']);
  expect(missing.code).not.toBe(0);
  expect(missing.stderr).toContain('podmetrics.metrics.k8s.io "nope" not found');

  const nodes = (await c.kubectl(['top', 'nodes', '--no-headers'])).stdout;
  for (const n of c.nodeNames) expect(nodes).toMatch(new RegExp(`^${n}\\s+\\d+m\\s+\\d+%\\s+\\d+Mi\\s+\\d+%\\s*$`, 'm'));
  expect((await c.kubectl(['top', 'pods', '-A', '--no-headers'])).stdout).toMatch(/^default\s+top-busy\s/m);

  await c.kubectl(['delete', 'pod', 'top-busy', 'top-idle', '--wait=false']);
}, 180_000);

it('kubectl autoscale: a Deployment burning CPU is scaled up to --max, and get/describe hpa show why', async () => {
  const deployment = `
apiVersion: apps/v1
kind: Deployment
metadata: { name: busy }
spec:
  replicas: 1
  selector: { matchLabels: { app: busy } }
  template:
    metadata: { labels: { app: busy } }
    spec:
      terminationGracePeriodSeconds: 1
      containers:
        - name: burn
          image: wake/busybox:1
          imagePullPolicy: Never
          command: ["sh", "-c", "while :; do :; done"]
          resources: { requests: { cpu: 100m }, limits: { cpu: 200m } }
`;
  expect((await c.kubectl(['apply', '-f', '-'], { input: deployment })).code).toBe(0);
  // kubectl 1.32 posts an autoscaling/v1 object (Protobuf); Wake stores it as autoscaling/v2
  const autoscale = await c.kubectl(['autoscale', 'deployment', 'busy', '--cpu-percent=50', '--min=1', '--max=3']);
  expect(autoscale.stderr).toBe('');
  expect(autoscale.stdout.trim()).toBe('horizontalpodautoscaler.autoscaling/busy autoscaled');
  const stored = await json(['get', 'hpa', 'busy']);
  expect(stored).toMatchObject({
    apiVersion: 'autoscaling/v2',
    spec: { scaleTargetRef: { kind: 'Deployment', name: 'busy' }, minReplicas: 1, maxReplicas: 3, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }] },
  });

  // one pod at its 200m limit is ~200% of its 100m request: 1 → 3 (clamped to --max) at the first sync with a sample
  let row = '';
  await waitUntil(async () => {
    row = (await c.kubectl(['get', 'hpa', 'busy', '--no-headers'])).stdout;
    if (/^busy\s+Deployment\/busy\s+cpu: \d+%\/50%\s+1\s+3\s+3\s+\S+\s*$/.test(row)) return true;
    await new Promise((r) => setTimeout(r, 1_000));
    return false;
  }, 45_000, 'kubectl get hpa busy to show a cpu percentage and 3 replicas');
  expect((await json(['get', 'deployment', 'busy'])).spec.replicas).toBe(3);
  const status = (await json(['get', 'hpa', 'busy'])).status;
  expect(status).toMatchObject({ currentReplicas: 3, desiredReplicas: 3, lastScaleTime: expect.any(String) });
  expect(status.conditions.map((x: { type: string }) => x.type)).toEqual(['AbleToScale', 'ScalingActive', 'ScalingLimited']);
  const describe = (await c.kubectl(['describe', 'hpa', 'busy'])).stdout;
  expect(describe).toMatch(/Reference:\s+Deployment\/busy/);
  expect(describe).toMatch(/SuccessfulRescale\s+.*New size: 3; reason: cpu resource utilization \(percentage of request\) above target/);

  // metric types Wake does not read are refused, not stored and ignored
  const pods = `
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: by-requests }
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: busy }
  maxReplicas: 3
  metrics: [{ type: Pods, pods: { metric: { name: requests }, target: { type: AverageValue, averageValue: "10" } } }]
`;
  const refused = await c.kubectl(['create', '-f', '-'], { input: pods });
  expect(refused.code).not.toBe(0);
  expect(refused.stderr).toContain('spec.metrics[0].type: Unsupported value: "Pods"');

  expect((await c.kubectl(['delete', 'hpa', 'busy'])).code).toBe(0);
  expect((await c.kubectl(['delete', 'deployment', 'busy', '--wait=false'])).code).toBe(0);
}, 120_000);
