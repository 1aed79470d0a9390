import {
  EMPTY_AUTOSCALER_MEMORY, reconcileHorizontalPodAutoscaler, requeueAfter, selectorMatches,
  type AnyObject, type AutoscalerMemory, type HorizontalPodAutoscaler, type LabelSelector, type Pod,
} from '@wake/reconcilers';
import type { KubeObject } from '@wake/events';
import { parseNameKey } from '../cache/object-key';
import type { ControllerDefinition } from '../runner/controller';
import { self } from './owner-keys';
import { podMetricsOf } from './pod-metrics';

/**
 * What the autoscaler remembers between syncs, per HorizontalPodAutoscaler (by key, reset when the
 * uid changes): its last sync and the recent recommendations and scale changes that stabilization
 * and rate limits read. In memory, as upstream's controller keeps them (a new leader starts afresh).
 */
const remembered = new Map<string, { uid: string; lastSyncMs: number; memory: AutoscalerMemory }>();

/**
 * Horizontal pod autoscaler: each HorizontalPodAutoscaler once per sync period (WAKE_HPA_SYNC_PERIOD_SECONDS):
 * its target's scale and pods from the cache, the pods' cpu/memory from their nodes' agents (NATS
 * request/reply, as `kubectl top` reads them), then @wake/reconcilers decides the scale and status.
 * Changes to the HorizontalPodAutoscaler itself are picked up at the next sync, as upstream's
 * rate-limited queue does.
 */
export const horizontalPodAutoscalerController: ControllerDefinition = {
  name: 'horizontal-pod-autoscaler',
  component: 'horizontal-pod-autoscaler',
  watches: { HorizontalPodAutoscaler: self },
  async reconcile(key, { cache, config, now, metrics }) {
    const { namespace, name } = parseNameKey(key);
    const hpa = cache.get<HorizontalPodAutoscaler & KubeObject>('HorizontalPodAutoscaler', namespace, name);
    if (!hpa) {
      remembered.delete(key);
      return [];
    }
    const periodMs = config.hpaSyncPeriodSeconds * 1000;
    const at = now();
    const prev = remembered.get(key);
    const known = prev?.uid === hpa.metadata.uid ? prev : undefined;
    if (known && at.getTime() - known.lastSyncMs < periodMs) return [requeueAfter((known.lastSyncMs + periodMs - at.getTime()) / 1000)];
    const ref = hpa.spec?.scaleTargetRef;
    const target = ref ? cache.get<AnyObject & KubeObject>(ref.kind, namespace, ref.name) : undefined;
    const pods = cache.list<Pod>('Pod', namespace);
    const selector = (target?.spec as { selector?: LabelSelector } | undefined)?.selector;
    const selected = target ? pods.filter((p) => selectorMatches(selector, p.metadata?.labels as Record<string, string> | undefined)) : [];
    const nodes = selected.map((p) => p.spec?.nodeName).filter((n): n is string => !!n);
    const snapshots = metrics && nodes.length ? await metrics(nodes) : new Map();
    const result = reconcileHorizontalPodAutoscaler(hpa, { target, pods, metrics: podMetricsOf(selected, snapshots) }, known?.memory ?? EMPTY_AUTOSCALER_MEMORY, config.autoscaler, at);
    remembered.set(key, { uid: hpa.metadata.uid ?? '', lastSyncMs: at.getTime(), memory: result.memory });
    return [...result.actions, requeueAfter(config.hpaSyncPeriodSeconds)];
  },
};
