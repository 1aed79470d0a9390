/** core/v1 Node: taints (key, effect, no duplicates) and reported addresses. */
import { duplicate, notSupported, required, type Causes } from './causes';
import { each, qualifiedNameProblems } from './names';
import { TAINT_EFFECTS } from './tolerations';
import type { Validator } from './validator';

type Obj = Record<string, any>;

export const validateNode: Validator = (obj) => {
  const out: Causes = [];
  const seen = new Set<string>();
  (obj.spec?.taints ?? []).forEach((t: Obj, i: number) => {
    const p = `spec.taints[${i}]`;
    if (!t.key) out.push(required(`${p}.key`));
    else out.push(...each(`${p}.key`, t.key, qualifiedNameProblems(t.key)));
    if (!t.effect) out.push(required(`${p}.effect`));
    else if (!TAINT_EFFECTS.includes(t.effect)) out.push(notSupported(`${p}.effect`, t.effect, TAINT_EFFECTS));
    const key = `${t.key}:${t.effect}`;
    if (seen.has(key)) out.push(duplicate(p, key));
    seen.add(key);
  });
  (obj.status?.addresses ?? []).forEach((a: Obj, i: number) => {
    if (!a.type) out.push(required(`status.addresses[${i}].type`));
    if (!a.address) out.push(required(`status.addresses[${i}].address`));
  });
  return out;
};
