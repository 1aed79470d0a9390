import type { KubeObject, StoredEvent } from '@wake/events';
import {
  reconcileDaemonSet, reconcileStatefulSet, seededRandom, targetNode,
  type Action, type DaemonSet, type PersistentVolumeClaim, type Pod, type StatefulSet,
} from '@wake/reconcilers';
import { makeNode } from '@wake/scheduling';
import type { FoldEntry } from '../state/state-fold';
import { ev } from '../testing/events';
import { ClaimOwners, planDecisions } from './decisions';
import { replaySlice } from './replay-engine';
import { ReplayState } from './replay-state';
import { replayText } from './replay-text';

type Node = Parameters<typeof reconcileDaemonSet>[1]['nodes'][number];
const k = (o: unknown) => o as KubeObject;
const entry = (seq: number, o: unknown): FoldEntry => {
  const x = k(o);
  return { kind: x.kind, namespace: x.metadata.namespace ?? '', name: x.metadata.name, seq, type: `${x.kind}.Created`, object: x };
};
const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } };
const timeOf = (seq: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, seq));

/**
 * Records a slice as the cluster would write it: the controller's reconciles run the pure
 * reconciler on the log's state at that moment and write their actions the way the runner and
 * the store do (uid and creationTimestamp on creates, a pod delete marks it), a "kubelet"
 * starts pods on the node they are pinned to and removes terminating ones.
 */
class Recorder {
  seq = 10;
  readonly events: StoredEvent[] = [];
  readonly state: ReplayState;
  private reconciles = 0;

  constructor(readonly seed: FoldEntry[], private readonly controller: 'daemonset' | 'statefulset', private readonly key: string) {
    this.state = new ReplayState(seed);
  }

  write(type: string, object: KubeObject, extra: Partial<StoredEvent> = {}): StoredEvent {
    const e = ev(this.seq, type, object, extra);
    this.seq++;
    this.events.push(e);
    this.state.apply(e);
    return e;
  }

  /** One reconcile of the key on the current state; returns its writes. */
  reconcile(): StoredEvent[] {
    const now = timeOf(this.seq);
    const actions = this.actions(now);
    const cause = { actor: 'system:controllers', causationId: `r${++this.reconciles}`, detail: { controller: this.controller } };
    const out: StoredEvent[] = [];
    for (const a of actions) {
      if (a.type === 'create') {
        const o = k(a.object);
        out.push(this.write(`${o.kind}.Created`, k({ ...o, metadata: { ...o.metadata, uid: `uid-${o.metadata.name}`, creationTimestamp: timeOf(this.seq).toISOString() } }), cause));
      } else if (a.type === 'update' || a.type === 'updateStatus') {
        const o = k(a.object);
        out.push(this.write(`${o.kind}.${a.type === 'updateStatus' ? 'StatusUpdated' : a.intent ?? 'Updated'}`, o, cause));
      } else if (a.type === 'delete') {
        const o = this.state.get({ kind: a.key.kind, namespace: a.key.namespace ?? '', name: a.key.name })!;
        if (o.kind === 'Pod') out.push(this.write('Pod.DeletionRequested', k({ ...o, metadata: { ...o.metadata, deletionTimestamp: timeOf(this.seq).toISOString() } }), cause));
        else out.push(this.write(`${o.kind}.Deleted`, o, cause));
      }
    }
    return out;
  }

  /** Pods pinned to a node start there, Running and Ready; terminating pods go. */
  kubelet(): void {
    for (const p of this.state.list('Pod', 'default') as Pod[]) {
      const node = targetNode(p) ?? 'n1';
      const actor = { actor: `system:node:${node}` };
      if (p.metadata?.deletionTimestamp) this.write('Pod.Deleted', k(p), actor);
      else if (!p.status?.phase) {
        const started = timeOf(this.seq).toISOString();
        this.write('Pod.StatusReported', k({ ...p, spec: { ...p.spec, nodeName: node },
          status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: started }] } }), actor);
      }
    }
  }

  /** Reconcile and run pods until the controller writes nothing more. */
  settle(): StoredEvent[] {
    const written: StoredEvent[] = [];
    for (let i = 0; i < 30; i++) {
      const w = this.reconcile();
      written.push(...w);
      const before = this.events.length;
      this.kubelet();
      if (!w.length && this.events.length === before) return written;
    }
    throw new Error('did not settle');
  }

  private actions(now: Date): Action[] {
    const [namespace, name] = this.key.split('/');
    const pods = this.state.list('Pod', namespace) as Pod[];
    if (this.controller === 'daemonset') {
      const ds = this.state.get({ kind: 'DaemonSet', namespace, name }) as DaemonSet;
      return reconcileDaemonSet(ds, { nodes: this.state.list('Node', '') as Node[], pods }, { now, random: seededRandom(this.seq * 7) });
    }
    const set = this.state.get({ kind: 'StatefulSet', namespace, name }) as StatefulSet;
    return reconcileStatefulSet(set, { pods, claims: this.state.list('PersistentVolumeClaim', namespace) as PersistentVolumeClaim[] }, now);
  }
}

const created = (events: readonly StoredEvent[], kind = 'Pod') => events.filter((e) => e.kind === kind && e.type.endsWith('.Created'));

function daemonSet(): DaemonSet {
  return {
    apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent', namespace: 'default', uid: 'uid-agent', generation: 1 },
    spec: { selector: { matchLabels: { app: 'agent' } }, template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'a', image: 'wake/agent:1' }] } } },
  };
}

/** A DaemonSet on n1 and n2, settled; then n3 registers and gets its pod. */
function daemonSetStory(): Recorder {
  const r = new Recorder([entry(1, ns), entry(2, makeNode('n1')), entry(3, makeNode('n2')), entry(4, daemonSet())], 'daemonset', 'default/agent');
  r.settle();
  r.write('Node.Created', k(makeNode('n3')), { actor: 'system:node:n3' });
  r.settle();
  return r;
}

describe('replaySlice: the DaemonSet controller', () => {
  it('agrees with one pod per node, pinned there, and with the pod for a node that joins later', () => {
    const story = daemonSetStory();
    expect(created(story.events).map((e) => targetNode(e.object as Pod)).sort()).toEqual(['n1', 'n2', 'n3']);
    const r = replaySlice({ seed: story.seed, events: story.events });
    expect(r.differences).toEqual([]);
    expect(r.components.daemonset.compared).toBeGreaterThanOrEqual(3);
    expect(r.components.daemonset).toMatchObject({ different: 0, matchedEarlier: 0 });
    expect(r.components.daemonset.matched).toBe(r.components.daemonset.compared);
    expect(r.notCompared).toEqual({});
    expect(replayText(r)).toMatch(/daemonset controller +\d+ compared +\d+ same +0 different/);
  });

  it('reports a recorded daemon pod pinned to another node than today\'s logic would pick', () => {
    const story = daemonSetStory();
    const forN3 = created(story.events).find((e) => targetNode(e.object as Pod) === 'n3')!;
    const p = forN3.object as Pod;
    const wrong = k({ ...p, spec: { ...p.spec, affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: {
      nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }] }] } } } } });
    const events = story.events.map((e) => (e === forN3 ? { ...e, object: wrong } : e));
    const r = replaySlice({ seed: story.seed, events });
    expect(r.components.daemonset.different).toBeGreaterThanOrEqual(1);
    const d = r.differences.find((x) => x.seq === forN3.seq)!;
    expect(d).toMatchObject({ component: 'daemonset', object: 'DaemonSet default/agent' });
    expect(d.recorded).toContainEqual(expect.stringMatching(/^create Pod agent-\* owner=DaemonSet\/agent revision=\w+ node=n1 images=wake\/agent:1$/));
    expect(d.today).toContainEqual(expect.stringMatching(/^create Pod agent-\* owner=DaemonSet\/agent revision=\w+ node=n3 images=wake\/agent:1$/));
  });
});

function statefulSet(replicas: number, generation: number): StatefulSet {
  return {
    apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'web', namespace: 'default', uid: 'uid-web', generation },
    spec: {
      replicas, serviceName: 'web', selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'wake/db:1', volumeMounts: [{ name: 'data', mountPath: '/data' }] }] } },
      volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
    },
  };
}

/** Sets the set's replicas as a user's scale would (generation bumped, status kept). */
function scale(r: Recorder, replicas: number): void {
  const cur = r.state.get({ kind: 'StatefulSet', namespace: 'default', name: 'web' }) as StatefulSet;
  const gen = (cur.metadata?.generation ?? 1) + 1;
  r.write('StatefulSet.Scaled', k({ ...cur, metadata: { ...cur.metadata, generation: gen }, spec: { ...cur.spec, replicas } }));
}

describe('replaySlice: the StatefulSet controller', () => {
  it('agrees with a scale-up 0→3 one ordinal at a time (claims before pods) and a scale-down from the highest ordinal', () => {
    const r = new Recorder([entry(1, ns), entry(2, statefulSet(0, 1))], 'statefulset', 'default/web');
    r.settle();
    scale(r, 3);
    const up = r.settle();
    scale(r, 1);
    const down = r.settle();
    expect(created(up).map((e) => e.name)).toEqual(['web-0', 'web-1', 'web-2']);
    expect(created(up, 'PersistentVolumeClaim').map((e) => e.name)).toEqual(['data-web-0', 'data-web-1', 'data-web-2']);
    expect(down.filter((e) => e.type === 'Pod.DeletionRequested').map((e) => e.name)).toEqual(['web-2', 'web-1']);

    const report = replaySlice({ seed: r.seed, events: r.events });
    expect(report.differences).toEqual([]);
    expect(report.notCompared).toEqual({}); // the claims are attributed to the set by name
    const t = report.components.statefulset;
    expect(t.compared).toBeGreaterThanOrEqual(5);
    expect(t).toMatchObject({ different: 0, matchedEarlier: 0 });
    expect(t.matched).toBe(t.compared);
  });

  it('reports a recorded web-2 created before web-1 is Running and Ready', () => {
    const r = new Recorder([entry(1, ns), entry(2, statefulSet(3, 1))], 'statefulset', 'default/web');
    r.reconcile(); // claim + web-0
    r.kubelet();
    const second = r.reconcile(); // claim + web-1, not started yet
    const web1 = created(second).find((e) => e.name === 'web-1')!.object as Pod;
    // a controller that does not wait: web-2 at once
    const eager = k({ ...web1, metadata: { ...web1.metadata, name: 'web-2', uid: 'uid-web-2',
      labels: { ...web1.metadata?.labels, 'statefulset.kubernetes.io/pod-name': 'web-2', 'apps.kubernetes.io/pod-index': '2' } } });
    const doctored = r.write('Pod.Created', eager, { actor: 'system:controllers', causationId: 'eager', detail: { controller: 'statefulset' } });

    const report = replaySlice({ seed: r.seed, events: r.events });
    expect(report.components.statefulset.different).toBe(1);
    const d = report.differences[0];
    expect(d).toMatchObject({ component: 'statefulset', seq: doctored.seq, object: 'StatefulSet default/web' });
    expect(d.recorded).toEqual([expect.stringMatching(/^create Pod web-2 owner=StatefulSet\/web revision=web-\w+ images=wake\/db:1$/)]);
    expect(d.today.filter((s) => s.startsWith('create'))).toEqual([]);
  });
});

describe('attributing a StatefulSet\'s claims', () => {
  it('by name to the set with that claim template, and not when two sets could own it', () => {
    const set = (name: string, template: string) => ({ kind: 'StatefulSet', namespace: 'default', name,
      object: k({ kind: 'StatefulSet', metadata: { name, namespace: 'default' }, spec: { volumeClaimTemplates: [{ metadata: { name: template } }] } }) });
    const owners = new ClaimOwners([set('db', 'data')]);
    expect(owners.ownerOf('default', 'data-db-0')).toBe('default/db');
    expect(owners.ownerOf('default', 'data-db-x')).toBeUndefined();
    expect(owners.ownerOf('other', 'data-db-0')).toBeUndefined();
    owners.note(set('my-db', 'data'));
    owners.note(set('db', 'data-my'));
    expect(owners.ownerOf('default', 'data-my-db-0')).toBeUndefined();

    const pvc = k({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data-db-1', namespace: 'default' } });
    const plan = planDecisions([ev(10, 'PersistentVolumeClaim.Created', pvc, { actor: 'system:controllers', detail: { controller: 'statefulset' } })], [entry(1, set('db', 'data').object)]);
    expect(plan.keys).toEqual(['statefulset|default/db']);
    expect(plan.notCompared).toEqual({});
  });
});
