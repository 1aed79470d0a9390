import { labelSelectorFromObject, matchesLabels } from '@wake/api';
import type { LabelSelector } from './wire';

/**
 * Matches labels against a metav1.LabelSelector (matchLabels AND every matchExpression).
 *
 * As in Kubernetes (`metav1.LabelSelectorAsSelector`): a nil selector matches nothing and
 * an empty selector `{}` matches everything; unknown operators match nothing.
 */
export function selectorMatches(selector: LabelSelector | undefined, labels: Record<string, string> | undefined): boolean {
  // libs/api's matcher: an absent selector selects nothing, an empty one everything. A selector
  // that does not convert (unknown operator, bad value) selects nothing, as controllers treat it.
  try {
    return matchesLabels(labelSelectorFromObject(selector), labels ?? {});
  } catch {
    return false;
  }
}

/** True when the selector selects nothing useful for a controller (empty): Kubernetes refuses to act then. */
export function isEmptySelector(selector: LabelSelector | undefined): boolean {
  return !selector || (Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0);
}
