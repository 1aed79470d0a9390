/** discovery.k8s.io/v1 EndpointSlice (ValidateEndpointSlice): address type, addresses, ports. */
import { changed, immutable, invalid, notSupported, required, type Causes } from './causes';
import { each, ipProblems, nameMessage } from './names';
import { validateEndpointPorts } from './endpoints';
import type { Validator } from './validator';

type Obj = Record<string, any>;

const ADDRESS_TYPES = ['IPv4', 'IPv6', 'FQDN'];

export const validateEndpointSlice: Validator = (obj, ctx) => {
  const out: Causes = [];
  const type = obj.addressType;
  if (!type) out.push(required('addressType'));
  else if (!ADDRESS_TYPES.includes(type)) out.push(notSupported('addressType', type, ADDRESS_TYPES));
  (obj.endpoints ?? []).forEach((e: Obj, i: number) => {
    const p = `endpoints[${i}].addresses`;
    const addresses = (e.addresses ?? []) as string[];
    if (!addresses.length) out.push(required(p, 'must contain at least 1 address'));
    else if (addresses.length > 100) out.push(invalid(p, addresses.length, 'must contain at most 100 addresses'));
    addresses.forEach((a, j) => {
      if (type === 'FQDN') {
        const why = nameMessage(a, 'dns-subdomain');
        if (why) out.push(invalid(`${p}[${j}]`, a, why));
      } else if (type === 'IPv4' || type === 'IPv6') {
        const errs = ipProblems(a);
        const family = a.includes(':') ? 'IPv6' : 'IPv4';
        out.push(...each(`${p}[${j}]`, a, errs.length ? errs : family === type ? [] : [`must be an ${type} address`]));
      }
    });
  });
  out.push(...validateEndpointPorts(obj.ports ?? [], 'ports', false));
  if (ctx.old && changed(obj.addressType, ctx.old.addressType)) out.push(immutable('addressType', obj.addressType));
  return out;
};
