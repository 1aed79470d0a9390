import { applyDefaults } from './apply-defaults';
import { defaultPullPolicy } from './container-defaults';
import { validateObject } from '../validation/validate-object';
import { FIXTURES, fixture } from '../validation/test-fixtures';

type Obj = Record<string, any>;

const POD_SPEC_DEFAULTS = {
  restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', securityContext: {}, terminationGracePeriodSeconds: 30, schedulerName: 'default-scheduler',
};
const CONTAINER_DEFAULTS = {
  name: 'web', image: 'nginx:1.27', imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log',
  terminationMessagePolicy: 'File', resources: {}, ports: [{ containerPort: 80, protocol: 'TCP' }],
};

describe('applyDefaults', () => {
  it('does not modify its input', () => {
    const pod = fixture('Pod');
    const before = JSON.stringify(pod);
    applyDefaults(pod);
    expect(JSON.stringify(pod)).toBe(before);
  });

  it('defaults a Pod like the apiserver', () => {
    expect(applyDefaults(fixture('Pod')).spec).toEqual({
      ...POD_SPEC_DEFAULTS, containers: [CONTAINER_DEFAULTS],
      enableServiceLinks: true, serviceAccountName: 'default', serviceAccount: 'default', priority: 0, preemptionPolicy: 'PreemptLowerPriority',
    });
  });

  it.each([
    ['nginx', 'Always'], ['nginx:latest', 'Always'], ['nginx:1.27', 'IfNotPresent'], ['localhost:5000/app', 'Always'],
    ['localhost:5000/app:v2', 'IfNotPresent'], ['busybox@sha256:abc', 'IfNotPresent'],
  ])('image %p pulls %p', (image, policy) => {
    expect(defaultPullPolicy(image)).toBe(policy);
  });

  it('defaults probes, requests from limits, env fieldRefs and volume modes', () => {
    const pod = applyDefaults(fixture('Pod', (o) => {
      const c = o.spec.containers[0];
      c.livenessProbe = { httpGet: { port: 80 } };
      c.resources = { limits: { cpu: '1' } };
      c.env = [{ name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }];
      o.spec.volumes = [{ name: 'cfg', configMap: { name: 'cfg' } }];
    }));
    const c = pod.spec.containers[0];
    expect(c.livenessProbe).toEqual({ httpGet: { port: 80, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
    expect(c.resources).toEqual({ limits: { cpu: '1' }, requests: { cpu: '1' } });
    expect(c.env[0].valueFrom.fieldRef).toEqual({ fieldPath: 'metadata.name', apiVersion: 'v1' });
    expect(pod.spec.volumes[0].configMap).toEqual({ name: 'cfg', defaultMode: 420 });
  });

  it('keeps values that are set', () => {
    const pod = applyDefaults(fixture('Pod', (o) => { o.spec.restartPolicy = 'Never'; o.spec.terminationGracePeriodSeconds = 0; }));
    expect(pod.spec.restartPolicy).toBe('Never');
    expect(pod.spec.terminationGracePeriodSeconds).toBe(0);
  });

  it('defaults a Deployment and its template (without pod-only fields)', () => {
    const d = applyDefaults(fixture('Deployment', (o) => { delete o.spec.replicas; }));
    expect(d.spec).toEqual({
      replicas: 1, selector: { matchLabels: { app: 'web' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: 10, progressDeadlineSeconds: 600,
      template: { metadata: { labels: { app: 'web' } }, spec: { ...POD_SPEC_DEFAULTS, containers: [CONTAINER_DEFAULTS] } },
    });
  });

  it('does not add rollingUpdate to a Recreate deployment', () => {
    expect(applyDefaults(fixture('Deployment', (o) => { o.spec.strategy = { type: 'Recreate' }; })).spec.strategy).toEqual({ type: 'Recreate' });
  });

  it.each<[string, Obj]>([
    ['ReplicaSet', { replicas: 2 }],
    ['DaemonSet', { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } }, revisionHistoryLimit: 10 }],
    ['StatefulSet', {
      replicas: 1, podManagementPolicy: 'OrderedReady', updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      revisionHistoryLimit: 10, persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
    }],
  ])('defaults a %s', (kind, expected) => {
    const spec = applyDefaults(fixture(kind)).spec;
    expect(spec).toMatchObject(expected);
    expect(spec.template.spec).toMatchObject(POD_SPEC_DEFAULTS);
  });

  it('defaults a Service', () => {
    expect(applyDefaults(fixture('Service')).spec).toEqual({
      type: 'ClusterIP', sessionAffinity: 'None', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }],
      ipFamilyPolicy: 'SingleStack', ipFamilies: ['IPv4'], internalTrafficPolicy: 'Cluster',
    });
    const np = applyDefaults(fixture('Service', (o) => { o.spec.type = 'NodePort'; delete o.spec.ports[0].targetPort; o.spec.clusterIP = '10.96.0.5'; })).spec;
    expect(np).toMatchObject({ externalTrafficPolicy: 'Cluster', clusterIPs: ['10.96.0.5'], ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }] });
    const ext = applyDefaults({ apiVersion: 'v1', kind: 'Service', spec: { type: 'ExternalName', externalName: 'db.example.com' } }).spec;
    expect(ext).toEqual({ type: 'ExternalName', externalName: 'db.example.com', sessionAffinity: 'None' });
  });

  it('defaults a Job', () => {
    const job = applyDefaults(fixture('Job'));
    expect(job.spec).toMatchObject({ completions: 1, parallelism: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false, podReplacementPolicy: 'TerminatingOrFailed' });
    expect(job.spec.template.spec).toMatchObject({ ...POD_SPEC_DEFAULTS, restartPolicy: 'Never' });
    expect(job.metadata.labels).toEqual({ 'batch.kubernetes.io/controller-uid': 'u1' });
    const parallel = applyDefaults(fixture('Job', (o) => { o.spec.parallelism = 3; })).spec;
    expect(parallel.completions).toBeUndefined();
  });

  it('defaults a CronJob and its job template pod spec', () => {
    const cj = applyDefaults(fixture('CronJob')).spec;
    expect(cj).toMatchObject({ concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 });
    expect(cj.jobTemplate.spec.template.spec).toMatchObject({ ...POD_SPEC_DEFAULTS, restartPolicy: 'OnFailure' });
  });

  it('defaults a Namespace, a Secret and a PVC', () => {
    expect(applyDefaults(fixture('Namespace'))).toEqual({
      apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a', labels: { 'kubernetes.io/metadata.name': 'team-a' } },
      spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' },
    });
    expect(applyDefaults(fixture('Secret')).type).toBe('Opaque');
    expect(applyDefaults(fixture('PersistentVolumeClaim')).spec.volumeMode).toBe('Filesystem');
  });

  it.each(Object.keys(FIXTURES))('a defaulted %s is still valid', (kind) => {
    expect(validateObject(applyDefaults(fixture(kind)), { operation: 'create' })).toEqual([]);
  });
});
