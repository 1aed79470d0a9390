/** Pod tolerations (core validateTolerations): operator and effect enums and how they combine. */
import { invalid, notSupported, type Causes } from './causes';
import { each, labelValueProblems, qualifiedNameProblems } from './names';

type Obj = Record<string, any>;

export const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

export function validateTolerations(tolerations: Obj[] | undefined, path: string): Causes {
  const out: Causes = [];
  (tolerations ?? []).forEach((t, i) => {
    const p = `${path}[${i}]`;
    if (t.key) out.push(...each(`${p}.key`, t.key, qualifiedNameProblems(t.key)));
    if (!t.key && t.operator !== 'Exists') {
      out.push(invalid(`${p}.operator`, t.operator ?? '', 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null && t.effect !== 'NoExecute') {
      out.push(invalid(`${p}.effect`, t.effect ?? '', "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    switch (t.operator ?? 'Equal') {
      case 'Equal':
        if (t.value) out.push(...each(`${p}.value`, t.value, labelValueProblems(t.value)));
        break;
      case 'Exists':
        if (t.value) out.push(invalid(`${p}.operator`, t.value, "value must be empty when `operator` is 'Exists'"));
        break;
      default:
        out.push(notSupported(`${p}.operator`, t.operator, ['Equal', 'Exists']));
    }
    if (t.effect) out.push(...(TAINT_EFFECTS.includes(t.effect) ? [] : [notSupported(`${p}.effect`, t.effect, TAINT_EFFECTS)]));
  });
  return out;
}
