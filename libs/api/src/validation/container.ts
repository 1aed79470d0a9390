/**
 * One container (app or init): name, image, pull and termination policies, ports, env, resources,
 * volume mounts and probes. State shared across the pod's containers (names, host ports, volumes)
 * comes in through `ctx`.
 */
import { duplicate, forbidden, invalid, notFound, notSupported, oneOf, required, type Causes } from './causes';
import { PORT_RANGE, each, isValidPort, nameCauses, portNameProblems } from './names';
import { validateEnv, validateEnvFrom } from './env';
import { validateResources } from './resources';
import { validateProbe, validateHandler } from './probe';
import { relativePathCauses } from './volumes';

type Obj = Record<string, any>;

export interface PodContext {
  readonly containerNames: Set<string>;
  readonly hostPorts: Set<string>;
  readonly volumeNames: ReadonlySet<string>;
}

export type ContainerRole = 'container' | 'init';

export function validateContainer(c: Obj, path: string, role: ContainerRole, ctx: PodContext): Causes {
  const out: Causes = [];
  const nameErrs = nameCauses(`${path}.name`, c.name, 'dns-label');
  out.push(...nameErrs);
  if (!nameErrs.length && ctx.containerNames.has(c.name)) out.push(duplicate(`${path}.name`, c.name));
  if (c.name) ctx.containerNames.add(c.name);
  if (!c.image) out.push(required(`${path}.image`));
  else if (c.image.trim() !== c.image) out.push(invalid(`${path}.image`, c.image, 'must not have leading or trailing whitespace'));
  out.push(...oneOf(`${path}.imagePullPolicy`, c.imagePullPolicy, ['Always', 'IfNotPresent', 'Never']));
  out.push(...oneOf(`${path}.terminationMessagePolicy`, c.terminationMessagePolicy, ['File', 'FallbackToLogsOnError']));
  out.push(...validatePorts(c.ports, `${path}.ports`, ctx));
  out.push(...validateEnv(c.env, `${path}.env`));
  out.push(...validateEnvFrom(c.envFrom, `${path}.envFrom`));
  out.push(...validateResources(c.resources, `${path}.resources`));
  out.push(...validateMounts(c.volumeMounts, `${path}.volumeMounts`, ctx.volumeNames));
  out.push(...validateLifecycleAndProbes(c, path, role));
  return out;
}

function validateLifecycleAndProbes(c: Obj, path: string, role: ContainerRole): Causes {
  const out: Causes = [];
  const sidecar = role === 'init' && c.restartPolicy === 'Always';
  if (role === 'container' && c.restartPolicy !== undefined) out.push(forbidden(`${path}.restartPolicy`, 'may not be set for non-init containers'));
  if (role === 'init' && c.restartPolicy !== undefined && c.restartPolicy !== 'Always') {
    out.push(notSupported(`${path}.restartPolicy`, c.restartPolicy, ['Always']));
  }
  if (role === 'init' && !sidecar) {
    for (const f of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']) {
      if (c[f]) out.push(forbidden(`${path}.${f}`, 'may not be set for init containers without restartPolicy=Always'));
    }
    return out;
  }
  out.push(...validateProbe(c.livenessProbe, `${path}.livenessProbe`, true));
  out.push(...validateProbe(c.readinessProbe, `${path}.readinessProbe`, false));
  out.push(...validateProbe(c.startupProbe, `${path}.startupProbe`, true));
  if (c.lifecycle) {
    out.push(...validateHandler(c.lifecycle.postStart, `${path}.lifecycle.postStart`));
    out.push(...validateHandler(c.lifecycle.preStop, `${path}.lifecycle.preStop`));
  }
  return out;
}

function validatePorts(ports: Obj[] | undefined, path: string, ctx: PodContext): Causes {
  const out: Causes = [];
  const names = new Set<string>();
  (ports ?? []).forEach((port, i) => {
    const p = `${path}[${i}]`;
    if (port.name) {
      const errs = portNameProblems(port.name);
      out.push(...each(`${p}.name`, port.name, errs));
      if (!errs.length && names.has(port.name)) out.push(duplicate(`${p}.name`, port.name));
      names.add(port.name);
    }
    if (!port.containerPort) out.push(required(`${p}.containerPort`));
    else if (!isValidPort(port.containerPort)) out.push(invalid(`${p}.containerPort`, port.containerPort, PORT_RANGE));
    if (port.hostPort) {
      if (!isValidPort(port.hostPort)) out.push(invalid(`${p}.hostPort`, port.hostPort, PORT_RANGE));
      const key = `${port.hostPort}/${port.protocol ?? 'TCP'}`;
      if (ctx.hostPorts.has(`${port.hostIP ?? ''}/${key}`)) out.push(duplicate(`${p}.hostPort`, key));
      ctx.hostPorts.add(`${port.hostIP ?? ''}/${key}`);
    }
    out.push(...oneOf(`${p}.protocol`, port.protocol, ['SCTP', 'TCP', 'UDP']));
  });
  return out;
}

function validateMounts(mounts: Obj[] | undefined, path: string, volumes: ReadonlySet<string>): Causes {
  const out: Causes = [];
  const paths = new Set<string>();
  (mounts ?? []).forEach((m, i) => {
    const p = `${path}[${i}]`;
    if (!m.name) out.push(required(`${p}.name`));
    else if (!volumes.has(m.name)) out.push(notFound(`${p}.name`, m.name));
    if (!m.mountPath) out.push(required(`${p}.mountPath`));
    else if (paths.has(m.mountPath)) out.push(invalid(`${p}.mountPath`, m.mountPath, 'must be unique'));
    if (m.mountPath) paths.add(m.mountPath);
    out.push(...relativePathCauses(m.subPath, `${p}.subPath`, false));
  });
  return out;
}
