import type { Pod } from '../wire';
import { DEFAULT_CLUSTER_DOMAIN } from './cluster-zone';

export interface ResolvConfOptions {
  /** The node's DNS address (the agent's DNS server, reachable from the pod). */
  readonly nameserver: string;
  readonly clusterDomain?: string;
  /** The host's resolv.conf, for dnsPolicy Default (and ClusterFirst with hostNetwork). */
  readonly hostResolvConf?: string;
}

const MAX_NAMESERVERS = 3;
const MAX_SEARCHES = 32;

/**
 * The /etc/resolv.conf a pod gets (kubelet's dns configurer), pure: ClusterFirst — the default — points
 * at the cluster DNS with the search path `<ns>.svc.<domain> svc.<domain> <domain>` and `ndots:5`, so
 * `web` and `web.default` resolve; Default uses the host's; None only the pod's dnsConfig, which is
 * merged into the others (nameservers and searches appended, options overriding by name).
 */
export function podResolvConf(pod: Pod, opts: ResolvConfOptions): string {
  const domain = opts.clusterDomain ?? DEFAULT_CLUSTER_DOMAIN;
  const policy = pod.spec?.dnsPolicy ?? 'ClusterFirst';
  const cluster = policy === 'ClusterFirstWithHostNet' || (policy === 'ClusterFirst' && !pod.spec?.hostNetwork);
  let nameservers: string[] = [];
  let searches: string[] = [];
  let options: Array<{ name: string; value?: string }> = [];
  if (cluster) {
    nameservers = [opts.nameserver];
    searches = [`${pod.metadata?.namespace ?? 'default'}.svc.${domain}`, `svc.${domain}`, domain];
    options = [{ name: 'ndots', value: '5' }];
  } else if (policy !== 'None') {
    const host = parseResolvConf(opts.hostResolvConf ?? '');
    ({ nameservers, searches, options } = host);
  }
  const extra = pod.spec?.dnsConfig;
  nameservers = [...new Set([...nameservers, ...(extra?.nameservers ?? [])])].slice(0, MAX_NAMESERVERS);
  searches = [...new Set([...searches, ...(extra?.searches ?? [])])].slice(0, MAX_SEARCHES);
  for (const o of extra?.options ?? []) {
    if (!o.name) continue;
    options = [...options.filter((x) => x.name !== o.name), { name: o.name, ...(o.value !== undefined ? { value: o.value } : {}) }];
  }
  const lines = nameservers.map((n) => `nameserver ${n}`);
  if (searches.length) lines.push(`search ${searches.join(' ')}`);
  if (options.length) lines.push(`options ${options.map((o) => (o.value !== undefined ? `${o.name}:${o.value}` : o.name)).join(' ')}`);
  return lines.join('\n') + '\n';
}

export function parseResolvConf(text: string): { nameservers: string[]; searches: string[]; options: Array<{ name: string; value?: string }> } {
  const out = { nameservers: [] as string[], searches: [] as string[], options: [] as Array<{ name: string; value?: string }> };
  for (const raw of text.split('\n')) {
    const [word, ...rest] = raw.replace(/[#;].*$/, '').trim().split(/\s+/);
    if (word === 'nameserver' && rest[0]) out.nameservers.push(rest[0]);
    else if (word === 'search' || word === 'domain') out.searches = rest;
    else if (word === 'options') {
      for (const o of rest) {
        const [name, value] = o.split(':');
        out.options.push({ name, ...(value !== undefined ? { value } : {}) });
      }
    }
  }
  return out;
}
