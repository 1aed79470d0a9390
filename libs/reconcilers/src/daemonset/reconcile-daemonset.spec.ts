import type { Action } from '../common/action';
import { seededRandom } from '../common/names';
import type { Node, Pod, Taint } from '../common/wire';
import { at, expectOneWritePerObject, iso, ofType } from '../testing/fixtures';
import { CONTROLLER_REVISION_HASH, daemonSetHash, targetNode } from './daemon-pod';
import { nodeShouldRunDaemonPod } from './node-should-run';
import { reconcileDaemonSet } from './reconcile-daemonset';
import type { DaemonSet } from './types';

type PodSpec = NonNullable<Pod['spec']>;
const node = (name: string, o: { labels?: Record<string, string>; taints?: Taint[] } = {}): Node => ({
  apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name, ...(o.labels ?? {}) } }, spec: { taints: o.taints ?? [] },
});
function daemonSet(spec: Partial<PodSpec> = {}, o: { image?: string; strategy?: NonNullable<DaemonSet['spec']>['updateStrategy'] } = {}): DaemonSet {
  return {
    apiVersion: 'apps/v1', kind: 'DaemonSet',
    metadata: { name: 'agent', namespace: 'kube-system', uid: 'uid-agent', resourceVersion: '4', generation: 1 },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      updateStrategy: o.strategy ?? { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
      template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'c', image: o.image ?? 'agent:1' }], ...spec } },
    },
  };
}

describe('nodeShouldRunDaemonPod', () => {
  const t = (key: string, effect: string, value?: string): Taint => ({ key, effect, ...(value ? { value } : {}) });
  it.each([
    ['plain node', {}, node('n'), [true, true]],
    ['nodeSelector miss', { nodeSelector: { disk: 'ssd' } }, node('n'), [false, false]],
    ['nodeSelector hit', { nodeSelector: { disk: 'ssd' } }, node('n', { labels: { disk: 'ssd' } }), [true, true]],
    ['required affinity miss', { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }] } } } }, node('n', { labels: { zone: 'b' } }), [false, false]],
    ['template nodeName elsewhere', { nodeName: 'other' }, node('n'), [false, false]],
    ['untolerated NoSchedule keeps running pods', {}, node('n', { taints: [t('dedicated', 'NoSchedule', 'db')] }), [false, true]],
    ['untolerated NoExecute evicts', {}, node('n', { taints: [t('dedicated', 'NoExecute', 'db')] }), [false, false]],
    ['tolerated by the template', { tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'db' }] }, node('n', { taints: [t('dedicated', 'NoExecute', 'db')] }), [true, true]],
    ['default: not-ready NoExecute', {}, node('n', { taints: [t('node.kubernetes.io/not-ready', 'NoExecute')] }), [true, true]],
    ['default: unreachable NoExecute', {}, node('n', { taints: [t('node.kubernetes.io/unreachable', 'NoExecute')] }), [true, true]],
    ['default: unschedulable', {}, node('n', { taints: [t('node.kubernetes.io/unschedulable', 'NoSchedule')] }), [true, true]],
    ['default: memory/disk/pid pressure', {}, node('n', { taints: ['memory', 'disk', 'pid'].map((k) => t(`node.kubernetes.io/${k}-pressure`, 'NoSchedule')) }), [true, true]],
    ['network-unavailable without hostNetwork', {}, node('n', { taints: [t('node.kubernetes.io/network-unavailable', 'NoSchedule')] }), [false, true]],
    ['network-unavailable with hostNetwork', { hostNetwork: true }, node('n', { taints: [t('node.kubernetes.io/network-unavailable', 'NoSchedule')] }), [true, true]],
    ['PreferNoSchedule is ignored', {}, node('n', { taints: [t('x', 'PreferNoSchedule')] }), [true, true]],
  ])('%s', (_n, spec, n, [run, stay]) => expect(nodeShouldRunDaemonPod(daemonSet(spec as Partial<PodSpec>), n)).toEqual({ shouldRun: run, shouldContinueRunning: stay }));
});

/** Applies actions; the "scheduler" binds pods to their affinity node and they become ready. */
class World {
  pods = new Map<string, Pod>();
  random = seededRandom(5);
  t = 0;
  constructor(public ds: DaemonSet, public nodes: Node[]) {}
  reconcile(): Action[] {
    this.t += 10;
    const actions = reconcileDaemonSet(this.ds, { nodes: this.nodes, pods: [...this.pods.values()] }, { now: at(this.t), random: this.random });
    for (const a of actions) {
      if (a.type === 'create') {
        const p = structuredClone(a.object as Pod);
        p.metadata = { ...p.metadata, uid: p.metadata!.name, creationTimestamp: iso(this.t) };
        this.pods.set(p.metadata.name!, p);
      }
      if (a.type === 'delete') this.pods.get(a.key.name)!.metadata!.deletionTimestamp = iso(this.t);
      if (a.type === 'updateStatus') this.ds = a.object as DaemonSet;
    }
    return actions;
  }
  /** Terminating pods go away; pending ones get bound and become Running and Ready. */
  kubelet(): void {
    for (const [name, p] of this.pods) {
      if (p.metadata?.deletionTimestamp) this.pods.delete(name);
      else if (!p.status) {
        p.spec = { ...p.spec!, nodeName: targetNode(p) };
        p.status = { phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: iso(this.t) }] };
      }
    }
  }
  settle(check?: () => void): void {
    for (let i = 0; i < 50; i++) {
      const a = this.reconcile();
      check?.();
      this.kubelet();
      if (a.filter((x) => x.type !== 'updateStatus').length === 0 && ![...this.pods.values()].some((p) => !p.status)) return;
    }
    throw new Error('did not settle');
  }
  placement = () => [...this.pods.values()].map((p) => `${p.spec?.nodeName}:${p.metadata?.labels?.[CONTROLLER_REVISION_HASH] === daemonSetHash(this.ds) ? 'new' : 'old'}`).sort();
}

describe('reconcileDaemonSet', () => {
  it('creates one pod per node, pinned by matchFields node affinity, with the revision label and daemon tolerations', () => {
    const ds = daemonSet();
    const actions = reconcileDaemonSet(ds, { nodes: [node('n2'), node('n1')], pods: [] }, { now: at(0), random: seededRandom(1) });
    const pods = ofType(actions, 'create').map((c) => c.object as Pod);
    expect(pods.map(targetNode)).toEqual(['n1', 'n2']);
    expect(pods[0].metadata?.name).toMatch(/^agent-[a-z0-9]{5}$/);
    expect(pods[0].spec?.nodeName).toBeUndefined();
    expect(pods[0].spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution).toEqual({
      nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }] }],
    });
    expect(pods[0].metadata?.labels).toEqual({ app: 'agent', 'controller-revision-hash': daemonSetHash(ds) });
    expect(pods[0].spec?.tolerations?.map((t) => `${t.key}:${t.effect}`)).toContain('node.kubernetes.io/unreachable:NoExecute');
    expect((ofType(actions, 'updateStatus')[0].object as DaemonSet).status).toMatchObject({ desiredNumberScheduled: 2, currentNumberScheduled: 0, numberUnavailable: 2, observedGeneration: 1 });
  });

  it('lands on two nodes, then on a third registered later; a removed node loses its pod', () => {
    const w = new World(daemonSet(), [node('a'), node('b')]);
    w.settle();
    expect(w.placement()).toEqual(['a:new', 'b:new']);
    w.nodes.push(node('c'));
    w.settle();
    expect(w.placement()).toEqual(['a:new', 'b:new', 'c:new']);
    expect(w.ds.status).toMatchObject({ desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 3, numberAvailable: 3, updatedNumberScheduled: 3, numberMisscheduled: 0, numberUnavailable: 0 });
    w.nodes = w.nodes.filter((n) => n.metadata?.name !== 'b');
    w.settle();
    expect(w.placement()).toEqual(['a:new', 'c:new']);
  });

  it('deletes pods from nodes that became ineligible and counts them misscheduled meanwhile', () => {
    const w = new World(daemonSet({ nodeSelector: { role: 'edge' } }), [node('a', { labels: { role: 'edge' } }), node('b', { labels: { role: 'edge' } })]);
    w.settle();
    w.nodes[1] = node('b');
    const a = w.reconcile();
    expect(ofType(a, 'delete').map((d) => d.key.name)).toHaveLength(1);
    expect((ofType(a, 'updateStatus')[0].object as DaemonSet).status).toMatchObject({ desiredNumberScheduled: 1, numberMisscheduled: 1 });
  });

  it('replaces a failed daemon pod with a Warning', () => {
    const w = new World(daemonSet(), [node('a')]);
    w.settle();
    const p = [...w.pods.values()][0];
    p.status = { phase: 'Failed' };
    const a = w.reconcile();
    expect(ofType(a, 'event').map((e) => e.reason)).toEqual(['FailedDaemonPod', 'SuccessfulDelete']);
    w.kubelet();
    w.settle();
    expect(w.placement()).toEqual(['a:new']);
  });

  it.each([[1, 1], [2, 2], ['50%', 2]])('RollingUpdate maxUnavailable %p over 4 nodes: at most %p replaced at a time', (maxU, bound) => {
    const w = new World(daemonSet({}, { strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: maxU } } }), ['a', 'b', 'c', 'd'].map((n) => node(n)));
    w.settle();
    w.ds = { ...w.ds, metadata: { ...w.ds.metadata, generation: 2 }, spec: { ...w.ds.spec!, template: { ...w.ds.spec!.template, spec: { containers: [{ name: 'c', image: 'agent:2' }] } } } };
    w.settle(() => {
      const up = [...w.pods.values()].filter((p) => !p.metadata?.deletionTimestamp && p.status?.phase === 'Running').length;
      expect(up).toBeGreaterThanOrEqual(4 - bound);
    });
    expect(w.placement()).toEqual(['a:new', 'b:new', 'c:new', 'd:new']);
    expect(w.ds.status?.updatedNumberScheduled).toBe(4);
  });

  it('OnDelete leaves old pods alone; a deleted one comes back at the new revision', () => {
    const w = new World(daemonSet({}, { strategy: { type: 'OnDelete' } }), [node('a'), node('b')]);
    w.settle();
    w.ds = { ...w.ds, spec: { ...w.ds.spec!, template: { ...w.ds.spec!.template, spec: { containers: [{ name: 'c', image: 'agent:2' }] } } } };
    w.settle();
    expect(w.placement()).toEqual(['a:old', 'b:old']);
    w.pods.delete([...w.pods.values()].find((p) => p.spec?.nodeName === 'a')!.metadata!.name!);
    w.settle();
    expect(w.placement()).toEqual(['a:new', 'b:old']);
  });

  it('keeps only the oldest of two running pods on a node, and writes each object once', () => {
    const ds = daemonSet();
    const mk = (name: string, created: number): Pod => ({
      metadata: { name, namespace: 'kube-system', uid: name, creationTimestamp: iso(created), labels: { app: 'agent' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'agent', uid: 'uid-agent', controller: true }] },
      spec: { nodeName: 'a', containers: [] }, status: { phase: 'Running' },
    });
    const a = reconcileDaemonSet(ds, { nodes: [node('a')], pods: [mk('young', 5), mk('old', 1)] }, { now: at(10), random: seededRandom(1) });
    expect(ofType(a, 'delete').map((d) => d.key.name)).toEqual(['young']);
    expectOneWritePerObject(a);
  });
});
