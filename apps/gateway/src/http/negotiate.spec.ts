import { includeObjectOf, mediaType, wantsAggregatedDiscovery, wantsTable } from './negotiate';

const KUBECTL_TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';
const KUBECTL_DISCOVERY = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';

describe('content negotiation', () => {
  it('answers Tables only when asked', () => {
    expect(wantsTable(KUBECTL_TABLE)).toBe(true);
    expect(wantsTable('application/json')).toBe(false);
    expect(wantsTable('application/vnd.kubernetes.protobuf,application/json')).toBe(false);
    expect(wantsTable(undefined)).toBe(false);
  });
  it('answers aggregated discovery v2 only to clients that accept v2', () => {
    expect(wantsAggregatedDiscovery(KUBECTL_DISCOVERY)).toBe(true);
    expect(wantsAggregatedDiscovery('application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json')).toBe(false);
    expect(wantsAggregatedDiscovery('application/json')).toBe(false);
  });
  it('reads includeObject and media types', () => {
    expect(includeObjectOf('Object')).toBe('Object');
    expect(includeObjectOf(null)).toBe('Metadata');
    expect(mediaType('application/json; charset=utf-8')).toBe('application/json');
  });
});
