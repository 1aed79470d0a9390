import { randomUUID } from 'node:crypto';
import { applyPatch } from '@wake/api';
import {
  ConflictError, isRemoval, isWakeError, kindInfo, objectAt, WakeError,
  type EventLog, type KubeObject, type ObjectKey, type StoredEvent,
} from '@wake/events';
import { actorString, type Actor } from './actor';
import { checkNodeRestriction } from './node-restriction';
import { planDelete, type DeleteOptions } from './plan-delete';
import { prepareCreate } from './prepare-create';
import { sameJson } from './same-json';
import { isKubectlUndoPatch, rolloutIntent } from './rollout-intent';
import { prepareUpdate, type Subresource } from './prepare-update';
import { checkFields, type FieldValidation } from './field-validation';
import { appliedEntries, planApply, recordUpdate } from './managed-fields/managed-fields';
import { planBind } from './binding/plan-bind';
import type { PodObject } from './binding/pod-condition';

/** Why a write happened: the event it reacts to (recorded as causation/correlation). */
export interface Cause {
  readonly correlationId?: string;
  readonly causationId?: string;
  readonly causationSeq?: number;
  readonly detail?: Record<string, unknown>;
}

export interface WriteOptions extends Cause {
  readonly actor: Actor;
  /** Validate and compute the result, but append nothing (dryRun=All). */
  readonly dryRun?: boolean;
  /** Overrides the derived intent (e.g. 'Bound', 'StatusReported'). */
  readonly intent?: string;
  /** Decoding checks on the written object (the gateway sets it; internal writers need not). */
  readonly fieldValidation?: FieldValidation;
  /** Collects warnings (unknown fields under fieldValidation=Warn) for the response. */
  readonly warnings?: string[];
  /** Who owns the fields this write sets (managedFields, operation Update). */
  readonly fieldManager?: string;
}

export interface ApplyOptions extends WriteOptions {
  readonly fieldManager: string;
  readonly force?: boolean;
}

export interface BindOptions extends Cause {
  readonly actor: Actor;
  /** The pod the binder decided on, as it was at `expect`: the base of the write, so nothing is read back. */
  readonly pod: KubeObject;
  /** The pod's sequence the decision was made on (default: pod.metadata.resourceVersion); a newer one in the log is a ConflictError. */
  readonly expect?: number;
  /** Binding metadata.uid: the pod must be this one, not one recreated under its name. */
  readonly uid?: string;
  /** Binding metadata.annotations, merged into the pod's. */
  readonly annotations?: Readonly<Record<string, string>>;
  /** Check and compute the bound pod, append nothing (dryRun=All). */
  readonly dryRun?: boolean;
}

export interface BindResult {
  readonly object: KubeObject;
  /** The one Pod.Bound event (absent for a dry run). */
  readonly event?: StoredEvent;
}

export interface StoreClock {
  now(): Date;
  uid(): string;
  random(): number;
}

const systemClock: StoreClock = { now: () => new Date(), uid: () => randomUUID(), random: Math.random };

const notFound = (key: ObjectKey) => {
  const info = kindInfo(key.kind);
  const resource = info ? (info.group ? `${info.plural}.${info.group}` : info.plural) : key.kind;
  return new WakeError('NotFound', `${resource} "${key.name}" not found`);
};

const keyOf = (o: KubeObject): ObjectKey => ({ kind: o.kind, namespace: o.metadata.namespace ?? '', name: o.metadata.name });

/**
 * The one write path (DESIGN invariant 6): the gateway and every internal service create,
 * update, patch and delete objects through here, so the same rules apply to all of them.
 * Reads of single objects come from the log itself (consistent; no projection lag).
 */
export class ObjectStore {
  constructor(readonly log: EventLog, private readonly clock: StoreClock = systemClock) {}

  async get(key: ObjectKey): Promise<KubeObject | undefined> {
    const last = await this.log.last(key);
    return last && !isRemoval(last) ? objectAt(last) : undefined;
  }

  async mustGet(key: ObjectKey): Promise<KubeObject> {
    const obj = await this.get(key);
    if (!obj) throw notFound(key);
    return obj;
  }

  async create(input: KubeObject, opts: WriteOptions & { namespace?: string }): Promise<KubeObject> {
    if (opts.fieldValidation) checkFields(input, opts.fieldValidation, opts.warnings);
    let obj = prepareCreate(input, { now: this.clock.now(), uid: this.clock.uid(), random: this.clock.random, namespace: opts.namespace });
    checkNodeRestriction(opts.actor, 'create', undefined, obj);
    const managed = opts.fieldManager ? recordUpdate(undefined, obj, opts.fieldManager, this.clock.now()) : undefined;
    if (managed) obj = { ...obj, metadata: { ...obj.metadata, managedFields: managed } };
    if (kindInfo(obj.kind)!.namespaced) await this.checkNamespaceOpen(obj.metadata.namespace!);
    if (opts.dryRun) {
      if (await this.get(keyOf(obj))) throw new WakeError('AlreadyExists', `${kindInfo(obj.kind)!.plural} "${obj.metadata.name}" already exists`);
      return obj;
    }
    try {
      return objectAt(await this.append(obj, opts.intent ?? 'Created', 'absent', opts));
    } catch (e) {
      if (e instanceof WakeError && e.code === 'AlreadyExists') {
        const info = kindInfo(obj.kind)!;
        throw new WakeError('AlreadyExists', `${info.group ? `${info.plural}.${info.group}` : info.plural} "${obj.metadata.name}" already exists`);
      }
      throw e;
    }
  }

  /**
   * Replaces an object (or its status). metadata.resourceVersion, when given, must be current
   * (else 409); when absent the write is unconditional but still cannot lose a concurrent update.
   */
  async update(input: KubeObject, opts: WriteOptions & { subresource?: Subresource }): Promise<KubeObject> {
    const key = keyOf(input);
    const last = await this.log.last(key);
    if (!last || isRemoval(last)) throw notFound(key);
    const current = objectAt(last);
    const rv = input.metadata?.resourceVersion;
    if (rv && rv !== String(last.seq)) {
      throw new ConflictError(`Operation cannot be fulfilled on ${kindInfo(key.kind)!.plural} "${key.name}": the object has been modified; please apply your changes to the latest version and try again`, Number(rv), last.seq);
    }
    if (opts.fieldValidation) checkFields(input, opts.fieldValidation, opts.warnings);
    // Omitted managedFields keep the stored ones, as the apiserver does.
    const withManaged = input.metadata?.managedFields === undefined && current.metadata.managedFields !== undefined
      ? { ...input, metadata: { ...input.metadata, managedFields: current.metadata.managedFields } }
      : input;
    let plan = prepareUpdate(current, withManaged, opts.subresource);
    checkNodeRestriction(opts.actor, opts.subresource === 'status' ? 'updateStatus' : 'update', current, plan.object);
    if (plan.changed && opts.fieldManager && sameJson(plan.object.metadata.managedFields, current.metadata.managedFields)) {
      const managed = recordUpdate(current, plan.object, opts.fieldManager, this.clock.now());
      if (managed) plan = { ...plan, object: { ...plan.object, metadata: { ...plan.object.metadata, managedFields: managed } } };
    }
    if (!plan.changed || opts.dryRun) return plan.object;
    if (plan.finalize) return objectAt(await this.append(plan.object, 'Deleted', last.seq, opts));
    return objectAt(await this.append(plan.object, opts.intent ?? rolloutIntent(current, plan.object, opts.fieldManager) ?? plan.intent, last.seq, opts));
  }

  /** Applies a JSON / merge / strategic merge patch to the current object, retrying on conflict. */
  async patch(key: ObjectKey, body: unknown, contentType: string, opts: WriteOptions & { subresource?: Subresource }): Promise<KubeObject> {
    for (let attempt = 0; ; attempt++) {
      const current = await this.mustGet(key);
      // The patch applies to the current object, so it carries the current resourceVersion unless
      // the patch itself sets one — then that one is a precondition, as in Kubernetes.
      const patched = applyPatch(current, body, contentType, key.kind) as KubeObject;
      try {
        return await this.update(patched, !opts.intent && isKubectlUndoPatch(key.kind, body, contentType) ? { ...opts, intent: 'RolledBack' } : opts);
      } catch (e) {
        // Only a conflict with a concurrent writer is retried; a patch that pinned a stale resourceVersion is not.
        const pinned = (patched.metadata?.resourceVersion ?? current.metadata.resourceVersion) !== current.metadata.resourceVersion;
        if (!(e instanceof ConflictError) || pinned || attempt >= 4) throw e;
      }
    }
  }

  /**
   * Server-side apply (PATCH application/apply-patch+yaml): creates the object when absent,
   * otherwise merges the manager's applied configuration as planApply describes. Conflicts
   * between managers are a 409 WakeError('Conflict') with one cause per field.
   */
  async apply(key: ObjectKey, applied: KubeObject, opts: ApplyOptions): Promise<{ object: KubeObject; created: boolean }> {
    if (!opts.fieldManager) throw new WakeError('BadRequest', 'PATCH, fieldManager is required for apply requests');
    if (applied.metadata?.name !== key.name) {
      throw new WakeError('BadRequest', `the name of the object (${applied.metadata?.name}) does not match the name on the URL (${key.name})`);
    }
    if (opts.fieldValidation) checkFields(applied, opts.fieldValidation, opts.warnings);
    const plain = { ...opts, fieldManager: undefined, fieldValidation: undefined };
    for (let attempt = 0; ; attempt++) {
      const current = await this.get(key);
      try {
        if (!current) {
          const obj = { ...applied, metadata: { ...applied.metadata, managedFields: appliedEntries(applied, opts.fieldManager, this.clock.now()) } };
          return { object: await this.create(obj, { ...plain, namespace: key.namespace || undefined }), created: true };
        }
        const merged = planApply(current, applied, opts.fieldManager, opts.force ?? false, this.clock.now(),
          (base, patch) => applyPatch(base, patch, 'application/strategic-merge-patch+json', key.kind));
        const rv = applied.metadata.resourceVersion ?? current.metadata.resourceVersion;
        return { object: await this.update({ ...merged, metadata: { ...merged.metadata, resourceVersion: rv } }, plain), created: false };
      } catch (e) {
        const concurrent = e instanceof ConflictError || (isWakeError(e, 'AlreadyExists') && !current);
        if (!concurrent || applied.metadata.resourceVersion || attempt >= 4) throw e;
      }
    }
  }

  /**
   * Binds a pod to a node (pods/binding): one Pod.Bound event with spec.nodeName and PodScheduled=True,
   * appended only if the pod is still at `expect` (else ConflictError, never a second binding).
   * The caller passes the pod it decided on, so the binding costs one append and no read.
   */
  async bind(key: ObjectKey, nodeName: string, opts: BindOptions): Promise<BindResult> {
    const pod = opts.pod as PodObject;
    if (key.kind !== 'Pod' || pod.kind !== 'Pod' || pod.metadata.name !== key.name || (pod.metadata.namespace ?? '') !== key.namespace) {
      throw new WakeError('BadRequest', `a binding is for the pod it names: ${key.kind} ${key.namespace}/${key.name}, given ${pod.kind} ${pod.metadata.namespace ?? ''}/${pod.metadata.name}`);
    }
    const rv = pod.metadata.resourceVersion === undefined ? undefined : Number(pod.metadata.resourceVersion);
    const expect = opts.expect ?? rv;
    if (expect === undefined || !Number.isInteger(expect)) throw new WakeError('BadRequest', `binding pods "${key.name}" needs the sequence the pod was read at`);
    if (rv !== undefined && rv !== expect) throw this.modified(key, expect, rv);
    checkNodeRestriction(opts.actor, 'bind', pod, undefined);
    const bound = planBind(pod, { nodeName, now: this.clock.now(), uid: opts.uid, annotations: opts.annotations });
    if (opts.dryRun) return { object: bound };
    try {
      const event = await this.append(bound, 'Bound', expect, opts);
      return { object: objectAt(event), event };
    } catch (e) {
      if (e instanceof ConflictError) throw this.modified(key, expect, e.actualSeq);
      throw e;
    }
  }

  private modified(key: ObjectKey, expected: number, actual: number | undefined): ConflictError {
    return new ConflictError(`Operation cannot be fulfilled on pods "${key.name}": the object has been modified; please apply your changes to the latest version and try again`, expected, actual);
  }

  /**
   * Deletes (or marks for deletion) an object. Without preconditions a conflict with a
   * concurrent writer is retried, as the apiserver does; with preconditions it is the caller's.
   */
  async delete(key: ObjectKey, opts: WriteOptions & DeleteOptions): Promise<{ object: KubeObject; removed: boolean }> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.deleteOnce(key, opts);
      } catch (e) {
        if (!(e instanceof ConflictError) || opts.preconditions || attempt >= 4) throw e;
      }
    }
  }

  private async deleteOnce(key: ObjectKey, opts: WriteOptions & DeleteOptions): Promise<{ object: KubeObject; removed: boolean }> {
    const last = await this.log.last(key);
    if (!last || isRemoval(last)) throw notFound(key);
    const current = objectAt(last);
    const plan = planDelete(current, opts, this.clock.now());
    checkNodeRestriction(opts.actor, 'delete', current, plan.object);
    if (plan.type === 'unchanged' || opts.dryRun) return { object: plan.object, removed: plan.type === 'remove' };
    if (plan.type === 'mark') {
      // An object that is only marked still exists: its event must not carry the removal intent.
      const intent = opts.intent && opts.intent !== 'Deleted' ? opts.intent : 'DeletionRequested';
      const e = await this.append(plan.object, intent, last.seq, opts);
      return { object: objectAt(e), removed: false };
    }
    const e = await this.append(plan.object, 'Deleted', last.seq, opts);
    return { object: objectAt(e), removed: true };
  }

  private async checkNamespaceOpen(namespace: string): Promise<void> {
    const ns = await this.get({ kind: 'Namespace', namespace: '', name: namespace });
    if (!ns) throw new WakeError('NotFound', `namespaces "${namespace}" not found`);
    if (ns.metadata.deletionTimestamp) {
      throw new WakeError('Forbidden', `unable to create new content in namespace ${namespace} because it is being terminated`);
    }
  }

  private append(object: KubeObject, intent: string, expect: number | 'absent', opts: WriteOptions): Promise<StoredEvent> {
    const { resourceVersion: _rv, ...metadata } = object.metadata;
    return this.log.append({
      type: `${object.kind}.${intent}`,
      object: { ...object, metadata: metadata as KubeObject['metadata'] },
      actor: actorString(opts.actor),
      correlationId: opts.correlationId,
      causationId: opts.causationId,
      causationSeq: opts.causationSeq,
      detail: opts.detail,
    }, { expect });
  }
}
