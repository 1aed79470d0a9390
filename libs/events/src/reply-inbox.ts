import { performance } from 'node:perf_hooks';
import { createInbox, ErrorCode, NatsError, type Msg, type MsgHdrs, type NatsConnection, type Subscription } from 'nats';
import { PendingReplies } from './pending-replies';

/**
 * Request-reply over one wildcard inbox subscription, for JetStream publishes.
 *
 * `nc.request` (which `js.publish` uses) builds three Errors per call, each capturing a
 * stack (an async trace, the timeout's error made in advance, and a "cancelled" error when
 * the settled request is cleaned up), plus a timer and a Promise.race. On two cores at
 * concurrency 32 that was about a fifth of append's CPU. Here a request is a token, a map
 * entry and one promise; one timer expires overdue requests, and an Error is built only
 * when a request fails. Failures keep nats.js's codes: TIMEOUT, 503 (no responders),
 * CONNECTION_CLOSED, CONNECTION_DRAINING.
 */
export class ReplyInbox {
  private readonly pending = new PendingReplies<Msg>();
  private sub?: Subscription;
  private prefix = '';
  private next = 0;
  private timer?: NodeJS.Timeout;

  constructor(private readonly nc: NatsConnection, private readonly timeoutMs: number) {}

  /** Publishes `data` to `subject` with a reply subject of ours, and resolves with the reply. */
  request(subject: string, data: Uint8Array, headers?: MsgHdrs): Promise<Msg> {
    try {
      if (!this.sub) this.subscribe();
    } catch (e) {
      return Promise.reject(e);
    }
    const token = (this.next++).toString(36);
    const deadline = performance.now() + this.timeoutMs;
    const reply = this.pending.add(token, deadline);
    try {
      this.nc.publish(subject, data, { reply: this.prefix + token, headers });
    } catch (e) {
      this.pending.reject(token, e as Error);
      return reply;
    }
    if (!this.timer) this.arm(deadline);
    return reply;
  }

  /** Waits for the requests in flight (each ends by its timeout at the latest), then unsubscribes. */
  async close(): Promise<void> {
    await this.pending.whenIdle();
    clearTimeout(this.timer);
    this.timer = undefined;
    const sub = this.sub;
    this.sub = undefined;
    if (sub && !sub.isClosed() && !this.nc.isClosed()) sub.unsubscribe();
  }

  private subscribe(): void {
    const prefix = `${createInbox(inboxPrefixOf(this.nc))}.`;
    const sub = this.nc.subscribe(`${prefix}*`, {
      callback: (err, msg) => {
        if (err) this.pending.rejectAll(err);
        else this.receive(msg, prefix.length);
      },
    });
    this.prefix = prefix;
    this.sub = sub;
    void sub.closed.then(() => {
      if (this.sub === sub) this.sub = undefined;
      this.pending.rejectAll(NatsError.errorForCode(ErrorCode.ConnectionClosed));
    });
  }

  private receive(msg: Msg, prefixLength: number): void {
    const token = msg.subject.slice(prefixLength);
    // The server answers a request that nothing listens to with an empty 503 status message.
    if (msg.data.length === 0 && msg.headers?.code === 503) {
      this.pending.reject(token, NatsError.errorForCode(ErrorCode.NoResponders));
    } else {
      this.pending.resolve(token, msg);
    }
  }

  /** One timer for every request: it fires at the oldest deadline, and is re-armed for the next. */
  private arm(due: number): void {
    this.timer = setTimeout(() => this.sweep(), Math.max(1, Math.ceil(due - performance.now())));
    // Requests in flight do not keep the process alive on their own (the connection does).
    this.timer.unref();
  }

  private sweep(): void {
    this.timer = undefined;
    const next = this.pending.expire(performance.now(), () => NatsError.errorForCode(ErrorCode.Timeout));
    if (next !== undefined) this.arm(next);
  }
}

function inboxPrefixOf(nc: NatsConnection): string | undefined {
  return (nc as NatsConnection & { options?: { inboxPrefix?: string } }).options?.inboxPrefix;
}
