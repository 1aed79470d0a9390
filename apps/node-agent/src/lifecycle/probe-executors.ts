import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { V1Container, V1Probe, V1LifecycleHandler } from '@kubernetes/client-node';
import type { ExecCapture } from '../runtime/exec';

/** Thin adapters that run one probe (or preStop handler) attempt: exec, httpGet, tcpSocket. */
export interface ProbeOutcome {
  readonly result: 'Success' | 'Failure';
  readonly message?: string;
}

export interface ExecRunner {
  execCapture(containerId: string, cmd: string[], timeoutMs: number): Promise<ExecCapture>;
}

export interface ProbeTarget {
  readonly containerId: string;
  readonly container: V1Container;
  /** The pod's IP: where httpGet and tcpSocket go when the probe names no host. */
  readonly podIP: string;
}

/** A named port resolves through the container's ports, as in Kubernetes. */
export function resolvePort(port: number | string | undefined, container: V1Container): number | undefined {
  if (typeof port === 'number') return port;
  if (port === undefined) return undefined;
  if (/^\d+$/.test(port)) return Number(port);
  return container.ports?.find((p) => p.name === port)?.containerPort;
}

export async function runHandler(handler: V1Probe | V1LifecycleHandler, target: ProbeTarget, runner: ExecRunner, timeoutMs: number): Promise<ProbeOutcome> {
  if (handler.exec?.command) {
    const r = await runner.execCapture(target.containerId, handler.exec.command, timeoutMs);
    if (r.timedOut) return { result: 'Failure', message: `command timed out after ${timeoutMs}ms` };
    return r.exitCode === 0 ? { result: 'Success' } : { result: 'Failure', message: `command exited ${r.exitCode}: ${(r.stdout + r.stderr).trim().slice(0, 200)}` };
  }
  if (handler.httpGet) {
    const g = handler.httpGet;
    const port = resolvePort(g.port as number | string, target.container);
    if (!port) return { result: 'Failure', message: `unknown port ${g.port}` };
    const headers = Object.fromEntries((g.httpHeaders ?? []).map((h) => [h.name, h.value]));
    return httpGetCheck({ host: g.host || target.podIP, port, path: g.path ?? '/', scheme: g.scheme === 'HTTPS' ? 'https' : 'http', headers, timeoutMs });
  }
  if (handler.tcpSocket) {
    const port = resolvePort(handler.tcpSocket.port as number | string, target.container);
    if (!port) return { result: 'Failure', message: `unknown port ${handler.tcpSocket.port}` };
    return tcpCheck({ host: handler.tcpSocket.host || target.podIP, port, timeoutMs });
  }
  return { result: 'Failure', message: 'probe has no handler' };
}

export interface HttpCheck {
  readonly host: string;
  readonly port: number;
  readonly path: string;
  readonly scheme?: 'http' | 'https';
  readonly headers?: Record<string, string>;
  readonly timeoutMs: number;
}

/** 200–399 is success (Kubernetes' rule); anything else, a timeout or a refused connection fails. */
export function httpGetCheck(c: HttpCheck): Promise<ProbeOutcome> {
  return new Promise((resolve) => {
    const lib = c.scheme === 'https' ? https : http;
    const req = lib.get(
      { host: c.host, port: c.port, path: c.path.startsWith('/') ? c.path : `/${c.path}`, headers: { 'User-Agent': 'wake-probe/1', ...c.headers }, timeout: c.timeoutMs, rejectUnauthorized: false, agent: false },
      (res) => {
        res.resume();
        const code = res.statusCode ?? 0;
        resolve(code >= 200 && code < 400 ? { result: 'Success' } : { result: 'Failure', message: `HTTP probe failed with statuscode: ${code}` });
      },
    );
    req.on('timeout', () => { req.destroy(); resolve({ result: 'Failure', message: `Get "${c.scheme ?? 'http'}://${c.host}:${c.port}${c.path}": context deadline exceeded` }); });
    req.on('error', (e) => resolve({ result: 'Failure', message: e.message }));
  });
}

export function tcpCheck(c: { host: string; port: number; timeoutMs: number }): Promise<ProbeOutcome> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: c.host, port: c.port });
    const done = (o: ProbeOutcome) => { socket.destroy(); resolve(o); };
    socket.setTimeout(c.timeoutMs, () => done({ result: 'Failure', message: `dial tcp ${c.host}:${c.port}: i/o timeout` }));
    socket.on('connect', () => done({ result: 'Success' }));
    socket.on('error', (e) => done({ result: 'Failure', message: e.message }));
  });
}
