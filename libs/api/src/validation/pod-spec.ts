/** A pod spec, standalone or inside a template (core ValidatePodSpec, for the fields Wake uses). */
import { invalid, nonNegative, oneOf, required, type Causes } from './causes';
import { validateContainer, type PodContext } from './container';
import { validateLabels } from './object-meta';
import { nameCauses } from './names';
import { validateTolerations } from './tolerations';
import { validateVolumes } from './volumes';

type Obj = Record<string, any>;

export const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
export const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];

export function validatePodSpec(spec: Obj | undefined, path: string): Causes {
  const s = spec ?? {};
  const out: Causes = [];
  const volumes = validateVolumes(s.volumes, `${path}.volumes`);
  out.push(...volumes.causes);
  const ctx: PodContext = { containerNames: new Set(), hostPorts: new Set(), volumeNames: volumes.names };
  (s.initContainers as Obj[] | undefined ?? []).forEach((c, i) => out.push(...validateContainer(c, `${path}.initContainers[${i}]`, 'init', ctx)));
  const containers = s.containers as Obj[] | undefined;
  if (!containers?.length) out.push(required(`${path}.containers`));
  (containers ?? []).forEach((c, i) => out.push(...validateContainer(c, `${path}.containers[${i}]`, 'container', ctx)));
  out.push(...oneOf(`${path}.restartPolicy`, s.restartPolicy, RESTART_POLICIES));
  out.push(...oneOf(`${path}.dnsPolicy`, s.dnsPolicy, DNS_POLICIES));
  out.push(...validateLabels(s.nodeSelector, `${path}.nodeSelector`));
  out.push(...validateTolerations(s.tolerations, `${path}.tolerations`));
  out.push(...nonNegative(`${path}.terminationGracePeriodSeconds`, s.terminationGracePeriodSeconds));
  if (s.activeDeadlineSeconds !== undefined && s.activeDeadlineSeconds !== null && !(s.activeDeadlineSeconds >= 1 && s.activeDeadlineSeconds <= 2147483647)) {
    out.push(invalid(`${path}.activeDeadlineSeconds`, s.activeDeadlineSeconds, 'must be between 1 and 2147483647, inclusive'));
  }
  for (const [f, rule] of [['serviceAccountName', 'dns-subdomain'], ['nodeName', 'dns-subdomain'], ['hostname', 'dns-label'], ['subdomain', 'dns-label']] as const) {
    if (s[f]) out.push(...nameCauses(`${path}.${f}`, s[f], rule));
  }
  return out;
}
