import type {
  CoreV1EndpointPort, DiscoveryV1EndpointPort, V1EndpointAddress, V1Endpoints, V1EndpointSubset, V1Endpoint, V1EndpointSlice, V1Pod, V1Service, V1ServicePort,
} from '@kubernetes/client-node';
import type { Wire } from '@wake/reconcilers';

/** The wire (JSON) shapes of the objects Services work with: client-node types with timestamps as strings. */
export type Service = Wire<V1Service>;
export type ServicePort = Wire<V1ServicePort>;
export type Pod = Wire<V1Pod>;
export type Endpoints = Wire<V1Endpoints>;
export type EndpointSubset = Wire<V1EndpointSubset>;
export type EndpointAddress = Wire<V1EndpointAddress>;
export type EndpointPort = Wire<CoreV1EndpointPort>;
export type SlicePort = Wire<DiscoveryV1EndpointPort>;
export type EndpointSlice = Wire<V1EndpointSlice>;
export type SliceEndpoint = Wire<V1Endpoint>;

/** `namespace/name`, the key every map in this library uses for a Service. */
export const serviceKey = (o: { metadata?: { namespace?: string; name?: string } }): string =>
  `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;

export const isHeadless = (svc: Service): boolean => svc.spec?.clusterIP === 'None';
