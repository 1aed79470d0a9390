/**
 * Pod defaults. `defaultPodSpec` is SetDefaults_PodSpec and applies to pods and to every pod
 * template; `defaultPod` adds what only a Pod object gets (SetDefaults_Pod and the admission
 * plugins Wake does not run separately: service account, priority).
 */
import { defaultContainer } from './container-defaults';
import { setDefault, type Obj } from './set-default';

const MODE_0644 = 420;

export function defaultPodSpec(spec: Obj): void {
  setDefault(spec, 'restartPolicy', 'Always');
  setDefault(spec, 'dnsPolicy', 'ClusterFirst');
  setDefault(spec, 'securityContext', {});
  setDefault(spec, 'terminationGracePeriodSeconds', 30);
  setDefault(spec, 'schedulerName', 'default-scheduler');
  const hostNetwork = spec.hostNetwork === true;
  for (const list of ['initContainers', 'containers', 'ephemeralContainers']) {
    for (const c of (spec[list] ?? []) as Obj[]) defaultContainer(c, hostNetwork);
  }
  for (const v of (spec.volumes ?? []) as Obj[]) {
    for (const source of ['configMap', 'secret', 'downwardAPI', 'projected']) {
      if (v[source]) setDefault(v[source], 'defaultMode', MODE_0644);
    }
  }
}

export function defaultPod(pod: Obj): void {
  const spec = (pod.spec ??= {}) as Obj;
  defaultPodSpec(spec);
  setDefault(spec, 'enableServiceLinks', true);
  setDefault(spec, 'serviceAccountName', spec.serviceAccount || 'default');
  setDefault(spec, 'serviceAccount', spec.serviceAccountName);
  setDefault(spec, 'priority', 0);
  setDefault(spec, 'preemptionPolicy', 'PreemptLowerPriority');
  for (const list of ['initContainers', 'containers']) {
    for (const c of (spec[list] ?? []) as Obj[]) requestsFromLimits(c);
  }
}

/** A limit without a request becomes the request too. */
function requestsFromLimits(c: Obj): void {
  const limits = c.resources?.limits as Obj | undefined;
  if (!limits || !Object.keys(limits).length) return;
  const requests = (c.resources.requests ??= {}) as Obj;
  for (const [k, v] of Object.entries(limits)) setDefault(requests, k, v);
}

/** Defaults of a template's pod spec (`template.spec`), when the template is present. */
export function defaultTemplate(template: Obj | undefined): void {
  if (template?.spec) defaultPodSpec(template.spec as Obj);
}
