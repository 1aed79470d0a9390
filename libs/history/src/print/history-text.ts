import { formatChange } from '../diff/json-diff';
import type { RevisionList } from '../revisions/revisions';

/** `wake history` as text: one block per revision, the diff indented under its header. */
export function historyText(title: string, list: RevisionList): string {
  const lines: string[] = [];
  if (!list.revisions.length && !list.hidden) return `no retained events for ${title}\n`;
  lines.push(`HISTORY ${title}`);
  for (const r of list.revisions) {
    lines.push(`${String(r.seq).padStart(8)}  ${r.time}  ${r.type.padEnd(28)} ${r.actor}`);
    if (r.removed) lines.push('          (removed)');
    else if (!r.changes) lines.push(`          (created, uid ${r.uid || '-'})`);
    else if (!r.changes.length) lines.push('          (no field changes)');
    for (const c of r.changes ?? []) lines.push(`          ${formatChange(c)}`);
  }
  if (list.hidden) lines.push(`(${list.hidden} revision${list.hidden === 1 ? '' : 's'} hidden by --no-status/--no-heartbeats)`);
  return lines.join('\n') + '\n';
}
