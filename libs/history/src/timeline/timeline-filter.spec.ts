import { parseLabelSelector } from '@wake/api';
import { ev, obj } from '../testing/events';
import { TimelineFilter } from './timeline-filter';

const deploy = ev(1, 'Deployment.Created', obj('Deployment', 'web', {}, { labels: { app: 'web' } }));
const rs = ev(2, 'ReplicaSet.Created', obj('ReplicaSet', 'web-abc', {}, { labels: { app: 'web' }, ownerReferences: [{ uid: 'uid-web' }] }));
const other = ev(3, 'Pod.Created', obj('Pod', 'db-0', {}, { labels: { app: 'db' } }));
const pod = ev(4, 'Pod.Created', obj('Pod', 'web-abc-x', {}, { labels: { app: 'web' }, ownerReferences: [{ uid: 'uid-web-abc' }] }));
const status = ev(5, 'Pod.StatusReported', { ...pod.object, status: { phase: 'Running' } });
const events = [deploy, rs, other, pod, status];

const run = (f: TimelineFilter) => events.map((e) => f.step(e)).filter((t) => t).map((t) => t!.seq);

describe('TimelineFilter', () => {
  it('follows ownership transitively', () => {
    expect(run(new TimelineFilter({ owner: { kind: 'Deployment', namespace: 'default', name: 'web' } }))).toEqual([1, 2, 4, 5]);
  });
  it('selects by labels, kind and time window', () => {
    expect(run(new TimelineFilter({ selector: parseLabelSelector('app=db') }))).toEqual([3]);
    expect(run(new TimelineFilter({ kind: 'Pod' }))).toEqual([3, 4, 5]);
    expect(run(new TimelineFilter({ since: new Date(deploy.time.replace(':01.', ':02.')), until: new Date(pod.time) }))).toEqual([2, 3, 4]);
  });
  it('hides status-only changes on request and describes what it keeps', () => {
    const f = new TimelineFilter({ hideStatus: true, kind: 'Pod' });
    expect(run(f)).toEqual([3, 4]);
    expect(new TimelineFilter({}).step(deploy)!.description).toBe('user alice created Deployment default/web');
  });
});
