import { GatewayHarness } from '../testing/harness';
import { openStream } from '../testing/stream-client';

// Watches served from the log over HTTPS: initial ADDED, resume from a resourceVersion, selectors,
// bookmarks, timeoutSeconds and 410 Expired past retention.
let h: GatewayHarness;
beforeAll(async () => { h = await GatewayHarness.start({ bookmarkIntervalMs: 300 }); }, 60_000);
afterAll(async () => { await h?.stop(); });

const cm = (name: string, labels: Record<string, string> = {}) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, labels }, data: { a: name } });
const CMS = '/api/v1/namespaces/default/configmaps';
const parse = (lines: string[]) => lines.map((l) => JSON.parse(l) as { type: string; object: { metadata: { name: string; resourceVersion: string }; code?: number; reason?: string } });

it('starts with ADDED for current objects, then streams changes; resumes from a resourceVersion', async () => {
  const a = (await h.request('POST', CMS, cm('w-a'))).json();
  const s = await openStream(h, `${CMS}?watch=true`);
  expect(s.status).toBe(200);
  await s.waitForLines(1);
  await h.request('PATCH', `${CMS}/w-a`, { data: { a: '2' } }, { 'Content-Type': 'application/merge-patch+json' });
  await h.request('DELETE', `${CMS}/w-a`);
  const events = parse(await s.waitForLines(3));
  expect(events.map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual(['ADDED w-a', 'MODIFIED w-a', 'DELETED w-a']);
  s.close();
  const resumed = await openStream(h, `${CMS}?watch=true&resourceVersion=${a.metadata.resourceVersion}`);
  expect(parse(await resumed.waitForLines(2)).map((e) => e.type)).toEqual(['MODIFIED', 'DELETED']);
  resumed.close();
});

it('filters by label and field selectors, and sends bookmarks when allowed', async () => {
  const list = (await h.request('GET', CMS)).json();
  const s = await openStream(h, `${CMS}?watch=true&labelSelector=app%3Dweb&allowWatchBookmarks=true&resourceVersion=${list.metadata.resourceVersion}`);
  await h.request('POST', CMS, cm('w-db', { app: 'db' }));
  await h.request('POST', CMS, cm('w-web', { app: 'web' }));
  await h.request('PATCH', `${CMS}/w-web`, { metadata: { labels: { app: 'other' } } }, { 'Content-Type': 'application/merge-patch+json' });
  const seen = parse(await s.waitForLines(4)).filter((e) => e.type !== 'BOOKMARK');
  expect(seen.slice(0, 2).map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual(['ADDED w-web', 'DELETED w-web']);
  expect(s.lines.some((l) => JSON.parse(l).type === 'BOOKMARK')).toBe(true);
  s.close();
  const byName = await openStream(h, `${CMS}?watch=true&fieldSelector=metadata.name%3Dw-db`);
  expect(parse(await byName.waitForLines(1)).map((e) => e.object.metadata.name)).toEqual(['w-db']);
  byName.close();
});

it('ends the stream after timeoutSeconds and answers Tables per event when asked', async () => {
  const s = await openStream(h, `${CMS}?watch=true&timeoutSeconds=1&fieldSelector=metadata.name%3Dw-db`, { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' });
  await s.ended;
  const [first] = parse(s.lines);
  expect((first.object as unknown as { kind: string; rows: { cells: unknown[] }[] }).kind).toBe('Table');
  expect((first.object as unknown as { rows: { cells: unknown[] }[] }).rows[0].cells[0]).toBe('w-db');
});

it('answers a resourceVersion past retention with an ERROR event carrying 410 Expired', async () => {
  const last = await h.log.lastSeq();
  await (await h.nc.jetstreamManager()).streams.purge('WAKE_EVENTS', { seq: last });
  const s = await openStream(h, `${CMS}?watch=true&resourceVersion=2`);
  await s.ended;
  const [e] = parse(s.lines);
  expect(e.type).toBe('ERROR');
  expect(e.object).toMatchObject({ kind: 'Status', code: 410, reason: 'Expired' });
});
