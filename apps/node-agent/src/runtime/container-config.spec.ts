import type { V1Pod } from '@kubernetes/client-node';
import { appCreateOptions, sandboxCreateOptions } from './container-config';
import { LABEL } from './labels';
import { containerSpecHash } from './spec-hash';
import { defaultPullPolicy } from './image';

const pod: V1Pod = {
  metadata: { name: 'web', namespace: 'default', uid: 'u1' },
  spec: {
    nodeName: 'n1',
    terminationGracePeriodSeconds: 5,
    containers: [
      { name: 'app', image: 'wake/web:1', ports: [{ containerPort: 80, hostPort: 18080 }, { containerPort: 53, protocol: 'UDP' }] },
      { name: 'side', image: 'wake/busybox:1', command: ['sh', '-c'], args: ['echo $(GREETING)'], workingDir: '/tmp', resources: { limits: { memory: '16Mi' } } },
    ],
  },
};
const ctx = { nodeName: 'n1', nodeAddress: '127.0.0.2', extraLabels: { 'wake.test': 't' } };

describe('container settings', () => {
  it('sandbox: pause image, pod labels, host ports published on the node address', () => {
    const o = sandboxCreateOptions(pod, ctx);
    expect(o.Image).toBe('wake/pause:1');
    expect(o.Hostname).toBe('web');
    expect(o.Labels).toMatchObject({ [LABEL.podUid]: 'u1', [LABEL.podName]: 'web', [LABEL.podNamespace]: 'default', [LABEL.node]: 'n1', [LABEL.container]: 'POD', 'wake.test': 't' });
    expect(o.HostConfig).toMatchObject({ Init: true, NetworkMode: 'bridge', PortBindings: { '80/tcp': [{ HostIp: '127.0.0.2', HostPort: '18080' }] } });
    expect(o.ExposedPorts).toEqual({ '80/tcp': {} });
    expect(o.Cmd).toBeUndefined(); // the image's own pause command
    expect(o.HostConfig?.CapAdd).toBeUndefined();
  });

  it('sandbox with pod routes: routes the host loopback blocks out of the pod, with NET_ADMIN for the sandbox only', () => {
    const routed = { ...ctx, network: 'wake-n1', podRoutes: { gateway: '172.18.0.1', routes: ['127.100.0.0/16', '127.0.0.2/32'] } };
    const o = sandboxCreateOptions(pod, routed);
    expect(o.Env).toEqual(['WAKE_POD_ROUTES=127.100.0.0/16 127.0.0.2/32', 'WAKE_POD_GATEWAY=172.18.0.1']);
    expect(o.Cmd?.slice(0, 2)).toEqual(['sh', '-c']);
    expect(o.Cmd?.[2]).toMatch(/ip route add "\$r" via "\$WAKE_POD_GATEWAY" table local.*exec 'sleep' '2147483647'$/);
    expect(o.HostConfig).toMatchObject({ NetworkMode: 'wake-n1', CapAdd: ['NET_ADMIN'], Sysctls: { 'net.ipv4.conf.all.route_localnet': '1' } });
    const app = appCreateOptions(pod, pod.spec!.containers[0], routed, { sandboxId: 'sb', kind: 'app', restartCount: 0, env: [], binds: [] });
    expect(app.HostConfig?.CapAdd).toBeUndefined();
    // Another pause image may have no shell: it runs as it is, without routes.
    expect(sandboxCreateOptions(pod, { ...routed, pauseImage: 'registry.k8s.io/pause:3.10' }).Cmd).toBeUndefined();
  });

  it('app container: joins the sandbox, command/args/env, resources, labels with hash and restart count', () => {
    const c = pod.spec!.containers[1];
    const o = appCreateOptions(pod, c, ctx, { sandboxId: 'sb', kind: 'app', restartCount: 3, backoffSeconds: 40, env: [{ name: 'GREETING', value: 'hi' }], binds: ['/h:/c:ro'] });
    expect(o).toMatchObject({ Image: 'wake/busybox:1', Entrypoint: ['sh', '-c'], Cmd: ['echo hi'], WorkingDir: '/tmp', Env: ['GREETING=hi'], StopTimeout: 5 });
    expect(o.HostConfig).toMatchObject({ Init: true, NetworkMode: 'container:sb', IpcMode: 'container:sb', Binds: ['/h:/c:ro'], Memory: 16777216, MemorySwap: 16777216 });
    expect(o.Labels).toMatchObject({ [LABEL.container]: 'side', [LABEL.restartCount]: '3', [LABEL.backoff]: '40', [LABEL.specHash]: containerSpecHash(c), [LABEL.kind]: 'app' });
    expect(o.name).toBe('wake_side_web_default_u1_3');
  });

  it('command without args drops the image CMD; args alone keep the entrypoint', () => {
    const base = { sandboxId: 'sb', kind: 'app' as const, restartCount: 0, env: [], binds: [] };
    expect(appCreateOptions(pod, { name: 'a', image: 'i', command: ['sleep', '1'] }, ctx, base)).toMatchObject({ Entrypoint: ['sleep', '1'], Cmd: [] });
    const argsOnly = appCreateOptions(pod, { name: 'a', image: 'i', args: ['x'] }, ctx, base);
    expect(argsOnly.Entrypoint).toBeUndefined();
    expect(argsOnly.Cmd).toEqual(['x']);
  });

  it('the spec hash ignores key order and sees changes', () => {
    expect(containerSpecHash({ name: 'a', image: 'i' })).toBe(containerSpecHash({ image: 'i', name: 'a' }));
    expect(containerSpecHash({ name: 'a', image: 'i' })).not.toBe(containerSpecHash({ name: 'a', image: 'j' }));
  });

  it.each([
    ['busybox', 'Always'], ['busybox:latest', 'Always'], ['wake/busybox:1', 'IfNotPresent'],
    ['127.0.0.1:5000/x', 'Always'], ['127.0.0.1:5000/x:2', 'IfNotPresent'], ['x@sha256:abc', 'IfNotPresent'],
  ])('default pull policy of %s is %s', (image, policy) => expect(defaultPullPolicy(image)).toBe(policy));
});
