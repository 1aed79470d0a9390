import { DEFAULT_SETTINGS, settingsFromEnv } from './scheduler-settings';

describe('settingsFromEnv', () => {
  it('defaults to LeastAllocated, the adaptive percentage, the log as list source and all events', () => {
    const s = settingsFromEnv({});
    expect(s.config).toEqual({ scoringStrategy: 'LeastAllocated', percentageOfNodesToScore: 0 });
    expect(s).toMatchObject({ schedulerName: 'default-scheduler', listFrom: 'log', events: 'all', leaseTtlMs: DEFAULT_SETTINGS.leaseTtlMs });
  });

  it('reads every variable', () => {
    const s = settingsFromEnv({
      WAKE_SCHEDULER_SCORING_STRATEGY: 'MostAllocated', WAKE_SCHEDULER_PERCENTAGE_OF_NODES_TO_SCORE: '30',
      WAKE_SCHEDULER_ID: 'sched-b', WAKE_SCHEDULER_LEASE_TTL_MS: '2000', WAKE_SCHEDULER_MAX_IN_FLIGHT: '64',
      WAKE_SCHEDULER_LIST_FROM: 'projection', WAKE_SCHEDULER_EVENTS: 'failures', WAKE_SCHEDULER_NAME: 'other',
    });
    expect(s.config).toEqual({ scoringStrategy: 'MostAllocated', percentageOfNodesToScore: 30 });
    expect(s).toMatchObject({ holder: 'sched-b', leaseTtlMs: 2000, maxInFlight: 64, listFrom: 'projection', events: 'failures', schedulerName: 'other' });
  });

  it.each([
    ['WAKE_SCHEDULER_SCORING_STRATEGY', 'Balanced'],
    ['WAKE_SCHEDULER_PERCENTAGE_OF_NODES_TO_SCORE', '101'],
    ['WAKE_SCHEDULER_MAX_IN_FLIGHT', '0'],
    ['WAKE_SCHEDULER_LEASE_TTL_MS', 'soon'],
  ])('refuses %s=%s', (name, value) => {
    expect(() => settingsFromEnv({ [name]: value })).toThrow(name);
  });
});
