import { loadConfig, parseLabels } from './agent-config';

it('takes flags over WAKE_* variables over defaults', () => {
  const c = loadConfig(['--node-name', 'n2', '--cpu', '1500m', '--labels', 'zone=a,disk=ssd'], {
    WAKE_NODE_NAME: 'ignored', WAKE_NODE_ADDRESS: '127.0.0.2', WAKE_NODE_MEMORY: '4Gi', WAKE_LEASE_RENEW_SECONDS: '3',
  });
  expect(c).toMatchObject({ nodeName: 'n2', nodeAddress: '127.0.0.2', cpu: '1500m', memory: '4Gi', leaseRenewSeconds: 3, statusReportSeconds: 40, maxPods: 110 });
  expect(c.labels).toEqual({ zone: 'a', disk: 'ssd' });
  expect(c.dataDir).toMatch(/wake-node-agent\/n2$/);
});

it('refuses invalid values', () => {
  expect(() => loadConfig([], { WAKE_NODE_NAME: 'Bad_Name' })).toThrow(/DNS subdomain/);
  expect(() => loadConfig([], { WAKE_NODE_NAME: 'n', WAKE_NODE_ADDRESS: 'nowhere' })).toThrow(/nodeAddress/);
  expect(() => loadConfig(['--cpu', 'lots'], { WAKE_NODE_NAME: 'n' })).toThrow(/CPU quantity/);
  expect(() => parseLabels('novalue')).toThrow(/key=value/);
});

it('samples resource metrics every 15 s unless told otherwise', () => {
  expect(loadConfig([], { WAKE_NODE_NAME: 'n' }).metricsSeconds).toBe(15);
  expect(loadConfig([], { WAKE_NODE_NAME: 'n', WAKE_METRICS_SECONDS: '2' }).metricsSeconds).toBe(2);
  expect(() => loadConfig([], { WAKE_NODE_NAME: 'n', WAKE_METRICS_SECONDS: '0' })).toThrow(/metricsSeconds/);
});
