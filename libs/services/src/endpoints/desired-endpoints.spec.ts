import { pod, service } from '../testing/fixtures';
import { desiredEndpoints } from './desired-endpoints';

describe('desiredEndpoints', () => {
  it('puts ready pods in addresses and not-ready ones in notReadyAddresses, sorted by IP', () => {
    const ep = desiredEndpoints(service('web'), [
      pod('b', 'web', { ip: '127.1.0.10' }),
      pod('a', 'web', { ip: '127.1.0.9' }),
      pod('c', 'web', { ip: '127.1.0.3', ready: false }),
      pod('other', 'db', { ip: '127.1.0.4' }),
      pod('pending', 'web', { ip: '' }),
      pod('gone', 'web', { ip: '127.1.0.5', terminating: true }),
      pod('done', 'web', { ip: '127.1.0.6', phase: 'Succeeded', restartPolicy: 'Never' }),
    ]);
    expect(ep).toEqual({
      apiVersion: 'v1', kind: 'Endpoints',
      metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
      subsets: [{
        addresses: [
          { ip: '127.1.0.9', nodeName: 'node-1', targetRef: { kind: 'Pod', namespace: 'default', name: 'a', uid: 'uid-a' } },
          { ip: '127.1.0.10', nodeName: 'node-1', targetRef: { kind: 'Pod', namespace: 'default', name: 'b', uid: 'uid-b' } },
        ],
        notReadyAddresses: [{ ip: '127.1.0.3', nodeName: 'node-1', targetRef: { kind: 'Pod', namespace: 'default', name: 'c', uid: 'uid-c' } }],
        ports: [{ port: 8080, protocol: 'TCP' }],
      }],
    });
  });

  it('publishNotReadyAddresses puts every pod, terminating ones too, in addresses', () => {
    const svc = service('web', (s) => { s.spec.publishNotReadyAddresses = true; });
    const ep = desiredEndpoints(svc, [pod('a', 'web', { ip: '127.1.0.1', ready: false }), pod('t', 'web', { ip: '127.1.0.2', terminating: true })]);
    expect(ep.subsets?.[0].addresses?.map((a) => a.ip)).toEqual(['127.1.0.1', '127.1.0.2']);
    expect(ep.subsets?.[0].notReadyAddresses).toBeUndefined();
  });

  it('resolves named target ports per pod and repacks subsets by port set', () => {
    const svc = service('web', (s) => { s.spec.ports = [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }]; });
    const ep = desiredEndpoints(svc, [
      pod('a', 'web', { ip: '127.1.0.1', ports: [{ name: 'http', containerPort: 8080 }] }),
      pod('b', 'web', { ip: '127.1.0.2', ports: [{ name: 'http', containerPort: 9090 }] }),
      pod('c', 'web', { ip: '127.1.0.3', ports: [{ name: 'http', containerPort: 8080 }] }),
      pod('d', 'web', { ip: '127.1.0.4', ports: [{ name: 'metrics', containerPort: 9100 }] }),
    ]);
    expect(ep.subsets?.map((s) => [s.addresses?.map((a) => a.ip), s.ports?.map((p) => `${p.name}:${p.port}`)])).toEqual([
      [['127.1.0.1', '127.1.0.3'], ['http:8080']],
      [['127.1.0.2'], ['http:9090']],
    ]);
  });

  it('sets hostname for StatefulSet-style pods and marks headless Services', () => {
    const svc = service('db', (s) => { s.spec.clusterIP = 'None'; s.spec.ports = []; });
    const ep = desiredEndpoints(svc, [pod('db-0', 'db', { ip: '127.1.0.7', hostname: 'db-0', subdomain: 'db' }), pod('x', 'db', { ip: '127.1.0.8', hostname: 'x', subdomain: 'other' })]);
    expect(ep.metadata?.labels).toEqual({ app: 'db', 'service.kubernetes.io/headless': '' });
    expect(ep.subsets?.[0].addresses?.map((a) => [a.ip, a.hostname])).toEqual([['127.1.0.7', 'db-0'], ['127.1.0.8', undefined]]);
    expect(ep.subsets?.[0].ports).toBeUndefined();
  });

  it('has no subsets when nothing is selected', () => {
    expect(desiredEndpoints(service('web'), []).subsets).toBeUndefined();
  });
});
