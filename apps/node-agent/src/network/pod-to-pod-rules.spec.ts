import { bridgeNameOf } from './pod-network';
import { POD_TO_POD_RULES, WAKE_BRIDGE_PREFIX, checkArgs, deleteArgs, firstRuleArgs, insertArgs, isFirstRule, planRule } from './pod-to-pod-rules';

const [accept, noNat] = POD_TO_POD_RULES;

describe('pod-to-pod rules', () => {
  it('accepts bridge-to-bridge traffic in DOCKER-USER and skips masquerading for non-local sources out a Wake bridge', () => {
    expect(POD_TO_POD_RULES.map((r) => [r.table, r.chain, r.spec.join(' '), r.first])).toEqual([
      ['filter', 'DOCKER-USER', '-i wk+ -o wk+ -j ACCEPT', false],
      ['nat', 'POSTROUTING', '-o wk+ -m addrtype ! --src-type LOCAL -j RETURN', true],
    ]);
  });

  it('covers every bridge the agent names', () => {
    expect(bridgeNameOf('node-a').startsWith(WAKE_BRIDGE_PREFIX)).toBe(true);
    expect(bridgeNameOf('node-a')).toHaveLength(14);
  });

  it('builds iptables arguments: check, insert first, delete, list the first rule', () => {
    expect(checkArgs(accept)).toEqual(['-w', '5', '-t', 'filter', '-C', 'DOCKER-USER', '-i', 'wk+', '-o', 'wk+', '-j', 'ACCEPT']);
    expect(insertArgs(noNat)).toEqual(['-w', '5', '-t', 'nat', '-I', 'POSTROUTING', '1', '-o', 'wk+', '-m', 'addrtype', '!', '--src-type', 'LOCAL', '-j', 'RETURN']);
    expect(deleteArgs(noNat).slice(2)).toEqual(['-t', 'nat', '-D', 'POSTROUTING', ...noNat.spec]);
    expect(firstRuleArgs(noNat)).toEqual(['-w', '5', '-t', 'nat', '-S', 'POSTROUTING', '1']);
  });

  it('recognises its rule in `iptables -S <chain> 1` output', () => {
    expect(isFirstRule(noNat, '-A POSTROUTING -o wk+ -m addrtype ! --src-type LOCAL -j RETURN\n')).toBe(true);
    expect(isFirstRule(noNat, '-A POSTROUTING -s 172.30.0.0/16 ! -o wk0123456789ab -j MASQUERADE\n')).toBe(false);
    expect(isFirstRule(noNat, '')).toBe(false);
  });

  it('plans: insert when missing, keep when present (and first when it must be), move when Docker inserted above it', () => {
    expect(planRule(accept, false)).toBe('insert');
    expect(planRule(accept, true)).toBe('keep');
    expect(planRule(noNat, false)).toBe('insert');
    expect(planRule(noNat, true, '-A POSTROUTING -o wk+ -m addrtype ! --src-type LOCAL -j RETURN')).toBe('keep');
    expect(planRule(noNat, true, '-A POSTROUTING -s 172.30.0.0/16 ! -o wk0123456789ab -j MASQUERADE')).toBe('move');
    expect(planRule(noNat, true, undefined)).toBe('move');
  });
});
