import { existsSync, mkdtempSync, readFileSync, readlinkSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { V1Pod } from '@kubernetes/client-node';
import { claimDir, containerBinds, podDir, podVolumes, projectVolume } from './volumes';
import { prepareVolumes } from './volume-setup';
import { writeAtomically } from './atomic-writer';
import { demuxBuffer } from './demux';

const pod: V1Pod = {
  metadata: { name: 'p', namespace: 'ns', uid: 'u1' },
  spec: {
    containers: [],
    volumes: [
      { name: 'scratch', emptyDir: {} },
      { name: 'host', hostPath: { path: '/srv/data', type: 'DirectoryOrCreate' } },
      { name: 'cfg', configMap: { name: 'cfg' } },
      { name: 'creds', secret: { secretName: 'creds', defaultMode: 0o400 } },
    ],
  },
};
const lookups = {
  configMap: (_ns: string, n: string) => (n === 'cfg' ? { data: { 'a.conf': 'A', b: 'B' } } : undefined),
  secret: (_ns: string, n: string) => (n === 'creds' ? { data: { token: Buffer.from('t0k').toString('base64') } } : undefined),
};

describe('volumes', () => {
  it('host folders per pod, binds honouring readOnly and subPath', () => {
    const vols = podVolumes(pod, '/data');
    expect(vols.get('scratch')!.hostPath).toBe('/data/pods/u1/volumes/empty-dir/scratch');
    expect(vols.get('host')).toMatchObject({ hostPath: '/srv/data', create: 'directory' });
    const r = containerBinds({ name: 'c', volumeMounts: [
      { name: 'scratch', mountPath: '/s' }, { name: 'cfg', mountPath: '/etc/cfg' }, { name: 'host', mountPath: '/h', subPath: 'x', readOnly: true },
    ] }, vols);
    expect(r).toEqual({ ok: true, binds: ['/data/pods/u1/volumes/empty-dir/scratch:/s:rw', '/data/pods/u1/volumes/configmap/cfg:/etc/cfg:ro', '/srv/data/x:/h:ro'] });
    expect(containerBinds({ name: 'c', volumeMounts: [{ name: 'nope', mountPath: '/x' }] }, vols).ok).toBe(false);
    expect(containerBinds({ name: 'c', volumeMounts: [{ name: 'scratch', mountPath: '/x', subPath: '../etc' }] }, vols).ok).toBe(false);
  });

  it.each([
    { name: 'all keys, default mode 0644', v: pod.spec!.volumes![2], expected: [['a.conf', 'A', 0o644], ['b', 'B', 0o644]] },
    { name: 'secret decoded, defaultMode', v: pod.spec!.volumes![3], expected: [['token', 't0k', 0o400]] },
    { name: 'items: key to path with mode', v: { name: 'x', configMap: { name: 'cfg', items: [{ key: 'b', path: 'sub/b.txt', mode: 0o600 }] } }, expected: [['sub/b.txt', 'B', 0o600]] },
  ])('projects $name', ({ v, expected }) => {
    const r = projectVolume(v, 'ns', lookups);
    expect(r.ok && r.files.map((f) => [f.path, f.content.toString(), f.mode])).toEqual(expected);
  });

  it.each([
    [{ name: 'x', configMap: { name: 'nope' } }, 'configmap "nope" not found'],
    [{ name: 'x', configMap: { name: 'cfg', items: [{ key: 'zz', path: 'zz' }] } }, "couldn't find key zz in ConfigMap ns/cfg"],
    [{ name: 'x', configMap: { name: 'cfg', items: [{ key: 'b', path: '../escape' }] } }, 'invalid path "../escape"'],
  ])('refuses %#', (v, message) => expect(projectVolume(v, 'ns', lookups)).toEqual({ ok: false, message }));

  it('a persistentVolumeClaim is a node-local folder per namespace and claim, kept when the pod goes', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'wake-pvc-'));
    const claimPod = (uid: string): V1Pod => ({
      metadata: { name: 'web-0', namespace: 'ns', uid },
      spec: { containers: [], volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data-web-0' } }, { name: 'ro', persistentVolumeClaim: { claimName: 'shared', readOnly: true } }] },
    });
    const vols = podVolumes(claimPod('u1'), dataDir);
    expect(vols.get('data')).toMatchObject({ type: 'persistentVolumeClaim', hostPath: join(dataDir, 'pvc', 'ns', 'data-web-0'), readOnly: false, create: 'directory' });
    expect(containerBinds({ name: 'c', volumeMounts: [{ name: 'data', mountPath: '/data' }, { name: 'ro', mountPath: '/ro' }] }, vols))
      .toEqual({ ok: true, binds: [`${join(dataDir, 'pvc/ns/data-web-0')}:/data:rw`, `${join(dataDir, 'pvc/ns/shared')}:/ro:ro`] });

    expect(await prepareVolumes(claimPod('u1'), dataDir, lookups)).toEqual({ ok: true });
    writeFileSync(join(claimDir(dataDir, 'ns', 'data-web-0'), 'kept'), 'hello');
    rmSync(podDir(dataDir, 'u1'), { recursive: true, force: true }); // what removePod does
    expect(await prepareVolumes(claimPod('u2'), dataDir, lookups)).toEqual({ ok: true }); // the pod again, new uid
    expect(readFileSync(join(podVolumes(claimPod('u2'), dataDir).get('data')!.hostPath, 'kept'), 'utf8')).toBe('hello');
    expect(existsSync(podDir(dataDir, 'u2'))).toBe(false); // nothing of the claim under the pod's folder
  });

  it('ignores a claim name that could escape its folder', () => {
    const v = podVolumes({ metadata: { namespace: 'ns', uid: 'u' }, spec: { containers: [], volumes: [{ name: 'x', persistentVolumeClaim: { claimName: '../../etc' } }] } }, '/data');
    expect(v.has('x')).toBe(false);
  });

  it('optional missing source projects nothing', () => {
    expect(projectVolume({ name: 'x', secret: { secretName: 'nope', optional: true } }, 'ns', lookups)).toEqual({ ok: true, files: [] });
  });

  it('writes atomically through ..data, updates and prunes removed keys', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wake-vol-'));
    const f = (path: string, s: string) => ({ path, content: Buffer.from(s), mode: 0o644 });
    expect(await writeAtomically(dir, [f('a', '1'), f('b', '2')])).toBe(true);
    expect(readFileSync(join(dir, 'a'), 'utf8')).toBe('1');
    expect(readlinkSync(join(dir, 'a'))).toBe('..data/a');
    expect(await writeAtomically(dir, [f('a', '1'), f('b', '2')])).toBe(false);
    const first = readlinkSync(join(dir, '..data'));
    expect(await writeAtomically(dir, [f('a', 'changed')])).toBe(true);
    expect(readFileSync(join(dir, 'a'), 'utf8')).toBe('changed');
    expect(readlinkSync(join(dir, '..data'))).not.toBe(first);
    expect(readdirSync(dir).sort()).toEqual(['..data', readlinkSync(join(dir, '..data')), 'a'].sort());
    expect(statSync(join(dir, 'a')).mode & 0o777).toBe(0o644);
  });
});

describe('demux', () => {
  it('splits Docker frames into stdout and stderr', () => {
    const frame = (t: number, s: string) => Buffer.concat([Buffer.from([t, 0, 0, 0, 0, 0, 0, s.length]), Buffer.from(s)]);
    const r = demuxBuffer(Buffer.concat([frame(1, 'out1 '), frame(2, 'err '), frame(1, 'out2')]));
    expect([r.stdout.toString(), r.stderr.toString(), r.combined.toString()]).toEqual(['out1 out2', 'err ', 'out1 err out2']);
  });
});
