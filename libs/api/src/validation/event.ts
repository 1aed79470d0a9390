/** core/v1 Event (legacy event validation): involved object, type, reason and message sizes. */
import { invalid, nonNegative, notSupported, required, type Causes } from './causes';
import type { Validator } from './validator';

export const validateEvent: Validator = (obj) => {
  const out: Causes = [];
  const involved = obj.involvedObject;
  if (!involved) out.push(required('involvedObject'));
  else if (involved.namespace && obj.metadata?.namespace && involved.namespace !== obj.metadata.namespace) {
    out.push(invalid('involvedObject.namespace', involved.namespace, 'does not match event.namespace'));
  }
  if (obj.type !== undefined && obj.type !== '' && obj.type !== 'Normal' && obj.type !== 'Warning') {
    out.push(notSupported('type', obj.type, ['Normal', 'Warning']));
  }
  if (typeof obj.reason === 'string' && obj.reason.length > 128) out.push(invalid('reason', obj.reason, 'can have at most 128 characters'));
  if (typeof obj.message === 'string' && obj.message.length > 4096) out.push(invalid('message', obj.message, 'can have at most 4096 characters'));
  out.push(...nonNegative('count', obj.count));
  return out;
};
