import { headers, type NatsConnection, type Subscription } from 'nats';
import { EOF_HEADER, ERROR_CODE_HEADER, ERROR_HEADER, execSubject, logsSubject, type ExecRequest, type LogRequest } from '@wake/node-api';

/**
 * A node agent's logs/exec side reduced to a script, speaking libs/node-api's protocol over real
 * NATS: logs are `line 1..3` (then a line every 50 ms while following); exec echoes stdin upper-cased
 * to stdout, writes the command to stderr, and exits with the code given as its last argument.
 */
export function startFakeNodeAgent(nc: NatsConnection, node: string): { requests: (LogRequest | ExecRequest)[]; stop(): void } {
  const requests: (LogRequest | ExecRequest)[] = [];
  const subs: Subscription[] = [];
  const timers: NodeJS.Timeout[] = [];
  subs.push(nc.subscribe(logsSubject(node), {
    callback: (_e, m) => {
      const r = JSON.parse(m.string()) as LogRequest;
      requests.push(r);
      if (r.pod === 'missing') {
        const h = headers();
        h.set(ERROR_HEADER, `pods "missing" not found on node ${node}`);
        h.set(ERROR_CODE_HEADER, 'NotFound');
        nc.publish(r.replyTo, new Uint8Array(), { headers: h });
        return;
      }
      const lines = ['line 1', 'line 2', 'line 3'].slice(-(r.tailLines ?? 3)).map((l) => (r.timestamps ? `2026-01-01T00:00:00Z ${l}` : l));
      for (const l of lines) nc.publish(r.replyTo, `${l}\n`);
      if (!r.follow) {
        const h = headers();
        h.set(EOF_HEADER, '1');
        nc.publish(r.replyTo, new Uint8Array(), { headers: h });
        return;
      }
      let n = 4;
      const t = setInterval(() => nc.publish(r.replyTo, `line ${n++}\n`), 50);
      timers.push(t);
      subs.push(nc.subscribe(`${r.replyTo}.cancel`, { max: 1, callback: () => clearInterval(t) }));
    },
  }));
  subs.push(nc.subscribe(execSubject(node), {
    callback: (_e, m) => {
      const r = JSON.parse(m.string()) as ExecRequest;
      requests.push(r);
      m.respond(JSON.stringify({ ok: true }));
      const code = Number(r.command[r.command.length - 1]) || 0;
      nc.publish(`${r.session}.stderr`, `running ${r.command.join(' ')}\n`);
      const exit = () => nc.publish(`${r.session}.exit`, JSON.stringify({ exitCode: code }));
      if (!r.stdin) { exit(); return; }
      subs.push(nc.subscribe(`${r.session}.stdin`, {
        callback: (_e2, s) => {
          if (s.headers?.get(EOF_HEADER)) exit();
          else nc.publish(`${r.session}.stdout`, Buffer.from(s.data).toString('utf8').toUpperCase());
        },
      }));
    },
  }));
  return { requests, stop: () => { subs.forEach((s) => s.unsubscribe()); timers.forEach(clearInterval); } };
}
