import type { EndpointSlice, Endpoints, ServicePort } from '../wire';

/** What a node agent may hand the proxy and DNS per Service: its EndpointSlices, or its core Endpoints. */
export type EndpointSource = EndpointSlice | Endpoints;

/** One address serving one Service port. `ready`: take traffic; `serving && terminating`: only as a last resort. */
export interface PortEndpoint {
  readonly ip: string;
  readonly port: number;
  readonly ready: boolean;
  readonly serving: boolean;
  readonly terminating: boolean;
  readonly hostname?: string;
}

const samePort = (name: string | undefined, protocol: string | undefined, sp: ServicePort) =>
  (name ?? '') === (sp.name ?? '') && (protocol ?? 'TCP') === (sp.protocol ?? 'TCP');

/** The endpoints of one Service port across its sources, de-duplicated by address and port. */
export function endpointsForPort(sources: readonly EndpointSource[], sp: ServicePort): PortEndpoint[] {
  const out = new Map<string, PortEndpoint>();
  const put = (e: PortEndpoint) => { if (!out.has(`${e.ip}:${e.port}`)) out.set(`${e.ip}:${e.port}`, e); };
  for (const src of sources) {
    if (src.kind === 'EndpointSlice') {
      const s = src as EndpointSlice;
      if (s.addressType && s.addressType !== 'IPv4') continue;
      const port = (s.ports ?? []).find((p) => samePort(p.name, p.protocol, sp))?.port;
      if (port === undefined || port === null) continue;
      for (const e of s.endpoints ?? []) {
        const c = e.conditions ?? {};
        const ready = c.ready !== false; // nil means ready
        const serving = c.serving ?? ready;
        for (const ip of e.addresses.slice(0, 1)) put({ ip, port, ready, serving, terminating: !!c.terminating, ...(e.hostname ? { hostname: e.hostname } : {}) });
      }
    } else {
      for (const subset of (src as Endpoints).subsets ?? []) {
        const port = (subset.ports ?? []).find((p) => samePort(p.name, p.protocol, sp))?.port;
        if (port === undefined) continue;
        for (const a of subset.addresses ?? []) put({ ip: a.ip, port, ready: true, serving: true, terminating: false, ...(a.hostname ? { hostname: a.hostname } : {}) });
      }
    }
  }
  return [...out.values()];
}

/** The addresses a Service's pods have, for DNS: ready ones (with hostnames), port-independent. */
export function readyAddresses(sources: readonly EndpointSource[]): Array<{ ip: string; hostname?: string }> {
  const out = new Map<string, { ip: string; hostname?: string }>();
  for (const src of sources) {
    if (src.kind === 'EndpointSlice') {
      for (const e of (src as EndpointSlice).endpoints ?? []) {
        if (e.conditions?.ready === false) continue;
        const ip = e.addresses[0];
        if (ip && !out.has(ip)) out.set(ip, { ip, ...(e.hostname ? { hostname: e.hostname } : {}) });
      }
    } else {
      for (const subset of (src as Endpoints).subsets ?? []) {
        for (const a of subset.addresses ?? []) if (!out.has(a.ip)) out.set(a.ip, { ip: a.ip, ...(a.hostname ? { hostname: a.hostname } : {}) });
      }
    }
  }
  return [...out.values()];
}

/** Groups EndpointSlices (by their kubernetes.io/service-name label) and Endpoints (by name) per Service key. */
export function groupByService(sources: readonly EndpointSource[]): Map<string, EndpointSource[]> {
  const out = new Map<string, EndpointSource[]>();
  for (const s of sources) {
    const name = s.kind === 'EndpointSlice' ? s.metadata?.labels?.['kubernetes.io/service-name'] : s.metadata?.name;
    if (!name) continue;
    const key = `${s.metadata?.namespace ?? ''}/${name}`;
    out.set(key, [...(out.get(key) ?? []), s]);
  }
  return out;
}
