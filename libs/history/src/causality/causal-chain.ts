import { isRemoval, keyString, type KubeObject, type StoredEvent } from '@wake/events';
import { decisionReasons, describeEvent } from './describe-event';

/** One link of the story: an event, what it did, and which earlier link caused it. */
export interface ChainStep {
  readonly seq: number;
  readonly time: string;
  readonly type: string;
  readonly actor: string;
  readonly object: string;
  readonly description: string;
  /** The causing event's sequence, when it is part of the chain. */
  readonly causedBy?: number;
  /** The cause named by the event but no longer retained (or never indexed). */
  readonly missingCause?: string;
  /** Per-node reasons of a scheduling decision. */
  readonly reasons?: string[];
  /** Whether this step is an event of the object asked about (not an ancestor). */
  readonly own: boolean;
}

/** Fetches events by id; answers only those it knows. */
export type FetchEvents = (ids: readonly string[]) => Promise<StoredEvent[]>;

/** The object's current incarnation: its events since the last removal before its latest event. */
export function currentIncarnation(history: readonly StoredEvent[]): StoredEvent[] {
  let start = 0;
  for (let i = 0; i < history.length - 1; i++) if (isRemoval(history[i])) start = i + 1;
  return history.slice(start);
}

/** Follows causation ids back from `seeds` until every cause is found or unknown (bounded depth). */
export async function collectAncestors(seeds: readonly StoredEvent[], fetch: FetchEvents, maxDepth = 64): Promise<Map<string, StoredEvent>> {
  const known = new Map<string, StoredEvent>(seeds.map((e) => [e.id, e]));
  const missing = new Set<string>();
  let frontier = seeds;
  for (let depth = 0; depth < maxDepth && frontier.length; depth++) {
    const wanted = [...new Set(frontier.map((e) => e.causationId).filter((id): id is string => !!id && !known.has(id) && !missing.has(id)))];
    if (!wanted.length) break;
    const found = await fetch(wanted);
    for (const e of found) known.set(e.id, e);
    for (const id of wanted) if (!known.has(id)) missing.add(id);
    frontier = found;
  }
  return known;
}

/**
 * The causal chain of an object's current state: its own events (the incarnation) and every
 * event that, through causation ids, led to one of them, in log order. Each step says what it
 * did and which step caused it; a Bound step carries the scheduler's per-node reasons.
 */
export function causalChain(own: readonly StoredEvent[], events: ReadonlyMap<string, StoredEvent>): ChainStep[] {
  const ownIds = new Set(own.map((e) => e.id));
  const ordered = [...events.values()].sort((a, b) => a.seq - b.seq);
  const previous = new Map<string, KubeObject>();
  return ordered.map((e) => {
    const k = keyString(e);
    const step: ChainStep = {
      seq: e.seq, time: e.time, type: e.type, actor: e.actor, object: k,
      description: describeEvent(e, previous.get(k)),
      own: ownIds.has(e.id),
      ...(e.causationId && events.has(e.causationId) ? { causedBy: events.get(e.causationId)!.seq } : {}),
      ...(e.causationId && !events.has(e.causationId) ? { missingCause: e.causationId } : {}),
      ...(e.type.endsWith('.Bound') && e.detail ? { reasons: decisionReasons(e.detail) } : {}),
    };
    previous.set(k, e.object);
    return step;
  });
}

/** `wake why` as text: one line per step, arrows to its cause, reasons indented. */
export function chainText(title: string, steps: readonly ChainStep[]): string {
  if (!steps.length) return `no retained events for ${title}\n`;
  const lines = [`WHY ${title}`];
  for (const s of steps) {
    const cause = s.causedBy !== undefined ? `  ← #${s.causedBy}` : s.missingCause ? `  ← ${s.missingCause} (not retained)` : '';
    lines.push(`${s.own ? '*' : ' '} #${s.seq}  ${s.time}  ${s.type}${cause}`);
    lines.push(`      ${s.description}`);
    for (const r of s.reasons ?? []) lines.push(`        ${r}`);
  }
  return lines.join('\n') + '\n';
}
