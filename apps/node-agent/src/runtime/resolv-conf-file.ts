import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { V1Pod } from '@kubernetes/client-node';
import { podResolvConf, type Pod } from '@wake/services';
import type { RuntimeOptions } from './docker-runtime';
import { podDir } from './volumes';

/**
 * Writes the pod's /etc/resolv.conf (the kubelet's dns configurer: ClusterFirst names the cluster
 * DNS, with the namespace's search path) into the pod's folder and returns its path for a
 * read-only bind mount; undefined when the node has no cluster DNS its pods can reach (then
 * containers keep Docker's resolv.conf).
 */
export async function writePodResolvConf(pod: V1Pod, rt: Pick<RuntimeOptions, 'dataDir' | 'clusterDns'>): Promise<string | undefined> {
  if (!rt.clusterDns) return undefined;
  const dir = podDir(rt.dataDir, pod.metadata?.uid ?? 'unknown');
  const file = join(dir, 'resolv.conf');
  await fs.mkdir(dir, { recursive: true });
  const hostResolvConf = await fs.readFile('/etc/resolv.conf', 'utf8').catch(() => '');
  const text = podResolvConf(pod as Pod, { nameserver: rt.clusterDns.nameserver, clusterDomain: rt.clusterDns.clusterDomain, hostResolvConf });
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await fs.writeFile(tmp, text);
  await fs.rename(tmp, file);
  return file;
}
