import fs from 'node:fs';
import path from 'node:path';
import { GatewayHarness } from '../testing/harness';
import { BAD_NAME, UNKNOWN_FIELD, WRONG_TYPE } from './manifests';
import { kubectlRunner } from './kubectl';

// An invalid manifest fails with kubectl's usual error naming the field, and the log has no new event.
let h: GatewayHarness;
let kubectl: ReturnType<typeof kubectlRunner>;
beforeAll(async () => { h = await GatewayHarness.start(); kubectl = kubectlRunner(h.kubeconfig); }, 60_000);
afterAll(async () => { await h?.stop(); });

const cases: [string, string, RegExp][] = [
  ['wrong type', WRONG_TYPE, /Error from server \(BadRequest\): (error when creating ".*": )?Deployment in version "v1" cannot be handled as a Deployment: .*spec\.replicas.* must be of type integer/],
  ['unknown field', UNKNOWN_FIELD, /Error from server \(BadRequest\): (error when creating ".*": )?Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec\.replicaz"/],
  ['bad name', BAD_NAME, /The Deployment "Bad_Name" is invalid: metadata\.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/],
];

it.each(cases)('refuses a manifest with a %s and appends nothing', async (_what, manifest, message) => {
  const f = path.join(h.home, `bad-${Math.random().toString(36).slice(2)}.yaml`);
  fs.writeFileSync(f, manifest);
  const before = await h.log.lastSeq();
  for (const verb of [['apply', '-f', f], ['create', '-f', f], ['apply', '--server-side', '-f', f]]) {
    const r = await kubectl(verb);
    expect(r.code).toBe(1);
    expect(r.stderr.replace('error when patching', 'error when creating')).toMatch(message);
  }
  expect(await h.log.lastSeq()).toBe(before);
});

it('refuses oversized, malformed and undecodable bodies with a Status before appending', async () => {
  const before = await h.log.lastSeq();
  const big = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'big' }, data: { x: 'a'.repeat(4 * 1024 * 1024) } };
  const tooLarge = await h.request('POST', '/api/v1/namespaces/default/configmaps', big);
  expect([tooLarge.status, tooLarge.json().reason]).toEqual([413, 'RequestEntityTooLarge']);
  const malformed = await h.request('POST', '/api/v1/namespaces/default/configmaps', '{"apiVersion":');
  expect([malformed.status, malformed.json().reason]).toEqual([400, 'BadRequest']);
  const proto = await h.request('POST', '/api/v1/namespaces/default/configmaps', Buffer.from('k8s\0'), { 'Content-Type': 'application/vnd.kubernetes.protobuf' });
  expect([proto.status, proto.json().reason]).toEqual([400, 'BadRequest']); // an envelope without a kind
  // a Protobuf generator whose object is invalid: the same 422 as for JSON (kubectl create configmap sends Protobuf)
  const invalid = await kubectl(['create', 'configmap', 'Bad_Name', '--from-literal=a=b']);
  expect(invalid.stderr).toMatch(/ConfigMap "Bad_Name" is invalid: metadata\.name: Invalid value/);
  expect(await h.log.lastSeq()).toBe(before);
});
