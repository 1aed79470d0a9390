/**
 * The iptables rules that let pods on different Wake bridges of one host reach each other by pod IP,
 * without NAT (the Kubernetes network model), when several node agents share one Docker engine.
 *
 * Docker drops traffic between two bridge networks (DOCKER-ISOLATION-STAGE-1/2 in `filter FORWARD`)
 * and masquerades whatever leaves a bridge's subnet (`nat POSTROUTING -s <subnet> ! -o <bridge>`).
 * Two fixed rules, matching every Wake bridge by the `wk+` interface wildcard (see bridgeNameOf),
 * undo both for bridge-to-bridge traffic only:
 * - `filter DOCKER-USER -i wk+ -o wk+ ACCEPT`: DOCKER-USER is evaluated before the isolation chains,
 *   and Docker never reorders or flushes it.
 * - `nat POSTROUTING -o wk+ ! --src-type LOCAL RETURN`: skips Docker's MASQUERADE for what goes out
 *   a Wake bridge from a non-local source (a pod on another bridge). Traffic the host itself sends
 *   (the agent's proxy, NodePorts, docker-proxy, hairpin rules) has a local source and falls through
 *   to Docker's rules unchanged. Docker INSERTS each new network's MASQUERADE rule at the top of
 *   POSTROUTING, so this rule must be moved back to the top whenever it is no longer first.
 *
 * Pure: which rules, and the argument arrays for `iptables` (no shell). See pod-to-pod.ts.
 */
export interface PodToPodRule {
  readonly table: 'filter' | 'nat';
  readonly chain: string;
  /** The match and target, in the canonical order `iptables -S` prints them. */
  readonly spec: readonly string[];
  /** Must be the chain's first rule (else others inserted above it win). */
  readonly first: boolean;
}

/** The prefix of every Wake bridge's name (see bridgeNameOf): `wk` + 12 hex digits. */
export const WAKE_BRIDGE_PREFIX = 'wk';
const WAKE_BRIDGES = `${WAKE_BRIDGE_PREFIX}+`;

export const POD_TO_POD_RULES: readonly PodToPodRule[] = [
  { table: 'filter', chain: 'DOCKER-USER', spec: ['-i', WAKE_BRIDGES, '-o', WAKE_BRIDGES, '-j', 'ACCEPT'], first: false },
  { table: 'nat', chain: 'POSTROUTING', spec: ['-o', WAKE_BRIDGES, '-m', 'addrtype', '!', '--src-type', 'LOCAL', '-j', 'RETURN'], first: true },
];

/** Wait up to 5 s for the xtables lock (Docker takes it too). */
const WAIT = ['-w', '5'];

/** Is the rule there (`-C`; exit status 0 when it is)? */
export const checkArgs = (r: PodToPodRule) => [...WAIT, '-t', r.table, '-C', r.chain, ...r.spec];
/** Inserts the rule as the chain's first. */
export const insertArgs = (r: PodToPodRule) => [...WAIT, '-t', r.table, '-I', r.chain, '1', ...r.spec];
/** Deletes the first copy of the rule. */
export const deleteArgs = (r: PodToPodRule) => [...WAIT, '-t', r.table, '-D', r.chain, ...r.spec];
/** Prints the chain's first rule (`-S <chain> 1`). */
export const firstRuleArgs = (r: PodToPodRule) => [...WAIT, '-t', r.table, '-S', r.chain, '1'];

/** Whether `iptables -S <chain> 1`'s output is this very rule. */
export function isFirstRule(r: PodToPodRule, listing: string): boolean {
  const line = listing.split('\n').map((l) => l.trim()).find((l) => l.startsWith('-A '));
  return line !== undefined && line === ['-A', r.chain, ...r.spec].join(' ');
}

/**
 * What to do with one rule: nothing when it is there (and first, when it must be); insert it when
 * it is missing; move it (delete every copy, insert it first) when it must be first and is not.
 */
export function planRule(r: PodToPodRule, present: boolean, firstListing?: string): 'keep' | 'insert' | 'move' {
  if (!present) return 'insert';
  if (!r.first) return 'keep';
  return firstListing !== undefined && isFirstRule(r, firstListing) ? 'keep' : 'move';
}
