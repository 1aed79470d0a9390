/** apps/v1 StatefulSet (ValidateStatefulSetSpec, ValidateStatefulSetUpdate). */
import { changed, forbidden, nonNegative, oneOf, type Causes } from './causes';
import { validateIntOrPercent } from './int-or-percent';
import { nameCauses } from './names';
import { APPS_TEMPLATE, validateControllerSelector, validatePodTemplate } from './pod-template';
import type { Validator } from './validator';

type Obj = Record<string, any>;

const MUTABLE = ['replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds'];

export const validateStatefulSet: Validator = (obj, ctx) => {
  const spec = (obj.spec ?? {}) as Obj;
  const out: Causes = [
    ...validateControllerSelector(spec.selector, 'spec.selector', 'statefulset'),
    ...nonNegative('spec.replicas', spec.replicas),
    ...nonNegative('spec.minReadySeconds', spec.minReadySeconds),
    ...nonNegative('spec.revisionHistoryLimit', spec.revisionHistoryLimit),
    ...nonNegative('spec.ordinals.start', spec.ordinals?.start),
    ...oneOf('spec.podManagementPolicy', spec.podManagementPolicy, ['OrderedReady', 'Parallel']),
    ...oneOf('spec.persistentVolumeClaimRetentionPolicy.whenDeleted', spec.persistentVolumeClaimRetentionPolicy?.whenDeleted, ['Retain', 'Delete']),
    ...oneOf('spec.persistentVolumeClaimRetentionPolicy.whenScaled', spec.persistentVolumeClaimRetentionPolicy?.whenScaled, ['Retain', 'Delete']),
    ...validateUpdateStrategy(spec.updateStrategy),
    ...validatePodTemplate(withClaimVolumes(spec), 'spec.template', spec.selector, APPS_TEMPLATE),
  ];
  if (spec.serviceName) out.push(...nameCauses('spec.serviceName', spec.serviceName, 'dns-label'));
  const old = ctx.old?.spec as Obj | undefined;
  if (old && changed(withoutMutable(spec), withoutMutable(old))) {
    out.push(forbidden('spec', "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"));
  }
  return out;
};

/**
 * The template as its pods will be: each volumeClaimTemplate becomes a volume of its name (a
 * persistentVolumeClaim), so containers may mount it. Kubernetes leaves the StatefulSet's pod
 * spec unvalidated for that reason ("the union of the given volumes and volumeClaims").
 */
function withClaimVolumes(spec: Obj): Obj | undefined {
  const templates = (Array.isArray(spec.volumeClaimTemplates) ? spec.volumeClaimTemplates : []) as Obj[];
  const names = templates.map((t) => t?.metadata?.name).filter((n): n is string => typeof n === 'string' && n !== '');
  const t = spec.template as Obj | undefined;
  if (!names.length || !t || typeof t !== 'object' || !t.spec || typeof t.spec !== 'object') return t;
  const own = (Array.isArray(t.spec.volumes) ? t.spec.volumes : []) as Obj[];
  // Appended, so causes about the template's own volumes keep their indices.
  const volumes = [...own, ...names.filter((n) => !own.some((v) => v?.name === n)).map((name) => ({ name, persistentVolumeClaim: { claimName: name } }))];
  return { ...t, spec: { ...t.spec, volumes } };
}

function withoutMutable(spec: Obj): Obj {
  return Object.fromEntries(Object.entries(spec).filter(([k]) => !MUTABLE.includes(k)));
}

function validateUpdateStrategy(s: Obj | undefined): Causes {
  if (!s) return [];
  const out = oneOf('spec.updateStrategy.type', s.type, ['RollingUpdate', 'OnDelete']);
  const ru = s.rollingUpdate as Obj | undefined;
  if (!ru) return out;
  if (s.type === 'OnDelete') return [...out, forbidden('spec.updateStrategy.rollingUpdate', "only allowed for updateStrategy 'RollingUpdate'")];
  out.push(...nonNegative('spec.updateStrategy.rollingUpdate.partition', ru.partition));
  out.push(...validateIntOrPercent(ru.maxUnavailable, 'spec.updateStrategy.rollingUpdate.maxUnavailable'));
  return out;
}
