import type {
  V1ConfigMap, V1Endpoints, V1Namespace, V1Node, V1PersistentVolumeClaim, V1Secret, V1Service, V1ServiceAccount,
} from '@kubernetes/client-node';
import { formatLabels } from '../selectors';
import { timestampSince } from './human-duration';
import { AGE_COLUMN, NAME_COLUMN, type Printer, type Wire, col, wide } from './table-types';

const age = (o: { metadata?: { creationTimestamp?: string } }, now: Date) => timestampSince(o.metadata?.creationTimestamp, now);
const name = (o: { metadata?: { name?: string } }) => o.metadata?.name ?? '';

type Service = Wire<V1Service>;

export const servicePrinter: Printer<Service> = {
  columns: [
    NAME_COLUMN,
    col('Type', 'string', 'type determines how the Service is exposed.'),
    col('Cluster-IP', 'string', 'clusterIP is the IP address of the service and is usually assigned randomly.'),
    col('External-IP', 'string', 'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.'),
    col('Port(s)', 'string', 'The list of ports that are exposed by this service.'),
    AGE_COLUMN,
    wide('Selector', 'string', 'Route service traffic to pods with label keys and values matching this selector.'),
  ],
  cells(svc, now) {
    const ports = (svc.spec?.ports ?? [])
      .map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`))
      .join(',');
    const clusterIP = svc.spec?.clusterIPs?.[0] ?? svc.spec?.clusterIP ?? '<none>';
    return [name(svc), svc.spec?.type ?? 'ClusterIP', clusterIP || '<none>', externalIP(svc), ports || '<none>', age(svc, now),
      formatLabels(svc.spec?.selector)];
  },
};

function externalIP(svc: Service): string {
  const external = svc.spec?.externalIPs ?? [];
  switch (svc.spec?.type ?? 'ClusterIP') {
    case 'ClusterIP': case 'NodePort':
      return external.length ? external.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = [...new Set((svc.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname || '').filter(Boolean))].sort();
      if (external.length) return [...lb, ...external].join(',');
      return lb.length ? lb.join(',') : '<pending>';
    }
    case 'ExternalName':
      return svc.spec?.externalName ?? '';
    default:
      return '<unknown>';
  }
}

export const endpointsPrinter: Printer<Wire<V1Endpoints>> = {
  columns: [NAME_COLUMN, col('Endpoints', 'string', 'The set of all endpoints is the union of all subsets.'), AGE_COLUMN],
  cells: (ep, now) => [name(ep), formatEndpoints(ep), age(ep, now)],
};

/** formatEndpoints: up to three `ip:port`, then `+ N more...`; `<none>` without subsets. */
function formatEndpoints(ep: Wire<V1Endpoints>): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    const ports = ss.ports?.length ? ss.ports.map((p) => p.port) : [undefined];
    for (const port of ports) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === 3) break;
        list.push(port === undefined ? a.ip : `${a.ip.includes(':') ? `[${a.ip}]` : a.ip}:${port}`);
      }
    }
  }
  return count > 3 ? `${list.join(',')} + ${count - 3} more...` : list.join(',');
}

export const nodePrinter: Printer<Wire<V1Node>> = {
  columns: [
    NAME_COLUMN,
    col('Status', 'string', 'The status of the node'),
    col('Roles', 'string', 'The roles of the node'),
    AGE_COLUMN,
    col('Version', 'string', 'Kubelet Version reported by the node.'),
    wide('Internal-IP', 'string', 'List of addresses reachable to the node.'),
    wide('External-IP', 'string', 'List of addresses reachable to the node.'),
    wide('OS-Image', 'string', 'OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).'),
    wide('Kernel-Version', 'string', "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64)."),
    wide('Container-Runtime', 'string', 'ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).'),
  ],
  cells(node, now) {
    const ready = (node.status?.conditions ?? []).find((c) => c.type === 'Ready');
    const status = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
    if (node.spec?.unschedulable) status.push('SchedulingDisabled');
    const roles = new Set<string>();
    for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
      if (k.startsWith('node-role.kubernetes.io/') && k.length > 'node-role.kubernetes.io/'.length) roles.add(k.slice('node-role.kubernetes.io/'.length));
      else if (k === 'kubernetes.io/role' && v) roles.add(v);
    }
    const info = node.status?.nodeInfo;
    const address = (type: string) => (node.status?.addresses ?? []).find((a) => a.type === type)?.address ?? '<none>';
    return [name(node), status.join(','), [...roles].sort().join(',') || '<none>', age(node, now), info?.kubeletVersion ?? '',
      address('InternalIP'), address('ExternalIP'), info?.osImage || '<unknown>', info?.kernelVersion || '<unknown>',
      info?.containerRuntimeVersion || '<unknown>'];
  },
};

export const namespacePrinter: Printer<Wire<V1Namespace>> = {
  columns: [NAME_COLUMN, col('Status', 'string', 'The status of the namespace'), AGE_COLUMN],
  cells: (ns, now) => [name(ns), ns.status?.phase ?? '', age(ns, now)],
};

export const configMapPrinter: Printer<Wire<V1ConfigMap>> = {
  columns: [NAME_COLUMN, col('Data', 'string', 'Data contains the configuration data.'), AGE_COLUMN],
  cells: (cm, now) => [name(cm), Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length, age(cm, now)],
};

export const secretPrinter: Printer<Wire<V1Secret>> = {
  columns: [
    NAME_COLUMN,
    col('Type', 'string', 'Used to facilitate programmatic handling of secret data.'),
    col('Data', 'string', 'Data contains the secret data.'),
    AGE_COLUMN,
  ],
  cells: (s, now) => [name(s), s.type ?? 'Opaque', Object.keys(s.data ?? {}).length, age(s, now)],
};

export const serviceAccountPrinter: Printer<Wire<V1ServiceAccount>> = {
  columns: [NAME_COLUMN, col('Secrets', 'string', 'Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use.'), AGE_COLUMN],
  cells: (sa, now) => [name(sa), sa.secrets?.length ?? 0, age(sa, now)],
};

const MODES: [string, string][] = [['ReadWriteOnce', 'RWO'], ['ReadOnlyMany', 'ROX'], ['ReadWriteMany', 'RWX'], ['ReadWriteOncePod', 'RWOP']];

export const pvcPrinter: Printer<Wire<V1PersistentVolumeClaim>> = {
  columns: [
    NAME_COLUMN,
    col('Status', 'string', 'phase represents the current phase of PersistentVolumeClaim.'),
    col('Volume', 'string', 'volumeName is the binding reference to the PersistentVolume backing this claim.'),
    col('Capacity', 'string', 'capacity represents the actual resources of the underlying volume.'),
    col('Access Modes', 'string', 'accessModes contains the actual access modes the volume backing the PVC has.'),
    col('StorageClass', 'string', 'StorageClass of the pvc'),
    col('VolumeAttributesClass', 'string', 'VolumeAttributesClass of the pvc'),
    AGE_COLUMN,
    wide('VolumeMode', 'string', 'volumeMode defines what type of volume is required by the claim.'),
  ],
  cells(pvc, now) {
    const bound = !!pvc.spec?.volumeName;
    const modes = pvc.status?.accessModes ?? [];
    const storageClass = pvc.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? pvc.spec?.storageClassName ?? '';
    return [name(pvc), pvc.metadata?.deletionTimestamp ? 'Terminating' : (pvc.status?.phase ?? ''), pvc.spec?.volumeName ?? '',
      bound ? (pvc.status?.capacity?.storage ?? '') : '', bound ? MODES.filter(([m]) => modes.includes(m)).map(([, s]) => s).join(',') : '',
      storageClass, pvc.spec?.volumeAttributesClassName ?? '<unset>', age(pvc, now), pvc.spec?.volumeMode ?? '<unset>'];
  },
};
