import fs from 'node:fs';
import path from 'node:path';
import { HttpError } from '../http/status';
import { decodeProtobufBody, PROTOBUF_MAGIC } from './decode-body';
import { k8sMessage } from './schema';

// Bodies captured from the real kubectl 1.32.4 (fixtures/capture.ts), and bodies built here with
// protobufjs from the same .proto for what kubectl's generators do not send (times, quantities, strings
// in IntOrString, unknown fields).
const fixture = (name: string) => decodeProtobufBody(fs.readFileSync(path.join(__dirname, 'fixtures', `${name}.pb`)));

function envelope(apiVersion: string, kind: string, raw: Uint8Array, extra: Record<string, unknown> = {}): Buffer {
  const unknown = k8sMessage('Unknown');
  const bytes = unknown.encode(unknown.create({ typeMeta: { apiVersion, kind }, raw, ...extra })).finish();
  return Buffer.concat([PROTOBUF_MAGIC, bytes]);
}
const encode = (name: string, value: Record<string, unknown>) => {
  const t = k8sMessage(name);
  return t.encode(t.fromObject(value)).finish();
};
const statusOf = (run: () => unknown) => {
  try {
    run();
  } catch (e) {
    if (e instanceof HttpError) return e.status;
    throw e;
  }
  throw new Error('expected a refusal');
};

describe('decodeProtobufBody: bodies captured from kubectl 1.32', () => {
  it('create deployment web --image=wake/web:1 --replicas=2 --port=8080', () => {
    expect(fixture('deployment')).toEqual({
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', labels: { app: 'web' } },
      spec: {
        replicas: 2, selector: { matchLabels: { app: 'web' } }, strategy: {},
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'wake/web:1', ports: [{ containerPort: 8080 }], resources: {} }] } },
      },
      status: {},
    });
  });
  it('create configmap and create secret generic (bytes become base64, as in JSON)', () => {
    expect(fixture('configmap')).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { GREETING: 'hello', MODE: 'prod' } });
    const secret = fixture('secret');
    expect(secret).toEqual({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'pw' }, data: { password: Buffer.from('s3cret').toString('base64') } });
  });
  it('create namespace and create serviceaccount', () => {
    expect(fixture('namespace')).toEqual({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' }, spec: {}, status: {} });
    expect(fixture('serviceaccount')).toEqual({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'robot' } });
  });
  it('create service clusterip|nodeport (targetPort is an IntOrString, an unset nodePort is dropped)', () => {
    expect(fixture('service-clusterip')).toEqual({
      apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', labels: { app: 'web' } },
      spec: { ports: [{ name: '80-8080', protocol: 'TCP', port: 80, targetPort: 8080 }], selector: { app: 'web' }, type: 'ClusterIP' },
      status: { loadBalancer: {} },
    });
    expect((fixture('service-nodeport').spec as { ports: unknown[]; type: string })).toMatchObject({
      type: 'NodePort', ports: [{ name: '80-8080', protocol: 'TCP', port: 80, targetPort: 8080, nodePort: 30080 }],
    });
  });
  it('create job and create cronjob', () => {
    const podSpec = (name: string, command: string[], restartPolicy: string) => ({ containers: [{ name, image: 'wake/web:1', command, resources: {} }], restartPolicy });
    expect(fixture('job')).toEqual({
      apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'once' },
      spec: { template: { metadata: {}, spec: podSpec('once', ['sh', '-c', 'echo hi'], 'Never') } }, status: {},
    });
    expect(fixture('cronjob')).toEqual({
      apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'nightly' },
      spec: { schedule: '*/5 * * * *', jobTemplate: { metadata: { name: 'nightly' }, spec: { template: { metadata: {}, spec: podSpec('nightly', ['date'], 'OnFailure') } } } },
      status: {},
    });
  });
  it('auth can-i, auth can-i --list, auth whoami, create token', () => {
    expect(fixture('selfsubjectaccessreview')).toEqual({
      apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', metadata: {},
      spec: { resourceAttributes: { namespace: 'default', verb: 'create', group: 'apps', resource: 'deployments' } }, status: {},
    });
    expect(fixture('selfsubjectrulesreview')).toMatchObject({ kind: 'SelfSubjectRulesReview', spec: { namespace: 'default' } });
    expect(fixture('selfsubjectreview')).toEqual({ apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview', metadata: {}, status: { userInfo: {} } });
    expect(fixture('token')).toMatchObject({ kind: 'TokenRequest', spec: { audiences: ['wake'], expirationSeconds: 600 } });
  });

  it('create poddisruptionbudget: a zero minAvailable is kept (a pointer), a percent maxUnavailable and an expression selector', () => {
    expect(fixture('pdb')).toEqual({
      apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web' },
      spec: { minAvailable: 0, selector: { matchLabels: { app: 'web' } } }, status: {},
    });
    expect(fixture('pdb-percent')).toEqual({
      apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web-pct' },
      spec: { maxUnavailable: '50%', selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['db'] }] } }, status: {},
    });
  });

  it('autoscale: an autoscaling/v1 HorizontalPodAutoscaler (the status gogo writes has zero counts, which are not pointers)', () => {
    expect(fixture('hpa')).toEqual({
      apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', metadata: { name: 'busy' },
      spec: { scaleTargetRef: { kind: 'Deployment', name: 'busy', apiVersion: 'apps/v1' }, minReplicas: 1, maxReplicas: 4, targetCPUUtilizationPercentage: 50 },
      status: {},
    });
  });
});

describe('decodeProtobufBody: what the generators do not send', () => {
  it('an Eviction with deleteOptions (int64 and a zero grace period kept: it is a pointer)', () => {
    const raw = encode('Eviction', { metadata: { name: 'p', namespace: 'ns' }, deleteOptions: { gracePeriodSeconds: 0, dryRun: ['All'], preconditions: { uid: 'u-1' } } });
    expect(decodeProtobufBody(envelope('policy/v1', 'Eviction', raw))).toEqual({
      apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: 'p', namespace: 'ns' },
      deleteOptions: { gracePeriodSeconds: 0, dryRun: ['All'], preconditions: { uid: 'u-1' } },
    });
    const big = encode('DeleteOptions', { gracePeriodSeconds: 2 ** 40 });
    expect(decodeProtobufBody(envelope('v1', 'DeleteOptions', big))).toEqual({ apiVersion: 'v1', kind: 'DeleteOptions', gracePeriodSeconds: 2 ** 40 });
  });
  it('times, quantities, string IntOrStrings, embedded structs, zero-valued pointers', () => {
    const raw = encode('Deployment', {
      metadata: { name: 'd', creationTimestamp: { seconds: 1767225600 }, annotations: { a: 'b' } },
      spec: {
        replicas: 0, paused: false,
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: { type: 0, intVal: 0 }, maxSurge: { type: 1, strVal: '25%' } } },
        template: { spec: {
          terminationGracePeriodSeconds: 0,
          volumes: [{ name: 'cfg', volumeSource: { configMap: { localObjectReference: { name: 'web-config' }, defaultMode: 420 } } }],
          containers: [{
            name: 'c', image: 'i', resources: { limits: { cpu: { string: '500m' }, memory: { string: '64Mi' } } },
            env: [{ name: 'PW', valueFrom: { secretKeyRef: { localObjectReference: { name: 's' }, key: 'pw' } } }],
            readinessProbe: { handler: { httpGet: { path: '/', port: { type: 1, strVal: 'http' } } }, periodSeconds: 2 },
          }],
        } },
      },
    });
    const d = decodeProtobufBody(envelope('apps/v1', 'Deployment', raw)) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(d.metadata).toEqual({ name: 'd', creationTimestamp: '2026-01-01T00:00:00Z', annotations: { a: 'b' } });
    expect(d.spec.replicas).toBe(0);
    expect(d.spec).not.toHaveProperty('paused');
    expect(d.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: '25%' } });
    const pod = d.spec.template.spec;
    expect(pod.terminationGracePeriodSeconds).toBe(0);
    expect(pod.volumes).toEqual([{ name: 'cfg', configMap: { name: 'web-config', defaultMode: 420 } }]);
    expect(pod.containers[0].resources).toEqual({ limits: { cpu: '500m', memory: '64Mi' } });
    expect(pod.containers[0].env).toEqual([{ name: 'PW', valueFrom: { secretKeyRef: { name: 's', key: 'pw' } } }]);
    expect(pod.containers[0].readinessProbe).toEqual({ httpGet: { path: '/', port: 'http' }, periodSeconds: 2 });
  });
});

describe('decodeProtobufBody: refusals (400 BadRequest Status)', () => {
  it('a kind Wake does not decode, rather than guessing', () => {
    const s = statusOf(() => decodeProtobufBody(envelope('autoscaling/v2', 'HorizontalPodAutoscaler', new Uint8Array())));
    expect(s).toMatchObject({ code: 400, reason: 'BadRequest' });
    expect(s.message).toMatch(/HorizontalPodAutoscaler" in version "autoscaling\/v2"/);
  });
  it('fields the schema does not know, rather than dropping them', () => {
    const known = encode('ConfigMap', { metadata: { name: 'c' } });
    const withUnknown = Buffer.concat([known, Buffer.from([0x50, 0x01])]); // field 10, varint 1
    const s = statusOf(() => decodeProtobufBody(envelope('v1', 'ConfigMap', withUnknown)));
    expect(s).toMatchObject({ code: 400, reason: 'BadRequest' });
    expect(s.message).toMatch(/<ConfigMap field 10>/);
    const nested = encode('Deployment', { spec: { template: { spec: { containers: [{ name: 'c' }] } } } });
    // the same unknown field inside metadata: ObjectMeta field 99 (tag 99<<3|0 = 0x318 → varint 98 06)
    const meta = Buffer.from([0x0a, 0x03, 0x98, 0x06, 0x01]);
    expect(statusOf(() => decodeProtobufBody(envelope('apps/v1', 'Deployment', Buffer.concat([meta, nested])))).message).toMatch(/metadata\.<ObjectMeta field 99>/);
  });
  it('a body without the k8s magic, an encoded payload, bytes that do not parse', () => {
    expect(statusOf(() => decodeProtobufBody(Buffer.from('{"kind":"ConfigMap"}'))).code).toBe(400);
    expect(statusOf(() => decodeProtobufBody(Buffer.alloc(0))).code).toBe(400);
    expect(statusOf(() => decodeProtobufBody(envelope('v1', 'ConfigMap', new Uint8Array(), { contentEncoding: 'gzip' }))).code).toBe(415);
    expect(statusOf(() => decodeProtobufBody(envelope('v1', 'ConfigMap', Buffer.from([0x0a, 0x7f, 0x01])))).code).toBe(400);
  });
});
