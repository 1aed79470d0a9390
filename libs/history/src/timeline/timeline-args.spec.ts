import { isWakeError } from '@wake/events';
import { timelineQueryOf, timelineSubject } from './timeline-args';

const now = new Date('2026-01-01T12:00:00Z');
const codeOf = (f: () => unknown) => { try { f(); return 'ok'; } catch (e) { return isWakeError(e) ? e.code : String(e); } };

describe('timeline arguments', () => {
  it('reads kinds as kubectl users type them, owners with the namespace, durations back from now', () => {
    const q = timelineQueryOf({ kind: 'po', owner: 'deploy/web', namespace: 'shop', since: '10m', until: '2026-01-01T11:59:00Z', selector: 'app=web', hideStatus: true }, now);
    expect(q).toMatchObject({
      kind: 'Pod', namespace: 'shop', owner: { kind: 'Deployment', namespace: 'shop', name: 'web' },
      since: new Date('2026-01-01T11:50:00Z'), until: new Date('2026-01-01T11:59:00Z'), hideStatus: true, hideHeartbeats: false,
    });
    expect(q.selector!.requirements).toHaveLength(1);
    expect(timelineQueryOf({ owner: 'deployment/web' }, now).owner!.namespace).toBe('default');
    expect(timelineQueryOf({ kind: 'Widget' }, now).kind).toBe('Widget');
  });

  it('refuses words that mean nothing, and an empty window, as BadRequest', () => {
    expect(codeOf(() => timelineQueryOf({ since: 'yesterday' }, now))).toBe('BadRequest');
    expect(codeOf(() => timelineQueryOf({ owner: 'web' }, now))).toBe('BadRequest');
    expect(codeOf(() => timelineQueryOf({ selector: 'app in (' }, now))).toBe('BadRequest');
    expect(codeOf(() => timelineQueryOf({ since: '1m', until: '10m' }, now))).toBe('BadRequest');
  });

  it('narrows the stream read by subject only when no owner crosses kinds', () => {
    expect(timelineSubject(timelineQueryOf({ kind: 'pods', namespace: 'default' }, now))).toEqual({ kind: 'Pod', namespace: 'default' });
    expect(timelineSubject(timelineQueryOf({ kind: 'pods' }, now))).toEqual({ kind: 'Pod' });
    expect(timelineSubject(timelineQueryOf({ kind: 'pods', owner: 'deploy/web' }, now))).toBeUndefined();
    expect(timelineSubject(timelineQueryOf({ namespace: 'default' }, now))).toBeUndefined();
  });
});
