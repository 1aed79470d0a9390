import { cidrContains, formatCidr, isLoopback, parseCidr, parseIPv4 } from '../net/ipv4';

/**
 * Which host loopback destinations a pod must send to its node instead of to its own `lo`.
 *
 * On a developer machine the ClusterIPs (127.100.0.0/16) and the node addresses (127.0.0.2, …) are
 * loopback addresses of the HOST. Inside a pod's network namespace 127.0.0.0/8 is the pod's own
 * loopback, so `http://<clusterIP>/` would never leave the pod. The sandbox therefore adds, to its
 * `local` routing table, a more specific route for each of these blocks via the pod network's
 * gateway (the host), with `route_localnet` set on both ends so the kernel lets loopback
 * destinations cross a real interface. The host's proxy and DNS, bound to those very addresses,
 * then see the connection with the pod's own address as its source.
 *
 * Not routed: 127.0.0.1 (it must stay the pod's own localhost) and anything outside 127.0.0.0/8
 * (a real host's ClusterIPs on a dummy interface and its node address are reached by the default
 * route already).
 */
export function podLoopbackRoutes(opts: { serviceCidr: string; nodeAddress?: string }): string[] {
  const routes: string[] = [];
  const cidr = parseCidr(opts.serviceCidr);
  const text = formatCidr(cidr);
  const base = text.split('/')[0];
  const routed = isLoopback(base) && !cidrContains(cidr, LOCALHOST);
  if (routed) routes.push(text);
  const node = opts.nodeAddress;
  const nodeIP = node === undefined ? undefined : parseIPv4(node);
  if (node && nodeIP !== undefined && isLoopback(node) && nodeIP !== LOCALHOST && !(routed && cidrContains(cidr, nodeIP))) routes.push(`${node}/32`);
  return routes;
}

const LOCALHOST = 0x7f000001;

/** Environment names the sandbox's start script reads (see sandboxNetworkScript). */
export const POD_ROUTES_ENV = 'WAKE_POD_ROUTES';
export const POD_GATEWAY_ENV = 'WAKE_POD_GATEWAY';

/**
 * The sandbox's command when the pod needs loopback routes: add each route via the gateway to the
 * `local` table (a longer prefix than `local 127.0.0.0/8`, so it wins), then become the pause
 * process. A route that cannot be added is reported on the sandbox's stderr and the pod runs on
 * without it (it only loses in-pod access to Services). Needs busybox's `ip` (wake/pause:1).
 */
export function sandboxNetworkScript(pauseCommand: readonly string[]): string {
  const pause = pauseCommand.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  return `for r in $${POD_ROUTES_ENV}; do ip route add "$r" via "$${POD_GATEWAY_ENV}" table local `
    + `|| echo "wake: could not route $r via $${POD_GATEWAY_ENV}: Services will not be reachable from this pod" >&2; done; exec ${pause}`;
}

/** The label on every pod network an agent creates, next to `wake.node=<node>` (cleanup filters on both). */
export const POD_NETWORK_LABEL = 'wake.pod-network';
