/**
 * metav1.LabelSelector: syntax (ValidateLabelSelector) and matching, as the workload rules need
 * them (a selector must select its own template's labels).
 */
import { forbidden, invalid, required, type Causes } from './causes';
import { validateLabels } from './object-meta';
import { each, labelValueProblems, qualifiedNameProblems } from './names';
import { labelSelectorFromObject, matchesLabels } from '../selectors';

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

export function validateLabelSelector(sel: LabelSelector | undefined, path: string): Causes {
  if (!sel) return [];
  const out = validateLabels(sel.matchLabels, `${path}.matchLabels`);
  (sel.matchExpressions ?? []).forEach((e, i) => {
    const p = `${path}.matchExpressions[${i}]`;
    const values = e.values ?? [];
    if (e.operator === 'In' || e.operator === 'NotIn') {
      if (!values.length) out.push(required(`${p}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
    } else if (e.operator === 'Exists' || e.operator === 'DoesNotExist') {
      if (values.length) out.push(forbidden(`${p}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
    } else {
      out.push(invalid(`${p}.operator`, e.operator ?? '', 'not a valid selector operator'));
    }
    out.push(...each(`${p}.key`, e.key ?? '', qualifiedNameProblems(e.key ?? '')));
    values.forEach((v, j) => out.push(...each(`${p}.values[${j}]`, v, labelValueProblems(v))));
  });
  return out;
}

export function isEmptySelector(sel: LabelSelector | undefined): boolean {
  return !sel || (!Object.keys(sel.matchLabels ?? {}).length && !(sel.matchExpressions ?? []).length);
}

/** Whether `sel` selects `labels`; an empty or absent selector selects everything. */
export function selectorMatches(sel: LabelSelector | undefined, labels: Record<string, string> | undefined): boolean {
  return matchesLabels(labelSelectorFromObject(sel ?? {}), labels ?? {});
}
