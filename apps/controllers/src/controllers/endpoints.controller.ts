import type { Action } from '@wake/reconcilers';
import {
  reconcileEndpoints, SERVICE_NAME_LABEL, selectedPods, serviceKey, type EndpointSlice, type Endpoints, type Pod, type Service,
} from '@wake/services';
import type { CacheEvent } from '../cache/cache-event';
import type { ClusterCache } from '../cache/cluster-cache';
import { parseNameKey } from '../cache/object-key';
import type { ControllerDefinition } from '../runner/controller';
import { self } from './owner-keys';

/**
 * The Services a pod change concerns: those in its namespace that select the pod now, and those whose
 * EndpointSlices still list it (the cache keeps no old labels, so a pod relabelled out of a selector is
 * found through the slices that name it).
 */
function servicesOfPod(e: CacheEvent, cache: ClusterCache): string[] {
  const ns = e.object.metadata.namespace ?? '';
  const pod = e.object as Pod;
  const keys = new Set<string>();
  for (const svc of cache.list<Service>('Service', ns)) {
    if (selectedPods(svc, [pod]).length) keys.add(serviceKey(svc));
  }
  for (const slice of cache.list<EndpointSlice>('EndpointSlice', ns)) {
    const owner = slice.metadata?.labels?.[SERVICE_NAME_LABEL];
    if (owner && (slice.endpoints ?? []).some((ep) => ep.targetRef?.kind === 'Pod' && ep.targetRef.name === pod.metadata?.name)) keys.add(`${ns}/${owner}`);
  }
  return [...keys];
}

const sliceOwner = (e: CacheEvent): string[] => {
  const owner = e.object.metadata.labels?.[SERVICE_NAME_LABEL];
  return owner ? [`${e.object.metadata.namespace ?? ''}/${owner}`] : [];
};

/** Endpoints controller (and the EndpointSlice controller): Endpoints and EndpointSlices from Service selectors and pod readiness. */
export const endpointsController: ControllerDefinition = {
  name: 'endpoints',
  component: 'endpoint-controller',
  watches: {
    Service: self,
    Pod: servicesOfPod,
    Endpoints: self,
    EndpointSlice: sliceOwner,
  },
  reconcile(key, { cache, random }): Action[] {
    const { namespace, name } = parseNameKey(key);
    return reconcileEndpoints({
      namespace, name,
      service: cache.get<Service>('Service', namespace, name),
      pods: cache.list<Pod>('Pod', namespace),
      endpoints: cache.get<Endpoints>('Endpoints', namespace, name),
      slices: cache.list<EndpointSlice>('EndpointSlice', namespace).filter((s) => s.metadata?.labels?.[SERVICE_NAME_LABEL] === name),
    }, { random });
  },
};
