import { execFileSync } from 'node:child_process';
import { podLoopbackRoutes, sandboxNetworkScript } from './pod-routes';

describe('podLoopbackRoutes', () => {
  it('routes a loopback service range and a loopback node address out of the pod', () => {
    expect(podLoopbackRoutes({ serviceCidr: '127.100.0.0/16', nodeAddress: '127.0.0.2' })).toEqual(['127.100.0.0/16', '127.0.0.2/32']);
  });

  it('never routes 127.0.0.1: the pod keeps its own localhost', () => {
    expect(podLoopbackRoutes({ serviceCidr: '127.100.0.0/16', nodeAddress: '127.0.0.1' })).toEqual(['127.100.0.0/16']);
    expect(podLoopbackRoutes({ serviceCidr: '127.0.0.0/24', nodeAddress: '127.0.0.2' })).toEqual(['127.0.0.2/32']);
  });

  it('routes nothing for addresses a real host reaches by its default route', () => {
    expect(podLoopbackRoutes({ serviceCidr: '10.96.0.0/12', nodeAddress: '192.0.2.10' })).toEqual([]);
  });

  it('does not add the node address twice when the service range covers it', () => {
    expect(podLoopbackRoutes({ serviceCidr: '127.100.0.0/16', nodeAddress: '127.100.0.7' })).toEqual(['127.100.0.0/16']);
  });

  it('rejects an invalid range', () => {
    expect(() => podLoopbackRoutes({ serviceCidr: '127.100.0.1/16' })).toThrow(/host bits/);
  });
});

describe('sandboxNetworkScript', () => {
  it('adds every route, reports failures, and execs the pause command (run by a real sh)', () => {
    // `ip` is replaced by a function that records its arguments and fails for one route.
    const script = sandboxNetworkScript(['echo', "paused 'ok'"]);
    const out = execFileSync('sh', ['-c', `ip() { echo "ip $*"; [ "$3" != 127.0.0.9/32 ]; }; ${script}`], {
      env: { PATH: process.env.PATH, WAKE_POD_ROUTES: '127.100.0.0/16 127.0.0.9/32', WAKE_POD_GATEWAY: '172.18.0.1' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(out).toBe("ip route add 127.100.0.0/16 via 172.18.0.1 table local\nip route add 127.0.0.9/32 via 172.18.0.1 table local\npaused 'ok'\n");
  });
});
