import { isWakeError } from '@wake/events';
import { ev, obj } from '../testing/events';
import { sliceQueryOf } from './slice-args';

const codeOf = (f: () => unknown) => { try { f(); return 'ok'; } catch (e) { return isWakeError(e) ? e.code : String(e); } };

describe('slice arguments', () => {
  it('reads sequences from strings or numbers, and narrows by kind, namespace and labels', () => {
    const q = sliceQueryOf({ from: '3', to: 9, kind: 'deploy', namespace: 'default', selector: 'app=web' });
    expect([q.from, q.to, q.filter]).toEqual([3, 9, { kind: 'Deployment', namespace: 'default' }]);
    const web = obj('Deployment', 'web', {}, { labels: { app: 'web' } });
    const db = obj('Deployment', 'db', {}, { labels: { app: 'db' } });
    const elsewhere = obj('Deployment', 'web', {}, { namespace: 'shop', labels: { app: 'web' } });
    expect([ev(3, 'Deployment.Created', web), ev(4, 'Deployment.Created', db), ev(5, 'Deployment.Created', elsewhere)].map((e) => q.accept(e))).toEqual([true, false, false]);
    const all = sliceQueryOf({ from: 1, to: 1 });
    expect(all.filter).toBeUndefined();
    expect(all.accept(ev(1, 'Deployment.Created', elsewhere))).toBe(true);
  });

  it('refuses missing, malformed and reversed ranges as BadRequest', () => {
    for (const a of [{ from: undefined, to: '5' }, { from: '0', to: '5' }, { from: 'x', to: '5' }, { from: '1.5', to: '5' }, { from: '6', to: '5' }, { from: '-1', to: '5' }]) {
      expect(codeOf(() => sliceQueryOf(a))).toBe('BadRequest');
    }
  });
});
