import { parseApiPath } from './parse-path';
import { HttpError } from '../http/status';

const res = (p: string) => {
  const r = parseApiPath(p);
  if (r.type !== 'resource') return r.type;
  return [r.info.kind, r.namespace, r.name, r.subresource];
};

describe('parseApiPath', () => {
  it('reads discovery paths', () => {
    expect(parseApiPath('/api')).toEqual({ type: 'root-discovery', legacy: true });
    expect(parseApiPath('/apis')).toEqual({ type: 'root-discovery', legacy: false });
    expect(parseApiPath('/api/v1')).toEqual({ type: 'version-discovery', group: '', version: 'v1' });
    expect(parseApiPath('/apis/apps')).toEqual({ type: 'group-discovery', group: 'apps' });
    expect(parseApiPath('/apis/apps/v1')).toEqual({ type: 'version-discovery', group: 'apps', version: 'v1' });
  });
  it('reads namespaced, cluster-scoped and all-namespace resource paths', () => {
    expect(res('/api/v1/namespaces/default/pods')).toEqual(['Pod', 'default', undefined, undefined]);
    expect(res('/api/v1/namespaces/default/pods/web/log')).toEqual(['Pod', 'default', 'web', 'log']);
    expect(res('/api/v1/pods')).toEqual(['Pod', undefined, undefined, undefined]);
    expect(res('/apis/apps/v1/namespaces/a/deployments/web/scale')).toEqual(['Deployment', 'a', 'web', 'scale']);
    expect(res('/api/v1/nodes/n1/status')).toEqual(['Node', undefined, 'n1', 'status']);
  });
  it('treats /api/v1/namespaces/<x> and its status as the Namespace itself', () => {
    expect(res('/api/v1/namespaces')).toEqual(['Namespace', undefined, undefined, undefined]);
    expect(res('/api/v1/namespaces/prod')).toEqual(['Namespace', undefined, 'prod', undefined]);
    expect(res('/api/v1/namespaces/prod/status')).toEqual(['Namespace', undefined, 'prod', 'status']);
    expect(res('/api/v1/namespaces/prod/finalize')).toEqual(['Namespace', undefined, 'prod', 'finalize']);
  });
  it('reports unknown resources, wrong versions and paths outside the API', () => {
    expect(res('/api/v1/namespaces/default/widgets')).toBe('unknown-resource');
    expect(res('/apis/apps/v2/deployments')).toBe('unknown-resource');
    expect(res('/api/v1/namespaces/x/nodes')).toBe('unknown-resource');
    expect(res('/healthz')).toBe('other');
  });
  it('refuses malformed percent-encoding with a 400', () => {
    let code: number | undefined;
    try { parseApiPath('/api/v1/namespaces/%zz/pods'); } catch (e) { code = (e as HttpError).status.code; }
    expect(code).toBe(400);
  });
});
