import { WakeError, type FieldCause, type KubeObject } from '@wake/events';

/** The 422 the apiserver answers: `Kind "name" is invalid: field: message, …`. */
export function invalidError(obj: Pick<KubeObject, 'kind' | 'metadata'>, causes: readonly FieldCause[]): WakeError {
  const detail = causes.map((c) => `${c.field}: ${c.message}`).join(', ');
  return new WakeError('Invalid', `${obj.kind} "${obj.metadata?.name ?? ''}" is invalid: ${detail}`, causes);
}
