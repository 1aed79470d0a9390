import { generateName, newControllerRef, refOf, seqOf, type Action, type AnyObject, type RandomSource } from '@wake/reconcilers';
import { sameJson } from '@wake/store';
import type { EndpointSlice, Endpoints, Pod, Service } from '../wire';
import { desiredEndpoints } from './desired-endpoints';
import { desiredSliceContents, type SliceContent } from './desired-slices';
import { MANAGED_BY_LABEL, SLICE_CONTROLLER, sliceLabels } from './labels';

export interface EndpointsObserved {
  /** The Service's key; `service` is undefined once it is gone. */
  readonly namespace: string;
  readonly name: string;
  readonly service: Service | undefined;
  /** The pods of the namespace (the reconciler applies the selector). */
  readonly pods: readonly Pod[];
  readonly endpoints: Endpoints | undefined;
  /** EndpointSlices labelled kubernetes.io/service-name=<name> in the namespace. */
  readonly slices: readonly EndpointSlice[];
}

export interface EndpointsEnv {
  readonly random: RandomSource;
}

/**
 * Keeps a Service's Endpoints and EndpointSlices equal to what its selector and its pods' readiness say.
 * Pure and idempotent: nothing to do → no actions. A Service without a selector has user-managed
 * Endpoints (left alone) and no controller slices; a deleted Service loses both (slices also carry an
 * ownerReference, so the garbage collector would remove them too). Slices are matched to desired content
 * by port set, in name order; new ones are named `<service>-<5 random>` like generateName.
 */
export function reconcileEndpoints(o: EndpointsObserved, env: EndpointsEnv): Action[] {
  const svc = o.service && !o.service.metadata?.deletionTimestamp ? o.service : undefined;
  const managed = o.slices.filter((s) => s.metadata?.labels?.[MANAGED_BY_LABEL] === SLICE_CONTROLLER);
  const hasSelector = !!svc && Object.keys(svc.spec?.selector ?? {}).length > 0;
  const actions: Action[] = [];
  if (!svc) {
    if (o.endpoints) actions.push(remove(o.endpoints, 'Endpoints'));
  } else if (hasSelector) {
    const want = desiredEndpoints(svc, o.pods);
    if (!o.endpoints) actions.push({ type: 'create', object: want as AnyObject, intent: 'Created' });
    else if (!sameEndpoints(o.endpoints, want)) {
      actions.push({ type: 'update', object: { ...o.endpoints, metadata: { ...o.endpoints.metadata, labels: want.metadata!.labels }, subsets: want.subsets ?? [] } as AnyObject, expectSeq: seqOf(o.endpoints as AnyObject), intent: 'Updated' });
    }
  }
  if (!svc || !hasSelector) return [...actions, ...managed.map((s) => remove(s, 'EndpointSlice'))];
  return [...actions, ...reconcileSlices(svc, managed, desiredSliceContents(svc, o.pods), env)];
}

function reconcileSlices(svc: Service, existing: readonly EndpointSlice[], desired: SliceContent[], env: EndpointsEnv): Action[] {
  const owner = newControllerRef(svc as AnyObject);
  const labels = sliceLabels(svc);
  const actions: Action[] = [];
  const mine = existing.filter((s) => (s.metadata?.ownerReferences ?? []).some((r) => r.uid === owner.uid));
  for (const s of existing) if (!mine.includes(s)) actions.push(remove(s, 'EndpointSlice')); // a previous Service of that name
  const pool = new Map<string, EndpointSlice[]>();
  for (const s of [...mine].sort((a, b) => (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''))) {
    const key = JSON.stringify(s.ports ?? []);
    pool.set(key, [...(pool.get(key) ?? []), s]);
  }
  for (const want of desired) {
    const body = { addressType: 'IPv4', endpoints: want.endpoints, ports: want.ports };
    const current = pool.get(want.portsKey)?.shift();
    if (!current) {
      actions.push({
        type: 'create',
        intent: 'Created',
        object: {
          apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice',
          metadata: { name: generateName(`${svc.metadata?.name}-`, env.random), namespace: svc.metadata?.namespace, labels, ownerReferences: [owner] },
          ...body,
        },
      });
      continue;
    }
    const next = { ...current, metadata: { ...current.metadata, labels, ownerReferences: [owner] }, ...body };
    if (!sameSlice(current, next)) actions.push({ type: 'update', object: next as AnyObject, expectSeq: seqOf(current as AnyObject), intent: 'Updated' });
  }
  for (const left of pool.values()) for (const s of left) actions.push(remove(s, 'EndpointSlice'));
  return actions;
}

function remove(obj: Endpoints | EndpointSlice, kind: string): Action {
  const o = obj as AnyObject;
  return { type: 'delete', key: refOf(o, { apiVersion: kind === 'Endpoints' ? 'v1' : 'discovery.k8s.io/v1', kind }), expectSeq: seqOf(o) };
}

function sameEndpoints(a: Endpoints, b: Endpoints): boolean {
  return sameJson(a.subsets ?? [], b.subsets ?? []) && sameJson(a.metadata?.labels ?? {}, b.metadata?.labels ?? {});
}

function sameSlice(a: EndpointSlice, b: EndpointSlice): boolean {
  return a.addressType === b.addressType && sameJson(a.endpoints ?? [], b.endpoints ?? []) && sameJson(a.ports ?? [], b.ports ?? [])
    && sameJson(a.metadata?.labels ?? {}, b.metadata?.labels ?? {})
    && sameJson(a.metadata?.ownerReferences ?? [], b.metadata?.ownerReferences ?? []);
}
