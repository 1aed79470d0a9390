import type { V1LabelSelector } from '@kubernetes/client-node';
import {
  type LabelRequirement, type LabelSelector, newRequirement, selectorError, selectorToString,
  sortRequirements,
} from './label-requirement';

const OPERATORS = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' } as const;

/**
 * Converts a `LabelSelector` object (matchLabels + matchExpressions) into a selector, like
 * metav1.LabelSelectorAsSelector: an absent selector matches nothing, an empty one everything.
 * Throws WakeError 'BadRequest' for an unknown operator or invalid keys/values.
 */
export function labelSelectorFromObject(selector: V1LabelSelector | null | undefined): LabelSelector {
  if (!selector) return { requirements: [], nothing: true };
  const rs: LabelRequirement[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) rs.push(newRequirement(key, '=', [value]));
  for (const expr of selector.matchExpressions ?? []) {
    const op = OPERATORS[expr.operator as keyof typeof OPERATORS];
    if (!op) throw selectorError(`${JSON.stringify(expr.operator)} is not a valid label selector operator`);
    rs.push(newRequirement(expr.key, op, op === 'in' || op === 'notin' ? (expr.values ?? []) : []));
  }
  return { requirements: sortRequirements(rs) };
}

/** metav1.FormatLabelSelector: the selector string, `<none>` when empty, `<error>` when invalid. */
export function formatLabelSelector(selector: V1LabelSelector | null | undefined): string {
  try {
    return selectorToString(labelSelectorFromObject(selector)) || '<none>';
  } catch {
    return '<error>';
  }
}

/** labels.FormatLabels: `a=1,b=2` sorted by key, `<none>` when empty. */
export function formatLabels(labels: Readonly<Record<string, string>> | null | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${labels![k]}`).join(',') : '<none>';
}
