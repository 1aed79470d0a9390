/** core/v1 and discovery defaults other than pods: Service, Namespace, Secret, PVC, endpoints. */
import { child, setDefault, type Obj } from './set-default';

export function defaultService(obj: Obj): void {
  const spec = child(obj, 'spec');
  setDefault(spec, 'type', 'ClusterIP');
  setDefault(spec, 'sessionAffinity', 'None');
  for (const p of (spec.ports ?? []) as Obj[]) {
    setDefault(p, 'protocol', 'TCP');
    if (p.targetPort === undefined || p.targetPort === null || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  if (spec.type === 'ExternalName') return;
  if (spec.clusterIP && !spec.clusterIPs) spec.clusterIPs = [spec.clusterIP];
  setDefault(spec, 'ipFamilyPolicy', 'SingleStack');
  setDefault(spec, 'ipFamilies', ['IPv4']);
  setDefault(spec, 'internalTrafficPolicy', 'Cluster');
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') setDefault(spec, 'externalTrafficPolicy', 'Cluster');
  if (spec.type === 'LoadBalancer') setDefault(spec, 'allocateLoadBalancerNodePorts', true);
}

export function defaultNamespace(obj: Obj): void {
  setDefault(child(obj, 'spec'), 'finalizers', ['kubernetes']);
  setDefault(child(obj, 'status'), 'phase', 'Active');
  const meta = child(obj, 'metadata');
  if (meta.name) child(meta, 'labels')['kubernetes.io/metadata.name'] = meta.name;
}

export function defaultSecret(obj: Obj): void {
  if (!obj.type) obj.type = 'Opaque';
}

export function defaultPersistentVolumeClaim(obj: Obj): void {
  setDefault(child(obj, 'spec'), 'volumeMode', 'Filesystem');
}

export function defaultEndpoints(obj: Obj): void {
  for (const s of (obj.subsets ?? []) as Obj[]) for (const p of (s.ports ?? []) as Obj[]) setDefault(p, 'protocol', 'TCP');
}

export function defaultEndpointSlice(obj: Obj): void {
  for (const p of (obj.ports ?? []) as Obj[]) setDefault(p, 'protocol', 'TCP');
}
