import { generateName, type RandomSource } from '../common/names';
import { newControllerRef } from '../common/owner-refs';
import { clone } from '../common/owner-refs';
import type { AnyObject, Pod, PodTemplateSpec } from '../common/wire';

/**
 * `controller.GetPodFromTemplate`: a pod from a template, controlled by `owner`, named like
 * `generateName: <prefix>` would be (prefix + 5 random safe characters), avoiding `taken`.
 */
export function podFromTemplate(
  template: PodTemplateSpec | undefined, owner: AnyObject, prefix: string, random: RandomSource, taken: Set<string>,
): Pod {
  let name = generateName(prefix, random);
  while (taken.has(name)) name = generateName(prefix, random);
  taken.add(name);
  const t = clone(template ?? {});
  const metadata: Pod['metadata'] = {
    name,
    generateName: prefix,
    namespace: owner.metadata?.namespace,
    ownerReferences: [newControllerRef(owner)],
  };
  if (t.metadata?.labels) metadata.labels = t.metadata.labels;
  if (t.metadata?.annotations) metadata.annotations = t.metadata.annotations;
  if (t.metadata?.finalizers) metadata.finalizers = t.metadata.finalizers;
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: t.spec ?? { containers: [] } };
}
