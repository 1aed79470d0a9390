/**
 * Container-level defaults (SetDefaults_Container, _ContainerPort, _Probe, _HTTPGetAction,
 * _ObjectFieldSelector): pull policy from the image tag, termination message, port protocol,
 * probe timings, fieldRef apiVersion.
 */
import { child, setDefault, type Obj } from './set-default';

/** Always for `:latest` or an untagged image, IfNotPresent for any other tag or a digest. */
export function defaultPullPolicy(image: string | undefined): 'Always' | 'IfNotPresent' {
  if (!image) return 'Always';
  if (image.includes('@')) return 'IfNotPresent';
  const lastPart = image.slice(image.lastIndexOf('/') + 1);
  const colon = lastPart.lastIndexOf(':');
  const tag = colon >= 0 ? lastPart.slice(colon + 1) : '';
  return !tag || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

export function defaultContainer(c: Obj, hostNetwork: boolean): void {
  setDefault(c, 'imagePullPolicy', defaultPullPolicy(c.image));
  setDefault(c, 'terminationMessagePath', '/dev/termination-log');
  setDefault(c, 'terminationMessagePolicy', 'File');
  setDefault(c, 'resources', {});
  for (const p of (c.ports ?? []) as Obj[]) {
    setDefault(p, 'protocol', 'TCP');
    if (hostNetwork && !p.hostPort) p.hostPort = p.containerPort;
  }
  for (const e of (c.env ?? []) as Obj[]) {
    if (e.valueFrom?.fieldRef) setDefault(e.valueFrom.fieldRef, 'apiVersion', 'v1');
  }
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    if (c[probe]) defaultProbe(c[probe] as Obj);
  }
  for (const hook of ['postStart', 'preStop']) {
    if (c.lifecycle?.[hook]?.httpGet) defaultHttpGet(c.lifecycle[hook].httpGet as Obj);
  }
}

export function defaultProbe(p: Obj): void {
  setDefault(p, 'timeoutSeconds', 1);
  setDefault(p, 'periodSeconds', 10);
  setDefault(p, 'successThreshold', 1);
  setDefault(p, 'failureThreshold', 3);
  if (p.httpGet) defaultHttpGet(child(p, 'httpGet'));
}

function defaultHttpGet(h: Obj): void {
  if (!h.path) h.path = '/';
  setDefault(h, 'scheme', 'HTTP');
}
