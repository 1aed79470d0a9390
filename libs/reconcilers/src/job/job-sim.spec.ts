import type { Action } from '../common/action';
import { seededRandom } from '../common/names';
import type { Job, Pod } from '../common/wire';
import { at, iso } from '../testing/fixtures';
import { condTypes, job } from './job-fixtures';
import { reconcileJob } from './reconcile-job';

/** Applies actions like the shell would; pods then run to `outcome` one step later. */
class World {
  pods = new Map<string, Pod>();
  t = 0;
  maxActive = 0;
  random = seededRandom(1);
  constructor(public job: Job, private outcome: (p: Pod) => 'Succeeded' | 'Failed') {}
  step(): Action[] {
    this.t += 30;
    for (const p of this.pods.values()) {
      if (p.metadata?.deletionTimestamp) this.pods.delete(p.metadata.name!);
      else if (p.status?.phase === 'Running') {
        const phase = this.outcome(p);
        p.status = { phase, conditions: [{ type: 'Ready', status: 'False', lastTransitionTime: iso(this.t - 1) }] };
      }
    }
    const actions = reconcileJob(this.job, { pods: [...this.pods.values()] }, { now: at(this.t), random: this.random });
    for (const a of actions) {
      if (a.type === 'create') this.pods.set(a.object.metadata!.name!, { ...(a.object as Pod), metadata: { ...a.object.metadata, uid: a.object.metadata!.name }, status: { phase: 'Running' } });
      if (a.type === 'delete') this.pods.get(a.key.name)!.metadata!.deletionTimestamp = iso(this.t);
      if (a.type === 'updateStatus') this.job = a.object as Job;
    }
    const running = [...this.pods.values()].filter((p) => p.status?.phase === 'Running').length;
    this.maxActive = Math.max(this.maxActive, running);
    return actions;
  }
  settle(): void {
    for (let i = 0; i < 100 && !condTypes(this.job.status).some((c) => /^(Complete|Failed)=True/.test(c)); i++) this.step();
  }
}

describe('Job scenarios (acceptance shapes)', () => {
  it('completions 5, parallelism 2 completes with never more than 2 pods running', () => {
    const w = new World(job({ completions: 5, parallelism: 2 }), () => 'Succeeded');
    w.settle();
    expect(w.maxActive).toBe(2);
    expect(w.job.status).toMatchObject({ succeeded: 5, failed: 0, active: 0 });
    expect(condTypes(w.job.status)).toEqual(['SuccessCriteriaMet=True:CompletionsReached', 'Complete=True:CompletionsReached']);
    expect([...w.pods.values()].filter((p) => p.status?.phase === 'Succeeded')).toHaveLength(5);
  });

  it('a pod that always fails stops at backoffLimit with BackoffLimitExceeded', () => {
    const w = new World(job({ backoffLimit: 2 }), () => 'Failed');
    w.settle();
    expect(w.job.status?.failed).toBe(3);
    expect(condTypes(w.job.status)).toEqual(['FailureTarget=True:BackoffLimitExceeded', 'Failed=True:BackoffLimitExceeded']);
    expect(w.pods.size).toBe(3);
  });
});
