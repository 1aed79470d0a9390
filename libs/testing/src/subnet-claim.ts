import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const DIR = path.join(os.tmpdir(), 'wake-test-subnets');

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Claims a loopback block 127.0.<x>.0/24 (x in 10–249, never 100: `wake up`'s ClusterIP range is
 * 127.100/16) for one test cluster, across processes: an exclusive lock file holding the owner's
 * pid; a file whose owner is gone is taken over. Two clusters on one subnet would share node
 * addresses, NodePorts and DNS listeners — concurrent jest workers drew the same one by chance.
 */
export function claimSubnet(pick: (attempt: number) => number = () => 10 + Math.floor(Math.random() * 240)): { readonly subnet: number; release(): void } {
  fs.mkdirSync(DIR, { recursive: true });
  for (let attempt = 0; attempt < 1000; attempt++) {
    const subnet = pick(attempt);
    if (subnet === 100) continue;
    const file = path.join(DIR, String(subnet));
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      return { subnet, release: () => fs.rmSync(file, { force: true }) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = Number(fs.readFileSync(file, 'utf8').trim());
      if (!owner || !alive(owner)) fs.rmSync(file, { force: true }); // abandoned: the next attempt may take it
    }
  }
  throw new Error(`no free 127.0.<x>.0/24 test subnet (see ${DIR})`);
}
