/** Container environment: env names, value vs valueFrom, and the sources a valueFrom may name. */
import { invalid, notSupported, required, type Causes } from './causes';
import { configKeyProblems, each, envVarNameProblems } from './names';

type Obj = Record<string, any>;

const FIELD_PATHS = [
  'metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid',
  'spec.nodeName', 'spec.serviceAccountName', 'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs',
];
const RESOURCE_FIELDS = ['limits.cpu', 'limits.ephemeral-storage', 'limits.memory', 'requests.cpu', 'requests.ephemeral-storage', 'requests.memory'];

export function validateEnv(env: Obj[] | undefined, path: string): Causes {
  const out: Causes = [];
  (env ?? []).forEach((e, i) => {
    const p = `${path}[${i}]`;
    if (!e.name) out.push(required(`${p}.name`));
    else out.push(...each(`${p}.name`, e.name, envVarNameProblems(e.name)));
    if (e.valueFrom) out.push(...validateValueFrom(e, `${p}.valueFrom`));
  });
  return out;
}

function validateValueFrom(e: Obj, path: string): Causes {
  const from = e.valueFrom as Obj;
  const sources = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef', 'fileKeyRef'].filter((k) => from[k]);
  const out: Causes = [];
  if (e.value) out.push(invalid(path, '', 'may not be specified when `value` is not empty'));
  if (!sources.length) return [...out, invalid(path, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`')];
  if (sources.length > 1) return [...out, invalid(path, '', 'may not have more than one field specified at a time')];
  const [kind] = sources;
  const ref = from[kind] as Obj;
  if (kind === 'fieldRef') {
    const fp = ref.fieldPath as string | undefined;
    if (!fp) out.push(required(`${path}.fieldRef.fieldPath`));
    else if (!FIELD_PATHS.includes(fp) && !/^metadata\.(labels|annotations)\['.+'\]$/.test(fp)) {
      out.push(notSupported(`${path}.fieldRef.fieldPath`, fp, FIELD_PATHS));
    }
  } else if (kind === 'resourceFieldRef') {
    if (!ref.resource) out.push(required(`${path}.resourceFieldRef.resource`));
    else if (!RESOURCE_FIELDS.includes(ref.resource)) out.push(notSupported(`${path}.resourceFieldRef.resource`, ref.resource, RESOURCE_FIELDS));
  } else if (kind === 'configMapKeyRef' || kind === 'secretKeyRef') {
    if (!ref.name) out.push(required(`${path}.${kind}.name`));
    if (!ref.key) out.push(required(`${path}.${kind}.key`));
    else out.push(...each(`${path}.${kind}.key`, ref.key, configKeyProblems(ref.key)));
  }
  return out;
}

export function validateEnvFrom(envFrom: Obj[] | undefined, path: string): Causes {
  const out: Causes = [];
  (envFrom ?? []).forEach((e, i) => {
    const p = `${path}[${i}]`;
    const sources = ['configMapRef', 'secretRef'].filter((k) => e[k]);
    if (e.prefix) out.push(...each(`${p}.prefix`, e.prefix, envVarNameProblems(e.prefix)));
    if (!sources.length) out.push(invalid(p, '', 'must specify one of: `configMapRef` or `secretRef`'));
    else if (sources.length > 1) out.push(invalid(p, '', 'may not have more than one field specified at a time'));
    else if (!e[sources[0]].name) out.push(required(`${p}.${sources[0]}.name`));
  });
  return out;
}
