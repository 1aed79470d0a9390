import { WakeError, type FieldCause } from './errors';
import { kindInfo, apiVersionOf, type NameRule } from './kinds';
import type { WakeEvent } from './envelope';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const INTENT = /^[A-Z][A-Za-z0-9]*$/;
const EVENT_ID = /^[^\s\x00-\x1f\x7f]+$/;

/** Returns why `name` is not a valid name under `rule`, or undefined when it is. */
export function nameProblem(name: string, rule: NameRule): string | undefined {
  if (!name) return 'name or generateName is required';
  if (rule === 'dns-label') {
    if (name.length > 63) return 'must be no more than 63 characters';
    if (!DNS_LABEL.test(name)) {
      return "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
    }
  } else if (rule === 'dns-subdomain') {
    if (name.length > 253) return 'must be no more than 253 characters';
    if (!DNS_SUBDOMAIN.test(name)) {
      return "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
    }
  } else if (name === '.' || name === '..' || name.includes('/') || name.includes('%')) {
    return `may not be '.' or '..' and may not contain '/' or '%'`;
  }
  return undefined;
}

export interface EventLimits {
  /** Largest serialized event, in bytes (Kubernetes' etcd request limit is 1.5 MiB). */
  readonly maxEventBytes: number;
}

export const DEFAULT_LIMITS: EventLimits = { maxEventBytes: 1_572_864 };

/**
 * Checks that an event may go on the log. Throws a WakeError ('Invalid' with field
 * causes, or 'TooLarge') and returns the serialized body when it may.
 */
export function checkEvent(event: WakeEvent, limits: EventLimits = DEFAULT_LIMITS): Uint8Array {
  const causes: FieldCause[] = [];
  const bad = (field: string, message: string, reason: FieldCause['reason'] = 'FieldValueInvalid') =>
    causes.push({ field, reason, message });
  const info = kindInfo(event.kind);
  if (!info) {
    bad('kind', `unknown kind ${JSON.stringify(event.kind)}`, 'FieldValueNotSupported');
  } else {
    if (event.object.apiVersion !== apiVersionOf(info)) {
      bad('apiVersion', `must be ${apiVersionOf(info)} for kind ${info.kind}`, 'FieldValueNotSupported');
    }
    const nameWhy = nameProblem(event.name, info.nameRule);
    if (nameWhy) bad('metadata.name', nameWhy, event.name ? 'FieldValueInvalid' : 'FieldValueRequired');
    if (info.namespaced) {
      const nsWhy = nameProblem(event.namespace, 'dns-label');
      if (nsWhy) bad('metadata.namespace', nsWhy, event.namespace ? 'FieldValueInvalid' : 'FieldValueRequired');
    } else if (event.namespace !== '') {
      bad('metadata.namespace', `${info.kind} is not namespaced`, 'FieldValueForbidden');
    }
  }
  if (!event.uid) bad('metadata.uid', 'is required', 'FieldValueRequired');
  const dot = event.type.indexOf('.');
  if (dot < 0 || event.type.slice(0, dot) !== event.kind || !INTENT.test(event.type.slice(dot + 1))) {
    bad('type', `must be "${event.kind}.<Intent>", got ${JSON.stringify(event.type)}`);
  }
  if (!event.actor) bad('actor', 'is required', 'FieldValueRequired');
  if (!EVENT_ID.test(event.id)) bad('id', 'must be a non-empty string without whitespace or control characters (it is the Nats-Msg-Id header)');
  if (causes.length) {
    throw new WakeError('Invalid', `${event.kind} "${event.name}" is invalid: ${causes.map((c) => `${c.field}: ${c.message}`).join(', ')}`, causes);
  }
  const body = Buffer.from(JSON.stringify(event), 'utf8');
  if (body.length > limits.maxEventBytes) {
    throw new WakeError('TooLarge', `event of ${body.length} bytes exceeds the limit of ${limits.maxEventBytes} bytes`);
  }
  return body;
}
