import type { NodeScore } from './compare-binding';
import { COMPARED_COMPONENTS } from './decisions';
import type { ReplayDifference, ReplayReport } from './replay-engine';

const LABEL: Record<string, string> = {
  scheduler: 'scheduler bindings', replicaset: 'replicaset controller', deployment: 'deployment controller', job: 'job controller', cronjob: 'cronjob controller',
  daemonset: 'daemonset controller', statefulset: 'statefulset controller',
};

/** The report as text: a tally per component, then each difference with both decisions. */
export function replayText(r: ReplayReport): string {
  const lines = [`replayed ${r.events} events (sequences ${r.from}..${r.to}, starting from ${r.seedObjects} objects) through today's scheduler and controllers`];
  for (const c of COMPARED_COMPONENTS) {
    const t = r.components[c];
    if (!t.compared && c !== 'scheduler' && c !== 'replicaset' && c !== 'deployment') continue;
    const earlier = t.matchedEarlier ? ` (${t.matchedEarlier} on a state a few events older: the component's cache lagged the log)` : '';
    lines.push(`  ${LABEL[c].padEnd(22)} ${String(t.compared).padStart(4)} compared  ${String(t.matched).padStart(4)} same  ${String(t.different).padStart(4)} different${earlier}`);
  }
  const others = Object.entries(r.notCompared).sort(([a], [b]) => a.localeCompare(b));
  if (others.length) lines.push(`  not compared: ${others.map(([k, n]) => `${k} ${n} writes`).join(', ')}`);
  if (!r.differences.length) return lines.concat('no differences').join('\n') + '\n';
  lines.push(`${r.differences.length} difference${r.differences.length === 1 ? '' : 's'}:`);
  for (const d of r.differences) lines.push('', ...differenceText(d));
  return lines.join('\n') + '\n';
}

function differenceText(d: ReplayDifference): string[] {
  const out = [`seq ${d.seq}  ${d.time}  ${d.component}  ${d.object}`];
  out.push(`  recorded: ${d.recorded.length ? d.recorded.join('\n            ') : '(nothing)'}`);
  out.push(`  today:    ${d.today.length ? d.today.join('\n            ') : '(nothing)'}`);
  if (d.binding) {
    out.push(...scoresTable(d.binding.recorded.scores, d.binding.today.scores));
    const changed = weightChanges(d.binding.recorded.weights, d.binding.today.weights);
    if (changed) out.push(`  weights changed: ${changed}`);
  }
  return out;
}

/** `PodTopologySpread 2 → 0, …` for the score plugins whose weight differs (absent: disabled). */
function weightChanges(recorded: Readonly<Record<string, number>> | undefined, today: Readonly<Record<string, number>> | undefined): string | undefined {
  if (!recorded || !today) return undefined;
  const changes = [...new Set([...Object.keys(recorded), ...Object.keys(today)])]
    .filter((p) => (recorded[p] ?? 0) !== (today[p] ?? 0))
    .map((p) => `${p} ${recorded[p] ?? 0} → ${today[p] ?? 0}`);
  return changes.length ? changes.join(', ') : undefined;
}

/**
 * Per node: the recorded scores (the top nodes the scheduler kept) next to today's — the total
 * and the plugins that tell the nodes apart (a plugin scoring every node alike, in both, ranks
 * nothing and is named once below the table).
 */
function scoresTable(recorded: readonly NodeScore[], today: readonly NodeScore[]): string[] {
  const nodes = [...new Set([...today.map((s) => s.node), ...recorded.map((s) => s.node)])];
  if (!nodes.length) return [];
  const all = [...recorded, ...today];
  const plugins = [...new Set(all.flatMap((s) => Object.keys(s.scores)))];
  const alike = nodes.length < 2 ? [] : plugins.filter((p) => new Set(all.map((s) => s.scores[p])).size === 1 && all.every((s) => p in s.scores));
  const shown = (s: NodeScore | undefined) => {
    if (!s) return '-';
    const per = Object.entries(s.scores).filter(([p]) => !alike.includes(p)).map(([p, v]) => `${p} ${v}`);
    return per.length ? `${s.total} (${per.join(', ')})` : String(s.total);
  };
  const width = Math.max(4, ...nodes.map((n) => n.length));
  const rows = nodes.map((n) => [n, shown(recorded.find((s) => s.node === n)), shown(today.find((s) => s.node === n))]);
  const w2 = Math.max('RECORDED SCORE'.length, ...rows.map((r) => r[1].length));
  const out = [`  ${'NODE'.padEnd(width)}  ${'RECORDED SCORE'.padEnd(w2)}  TODAY'S SCORE`, ...rows.map((r) => `  ${r[0].padEnd(width)}  ${r[1].padEnd(w2)}  ${r[2]}`)];
  if (alike.length) out.push(`  (every node scored alike by ${alike.map((p) => `${p} ${all[0].scores[p]}`).join(', ')})`);
  return out;
}
