import { promises as fs } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ProjectedFile } from './volumes';

/**
 * Writes a configMap/secret volume atomically, the way the kubelet's AtomicWriter does: the
 * files go into a fresh `..<timestamp>` folder, then the `..data` symlink is swapped to it with
 * one rename, and each top-level entry is a symlink through `..data`. A reader sees the old set
 * or the new set, never a mix. Returns false when the content was already current.
 */
export async function writeAtomically(dir: string, files: readonly ProjectedFile[], now = new Date()): Promise<boolean> {
  await fs.mkdir(dir, { recursive: true });
  const dataLink = join(dir, '..data');
  const current = await fs.readlink(dataLink).catch(() => undefined);
  if (current && (await sameContent(join(dir, current), files))) return false;

  const version = `..${now.toISOString().replace(/[:.]/g, '_')}.${process.pid}.${Math.random().toString(36).slice(2, 8)}`;
  const target = join(dir, version);
  await fs.mkdir(target, { mode: 0o755 });
  for (const f of files) {
    const p = join(target, f.path);
    await fs.mkdir(dirname(p), { recursive: true });
    await fs.writeFile(p, f.content, { mode: f.mode });
    await fs.chmod(p, f.mode);
  }
  const tmpLink = join(dir, '..data_tmp');
  await fs.rm(tmpLink, { force: true });
  await fs.symlink(version, tmpLink);
  await fs.rename(tmpLink, dataLink);

  const top = new Set(files.map((f) => f.path.split('/')[0]));
  for (const name of top) {
    const link = join(dir, name);
    const existing = await fs.readlink(link).catch(() => undefined);
    if (existing !== join('..data', name)) {
      await fs.rm(link, { force: true, recursive: true });
      await fs.symlink(join('..data', name), link);
    }
  }
  for (const entry of await fs.readdir(dir)) {
    if (entry.startsWith('..') ? entry !== '..data' && entry !== version : !top.has(entry)) {
      await fs.rm(join(dir, entry), { force: true, recursive: true });
    }
  }
  return true;
}

async function sameContent(folder: string, files: readonly ProjectedFile[]): Promise<boolean> {
  const existing = await listFiles(folder).catch(() => undefined);
  if (!existing || existing.length !== files.length) return false;
  for (const f of files) {
    const p = join(folder, f.path);
    const [buf, st] = await Promise.all([fs.readFile(p).catch(() => undefined), fs.stat(p).catch(() => undefined)]);
    if (!buf || !st || !buf.equals(f.content) || (st.mode & 0o777) !== f.mode) return false;
  }
  return true;
}

async function listFiles(folder: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(folder, { withFileTypes: true })) {
    if (e.isDirectory()) out.push(...(await listFiles(join(folder, e.name), join(prefix, e.name))));
    else out.push(join(prefix, e.name));
  }
  return out;
}
