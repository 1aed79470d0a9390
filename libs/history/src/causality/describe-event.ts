import { intentOf, type KubeObject, type StoredEvent } from '@wake/events';
import { diffObjects } from '../diff/json-diff';

type Obj = KubeObject & { spec?: any; status?: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

const ref = (e: Pick<StoredEvent, 'kind' | 'namespace' | 'name'>) => `${e.kind} ${e.namespace ? `${e.namespace}/` : ''}${e.name}`;

/** Who acted, in words: `user alice`, `the scheduler`, `the node agent on node-b`. */
export function actorLabel(actor: string): string {
  if (actor.startsWith('user:')) return `user ${actor.slice(5)}`;
  if (actor.startsWith('system:node:')) return `the node agent on ${actor.slice(12)}`;
  if (actor.startsWith('system:')) return `the ${actor.slice(7)}`;
  return actor;
}

/** One line saying what an event did, from its intent and the object after it. */
export function describeEvent(e: StoredEvent, previous?: KubeObject): string {
  const o = e.object as Obj;
  const who = actorLabel(e.actor);
  const intent = intentOf(e.type);
  switch (intent) {
    case 'Created': {
      const owner = o.metadata.ownerReferences as { kind: string; name: string }[] | undefined;
      const rev = o.metadata.annotations?.['deployment.kubernetes.io/revision'];
      return `${who} created ${ref(e)}${rev ? ` (revision ${rev})` : ''}${owner?.length ? `, owned by ${owner.map((r) => `${r.kind} ${r.name}`).join(', ')}` : ''}`;
    }
    case 'Scaled': return `${who} scaled ${ref(e)} to ${o.spec?.replicas} replicas${previous ? ` (from ${(previous as Obj).spec?.replicas})` : ''}`;
    case 'Bound': return `${who} bound ${ref(e)} to node ${o.spec?.nodeName ?? '?'}`;
    case 'Deleted': return `${who} removed ${ref(e)}`;
    case 'DeletionRequested': return `${who} requested deletion of ${ref(e)}`;
    case 'StatusReported':
    case 'StatusUpdated': return `${who} reported ${ref(e)}: ${statusSummary(e.kind, o)}`;
    default: {
      const changed = previous ? diffObjects(previous, o).map((c) => c.path) : [];
      return `${who} ${intent.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()} ${ref(e)}${changed.length ? ` (${summarizePaths(changed)})` : ''}`;
    }
  }
}

function summarizePaths(paths: string[]): string {
  return paths.length > 4 ? `${paths.slice(0, 4).join(', ')} and ${paths.length - 4} more` : paths.join(', ');
}

/** A pod's phase and container states (running / waiting reason / terminated exit code). */
export function statusSummary(kind: string, o: Obj): string {
  const st = o.status ?? {};
  if (kind !== 'Pod') {
    if (typeof st.replicas === 'number') return `${st.readyReplicas ?? 0}/${st.replicas} ready`;
    return Object.keys(st).length ? `status ${Object.keys(st).join(', ')}` : 'status';
  }
  const parts: string[] = [st.phase ?? 'Unknown'];
  for (const c of st.containerStatuses ?? []) {
    const s = c.state ?? {};
    const last = c.lastState?.terminated;
    if (s.running) parts.push(`${c.name} running`);
    if (s.waiting) parts.push(`${c.name} waiting: ${s.waiting.reason ?? ''}`.trim());
    if (s.terminated) parts.push(`${c.name} terminated with exit code ${s.terminated.exitCode}${s.terminated.reason ? ` (${s.terminated.reason})` : ''}`);
    if (last && !s.terminated) parts.push(`last exit code ${last.exitCode}${last.reason ? ` (${last.reason})` : ''}`);
    if (c.restartCount) parts.push(`${c.restartCount} restart${c.restartCount === 1 ? '' : 's'}`);
  }
  return parts.join(', ');
}

/**
 * The per-node reasons of a scheduling decision (the scheduler's record in `detail.decision`):
 * which nodes were rejected and why, how the best nodes scored. Unknown detail shapes print as JSON.
 */
export function decisionReasons(detail: Record<string, unknown> | undefined): string[] {
  if (!detail) return [];
  const d = detail.decision as {
    chosen?: string;
    rejected?: { groups?: { plugin: string; reason: string; count: number; nodes: string[] }[] };
    scored?: { top?: { node: string; total: number; scores: Record<string, number> }[] };
  } | undefined;
  if (!d || typeof d !== 'object') return Object.keys(detail).length ? [`detail: ${JSON.stringify(detail)}`] : [];
  const out: string[] = [];
  for (const g of d.rejected?.groups ?? []) {
    out.push(`rejected ${g.nodes.join(', ')}${g.count > g.nodes.length ? ` (+${g.count - g.nodes.length} more)` : ''}: ${g.plugin}${g.reason ? `: ${g.reason}` : ''}`);
  }
  for (const s of d.scored?.top ?? []) {
    const scores = Object.entries(s.scores).map(([p, v]) => `${p} ${v}`).join(', ');
    out.push(`${s.node === d.chosen ? 'chose ' : 'scored'} ${s.node}: total ${s.total}${scores ? ` (${scores})` : ''}`);
  }
  return out;
}
