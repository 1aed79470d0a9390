import { keyString, type KubeObject, type StoredEvent } from '@wake/events';
import type { SchedulerConfig } from '@wake/scheduling';
import type { FoldEntry } from '../state/state-fold';
import { compareBinding, pendingPod, type BindingComparison } from './compare-binding';
import { compareWrites } from './compare-writes';
import { COMPARED_COMPONENTS, CONTROLLER_KINDS, deciderOf, isSchedulingVerdict, planDecisions, type ComparedComponent, type RecordedDecision } from './decisions';
import { ReplayState, type UndoStep } from './replay-state';
import { SchedulerView, schedulerSnapshot } from './scheduler-view';
import { todaysReconcile } from './todays-reconcile';
import { actionSignatures, eventSignature } from './write-signature';

/** A recorded slice of the log and the cluster's objects just before its first event. */
export interface ReplayInput {
  readonly seed: readonly FoldEntry[];
  /** In sequence order. */
  readonly events: readonly StoredEvent[];
}

export interface ReplayOptions {
  /** Today's scheduler configuration (default: the built-in defaults, as the service runs without settings). */
  readonly schedulerConfig?: SchedulerConfig;
  /** How many events back a decision may be re-run when the state just before it disagrees (default 64). */
  readonly lookback?: number;
}

export interface ComponentTally {
  compared: number;
  matched: number;
  different: number;
  /** Matches found on an older state than the one just before the recorded write (the component's cache lagged the log). */
  matchedEarlier: number;
}

export interface ReplayDifference {
  readonly component: ComparedComponent;
  /** The (first) recorded event of the decision. */
  readonly seq: number;
  readonly time: string;
  /** What the decision was about: `Pod default/web-1`, `ReplicaSet default/web-7d4b9`. */
  readonly object: string;
  readonly recorded: readonly string[];
  readonly today: readonly string[];
  /** Bindings: both verdicts with per-node scores. */
  readonly binding?: BindingComparison;
}

export interface ReplayReport {
  readonly from: number;
  readonly to: number;
  readonly events: number;
  readonly seedObjects: number;
  readonly components: Record<ComparedComponent, ComponentTally>;
  /** Decisions of other components (or writes replay cannot attribute), by decider: counted, not compared. */
  readonly notCompared: Record<string, number>;
  readonly differences: ReplayDifference[];
}

const RELEVANT: Record<ComparedComponent, ReadonlySet<string>> = {
  scheduler: new Set(['Pod', 'Node', 'Namespace', 'PersistentVolumeClaim']),
  replicaset: new Set(['Pod', 'ReplicaSet']),
  deployment: new Set(['Deployment', 'ReplicaSet', 'Pod']),
  job: new Set(['Job', 'Pod']),
  cronjob: new Set(['CronJob', 'Job']),
  daemonset: new Set(['DaemonSet', 'Pod', 'Node']),
  statefulset: new Set(['StatefulSet', 'Pod', 'PersistentVolumeClaim']),
};

/**
 * Feeds a recorded slice through today's scheduler and controller logic, with nothing written
 * anywhere: the state is folded event by event, and at each recorded decision today's pure logic
 * runs on the state just before it, with the virtual clock at the decision's recorded time.
 *
 * A component decides on its cache, which may lag the log by a few events. When today's verdict
 * differs on the state just before the recorded write, the decision is re-run on the older states
 * back to the event that caused it (at most `lookback` events): if one of them reproduces the
 * recorded decision, today's logic agrees with it (`matchedEarlier`). For the scheduler, its own
 * bindings in that window stay in place, as its cache "assumes" them. Otherwise the difference
 * is reported with today's verdict on the state just before the recorded write.
 */
export function replaySlice(input: ReplayInput, opts: ReplayOptions = {}): ReplayReport {
  const { events } = input;
  const config = opts.schedulerConfig ?? {};
  const lookback = opts.lookback ?? 64;
  const state = new ReplayState(input.seed);
  const scheduler = new SchedulerView(state);
  const undo: UndoStep[] = [];
  const indexOfSeq = new Map(events.map((e, i) => [e.seq, i]));
  const plan = planDecisions(events, input.seed);
  const components = Object.fromEntries(COMPARED_COMPONENTS.map((c) => [c, { compared: 0, matched: 0, different: 0, matchedEarlier: 0 }])) as Record<ComparedComponent, ComponentTally>;
  const differences: ReplayDifference[] = [];

  /** Index of the last event applied per object, and of the last recorded write per controller key. */
  const lastOfObject = new Map<string, number>();
  const lastOfKey = new Map<string, number>();

  /**
   * The oldest index a decision at `i` may be re-run at. The component saw at least: the event
   * that caused it; for a binding, the pod's latest version (the binding is appended expecting
   * it); for a reconcile, the key's previous writes (the runner's expectations wait for them).
   */
  const lowest = (i: number, seen: number | undefined): number => {
    const cause = events[i].causationSeq !== undefined ? indexOfSeq.get(events[i].causationSeq!) : undefined;
    return Math.max(cause ?? -1, seen ?? -1, i - lookback - 1) + 1;
  };

  /** Re-runs `agrees` on the states before events i-1, i-2, … down to `lowest(i)`; true at the first that agrees. */
  const agreesEarlier = (i: number, seen: number | undefined, component: ComparedComponent, agrees: (s: ReplayState, assumed: KubeObject[]) => boolean): boolean => {
    const s = state.copy();
    const assumed: KubeObject[] = [];
    for (let k = i - 1; k >= lowest(i, seen); k--) {
      const ek = events[k];
      s.undo(ek, undo[k]);
      if (component === 'scheduler' && deciderOf(ek) === 'scheduler' && isSchedulingVerdict(ek) && ek.type.endsWith('.Bound') && state.get(ek)) {
        assumed.push(state.get(ek)!);
      }
      if (RELEVANT[component].has(ek.kind) && agrees(s, assumed)) return true;
    }
    return false;
  };

  const evaluate = (d: RecordedDecision, i: number) => {
    const e = events[i];
    const tally = components[d.component];
    tally.compared++;
    if (d.component === 'scheduler') {
      const pending = pendingPod(e, state.get(e));
      const now = compareBinding(e, pending, scheduler.snapshot, config);
      if (now.match) { tally.matched++; return; }
      if (agreesEarlier(i, lastOfObject.get(keyString(e)), 'scheduler', (s, assumed) => compareBinding(e, pending, schedulerSnapshot(s, assumed), config).match)) {
        tally.matched++;
        tally.matchedEarlier++;
        return;
      }
      tally.different++;
      const verdict = (v: { node: string | undefined; message?: string }) => (v.node ? `bind to ${v.node}` : `unschedulable${v.message ? `: ${v.message}` : ''}`);
      differences.push({
        component: 'scheduler', seq: e.seq, time: e.time, object: `Pod ${d.key}`,
        recorded: [verdict(now.recorded)], today: [now.today.best.length > 1 ? `bind to one of ${now.today.best.join(', ')}` : verdict(now.today)], binding: now,
      });
      return;
    }
    const recorded = d.events.map((k) => eventSignature(events[k]));
    const at = new Date(e.time);
    const controller = d.component;
    const todayOn = (s: ReplayState) => actionSignatures(todaysReconcile(controller, d.key, s, at, e.seq));
    const today = todayOn(state);
    if (compareWrites(recorded, today).match) { tally.matched++; return; }
    if (agreesEarlier(i, lastOfKey.get(`${d.component}|${d.key}`), d.component, (s) => compareWrites(recorded, todayOn(s)).match)) {
      tally.matched++;
      tally.matchedEarlier++;
      return;
    }
    tally.different++;
    const kind = CONTROLLER_KINDS[controller];
    differences.push({ component: d.component, seq: e.seq, time: e.time, object: `${kind} ${d.key}`, recorded, today });
  };

  events.forEach((e, i) => {
    for (const d of plan.byFirstEvent.get(i) ?? []) evaluate(d, i);
    const step = state.apply(e);
    undo.push(step);
    if (step.applied) scheduler.apply(e);
    lastOfObject.set(keyString(e), i);
    const key = plan.keys[i];
    if (key) lastOfKey.set(key, i);
  });
  return {
    from: events[0]?.seq ?? 0,
    to: events[events.length - 1]?.seq ?? 0,
    events: events.length,
    seedObjects: input.seed.length,
    components,
    notCompared: plan.notCompared,
    differences,
  };
}
