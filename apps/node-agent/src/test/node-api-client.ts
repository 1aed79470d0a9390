import type { NatsConnection } from 'nats';
import { createInbox } from 'nats';
import { EOF_HEADER, ERROR_HEADER, execSubject, logsSubject, type ExecExit, type ExecStarted, type LogRequest } from '@wake/node-api';

/** The gateway's side of libs/node-api, as small as the agent's tests need. */
export async function fetchLogs(nc: NatsConnection, node: string, req: Omit<LogRequest, 'replyTo'>, opts: { timeoutMs?: number; onChunk?: (s: string) => void } = {}): Promise<{ text: string; error?: string }> {
  const replyTo = createInbox();
  const sub = nc.subscribe(replyTo);
  nc.publish(logsSubject(node), new TextEncoder().encode(JSON.stringify({ ...req, replyTo })));
  const chunks: Buffer[] = [];
  const timer = setTimeout(() => sub.unsubscribe(), opts.timeoutMs ?? 10_000);
  try {
    for await (const m of sub) {
      const err = m.headers?.get(ERROR_HEADER);
      if (err) return { text: Buffer.concat(chunks).toString(), error: err };
      if (m.headers?.get(EOF_HEADER)) break;
      chunks.push(Buffer.from(m.data));
      opts.onChunk?.(Buffer.from(m.data).toString());
    }
  } finally {
    clearTimeout(timer);
    sub.unsubscribe();
  }
  return { text: Buffer.concat(chunks).toString() };
}

export async function runExec(nc: NatsConnection, node: string, ref: { namespace: string; pod: string; uid: string; container?: string }, command: string[], stdin?: string): Promise<{ started: ExecStarted; stdout: string; stderr: string; exit?: ExecExit }> {
  const session = createInbox();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const so = nc.subscribe(`${session}.stdout`, { callback: (_e, m) => out.push(Buffer.from(m.data)) });
  const se = nc.subscribe(`${session}.stderr`, { callback: (_e, m) => err.push(Buffer.from(m.data)) });
  const exitSub = nc.subscribe(`${session}.exit`, { max: 1 });
  try {
    const reply = await nc.request(execSubject(node), new TextEncoder().encode(JSON.stringify({ ...ref, session, command, stdin: stdin !== undefined, stdout: true, stderr: true, tty: false })), { timeout: 10_000 });
    const started = JSON.parse(new TextDecoder().decode(reply.data)) as ExecStarted;
    if (!started.ok) return { started, stdout: '', stderr: '' };
    if (stdin !== undefined) {
      nc.publish(`${session}.stdin`, new TextEncoder().encode(stdin));
      const { headers } = await import('nats');
      const h = headers();
      h.set(EOF_HEADER, '1');
      nc.publish(`${session}.stdin`, new Uint8Array(0), { headers: h });
    }
    let exit: ExecExit | undefined;
    const timer = setTimeout(() => exitSub.unsubscribe(), 15_000);
    for await (const m of exitSub) exit = JSON.parse(new TextDecoder().decode(m.data)) as ExecExit;
    clearTimeout(timer);
    return { started, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString(), exit };
  } finally {
    so.unsubscribe();
    se.unsubscribe();
    exitSub.unsubscribe();
  }
}
