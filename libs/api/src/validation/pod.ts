/**
 * core/v1 Pod (ValidatePodCreate, ValidatePodUpdate). On update only the fields Kubernetes lets
 * change may change; binding (nodeName from empty) is allowed here because Wake's scheduler writes
 * it through the same rules.
 */
import { changed, forbidden, type Causes } from './causes';
import { validatePodSpec } from './pod-spec';
import type { Validator } from './validator';

type Obj = Record<string, any>;

const UPDATE_MESSAGE = 'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

export const validatePod: Validator = (obj, ctx) => {
  const out: Causes = validatePodSpec(obj.spec, 'spec');
  const old = ctx.old?.spec as Obj | undefined;
  if (old && changed(mutableMasked(obj.spec ?? {}, old), mutableMasked(old, old))) out.push(forbidden('spec', UPDATE_MESSAGE));
  if (old && !startsWith(obj.spec?.tolerations ?? [], old.tolerations ?? [])) out.push(forbidden('spec.tolerations', 'existing toleration can not be modified except its tolerationSeconds'));
  return out;
};

/** The spec with the fields an update may change replaced by the old values. */
function mutableMasked(spec: Obj, old: Obj): Obj {
  const masked: Obj = { ...spec, activeDeadlineSeconds: undefined, tolerations: undefined, terminationGracePeriodSeconds: undefined };
  if (!old.nodeName) masked.nodeName = undefined;
  for (const list of ['containers', 'initContainers', 'ephemeralContainers']) {
    if (Array.isArray(spec[list])) masked[list] = spec[list].map((c: Obj) => ({ ...c, image: undefined }));
  }
  return masked;
}

function startsWith(now: Obj[], before: Obj[]): boolean {
  return before.every((t, i) => now[i] && !changed({ ...now[i], tolerationSeconds: undefined }, { ...t, tolerationSeconds: undefined }));
}
