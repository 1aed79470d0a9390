import { ClusterSnapshot, makeNode, makePod, podInfo, schedule, type SchedulerConfig } from '@wake/scheduling';
import { trimRecord } from '../../apps/scheduler/src/record/trim-record';

export interface PureResult {
  readonly pods: number;
  readonly nodes: number;
  readonly podsPerSec: number;
  /** schedule() alone vs schedule() + trimming the record for the event, per pod. */
  readonly scheduleMicros: number;
  readonly trimMicros: number;
}

export const simulatedNode = (i: number) =>
  makeNode(`sim-${String(i).padStart(4, '0')}`, { cpu: '32', memory: '128Gi', pods: '110', labels: { 'wake.dev/simulated': 'true', 'topology.kubernetes.io/zone': `zone-${i % 3}` } });

export const benchPod = (i: number) => makePod(`pod-${i}`, { cpu: '100m', memory: '128Mi' });

/** The pure plugin pipeline on the same cluster shape: podInfo → schedule → trim → assume, in one loop. */
export function pureBench(nodes: number, pods: number, config: SchedulerConfig): PureResult {
  const s = new ClusterSnapshot();
  for (let i = 0; i < nodes; i++) s.updateNode(simulatedNode(i));
  let start = 0;
  let scheduleMs = 0;
  let trimMs = 0;
  const t0 = performance.now();
  for (let i = 0; i < pods; i++) {
    const pod = benchPod(i);
    const a = performance.now();
    const d = schedule(podInfo(pod), s, config, { startIndex: start });
    const b = performance.now();
    trimRecord(d.record, 5, 20);
    trimMs += performance.now() - b;
    scheduleMs += b - a;
    start = d.nextStartIndex;
    if (d.type !== 'Scheduled') throw new Error(d.message);
    s.bindPod(pod, d.nodeName);
  }
  const ms = performance.now() - t0;
  return { pods, nodes, podsPerSec: Math.round((pods / ms) * 1000), scheduleMicros: Math.round((scheduleMs / pods) * 1000), trimMicros: Math.round((trimMs / pods) * 1000) };
}
