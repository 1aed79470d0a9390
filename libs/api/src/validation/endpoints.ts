/** core/v1 Endpoints (ValidateEndpoints): addresses are IPs, ports in range and named when several. */
import { duplicate, invalid, oneOf, required, type Causes } from './causes';
import { PORT_RANGE, each, ipProblems, isValidPort, nameCauses } from './names';
import type { Validator } from './validator';

type Obj = Record<string, any>;

export const validateEndpoints: Validator = (obj) => {
  const out: Causes = [];
  (obj.subsets ?? []).forEach((s: Obj, i: number) => {
    const p = `subsets[${i}]`;
    if (!(s.addresses ?? []).length && !(s.notReadyAddresses ?? []).length) {
      out.push(required(p, 'must specify `addresses` or `notReadyAddresses`'));
    }
    for (const list of ['addresses', 'notReadyAddresses']) {
      (s[list] ?? []).forEach((a: Obj, j: number) => {
        if (!a.ip) out.push(required(`${p}.${list}[${j}].ip`));
        else out.push(...each(`${p}.${list}[${j}].ip`, a.ip, ipProblems(a.ip)));
        if (a.nodeName) out.push(...nameCauses(`${p}.${list}[${j}].nodeName`, a.nodeName, 'dns-subdomain'));
      });
    }
    out.push(...validateEndpointPorts(s.ports ?? [], `${p}.ports`));
  });
  return out;
};

/** Ports of Endpoints and EndpointSlices: range, protocol, names (required when several, unique). */
export function validateEndpointPorts(ports: Obj[], path: string, requireName = ports.length > 1): Causes {
  const out: Causes = [];
  const names = new Set<string>();
  ports.forEach((port, i) => {
    const p = `${path}[${i}]`;
    if (requireName && !port.name) out.push(required(`${p}.name`));
    else if (port.name) {
      out.push(...nameCauses(`${p}.name`, port.name, 'dns-label'));
      if (names.has(port.name)) out.push(duplicate(`${p}.name`, port.name));
      names.add(port.name);
    }
    if (port.port !== undefined && port.port !== null && !isValidPort(port.port)) out.push(invalid(`${p}.port`, port.port, PORT_RANGE));
    out.push(...oneOf(`${p}.protocol`, port.protocol, ['SCTP', 'TCP', 'UDP']));
  });
  return out;
}
