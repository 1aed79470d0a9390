import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { components, ROOT } from './components';

// docker-compose.yml runs the same services as `./wake up`: a service added to one and not the other
// (as the history indexer once was) fails here.
describe('docker-compose.yml', () => {
  const compose = parse(fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8')) as { services: Record<string, { command?: string[]; network_mode?: string; environment?: Record<string, string> }> };
  const mainsOf = (cmd: string[] | undefined) => (cmd ?? []).filter((a) => a.endsWith('/main.ts'));

  it('runs every process of the local cluster, and nothing that does not exist', () => {
    const local = new Set(components({ nodes: 1, gatewayPort: 6443 }).map((c) => c.main));
    const composed = new Set(Object.values(compose.services).flatMap((s) => mainsOf(s.command)));
    expect([...composed].sort()).toEqual([...local].sort());
    for (const main of composed) expect(fs.existsSync(path.join(ROOT, main))).toBe(true);
  });

  it('runs the node agent in the host network, where its pod network, proxy and DNS live', () => {
    const agent = Object.values(compose.services).find((s) => mainsOf(s.command).includes('apps/node-agent/src/main.ts'))!;
    expect(agent.network_mode).toBe('host');
    expect(agent.environment?.NATS_URL).toMatch(/^nats:\/\/127\.0\.0\.1:/);
  });
});
