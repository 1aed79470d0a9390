import type { EndpointSlice, Pod, Service } from '../wire';

/** A defaulted Service `name` in `default` selecting app=<name>, port 80 → 8080. */
export function service(name: string, edit: (s: Service & { spec: NonNullable<Service['spec']> }) => void = () => undefined): Service {
  const s = {
    apiVersion: 'v1', kind: 'Service',
    metadata: { name, namespace: 'default', uid: `uid-svc-${name}`, resourceVersion: '10', labels: { app: name } },
    spec: { type: 'ClusterIP', selector: { app: name }, ports: [{ port: 80, targetPort: 8080 as number | string, protocol: 'TCP' }], sessionAffinity: 'None' },
  } as Service & { spec: NonNullable<Service['spec']> };
  edit(s);
  return s;
}

export interface PodOptions {
  ip?: string;
  ready?: boolean;
  phase?: string;
  node?: string;
  terminating?: boolean;
  labels?: Record<string, string>;
  namespace?: string;
  hostname?: string;
  subdomain?: string;
  ports?: Array<{ name?: string; containerPort: number; protocol?: string }>;
  restartPolicy?: string;
}

/** A Running pod of app=<app> with an address, Ready unless told otherwise. */
export function pod(name: string, app: string, o: PodOptions = {}): Pod {
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: {
      name, namespace: o.namespace ?? 'default', uid: `uid-${name}`, resourceVersion: '5', labels: o.labels ?? { app },
      ...(o.terminating ? { deletionTimestamp: '2025-01-01T00:00:30Z' } : {}),
    },
    spec: {
      ...(o.node !== null ? { nodeName: o.node ?? 'node-1' } : {}),
      ...(o.hostname ? { hostname: o.hostname } : {}),
      ...(o.subdomain ? { subdomain: o.subdomain } : {}),
      restartPolicy: o.restartPolicy ?? 'Always',
      containers: [{ name: 'c', image: 'wake/web:1', ports: (o.ports ?? [{ name: 'http', containerPort: 8080 }]).map((p) => ({ protocol: 'TCP', ...p })) }],
    },
    status: {
      phase: o.phase ?? 'Running',
      ...(o.ip !== '' ? { podIP: o.ip ?? '127.1.0.1' } : {}),
      conditions: [{ type: 'Ready', status: o.ready === false ? 'False' : 'True' }],
    },
  } as Pod;
}

export function slice(serviceName: string, endpoints: Array<{ ip: string; ready?: boolean; serving?: boolean; terminating?: boolean; hostname?: string }>, ports: Array<{ name?: string; port: number; protocol?: string }> = [{ name: '', port: 8080 }]): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', addressType: 'IPv4',
    metadata: { name: `${serviceName}-abcde`, namespace: 'default', labels: { 'kubernetes.io/service-name': serviceName } },
    ports: ports.map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP' })),
    endpoints: endpoints.map((e) => ({
      addresses: [e.ip],
      conditions: { ready: e.ready ?? true, serving: e.serving ?? e.ready ?? true, terminating: e.terminating ?? false },
      ...(e.hostname ? { hostname: e.hostname } : {}),
    })),
  };
}
