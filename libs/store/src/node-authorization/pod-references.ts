import type { KubeObject } from '@wake/events';

/** The namespaced objects a pod reads by name: what its node needs to run it, and may therefore read. */
export interface PodReferences {
  readonly secrets: readonly string[];
  readonly configMaps: readonly string[];
  readonly persistentVolumeClaims: readonly string[];
}

type Ref = { name?: string } | undefined;
interface ContainerShape {
  envFrom?: { configMapRef?: Ref; secretRef?: Ref }[];
  env?: { valueFrom?: { configMapKeyRef?: Ref; secretKeyRef?: Ref } }[];
}
interface VolumeShape {
  name?: string;
  secret?: { secretName?: string };
  configMap?: Ref;
  projected?: { sources?: { secret?: Ref; configMap?: Ref }[] };
  persistentVolumeClaim?: { claimName?: string };
  ephemeral?: unknown;
  /** Volume plugins that take credentials from a Secret (Kubernetes' VisitPodSecretNames). */
  azureFile?: { secretName?: string };
  csi?: { nodePublishSecretRef?: Ref };
  cephfs?: { secretRef?: Ref };
  cinder?: { secretRef?: Ref };
  flexVolume?: { secretRef?: Ref };
  iscsi?: { secretRef?: Ref };
  rbd?: { secretRef?: Ref };
  scaleIO?: { secretRef?: Ref };
  storageos?: { secretRef?: Ref };
}
interface PodSpecShape {
  imagePullSecrets?: Ref[];
  containers?: ContainerShape[];
  initContainers?: ContainerShape[];
  ephemeralContainers?: ContainerShape[];
  volumes?: VolumeShape[];
}

/**
 * Every Secret, ConfigMap and PersistentVolumeClaim a pod references, as Kubernetes' Node
 * authorizer graph records them (podutil.VisitPodSecretNames / VisitPodConfigmapNames, claims and
 * generic ephemeral volumes' `<pod>-<volume>` claims): imagePullSecrets; env valueFrom and envFrom of
 * every container, init and ephemeral container; secret, configMap, projected and claim volumes, and
 * the Secrets of volume plugins that name one. Sorted, without duplicates.
 */
export function podReferences(pod: { readonly metadata: KubeObject['metadata']; readonly spec?: unknown }): PodReferences {
  const spec = (pod.spec ?? {}) as PodSpecShape;
  const secrets = new Set<string>();
  const configMaps = new Set<string>();
  const claims = new Set<string>();
  const add = (set: Set<string>, name: string | undefined) => { if (name) set.add(name); };
  for (const s of spec.imagePullSecrets ?? []) add(secrets, s?.name);
  for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? []), ...(spec.ephemeralContainers ?? [])]) {
    for (const f of c.envFrom ?? []) { add(configMaps, f.configMapRef?.name); add(secrets, f.secretRef?.name); }
    for (const e of c.env ?? []) { add(configMaps, e.valueFrom?.configMapKeyRef?.name); add(secrets, e.valueFrom?.secretKeyRef?.name); }
  }
  for (const v of spec.volumes ?? []) {
    add(secrets, v.secret?.secretName);
    add(configMaps, v.configMap?.name);
    for (const p of v.projected?.sources ?? []) { add(secrets, p.secret?.name); add(configMaps, p.configMap?.name); }
    add(claims, v.persistentVolumeClaim?.claimName);
    if (v.ephemeral && v.name) add(claims, `${pod.metadata.name}-${v.name}`);
    add(secrets, v.azureFile?.secretName);
    for (const ref of [v.csi?.nodePublishSecretRef, v.cephfs?.secretRef, v.cinder?.secretRef, v.flexVolume?.secretRef, v.iscsi?.secretRef, v.rbd?.secretRef, v.scaleIO?.secretRef, v.storageos?.secretRef]) add(secrets, ref?.name);
  }
  const sorted = (s: Set<string>) => [...s].sort();
  return { secrets: sorted(secrets), configMaps: sorted(configMaps), persistentVolumeClaims: sorted(claims) };
}
