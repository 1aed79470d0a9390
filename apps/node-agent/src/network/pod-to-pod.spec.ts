import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensurePodToPodRules } from './pod-to-pod';

// A fake iptables (a shell script) that records its arguments: `-C` answers from $PRESENT, `-S` prints $FIRST.
let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'wake-ipt-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function fake(opts: { present: boolean; first: string; failInsert?: boolean }): { command: string[]; calls: () => string[] } {
  const file = join(dir, 'iptables');
  const calls = join(dir, 'calls');
  writeFileSync(file, [
    '#!/bin/sh',
    `echo "$*" >> '${calls}'`,
    'case "$*" in',
    `  *" -C "*) exit ${opts.present ? 0 : 1} ;;`,
    `  *" -S "*) printf '%s\\n' '${opts.first}' ;;`,
    `  *" -I "*) ${opts.failInsert ? "echo 'iptables v1.8.9 (nf_tables): Could not fetch rule set generation id: Permission denied (you must be root)' >&2; exit 4" : 'exit 0'} ;;`,
    'esac',
    'exit 0',
  ].join('\n'));
  chmodSync(file, 0o755);
  return { command: [file], calls: () => readFileSync(calls, 'utf8').trim().split('\n') };
}

describe('ensurePodToPodRules', () => {
  it('inserts missing rules first in their chains', async () => {
    const f = fake({ present: false, first: '' });
    expect(await ensurePodToPodRules({ iptablesCommand: f.command, log: () => undefined })).toBe(true);
    expect(f.calls().map((c) => c.split(' ').slice(2, 5).join(' '))).toEqual([
      '-t filter -C', '-t filter -I', '-t nat -C', '-t nat -I',
    ]);
  });

  it('leaves rules alone when present, and the nat rule when it is still first', async () => {
    const f = fake({ present: true, first: '-A POSTROUTING -o wk+ -m addrtype ! --src-type LOCAL -j RETURN' });
    expect(await ensurePodToPodRules({ iptablesCommand: f.command, log: () => undefined })).toBe(true);
    expect(f.calls().map((c) => c.split(' ')[4])).toEqual(['-C', '-C', '-S']);
  });

  it('moves the nat rule back on top when Docker inserted a MASQUERADE above it (bounded deletes)', async () => {
    const f = fake({ present: true, first: '-A POSTROUTING -s 172.30.0.0/16 ! -o wk0123456789ab -j MASQUERADE' });
    expect(await ensurePodToPodRules({ iptablesCommand: f.command, log: () => undefined })).toBe(true);
    const ops = f.calls().map((c) => c.split(' ')[4]);
    expect(ops.slice(0, 3)).toEqual(['-C', '-C', '-S']);
    expect(ops.filter((o) => o === '-D')).toHaveLength(10); // the fake never stops answering "present"
    expect(ops[ops.length - 1]).toBe('-I');
  });

  it('logs one line and carries on without root or without iptables', async () => {
    const lines: string[] = [];
    const f = fake({ present: false, first: '', failInsert: true });
    expect(await ensurePodToPodRules({ iptablesCommand: f.command, log: (m) => lines.push(m) })).toBe(false);
    expect(lines).toEqual([expect.stringMatching(/^pods on other nodes of this host will not reach this node's pods by pod IP: iptables -t filter -I DOCKER-USER -i wk\+ -o wk\+ -j ACCEPT failed \(.*you must be root\)/)]);
    lines.length = 0;
    expect(await ensurePodToPodRules({ iptablesCommand: [join(dir, 'missing')], log: (m) => lines.push(m) })).toBe(false);
    expect(lines).toEqual([expect.stringContaining('(iptables not found;')]);
  });
});
