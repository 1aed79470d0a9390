/** core/v1 ServiceAccount: the secrets and image pull secrets it names. */
import type { Causes } from './causes';
import { nameCauses } from './names';
import type { Validator } from './validator';

export const validateServiceAccount: Validator = (obj) => {
  const out: Causes = [];
  for (const list of ['secrets', 'imagePullSecrets']) {
    (obj[list] ?? []).forEach((s: { name?: string }, i: number) => out.push(...nameCauses(`${list}[${i}].name`, s.name, 'dns-subdomain')));
  }
  return out;
};
