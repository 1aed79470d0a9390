import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { claimSubnet } from './subnet-claim';

const DIR = path.join(os.tmpdir(), 'wake-test-subnets');
const random = () => 10 + Math.floor(Math.random() * 240);

describe('claimSubnet', () => {
  it('never hands one subnet to two holders, and frees it on release', () => {
    const claims = Array.from({ length: 20 }, () => claimSubnet());
    const subnets = claims.map((c) => c.subnet);
    expect(new Set(subnets).size).toBe(20);
    expect(subnets.every((s) => s >= 10 && s < 250 && s !== 100)).toBe(true);
    for (const c of claims) c.release();
    for (const s of subnets) expect(fs.existsSync(path.join(DIR, String(s)))).toBe(false);
  });

  it('passes over a subnet a live process holds, and takes over one whose owner is gone', () => {
    const held = claimSubnet(); // held by this (live) process
    const again = claimSubnet((attempt) => (attempt === 0 ? held.subnet : random()));
    expect(again.subnet).not.toBe(held.subnet);
    again.release();
    held.release();

    const abandoned = claimSubnet();
    fs.writeFileSync(path.join(DIR, String(abandoned.subnet)), String(2 ** 22 + 12345)); // no such pid (Linux pids < 2^22)
    const taken = claimSubnet((attempt) => (attempt < 2 ? abandoned.subnet : random()));
    expect(taken.subnet).toBe(abandoned.subnet);
    expect(fs.readFileSync(path.join(DIR, String(taken.subnet)), 'utf8')).toBe(String(process.pid));
    taken.release();
  });
});
