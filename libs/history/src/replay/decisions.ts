import { intentOf, type KubeObject, type StoredEvent } from '@wake/events';

/** Components whose decisions replay re-runs and compares. */
export const COMPARED_COMPONENTS = ['scheduler', 'replicaset', 'deployment', 'job', 'cronjob', 'daemonset', 'statefulset'] as const;
export type ComparedComponent = (typeof COMPARED_COMPONENTS)[number];

const SCHEDULER_ACTOR = 'system:scheduler';
const CONTROLLERS_ACTOR = 'system:controllers';

/**
 * One recorded decision: the scheduler's verdict on one pod (Pod.Bound or Pod.SchedulingFailed),
 * or one reconcile of one controller key — the writes it made (each object at most once, all
 * with the same cause, as the controllers' runner writes them).
 */
export interface RecordedDecision {
  readonly component: ComparedComponent;
  /** `namespace/name` of the pod (scheduler) or of the controller's work-queue key. */
  readonly key: string;
  /** Indices of its events in the slice. */
  readonly events: readonly number[];
}

/** A compared controller → the kind of its work-queue keys (the object it reconciles). */
export const CONTROLLER_KINDS: Readonly<Record<Exclude<ComparedComponent, 'scheduler'>, string>> = {
  replicaset: 'ReplicaSet', deployment: 'Deployment', job: 'Job', cronjob: 'CronJob', daemonset: 'DaemonSet', statefulset: 'StatefulSet',
};
export type ComparedController = keyof typeof CONTROLLER_KINDS;
export const isComparedController = (c: string | undefined): c is ComparedController => c !== undefined && Object.hasOwn(CONTROLLER_KINDS, c);

/** Which component decided this event: 'scheduler', a controller's name, or undefined for anyone else. */
export function deciderOf(e: StoredEvent): string | undefined {
  if (e.kind === 'Event') return undefined; // core/v1 Events narrate decisions; they are not decisions
  if (e.actor === SCHEDULER_ACTOR) return e.kind === 'Pod' ? 'scheduler' : 'scheduler-claims';
  if (e.actor !== CONTROLLERS_ACTOR) return undefined;
  const c = e.detail?.controller;
  return typeof c === 'string' ? c : 'controllers';
}

const controllerOf = (o: KubeObject, kind: string): string | undefined =>
  (o.metadata.ownerReferences as { kind: string; name: string; controller?: boolean }[] | undefined)?.find((r) => r.controller && r.kind === kind)?.name;

/** The objects (seed and slice) replay knows, as far as attributing writes needs them. */
type Known = Pick<StoredEvent, 'kind' | 'namespace' | 'name' | 'object'>;

/**
 * A StatefulSet's claims carry no controller reference (with whenDeleted = Delete the set owns
 * them, but not as controller): they are attributed by name, `<template>-<set>-<ordinal>`, to
 * a StatefulSet of their namespace with that volumeClaimTemplate (any version of it replay saw).
 */
export class ClaimOwners {
  /** `namespace/set` → its claim template names. */
  private readonly templates = new Map<string, Set<string>>();

  constructor(known: Iterable<Known> = []) {
    for (const o of known) this.note(o);
  }

  note(o: Known): void {
    if (o.kind !== 'StatefulSet' || !o.object) return;
    const names = ((o.object.spec as { volumeClaimTemplates?: { metadata?: { name?: string } }[] } | undefined)?.volumeClaimTemplates ?? [])
      .map((t) => t.metadata?.name).filter((n): n is string => !!n);
    if (!names.length) return;
    const key = `${o.namespace}/${o.name}`;
    const set = this.templates.get(key) ?? new Set<string>();
    for (const n of names) set.add(n);
    this.templates.set(key, set);
  }

  /** `namespace/set` of the StatefulSet a claim is named for, if exactly one. */
  ownerOf(namespace: string, claim: string): string | undefined {
    const found = new Set<string>();
    for (const [key, templates] of this.templates) {
      const slash = key.indexOf('/');
      if (key.slice(0, slash) !== namespace) continue;
      const set = key.slice(slash + 1);
      for (const t of templates) {
        const prefix = `${t}-${set}-`;
        if (claim.startsWith(prefix) && /^\d+$/.test(claim.slice(prefix.length))) found.add(key);
      }
    }
    return found.size === 1 ? [...found][0] : undefined;
  }
}

/**
 * The work-queue key (`namespace/name` of the ReplicaSet, Deployment, DaemonSet…) a controller
 * write belongs to: the object itself, or its controller; for a StatefulSet's claim, the set it
 * is named for (`claims`). (A write that releases an object carries no controller reference any
 * more: it is not attributed, and counted as not compared.)
 */
export function reconcileKeyOf(controller: string, e: StoredEvent, claims?: ClaimOwners): string | undefined {
  if (!isComparedController(controller)) return undefined;
  const owner = CONTROLLER_KINDS[controller];
  if (e.kind === owner) return `${e.namespace}/${e.name}`;
  const name = controllerOf(e.object, owner);
  if (name) return `${e.namespace}/${name}`;
  if (controller === 'statefulset' && e.kind === 'PersistentVolumeClaim') return claims?.ownerOf(e.namespace, e.name);
  return undefined;
}

/** Is this recorded scheduler event a decision replay compares (a binding or an unschedulable verdict)? */
export function isSchedulingVerdict(e: StoredEvent): boolean {
  return e.kind === 'Pod' && (intentOf(e.type) === 'Bound' || intentOf(e.type) === 'SchedulingFailed');
}

export interface DecisionPlan {
  /** Decisions by the index (in the slice's events) of their first event. */
  readonly byFirstEvent: Map<number, RecordedDecision[]>;
  /** Decider → how many of its events replay does not compare. */
  readonly notCompared: Record<string, number>;
  /** Per event of the slice: the controller key its write was attributed to (`decider|namespace/name`), if any. */
  readonly keys: readonly (string | undefined)[];
}

/**
 * Finds the recorded decisions in a slice. Controller writes are grouped into reconciles by
 * (controller, key, cause); a write to an object the open group already wrote starts a new
 * group, since one reconcile writes each object at most once (the reconcilers' contract).
 */
export function planDecisions(events: readonly StoredEvent[], seed: Iterable<Known> = []): DecisionPlan {
  const byFirstEvent = new Map<number, RecordedDecision[]>();
  const notCompared: Record<string, number> = {};
  const claims = new ClaimOwners(seed);
  for (const e of events) claims.note(e);
  const keys: (string | undefined)[] = events.map(() => undefined);
  const open = new Map<string, { cause: string; objects: Set<string>; events: number[] }>();
  const add = (i: number, d: RecordedDecision) => {
    const list = byFirstEvent.get(i);
    if (list) list.push(d);
    else byFirstEvent.set(i, [d]);
  };
  events.forEach((e, i) => {
    const who = deciderOf(e);
    if (!who) return;
    if (who === 'scheduler' && isSchedulingVerdict(e)) {
      add(i, { component: 'scheduler', key: `${e.namespace}/${e.name}`, events: [i] });
      return;
    }
    const key = reconcileKeyOf(who, e, claims);
    if (!key) {
      notCompared[who] = (notCompared[who] ?? 0) + 1;
      return;
    }
    const groupKey = `${who}|${key}`;
    keys[i] = groupKey;
    const cause = e.causationId ?? '';
    const object = `${e.kind}/${e.namespace}/${e.name}`;
    const g = open.get(groupKey);
    if (g && g.cause === cause && !g.objects.has(object)) {
      g.objects.add(object);
      g.events.push(i);
      return;
    }
    const next = { cause, objects: new Set([object]), events: [i] };
    open.set(groupKey, next);
    add(i, { component: who as ComparedController, key, events: next.events });
  });
  return { byFirstEvent, notCompared, keys };
}
