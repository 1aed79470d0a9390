import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import type { V1Pod } from '@kubernetes/client-node';
import type { EnvLookups } from './env';
import { podVolumes, projectVolume } from './volumes';
import { writeAtomically } from './atomic-writer';

export type VolumeSetupResult = { ok: true } | { ok: false; message: string };

/**
 * Makes every volume of the pod exist on the host: emptyDir folders, hostPath *OrCreate, and
 * the files of configMap/secret volumes (rewritten atomically when the source changed).
 * Idempotent: the agent calls it on every reconcile of the pod.
 */
export async function prepareVolumes(pod: V1Pod, dataDir: string, lookups: Pick<EnvLookups, 'configMap' | 'secret'>): Promise<VolumeSetupResult> {
  const ns = pod.metadata?.namespace ?? 'default';
  const hostVolumes = podVolumes(pod, dataDir);
  for (const v of pod.spec?.volumes ?? []) {
    const hv = hostVolumes.get(v.name);
    if (!hv) continue;
    if (hv.create === 'directory') await fs.mkdir(hv.hostPath, { recursive: true });
    if (hv.create === 'file') {
      await fs.mkdir(dirname(hv.hostPath), { recursive: true });
      await (await fs.open(hv.hostPath, 'a')).close();
    }
    if (hv.type === 'configMap' || hv.type === 'secret') {
      const projected = projectVolume(v, ns, lookups);
      if (!projected.ok) return { ok: false, message: `MountVolume.SetUp failed for volume "${v.name}": ${projected.message}` };
      await writeAtomically(hv.hostPath, projected.files);
    }
  }
  return { ok: true };
}
