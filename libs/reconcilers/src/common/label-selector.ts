import type { LabelSelector } from './wire';

/**
 * Matches labels against a metav1.LabelSelector (matchLabels AND every matchExpression).
 * TODO(dedupe): local stand-in until libs/api/src/selectors lands; replace with it then.
 *
 * As in Kubernetes (`metav1.LabelSelectorAsSelector`): a nil selector matches nothing and
 * an empty selector `{}` matches everything; unknown operators match nothing.
 */
export function selectorMatches(selector: LabelSelector | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector) return false;
  const l = labels ?? {};
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (l[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(l, e.key);
    const values = e.values ?? [];
    switch (e.operator) {
      case 'In': if (!has || !values.includes(l[e.key])) return false; break;
      case 'NotIn': if (has && values.includes(l[e.key])) return false; break;
      case 'Exists': if (!has) return false; break;
      case 'DoesNotExist': if (has) return false; break;
      default: return false;
    }
  }
  return true;
}

/** True when the selector selects nothing useful for a controller (empty): Kubernetes refuses to act then. */
export function isEmptySelector(selector: LabelSelector | undefined): boolean {
  return !selector || (Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0);
}
