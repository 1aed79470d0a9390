/** A tiny in-memory world for Deployment specs: applies actions, plays a ReplicaSet controller. */
import type { Action } from '../common/action';
import type { Deployment, ReplicaSet } from '../common/wire';
import { reconcileDeployment } from '../deployment/reconcile-deployment';
import { at, iso } from './fixtures';

export function deployment(o: {
  replicas?: number; image?: string; strategy?: Deployment['spec'] extends infer S ? S extends { strategy?: infer X } ? X : never : never;
  paused?: boolean; progressDeadlineSeconds?: number; revisionHistoryLimit?: number; generation?: number; annotations?: Record<string, string>;
  templateAnnotations?: Record<string, string>;
} = {}): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', uid: 'uid-web', resourceVersion: '1', generation: o.generation ?? 1, ...(o.annotations ? { annotations: o.annotations } : {}) },
    spec: {
      replicas: o.replicas ?? 3,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' }, ...(o.templateAnnotations ? { annotations: o.templateAnnotations } : {}) },
        spec: { containers: [{ name: 'c', image: o.image ?? 'nginx:1' }] },
      },
      strategy: o.strategy ?? { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      ...(o.paused ? { paused: true } : {}),
      progressDeadlineSeconds: o.progressDeadlineSeconds ?? 600,
      revisionHistoryLimit: o.revisionHistoryLimit ?? 10,
    },
  };
}

export class World {
  seq = 100;
  rss = new Map<string, ReplicaSet>();
  log: Action[] = [];
  constructor(public d: Deployment, public t = 0) {}

  set(d: Partial<Deployment['spec']>): void {
    this.d = { ...this.d, metadata: { ...this.d.metadata, generation: (this.d.metadata?.generation ?? 1) + 1, resourceVersion: String(++this.seq) }, spec: { ...this.d.spec!, ...d } };
  }

  reconcile(): Action[] {
    const actions = reconcileDeployment(this.d, { replicaSets: [...this.rss.values()] }, at(this.t));
    this.apply(actions);
    return actions;
  }

  apply(actions: Action[]): void {
    this.log.push(...actions);
    for (const a of actions) {
      if (a.type === 'create') {
        const rs = structuredClone(a.object) as ReplicaSet;
        rs.metadata = { ...rs.metadata, uid: `uid-${rs.metadata?.name}`, resourceVersion: String(++this.seq), creationTimestamp: iso(this.t), generation: 1 };
        this.rss.set(rs.metadata.name!, rs);
      } else if (a.type === 'update') {
        const rs = structuredClone(a.object) as ReplicaSet;
        if (rs.kind !== 'ReplicaSet') continue;
        const gen = (rs.metadata?.generation ?? 1) + 1;
        rs.metadata = { ...rs.metadata, resourceVersion: String(++this.seq), generation: gen };
        this.rss.set(rs.metadata.name!, rs);
      } else if (a.type === 'updateStatus') {
        this.d = structuredClone(a.object) as Deployment;
        this.d.metadata = { ...this.d.metadata, resourceVersion: String(++this.seq) };
      } else if (a.type === 'delete') this.rss.delete(a.key.name);
    }
  }

  /** The ReplicaSet controller: pods appear at once, become available one step later, go at once. */
  runReplicaSets(): void {
    for (const rs of this.rss.values()) {
      const want = rs.spec?.replicas ?? 0;
      const available = Math.min(want, rs.status?.replicas ?? 0);
      rs.status = { replicas: want, readyReplicas: available, availableReplicas: available, observedGeneration: rs.metadata?.generation };
    }
  }

  totals(): { pods: number; available: number } {
    let pods = 0;
    let available = 0;
    for (const rs of this.rss.values()) {
      pods += rs.status?.replicas ?? 0;
      available += rs.status?.availableReplicas ?? 0;
    }
    return { pods, available };
  }

  /** Runs to a fixed point, checking an invariant after every step. */
  settle(check: () => void = () => {}, maxSteps = 60): number {
    for (let i = 0; i < maxSteps; i++) {
      this.t += 1;
      const actions = this.reconcile();
      this.runReplicaSets();
      check();
      const writes = actions.filter((a) => a.type !== 'event' && a.type !== 'requeueAfter');
      if (writes.length === 0 && this.steadyRS()) return i;
    }
    throw new Error('did not settle');
  }

  private steadyRS(): boolean {
    return [...this.rss.values()].every((rs) => (rs.status?.replicas ?? 0) === (rs.spec?.replicas ?? 0) && (rs.status?.availableReplicas ?? 0) === (rs.spec?.replicas ?? 0));
  }

  byRevision(): Array<[string, number, number]> {
    return [...this.rss.values()]
      .map((rs): [string, number, number] => [rs.spec?.template?.spec?.containers[0].image ?? '', Number(rs.metadata?.annotations?.['deployment.kubernetes.io/revision']), rs.spec?.replicas ?? 0])
      .sort((a, b) => a[1] - b[1]);
  }
}
