/** core/v1 Namespace: finalizer names (the name itself is a DNS label, checked with metadata). */
import { invalid, type Causes } from './causes';
import { qualifiedNameProblems } from './names';
import type { Validator } from './validator';

export const validateNamespace: Validator = (obj) => {
  const out: Causes = [];
  (obj.spec?.finalizers ?? []).forEach((f: string, i: number) => {
    if (f !== 'kubernetes' && (!f.includes('/') || qualifiedNameProblems(f).length)) {
      out.push(invalid(`spec.finalizers[${i}]`, f, 'name is neither a standard finalizer name nor is it fully qualified'));
    }
  });
  return out;
};
