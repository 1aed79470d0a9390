import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { POD_TO_POD_RULES, checkArgs, deleteArgs, firstRuleArgs, insertArgs, planRule, type PodToPodRule } from './pod-to-pod-rules';

const run = promisify(execFile);

export interface PodToPodOptions {
  /**
   * How to run iptables (default `iptables` on PATH: the one Docker itself runs, so the same backend,
   * nft or legacy, as Docker's own chains).
   */
  readonly iptablesCommand?: readonly string[];
  readonly log: (m: string) => void;
}

/**
 * Installs the fixed rules of pod-to-pod-rules.ts so that pods on the other Wake bridges of this host
 * reach this node's pods by pod IP and are seen with their own pod IP. Idempotent; safe to run
 * from several agents at once. Never throws: without iptables (or root) it logs one line and the
 * node runs on, its pods reachable from other nodes only through Services.
 */
export async function ensurePodToPodRules(o: PodToPodOptions): Promise<boolean> {
  const [cmd, ...pre] = o.iptablesCommand ?? ['iptables'];
  const ipt = (args: readonly string[]) => run(cmd, [...pre, ...args], { timeout: 15_000 });
  const ok = (args: readonly string[]) => ipt(args).then(() => true, () => false);
  let rule: PodToPodRule | undefined;
  try {
    for (rule of POD_TO_POD_RULES) {
      const present = await ok(checkArgs(rule));
      const first = present && rule.first ? (await ipt(firstRuleArgs(rule))).stdout : undefined;
      const plan = planRule(rule, present, first);
      if (plan === 'keep') continue;
      // Moving: drop every copy (bounded), then insert it first. Docker inserts a new network's
      // MASQUERADE rule above everything, so an agent whose network came later puts this one back on top.
      for (let i = 0; plan === 'move' && i < 10 && (await ok(checkArgs(rule))); i++) await ipt(deleteArgs(rule));
      await ipt(insertArgs(rule));
    }
    return true;
  } catch (e) {
    const what = rule ? `iptables -t ${rule.table} -I ${rule.chain} ${rule.spec.join(' ')}` : 'iptables';
    o.log(`pods on other nodes of this host will not reach this node's pods by pod IP: ${what} failed (${firstLine(e)}; the agent needs root and iptables)`);
    return false;
  }
}

const firstLine = (e: unknown) => {
  const x = e as { stderr?: string; message?: string; code?: string };
  const text = (x.code === 'ENOENT' ? 'iptables not found' : x.stderr?.split('\n').find((l) => l.trim() && !l.startsWith('# Warning')) ?? x.message ?? String(e));
  return text.trim();
};
