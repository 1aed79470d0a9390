import { seededRandom } from '../common/names';
import type { Job, Pod } from '../common/wire';
import { at, ofType } from '../testing/fixtures';
import { formatIndexes, parseIndexes } from './completion-index';
import { condTypes, job, jp, statusOf } from './job-fixtures';
import { reconcileJob } from './reconcile-job';

const run = (j: Job, pods: Pod[], s = 0) => reconcileJob(j, { pods }, { now: at(s), random: seededRandom(9) });
const indexed = (spec: Partial<NonNullable<Job['spec']>> = {}, status?: Job['status']) => job({ completionMode: 'Indexed', ...spec }, status);

describe('completed indexes', () => {
  it.each([
    ['', 5, [], ''],
    ['1,3-5,7', 10, [1, 3, 4, 5, 7], '1,3-5,7'],
    ['0-9', 4, [0, 1, 2, 3], '0-3'],
    ['2,x,4', 5, [2, 4], '2,4'],
  ])('%p with completions %p', (s, completions, set, back) => {
    const parsed = parseIndexes(s, completions);
    expect([...parsed].sort((a, b) => a - b)).toEqual(set);
    expect(formatIndexes(parsed)).toBe(back);
  });
});

describe('reconcileJob: Indexed', () => {
  it('creates the lowest pending indexes with annotation, label, hostname, env and <job>-<index>- names', () => {
    const actions = run(indexed({ completions: 4, parallelism: 2 }, { completedIndexes: '0' }), [jp('pi-1-abcde', { index: 1 })]);
    const [p] = ofType(actions, 'create').map((c) => c.object as Pod);
    expect(ofType(actions, 'create')).toHaveLength(1);
    expect(p.metadata?.name).toMatch(/^pi-2-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(p.metadata?.annotations).toEqual({ 'batch.kubernetes.io/job-completion-index': '2' });
    expect(p.metadata?.labels?.['batch.kubernetes.io/job-completion-index']).toBe('2');
    expect(p.spec?.hostname).toBe('pi-2');
    expect(p.spec?.containers[0].env).toEqual([{
      name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']" } },
    }]);
  });

  it('keeps a template hostname and an existing JOB_COMPLETION_INDEX env var', () => {
    const template = { spec: { hostname: 'h', restartPolicy: 'Never', containers: [{ name: 'c', image: 'x', env: [{ name: 'JOB_COMPLETION_INDEX', value: '9' }] }] } };
    const [c] = ofType(run(indexed({ template }), []), 'create');
    expect((c.object as Pod).spec?.hostname).toBe('h');
    expect((c.object as Pod).spec?.containers[0].env).toEqual([{ name: 'JOB_COMPLETION_INDEX', value: '9' }]);
  });

  it('counts succeeded indexes once, even with two succeeded pods for one index', () => {
    const pods = [jp('a', { index: 0, phase: 'Succeeded' }), jp('b', { index: 0, phase: 'Succeeded' }), jp('c', { index: 2, phase: 'Succeeded' })];
    const st = statusOf(run(indexed({ completions: 3, parallelism: 3 }), pods));
    expect(st).toMatchObject({ succeeded: 2, completedIndexes: '0,2', active: 1 });
  });

  it('deletes duplicates and out-of-range indexes before creating anything', () => {
    const pods = [jp('dup-old', { index: 1 }), jp('dup-new', { index: 1, ready: false }), jp('bad', { index: 7 }), jp('none')];
    const actions = run(indexed({ completions: 3, parallelism: 3 }), pods);
    expect(ofType(actions, 'delete').map((d) => d.key.name).sort()).toEqual(['bad', 'dup-new', 'none']);
    expect(ofType(actions, 'create')).toHaveLength(0);
  });

  it('completes when every index succeeded', () => {
    const pods = [0, 1, 2].map((i) => jp(`p${i}`, { index: i, phase: 'Succeeded' }));
    const st = statusOf(run(indexed({ completions: 3, parallelism: 1 }), pods));
    expect(st?.completedIndexes).toBe('0-2');
    expect(condTypes(st)).toEqual(['SuccessCriteriaMet=True:CompletionsReached', 'Complete=True:CompletionsReached']);
  });
});
