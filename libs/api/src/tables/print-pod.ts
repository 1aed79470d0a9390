import type { V1ContainerStatus, V1Pod } from '@kubernetes/client-node';
import { timestampSince, toMillis } from './human-duration';
import { AGE_COLUMN, NAME_COLUMN, type Printer, type TableRowCondition, type Wire, col, wide } from './table-types';

type Pod = Wire<V1Pod>;
type Status = Wire<V1ContainerStatus>;

/** Pod columns and STATUS/READY/RESTARTS computed as the apiserver's printPod does. */
export const podPrinter: Printer<Pod> = {
  columns: [
    NAME_COLUMN,
    col('Ready', 'string', 'The aggregate readiness state of this pod for accepting traffic.'),
    col('Status', 'string', 'The aggregate status of the containers in this pod.'),
    col('Restarts', 'string', 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.'),
    AGE_COLUMN,
    wide('IP', 'string', 'podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.'),
    wide('Node', 'string', 'NodeName indicates in which node this pod is scheduled.'),
    wide('Nominated Node', 'string', 'nominatedNodeName is set only when this pod preempts other pods on the node.'),
    wide('Readiness Gates', 'string', 'If specified, all readiness gates will be evaluated for pod readiness.'),
  ],
  cells: podCells,
  conditions(pod) {
    const phase = pod.status?.phase;
    if (phase === 'Succeeded') return [completed('Succeeded', 'The pod has completed successfully.')];
    if (phase === 'Failed') return [completed('Failed', 'The pod failed.')];
    return undefined;
  },
};

const completed = (reason: string, message: string): TableRowCondition => ({ type: 'Completed', status: 'True', reason, message });

function podCells(pod: Pod, now: Date): unknown[] {
  const spec = pod.spec;
  const status = pod.status ?? {};
  const phase = status.phase ?? '';
  let reason = status.reason || phase;
  if ((status.conditions ?? []).some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) reason = 'SchedulingGated';

  const sidecars = new Set((spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  const total = (spec?.containers?.length ?? 0) + sidecars.size;
  let ready = 0;
  let restarts = 0;
  let sidecarRestarts = 0;
  let lastRestart = 0;
  let lastSidecarRestart = 0;

  let initializing = false;
  const inits = status.initContainerStatuses ?? [];
  for (let i = 0; i < inits.length; i++) {
    const c = inits[i];
    const sidecar = sidecars.has(c.name);
    restarts += c.restartCount ?? 0;
    lastRestart = Math.max(lastRestart, finishedAt(c));
    if (sidecar) {
      sidecarRestarts += c.restartCount ?? 0;
      lastSidecarRestart = Math.max(lastSidecarRestart, finishedAt(c));
    }
    const term = c.state?.terminated;
    if (term && (term.exitCode ?? 0) === 0) continue;
    if (sidecar && c.started) {
      if (c.ready) ready++;
      continue;
    }
    if (term) {
      if (!term.reason) reason = term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode ?? 0}`;
      else reason = `Init:${term.reason}`;
    } else if (c.state?.waiting?.reason && c.state.waiting.reason !== 'PodInitializing') {
      reason = `Init:${c.state.waiting.reason}`;
    } else {
      reason = `Init:${i}/${spec?.initContainers?.length ?? 0}`;
    }
    initializing = true;
    break;
  }

  const initialized = (status.conditions ?? []).find((c) => c.type === 'Initialized')?.status === 'True';
  if (!initializing || initialized) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      restarts += c.restartCount ?? 0;
      lastRestart = Math.max(lastRestart, finishedAt(c));
      const { waiting, terminated, running } = c.state ?? {};
      if (waiting?.reason) reason = waiting.reason;
      else if (terminated?.reason) reason = terminated.reason;
      else if (terminated) reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode ?? 0}`;
      else if (c.ready && running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      const podReady = (status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
      reason = podReady ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata?.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata?.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';

  const restartsCell = restarts !== 0 && lastRestart > 0
    ? `${restarts} (${timestampSince(new Date(lastRestart), now)} ago)`
    : String(restarts);

  const gates = spec?.readinessGates ?? [];
  const gatesCell = gates.length === 0 ? '<none>' : `${gates.filter((g) => {
    const cond = (status.conditions ?? []).find((c) => c.type === g.conditionType);
    return cond?.status === 'True';
  }).length}/${gates.length}`;

  return [
    pod.metadata?.name ?? '', `${ready}/${total}`, reason, restartsCell, timestampSince(pod.metadata?.creationTimestamp, now),
    status.podIPs?.[0]?.ip || status.podIP || '<none>', spec?.nodeName || '<none>', status.nominatedNodeName || '<none>', gatesCell,
  ];
}

function finishedAt(c: Status): number {
  return toMillis(c.lastState?.terminated?.finishedAt) ?? 0;
}
