import { matchesLabels, type LabelSelector } from '@wake/api';
import { keyString, type KubeObject, type ObjectKey, type StoredEvent } from '@wake/events';
import { isNoise, type NoiseFilter } from '../noise/noise';
import { diffObjects } from '../diff/json-diff';
import { describeEvent } from '../causality/describe-event';

/** One line of a timeline. */
export interface TimelineEntry {
  readonly seq: number;
  readonly time: string;
  readonly type: string;
  readonly actor: string;
  readonly object: string;
  readonly description: string;
}

export function timelineLine(t: TimelineEntry): string {
  return `${String(t.seq).padStart(8)}  ${t.time}  ${t.type.padEnd(28)} ${t.description}`;
}

export interface TimelineQuery extends NoiseFilter {
  readonly namespace?: string;
  readonly kind?: string;
  readonly selector?: LabelSelector;
  /** Events of this object and of everything it owns, transitively (by ownerReferences uid). */
  readonly owner?: ObjectKey;
  /** Inclusive time window (event time). */
  readonly since?: Date;
  readonly until?: Date;
}

/**
 * Decides, event by event in log order, which events belong on a timeline. Ownership is
 * learned as the log goes: an owner's uid is known from its events, and an object whose
 * ownerReferences name a known uid joins the set (a Deployment's ReplicaSets, then their pods).
 */
export class TimelineFilter {
  private readonly ownerUids = new Set<string>();
  private readonly previous = new Map<string, KubeObject>();

  constructor(private readonly q: TimelineQuery) {}

  /** The event as a timeline entry, or undefined when it does not belong on the timeline. */
  step(e: StoredEvent): TimelineEntry | undefined {
    const k = `${e.kind}/${e.namespace}/${e.name}`;
    const before = this.previous.get(k);
    this.previous.set(k, e.object);
    if (this.q.owner && !this.owned(e)) return undefined;
    if (this.q.kind !== undefined && e.kind !== this.q.kind) return undefined;
    if (this.q.namespace !== undefined && e.namespace !== this.q.namespace) return undefined;
    if (this.q.selector && !matchesLabels(this.q.selector, e.object.metadata.labels)) return undefined;
    const t = Date.parse(e.time);
    if (this.q.since && t < this.q.since.getTime()) return undefined;
    if (this.q.until && t > this.q.until.getTime()) return undefined;
    if (this.q.hideStatus || this.q.hideHeartbeats) {
      const changes = before && !e.type.endsWith('.Created') ? diffObjects(before, e.object) : undefined;
      if (isNoise(e, changes, this.q)) return undefined;
    }
    return { seq: e.seq, time: e.time, type: e.type, actor: e.actor, object: keyString(e), description: describeEvent(e, before) };
  }

  private owned(e: StoredEvent): boolean {
    const o = this.q.owner!;
    if (e.kind === o.kind && e.namespace === o.namespace && e.name === o.name) {
      if (e.uid) this.ownerUids.add(e.uid);
      return true;
    }
    const refs = (e.object.metadata.ownerReferences ?? []) as { uid?: string }[];
    if (refs.some((r) => r.uid && this.ownerUids.has(r.uid))) {
      if (e.uid) this.ownerUids.add(e.uid);
      return true;
    }
    return false;
  }
}
