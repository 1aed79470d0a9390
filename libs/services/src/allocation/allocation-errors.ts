import { WakeError, type FieldCause } from '@wake/events';
import { invalidError } from '@wake/store';
import type { ServiceIPRange, PortRange } from './ranges';

/** The apiserver's words for allocation failures (ipallocator / portallocator errors, as the Service REST storage wraps them). */
export const IP_ALLOCATED = 'provided IP is already allocated';
export const PORT_ALLOCATED = 'provided port is already allocated';

const goStrings = (xs: readonly string[]) => `[]string{${xs.map((x) => JSON.stringify(x)).join(', ')}}`;

export function clusterIPCause(requested: readonly string[], ip: string, why: string): FieldCause {
  return { field: 'spec.clusterIPs', reason: 'FieldValueInvalid', message: `Invalid value: ${goStrings(requested)}: failed to allocate IP ${ip}: ${why}` };
}

export const ipNotInRange = (ip: string, range: ServiceIPRange) =>
  `the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${range.text}`;

export function nodePortCause(index: number, port: number, why: string): FieldCause {
  return { field: `spec.ports[${index}].nodePort`, reason: 'FieldValueInvalid', message: `Invalid value: ${port}: ${why}` };
}

export const portNotInRange = (range: PortRange) =>
  `provided port is not in the valid range. The range of valid ports is ${range.text}`;

/** A 422 for the Service: `Service "web" is invalid: spec.clusterIPs: Invalid value: …`. */
export function allocationInvalid(name: string, causes: readonly FieldCause[]): WakeError {
  return invalidError({ kind: 'Service', metadata: { name } }, causes);
}

/**
 * No free address or port is left. Kubernetes answers 500 (`Internal error occurred: failed to allocate
 * a serviceIP: range is full`); Wake's error codes have no internal error, and a retry would not help,
 * so it is a 422 with the apiserver's wording.
 */
export class RangeFullError extends WakeError {
  constructor(readonly what: 'serviceIP' | 'nodePort') {
    super('Invalid', `Internal error occurred: failed to allocate a ${what}: range is full`);
  }
}
