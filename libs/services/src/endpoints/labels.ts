import { isHeadless, type Service } from '../wire';

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
export const SLICE_CONTROLLER = 'endpointslice-controller.k8s.io';
export const HEADLESS_LABEL = 'service.kubernetes.io/headless';

/** The Service's labels as its Endpoints carry them: plus the headless marker, which only the controller sets. */
export function endpointsLabels(svc: Service): Record<string, string> {
  const labels: Record<string, string> = { ...(svc.metadata?.labels ?? {}) };
  delete labels[HEADLESS_LABEL];
  if (isHeadless(svc)) labels[HEADLESS_LABEL] = '';
  return labels;
}

/** An EndpointSlice's labels: the Service's, plus the service name and the manager. */
export function sliceLabels(svc: Service): Record<string, string> {
  return { ...endpointsLabels(svc), [SERVICE_NAME_LABEL]: svc.metadata?.name ?? '', [MANAGED_BY_LABEL]: SLICE_CONTROLLER };
}
