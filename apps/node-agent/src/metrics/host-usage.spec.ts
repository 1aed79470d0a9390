import { nodeNanoCores, nodeWorkingSetBytes, parseProcStat } from './host-usage';

const stat = (user: number, idle: number) => `cpu  ${user} 0 0 ${idle} 0 0 0 0 0 0
cpu0 1 0 0 1 0 0 0 0 0 0
cpu1 1 0 0 1 0 0 0 0 0 0
intr 12345
`;

describe('host usage from procfs', () => {
  it('parses the aggregate cpu line and counts the CPUs', () => {
    expect(parseProcStat('cpu  10 2 3 100 5 1 1 0 7 0\ncpu0 1 2 3 4\n')).toEqual({ busy: 17, total: 122, cpus: 1 });
    expect(parseProcStat('nothing here')).toBeUndefined();
  });
  it('turns two readings into nanocores: the busy share times the CPUs', () => {
    const a = parseProcStat(stat(100, 100))!;
    const b = parseProcStat(stat(150, 250))!; // 50 busy of 200 jiffies on 2 CPUs → half a core
    expect(nodeNanoCores(a, b)).toBe(500e6);
    expect(nodeNanoCores(a, a)).toBeUndefined();
  });
  it('computes the working set from meminfo: used minus inactive file pages', () => {
    const meminfo = 'MemTotal:       8000000 kB\nMemFree:        2000000 kB\nMemAvailable:   5000000 kB\nInactive(file):  1000000 kB\n';
    expect(nodeWorkingSetBytes(meminfo)).toBe(5_000_000 * 1024);
    expect(nodeWorkingSetBytes('MemTotal: 4 kB\n')).toBeUndefined();
  });
});
