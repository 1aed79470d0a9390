import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';
import { POD_NETWORK_LABEL } from '@wake/services';
import { components, nodeName, WAKE_HOME, type ClusterShape } from './components';
import { stopComponent } from './processes';

const run = promisify(execFile);

/** Stops the cluster's processes (node agents first), removes their pods' containers, and with purge its data. */
export async function down(shape: ClusterShape, opts: { purge: boolean }): Promise<void> {
  for (const c of components(shape).reverse()) {
    if (await stopComponent(c.name)) process.stdout.write(`  ✓ stopped ${c.name}\n`);
  }
  const nodes = Array.from({ length: shape.nodes }, (_, i) => nodeName(i));
  for (const node of nodes) {
    const { stdout } = await run('docker', ['ps', '-aq', '--filter', `label=wake.node=${node}`]).catch(() => ({ stdout: '' }));
    const ids = stdout.split('\n').filter(Boolean);
    // One at a time, never `docker rm -f` of many: bulk removal can deadlock Docker 20.10's networking.
    for (const id of ids) await run('docker', ['rm', '-f', id]).catch(() => undefined);
    if (ids.length) process.stdout.write(`  ✓ removed ${ids.length} containers of ${node}\n`);
    const nets = await run('docker', ['network', 'ls', '-q', '--filter', `label=${POD_NETWORK_LABEL}=true`, '--filter', `label=wake.node=${node}`]).catch(() => ({ stdout: '' }));
    for (const id of nets.stdout.split('\n').filter(Boolean)) {
      await run('docker', ['network', 'rm', id]).then(() => process.stdout.write(`  ✓ removed the pod network of ${node}\n`), () => undefined);
    }
  }
  await run('bash', ['-c', 'source scripts/lib/services.sh && stop_nats && stop_postgres']).then(
    (r) => process.stdout.write(r.stdout),
  );
  if (opts.purge) {
    fs.rmSync(WAKE_HOME, { recursive: true, force: true });
    process.stdout.write(`  ✓ removed ${WAKE_HOME}\n`);
  }
}
