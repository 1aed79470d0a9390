import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type Docker from 'dockerode';
import { POD_NETWORK_LABEL, podLoopbackRoutes } from '@wake/services';

/** The node's pod network: a Docker bridge network the agent creates; every pod sandbox joins it. */
export interface PodNetwork {
  readonly name: string;
  readonly subnet: string;
  /** The host's address on the bridge: pods reach the node (proxy, DNS) through it. */
  readonly gateway: string;
  /** The bridge interface on the host. */
  readonly bridge: string;
  /** Host loopback blocks each pod routes to the gateway (see podLoopbackRoutes); empty when not possible. */
  readonly loopbackRoutes: readonly string[];
}

export interface PodNetworkOptions {
  readonly nodeName: string;
  /** An existing network to use instead (WAKE_DOCKER_NETWORK); it is never created or removed. */
  readonly network?: string;
  readonly serviceCidr: string;
  readonly nodeAddress: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly log: (m: string) => void;
  /** Where net.ipv4 sysctls live (tests may point elsewhere). */
  readonly procSysNet?: string;
}

/** `wake-<node>`: Docker network names allow the characters of a DNS subdomain. */
export const podNetworkName = (nodeName: string) => `wake-${nodeName}`;

/** A Linux interface name is at most 15 bytes: `wk` + 12 hex digits of the node name's hash. */
export const bridgeNameOf = (nodeName: string) => `wk${createHash('sha256').update(nodeName).digest('hex').slice(0, 12)}`;

const status = (e: unknown) => (e as { statusCode?: number }).statusCode;

/**
 * Finds or creates the node's pod network and lets loopback traffic cross its bridge
 * (`route_localnet`), so that pods can reach the ClusterIPs and the cluster DNS the agent serves on
 * host loopback addresses. Idempotent: a restarted agent finds its network and its pods on it.
 */
export async function ensurePodNetwork(docker: Docker, o: PodNetworkOptions): Promise<PodNetwork> {
  const name = o.network ?? podNetworkName(o.nodeName);
  let info = await inspect(docker, name);
  if (!info) {
    if (o.network) throw new Error(`Docker network ${o.network} (WAKE_DOCKER_NETWORK) does not exist`);
    try {
      await docker.createNetwork({
        Name: name, Driver: 'bridge', CheckDuplicate: true,
        Labels: { ...o.labels, [POD_NETWORK_LABEL]: 'true', 'wake.node': o.nodeName },
        Options: { 'com.docker.network.bridge.name': bridgeNameOf(o.nodeName) },
      });
      o.log(`created pod network ${name}`);
    } catch (e) {
      if (status(e) !== 409) throw new Error(`could not create the pod network ${name}: ${(e as Error).message}`);
    }
    info = await inspect(docker, name);
    if (!info) throw new Error(`the pod network ${name} vanished right after it was created`);
  }
  const ipam = (info.IPAM?.Config ?? []).find((c) => c.Subnet && c.Gateway && !c.Subnet.includes(':'));
  if (!ipam) throw new Error(`the pod network ${name} has no IPv4 subnet with a gateway`);
  const bridge = info.Options?.['com.docker.network.bridge.name'] ?? (name === 'bridge' ? 'docker0' : `br-${info.Id.slice(0, 12)}`);
  let loopbackRoutes = podLoopbackRoutes({ serviceCidr: o.serviceCidr, nodeAddress: o.nodeAddress });
  if (loopbackRoutes.length) {
    const file = `${o.procSysNet ?? '/proc/sys/net'}/ipv4/conf/${bridge}/route_localnet`;
    try {
      await fs.writeFile(file, '1');
    } catch (e) {
      o.log(`pods on ${name} cannot reach Services or the cluster DNS on loopback addresses: writing ${file} failed (${(e as Error).message}; the agent needs root)`);
      loopbackRoutes = [];
    }
  }
  return { name, subnet: ipam.Subnet!, gateway: ipam.Gateway!, bridge, loopbackRoutes };
}

async function inspect(docker: Docker, name: string): Promise<Docker.NetworkInspectInfo | undefined> {
  try {
    return (await docker.getNetwork(name).inspect()) as Docker.NetworkInspectInfo;
  } catch (e) {
    if (status(e) === 404) return undefined;
    throw e;
  }
}
