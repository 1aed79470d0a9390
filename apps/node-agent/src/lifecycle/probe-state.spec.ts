import type { V1Container } from '@kubernetes/client-node';
import { currentProbeState, dueProbes, initialProbeState, isStarted, recordProbe, type ProbeState } from './probe-state';
import { at } from './fixtures';

const ok = { result: 'Success' as const };
const bad = { result: 'Failure' as const, message: 'nope' };
const run = (probe: object, s: ProbeState, outcomes: (typeof ok | typeof bad)[]) =>
  outcomes.reduce((st, o, i) => recordProbe(probe, st, o, at(i * 10)), s);

describe('probe state machine', () => {
  it('starts live, not ready, not started', () => {
    expect(initialProbeState('liveness', 'c').result).toBe('Success');
    expect(initialProbeState('readiness', 'c').result).toBe('Failure');
    expect(initialProbeState('startup', 'c').result).toBe('Unknown');
  });

  it.each([
    { name: 'liveness fails after failureThreshold (3) consecutive failures', kind: 'liveness', probe: {}, outcomes: [bad, bad], expected: 'Success' },
    { name: 'liveness 3 failures', kind: 'liveness', probe: {}, outcomes: [bad, bad, bad], expected: 'Failure' },
    { name: 'a success resets the failure count', kind: 'liveness', probe: {}, outcomes: [bad, bad, ok, bad, bad], expected: 'Success' },
    { name: 'failureThreshold 1', kind: 'liveness', probe: { failureThreshold: 1 }, outcomes: [bad], expected: 'Failure' },
    { name: 'readiness ready after successThreshold 2', kind: 'readiness', probe: { successThreshold: 2 }, outcomes: [ok], expected: 'Failure' },
    { name: 'readiness two successes', kind: 'readiness', probe: { successThreshold: 2 }, outcomes: [ok, ok], expected: 'Success' },
    { name: 'readiness goes unready again', kind: 'readiness', probe: { failureThreshold: 2 }, outcomes: [ok, bad, bad], expected: 'Failure' },
    { name: 'liveness ignores successThreshold', kind: 'liveness', probe: { successThreshold: 5, failureThreshold: 1 }, outcomes: [bad, ok], expected: 'Success' },
    { name: 'startup succeeds once and stays', kind: 'startup', probe: { failureThreshold: 1 }, outcomes: [ok, bad, bad], expected: 'Success' },
    { name: 'startup gives up after failureThreshold', kind: 'startup', probe: { failureThreshold: 2 }, outcomes: [bad, bad], expected: 'Failure' },
  ] as const)('$name', ({ kind, probe, outcomes, expected }) => {
    expect(run(probe, initialProbeState(kind, 'c'), [...outcomes]).result).toBe(expected);
  });

  const c: V1Container = {
    name: 'app',
    startupProbe: { exec: { command: ['true'] }, periodSeconds: 1 },
    livenessProbe: { exec: { command: ['true'] }, initialDelaySeconds: 5, periodSeconds: 10 },
    readinessProbe: { exec: { command: ['true'] }, periodSeconds: 2 },
  };

  it('startup gates liveness and readiness', () => {
    expect(dueProbes(c, {}, 'c1', at(0), at(0))).toEqual(['startup']);
    const started = { startup: recordProbe(c.startupProbe!, initialProbeState('startup', 'c1'), ok, at(1)) };
    expect(isStarted(c, started, 'c1')).toBe(true);
    expect(dueProbes(c, started, 'c1', at(0), at(1))).toEqual(['readiness']);
    expect(dueProbes(c, started, 'c1', at(0), at(5))).toEqual(['liveness', 'readiness']);
  });

  it('honours initialDelaySeconds and periodSeconds', () => {
    const noStartup = { ...c, startupProbe: undefined };
    const live = recordProbe(c.livenessProbe!, initialProbeState('liveness', 'c1'), ok, at(5));
    const ready = recordProbe(c.readinessProbe!, initialProbeState('readiness', 'c1'), ok, at(5));
    expect(dueProbes(noStartup, { liveness: live, readiness: ready }, 'c1', at(0), at(6))).toEqual([]);
    expect(dueProbes(noStartup, { liveness: live, readiness: ready }, 'c1', at(0), at(7))).toEqual(['readiness']);
    expect(dueProbes(noStartup, { liveness: live, readiness: ready }, 'c1', at(0), at(15))).toEqual(['liveness', 'readiness']);
  });

  it('a state recorded for another instance does not carry over', () => {
    const failed = { liveness: { ...initialProbeState('liveness', 'old'), result: 'Failure' as const } };
    expect(currentProbeState(failed, 'liveness', 'new').result).toBe('Success');
  });
});
