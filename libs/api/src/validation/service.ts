/** core/v1 Service (ValidateService, ValidateServiceUpdate, and the NodePort range of the allocator). */
import { changed, duplicate, forbidden, invalid, notSupported, oneOf, required, type Causes } from './causes';
import { validateLabels } from './object-meta';
import { PORT_RANGE, each, ipProblems, isValidPort, nameCauses, nameMessage } from './names';
import { validatePortNumOrName } from './probe';
import type { Validator } from './validator';

type Obj = Record<string, any>;

export const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
export const NODE_PORT_RANGE = { min: 30000, max: 32767 } as const;

export const validateService: Validator = (obj, ctx) => {
  const spec = (obj.spec ?? {}) as Obj;
  const type = spec.type ?? 'ClusterIP';
  const out: Causes = [];
  if (!SERVICE_TYPES.includes(type)) out.push(notSupported('spec.type', type, SERVICE_TYPES));
  const headless = spec.clusterIP === 'None';
  const ports = (spec.ports ?? []) as Obj[];
  if (type === 'ExternalName') {
    if (!spec.externalName) out.push(required('spec.externalName'));
    else {
      const why = nameMessage(String(spec.externalName).replace(/\.$/, ''), 'dns-subdomain');
      if (why) out.push(invalid('spec.externalName', spec.externalName, why));
    }
  } else if (!ports.length && !headless) {
    out.push(required('spec.ports'));
  }
  out.push(...validatePorts(ports, type));
  out.push(...validateClusterIPs(spec, type));
  out.push(...validateLabels(spec.selector, 'spec.selector'));
  out.push(...oneOf('spec.sessionAffinity', spec.sessionAffinity, ['ClientIP', 'None']));
  out.push(...oneOf('spec.ipFamilyPolicy', spec.ipFamilyPolicy, ['SingleStack', 'PreferDualStack', 'RequireDualStack']));
  (spec.ipFamilies ?? []).forEach((f: unknown, i: number) => out.push(...oneOf(`spec.ipFamilies[${i}]`, f, ['IPv4', 'IPv6'])));
  out.push(...oneOf('spec.internalTrafficPolicy', spec.internalTrafficPolicy, ['Cluster', 'Local']));
  out.push(...oneOf('spec.externalTrafficPolicy', spec.externalTrafficPolicy, ['Cluster', 'Local']));
  const oldIP = ctx.old?.spec?.clusterIP;
  if (oldIP && spec.clusterIP && changed(spec.clusterIP, oldIP) && type !== 'ExternalName' && ctx.old?.spec?.type !== 'ExternalName') {
    out.push(invalid('spec.clusterIPs[0]', spec.clusterIPs ?? [spec.clusterIP], 'may not change once set'));
  }
  return out;
};

function validatePorts(ports: Obj[], type: string): Causes {
  const out: Causes = [];
  const names = new Set<string>();
  const nodePorts = new Set<string>();
  ports.forEach((sp, i) => {
    const p = `spec.ports[${i}]`;
    if (ports.length > 1 && !sp.name) out.push(required(`${p}.name`));
    else if (sp.name) {
      const errs = nameCauses(`${p}.name`, sp.name, 'dns-label');
      out.push(...errs);
      if (!errs.length && names.has(sp.name)) out.push(duplicate(`${p}.name`, sp.name));
      names.add(sp.name);
    }
    if (!isValidPort(sp.port)) out.push(invalid(`${p}.port`, sp.port ?? 0, PORT_RANGE));
    out.push(...oneOf(`${p}.protocol`, sp.protocol, ['SCTP', 'TCP', 'UDP']));
    if (sp.targetPort !== undefined && sp.targetPort !== 0) out.push(...validatePortNumOrName(sp.targetPort, `${p}.targetPort`));
    if (sp.nodePort) {
      if (type !== 'NodePort' && type !== 'LoadBalancer') {
        out.push(forbidden(`${p}.nodePort`, `may not be used when \`type\` is '${type}'`));
      } else if (!(sp.nodePort >= NODE_PORT_RANGE.min && sp.nodePort <= NODE_PORT_RANGE.max)) {
        out.push(invalid(`${p}.nodePort`, sp.nodePort, `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_RANGE.min}-${NODE_PORT_RANGE.max}`));
      }
      const key = `${sp.nodePort}/${sp.protocol ?? 'TCP'}`;
      if (nodePorts.has(key)) out.push(duplicate(`${p}.nodePort`, key));
      nodePorts.add(key);
    }
  });
  return out;
}

function validateClusterIPs(spec: Obj, type: string): Causes {
  const ips: unknown[] = spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : []);
  if (spec.clusterIP && ips.length && ips[0] !== spec.clusterIP) {
    return [invalid('spec.clusterIPs', ips, 'first value must match `clusterIP`')];
  }
  const out: Causes = [];
  if (type === 'ExternalName' && ips.length && ips[0] !== '') {
    return [forbidden('spec.clusterIPs', 'may not be set for ExternalName services')];
  }
  ips.forEach((ip, i) => {
    const field = `spec.clusterIPs[${i}]`;
    if (ip === 'None') {
      if (i > 0 || ips.length > 1) out.push(invalid(field, ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
      else if (type !== 'ClusterIP') out.push(invalid('spec.clusterIPs[0]', ip, `may not be set to 'None' for ${type} services`));
      return;
    }
    out.push(...each(field, ip, ipProblems(String(ip))));
  });
  return out;
}
