import { applyDefaults, validateObject } from '@wake/api';
import { kindInfo, WakeError, type KubeObject } from '@wake/events';
import { invalidError } from './invalid';
import { generateJobSelector, normalizeWrite } from './strategies';

/** Kinds whose metadata.generation tracks changes to their spec. */
export const GENERATION_KINDS = new Set(['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'Job', 'CronJob', 'Service', 'Namespace', 'PodDisruptionBudget']);

const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789'; // k8s utilrand: no vowels, no confusable digits

export function randomSuffix(random: () => number, n = 5): string {
  let s = '';
  for (let i = 0; i < n; i++) s += ALPHANUMS[Math.floor(random() * ALPHANUMS.length)];
  return s;
}

export interface CreateInput {
  readonly now: Date;
  readonly uid: string;
  readonly random: () => number;
  /** The namespace from the request path; the object's own must agree. */
  readonly namespace?: string;
}

/**
 * The object as it will be stored on create: defaults applied, server-owned metadata set
 * (uid, creationTimestamp, generation, name from generateName), then validated.
 * Throws WakeError('Invalid' | 'BadRequest').
 */
export function prepareCreate(raw: KubeObject, ctx: CreateInput): KubeObject {
  const input = normalizeWrite(raw, 'create');
  const info = kindInfo(input.kind);
  if (!info) throw new WakeError('BadRequest', `unknown kind ${JSON.stringify(input.kind)}`);
  const meta = { ...(input.metadata ?? {}) } as KubeObject['metadata'];
  if (info.namespaced) {
    const ns = meta.namespace || ctx.namespace || 'default';
    if (ctx.namespace && meta.namespace && meta.namespace !== ctx.namespace) {
      throw new WakeError('BadRequest', 'the namespace of the provided object does not match the namespace sent on the request');
    }
    meta.namespace = ns;
  } else {
    delete meta.namespace;
  }
  if (!meta.name && typeof meta.generateName === 'string' && meta.generateName) {
    meta.name = `${meta.generateName}${randomSuffix(ctx.random)}`;
  }
  for (const serverOwned of ['resourceVersion', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'selfLink']) delete meta[serverOwned];
  meta.uid = ctx.uid;
  meta.creationTimestamp = ctx.now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  if (GENERATION_KINDS.has(input.kind)) meta.generation = 1;
  else delete meta.generation;
  const obj = applyDefaults(generateJobSelector({ ...input, metadata: meta })) as KubeObject;
  const causes = validateObject(obj, { operation: 'create' });
  if (causes.length) throw invalidError(obj, causes);
  return obj;
}
