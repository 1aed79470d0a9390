/** Pod volumes: unique DNS-label names, exactly one source, and the fields each common source needs. */
import { duplicate, forbidden, invalid, oneOf, required, type Causes } from './causes';
import { QUANTITY_MESSAGE, parseQuantity } from './quantity';
import { nameCauses } from './names';

type Obj = Record<string, any>;

export const VOLUME_SOURCES = [
  'emptyDir', 'hostPath', 'gitRepo', 'gcePersistentDisk', 'awsElasticBlockStore', 'secret', 'nfs', 'iscsi',
  'glusterfs', 'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc',
  'azureFile', 'configMap', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected',
  'portworxVolume', 'scaleIO', 'storageos', 'csi', 'ephemeral', 'image',
] as const;

const HOST_PATH_TYPES = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'];

/** Validates `volumes` and returns the causes and the names they define. */
export function validateVolumes(volumes: Obj[] | undefined, path: string): { causes: Causes; names: Set<string> } {
  const causes: Causes = [];
  const names = new Set<string>();
  (volumes ?? []).forEach((v, i) => {
    const p = `${path}[${i}]`;
    const nameErrs = nameCauses(`${p}.name`, v.name, 'dns-label');
    causes.push(...nameErrs);
    if (!nameErrs.length && names.has(v.name)) causes.push(duplicate(`${p}.name`, v.name));
    if (v.name) names.add(v.name);
    const present = VOLUME_SOURCES.filter((s) => v[s] !== undefined && v[s] !== null);
    if (!present.length) causes.push(required(p, 'must specify a volume type'));
    causes.push(...present.slice(1).map((s) => forbidden(`${p}.${s}`, 'may not specify more than 1 volume type')));
    if (present.length) causes.push(...validateSource(present[0], v[present[0]] as Obj, `${p}.${present[0]}`));
  });
  return { causes, names };
}

function validateSource(kind: string, s: Obj, p: string): Causes {
  const out: Causes = [];
  switch (kind) {
    case 'hostPath':
      if (!s.path) out.push(required(`${p}.path`));
      out.push(...oneOf(`${p}.type`, s.type, HOST_PATH_TYPES));
      break;
    case 'emptyDir':
      out.push(...oneOf(`${p}.medium`, s.medium, ['', 'Memory', 'HugePages']));
      if (s.sizeLimit !== undefined && parseQuantity(s.sizeLimit) === undefined) out.push(invalid(`${p}.sizeLimit`, s.sizeLimit, QUANTITY_MESSAGE));
      break;
    case 'configMap':
      if (!s.name) out.push(required(`${p}.name`));
      out.push(...validateItems(s, p));
      break;
    case 'secret':
      if (!s.secretName) out.push(required(`${p}.secretName`));
      out.push(...validateItems(s, p));
      break;
    case 'persistentVolumeClaim':
      if (!s.claimName) out.push(required(`${p}.claimName`));
      break;
  }
  return out;
}

function validateItems(s: Obj, p: string): Causes {
  const out: Causes = [];
  if (s.defaultMode !== undefined && !(s.defaultMode >= 0 && s.defaultMode <= 0o777)) {
    out.push(invalid(`${p}.defaultMode`, s.defaultMode, 'must be a number between 0 and 0777 (octal), both inclusive'));
  }
  (s.items as Obj[] | undefined ?? []).forEach((it, i) => {
    if (!it.key) out.push(required(`${p}.items[${i}].key`));
    out.push(...relativePathCauses(it.path, `${p}.items[${i}].path`, true));
  });
  return out;
}

/** A path inside a volume: relative, without '..' elements. */
export function relativePathCauses(value: unknown, field: string, mustBeSet: boolean): Causes {
  if (typeof value !== 'string' || !value) return mustBeSet ? [required(field)] : [];
  const out: Causes = [];
  if (value.startsWith('/')) out.push(invalid(field, value, 'must be a relative path'));
  if (value.split('/').includes('..')) out.push(invalid(field, value, "must not contain '..'"));
  return out;
}
