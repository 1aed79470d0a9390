/**
 * Pod templates of controllers (ValidatePodTemplateSpecForReplicaSet and friends): template
 * metadata, the selector must select the template's labels, the pod spec, and the restart policies
 * the controller allows.
 */
import { Rendered, forbidden, invalid, notSupported, required, type Causes } from './causes';
import { isEmptySelector, selectorMatches, validateLabelSelector, type LabelSelector } from './label-selector';
import { validateAnnotations, validateLabels } from './object-meta';
import { validatePodSpec } from './pod-spec';

type Obj = Record<string, any>;

export interface TemplateRules {
  /** Restart policies the controller accepts (Always for apps, OnFailure/Never for Jobs). */
  readonly restartPolicies: readonly string[];
  /** apps controllers forbid activeDeadlineSeconds in their templates. */
  readonly forbidActiveDeadline: boolean;
}

export const APPS_TEMPLATE: TemplateRules = { restartPolicies: ['Always'], forbidActiveDeadline: true };

export function validatePodTemplate(template: Obj | undefined, path: string, selector: LabelSelector | undefined, rules: TemplateRules): Causes {
  const t = template ?? {};
  const labels = t.metadata?.labels as Record<string, string> | undefined;
  const out: Causes = [
    ...validateLabels(labels, `${path}.metadata.labels`),
    ...validateAnnotations(t.metadata?.annotations, `${path}.metadata.annotations`),
  ];
  const usable = selector && !isEmptySelector(selector) && !validateLabelSelector(selector, '').length;
  if (usable && !selectorMatches(selector, labels)) {
    out.push(invalid(`${path}.metadata.labels`, labels ?? {}, '`selector` does not match template `labels`'));
  }
  out.push(...validatePodSpec(t.spec, `${path}.spec`));
  const rp = t.spec?.restartPolicy;
  if (rp !== undefined && !rules.restartPolicies.includes(rp)) {
    out.push(notSupported(`${path}.spec.restartPolicy`, rp, rules.restartPolicies));
  }
  if (rules.forbidActiveDeadline && t.spec?.activeDeadlineSeconds !== undefined && t.spec?.activeDeadlineSeconds !== null) {
    out.push(forbidden(`${path}.spec.activeDeadlineSeconds`, 'activeDeadlineSeconds in ReplicaSet is not Supported'));
  }
  return out;
}

/** The selector of an apps controller: present, not empty, well formed. */
export function validateControllerSelector(selector: LabelSelector | undefined, path: string, kind: string): Causes {
  if (!selector) return [required(path)];
  if (isEmptySelector(selector)) return [invalid(path, new Rendered(JSON.stringify(selector)), `empty selector is invalid for ${kind}`)];
  return validateLabelSelector(selector, path);
}
