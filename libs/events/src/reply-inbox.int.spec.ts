import { connect, type NatsConnection, type NatsError } from 'nats';
import { TestNatsServer } from '@wake/testing';
import { ReplyInbox } from './reply-inbox';

const text = (s: string) => new TextEncoder().encode(s);
const codeOf = (p: Promise<unknown>) => p.then(() => 'answered', (e: NatsError) => e.code);

let server: TestNatsServer;
let nc: NatsConnection;
beforeAll(async () => {
  server = await TestNatsServer.start();
  nc = await connect({ servers: server.url });
  // An echo service that answers with the request's own body, and one that never answers.
  nc.subscribe('test.echo', { callback: (_e, m) => m.respond(m.data) });
  nc.subscribe('test.silent', { callback: () => undefined });
  await nc.flush();
});
afterAll(async () => { await nc.drain(); await server.stop(); });

describe('ReplyInbox', () => {
  it('gives every one of many concurrent requests its own reply', async () => {
    const inbox = new ReplyInbox(nc, 5000);
    const replies = await Promise.all(Array.from({ length: 500 }, (_, i) => inbox.request('test.echo', text(`req-${i}`))));
    expect(replies.map((m) => m.string())).toEqual(Array.from({ length: 500 }, (_, i) => `req-${i}`));
    await inbox.close();
  });

  it('fails a request that nothing listens to with 503 (no responders), at once', async () => {
    const inbox = new ReplyInbox(nc, 5000);
    const started = Date.now();
    expect(await codeOf(inbox.request('test.nobody', text('x')))).toBe('503');
    expect(Date.now() - started).toBeLessThan(2000);
    await inbox.close();
  });

  it('times out a request that gets no reply, and still answers the next one', async () => {
    const inbox = new ReplyInbox(nc, 200);
    const started = Date.now();
    const silent = codeOf(inbox.request('test.silent', text('x')));
    const echoed = inbox.request('test.echo', text('y'));
    expect((await echoed).string()).toBe('y');
    expect(await silent).toBe('TIMEOUT');
    expect(Date.now() - started).toBeGreaterThanOrEqual(195);
    expect((await inbox.request('test.echo', text('z'))).string()).toBe('z');
    await inbox.close();
  });

  it('waits for requests in flight when closed', async () => {
    const inbox = new ReplyInbox(nc, 300);
    const silent = codeOf(inbox.request('test.silent', text('x')));
    const echoed = codeOf(inbox.request('test.echo', text('y')));
    await inbox.close();
    expect(await echoed).toBe('answered');
    expect(await silent).toBe('TIMEOUT');
  });

  it('fails requests in flight and after when the connection closes', async () => {
    const own = await connect({ servers: server.url });
    const inbox = new ReplyInbox(own, 5000);
    expect((await inbox.request('test.echo', text('a'))).string()).toBe('a');
    const inFlight = codeOf(inbox.request('test.silent', text('b')));
    await own.close();
    expect(await inFlight).toBe('CONNECTION_CLOSED');
    expect(await codeOf(inbox.request('test.echo', text('c')))).toBe('CONNECTION_CLOSED');
  });
});
