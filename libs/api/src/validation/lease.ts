/** coordination.k8s.io/v1 Lease (ValidateLeaseSpec). */
import { invalid, nonNegative, positive, type Causes } from './causes';
import type { Validator } from './validator';

export const validateLease: Validator = (obj) => {
  const spec = obj.spec ?? {};
  const out: Causes = [...positive('spec.leaseDurationSeconds', spec.leaseDurationSeconds), ...nonNegative('spec.leaseTransitions', spec.leaseTransitions)];
  if (typeof spec.holderIdentity === 'string' && spec.holderIdentity.length > 253) {
    out.push(invalid('spec.holderIdentity', spec.holderIdentity, 'must be no more than 253 characters'));
  }
  return out;
};
