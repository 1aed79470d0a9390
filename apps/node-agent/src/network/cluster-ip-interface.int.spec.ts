import { execFileSync } from 'node:child_process';
import { ClusterIpInterface } from './cluster-ip-interface';

// The adapter against the real kernel, inside a network namespace of the test's own (so the host's
// interfaces are never touched): create the dummy interface, add and remove /32s, leave others alone.
const ns = `wake-test-${process.pid}-${Math.random().toString(36).slice(2, 6)}`;
const inNs = (args: string[]) => execFileSync('ip', ['netns', 'exec', ns, 'ip', ...args], { encoding: 'utf8' });
beforeAll(() => { execFileSync('ip', ['netns', 'add', ns]); });
afterAll(() => { execFileSync('ip', ['netns', 'del', ns]); });

const dummySupported = (() => {
  try { inNsOnce(['link', 'add', 'probe0', 'type', 'dummy']); inNsOnce(['link', 'del', 'probe0']); return true; } catch { return false; }
})();
function inNsOnce(args: string[]) {
  const probe = `wake-probe-${process.pid}`;
  execFileSync('ip', ['netns', 'add', probe]);
  try { return execFileSync('ip', ['netns', 'exec', probe, 'ip', ...args], { encoding: 'utf8', stdio: 'pipe' }); } finally { execFileSync('ip', ['netns', 'del', probe]); }
}
const IFACE = dummySupported ? 'wake0' : 'lo'; // this kernel may have no dummy driver: then lo holds them

it(`holds exactly the wanted ClusterIPs of the range on ${IFACE}`, async () => {
  const logs: string[] = [];
  const iface = new ClusterIpInterface({ serviceCidr: '10.96.0.0/12', ipCommand: ['ip', 'netns', 'exec', ns, 'ip'], log: (m) => logs.push(m) });
  await iface.sync([]);
  expect(() => execFileSync('ip', ['netns', 'exec', ns, 'ip', 'link', 'show', 'wake0'], { stdio: 'pipe' })).toThrow(); // nothing to hold: not even created

  await iface.sync(['10.96.0.2', '10.96.0.3']);
  expect(iface.interfaceName).toBe(IFACE);
  expect(inNs(['link', 'show', IFACE])).toMatch(new RegExp(`${IFACE}: <[^>]*UP`));
  expect((await iface.held()).filter((ip) => ip.startsWith('10.96.')).sort()).toEqual(['10.96.0.2', '10.96.0.3']);

  inNs(['addr', 'add', '192.0.2.9/32', 'dev', IFACE]); // someone else's address
  const others = (held: string[]) => held.filter((ip) => !ip.startsWith('10.96.'));
  await iface.sync(['10.96.0.3', '10.96.0.4']);
  expect((await iface.held()).filter((ip) => ip.startsWith('10.96.')).sort()).toEqual(['10.96.0.3', '10.96.0.4']);
  expect(others(await iface.held())).toContain('192.0.2.9');
  expect(logs.at(-1)).toBe(`${IFACE}: +1 -1 ClusterIPs`);

  await iface.sync([]);
  expect((await iface.held()).filter((ip) => ip.startsWith('10.96.'))).toEqual([]);
  expect(others(await iface.held())).toContain('192.0.2.9');
});
