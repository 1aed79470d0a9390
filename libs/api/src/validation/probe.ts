/**
 * Probes and lifecycle handlers: exactly one handler, valid ports, non-negative timings, and
 * successThreshold 1 for liveness and startup probes.
 */
import { forbidden, invalid, nonNegative, oneOf, required, type Causes } from './causes';
import { PORT_RANGE, each, isValidPort, portNameProblems } from './names';

type Obj = Record<string, any>;
const HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc', 'sleep'] as const;

/** A port given as a number (1-65535) or a named port (IANA_SVC_NAME). */
export function validatePortNumOrName(port: unknown, field: string): Causes {
  if (port === undefined || port === null || port === '') return [required(field)];
  if (typeof port === 'string') return each(field, port, portNameProblems(port));
  return isValidPort(port) ? [] : [invalid(field, port, PORT_RANGE)];
}

export function validateHandler(h: Obj | undefined, path: string): Causes {
  if (!h) return [];
  const present = HANDLERS.filter((k) => h[k] !== undefined && h[k] !== null);
  if (!present.length) return [required(path, 'must specify a handler type')];
  const out: Causes = present.slice(1).map((k) => forbidden(`${path}.${k}`, 'may not specify more than 1 handler type'));
  const kind = present[0];
  const v = h[kind] as Obj;
  if (kind === 'exec' && !(Array.isArray(v.command) && v.command.length)) out.push(required(`${path}.exec.command`));
  if (kind === 'httpGet') {
    out.push(...validatePortNumOrName(v.port, `${path}.httpGet.port`));
    out.push(...oneOf(`${path}.httpGet.scheme`, v.scheme, ['HTTP', 'HTTPS']));
  }
  if (kind === 'tcpSocket') out.push(...validatePortNumOrName(v.port, `${path}.tcpSocket.port`));
  if (kind === 'grpc' && !isValidPort(v.port)) out.push(invalid(`${path}.grpc.port`, v.port ?? 0, PORT_RANGE));
  if (kind === 'sleep') out.push(...nonNegative(`${path}.sleep.seconds`, v.seconds));
  return out;
}

export function validateProbe(p: Obj | undefined, path: string, successMustBeOne: boolean): Causes {
  if (!p) return [];
  const out = validateHandler(p, path);
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold', 'terminationGracePeriodSeconds']) {
    out.push(...nonNegative(`${path}.${f}`, p[f]));
  }
  if (successMustBeOne && p.successThreshold !== undefined && p.successThreshold !== 1) {
    out.push(invalid(`${path}.successThreshold`, p.successThreshold, 'must be 1'));
  }
  return out;
}
