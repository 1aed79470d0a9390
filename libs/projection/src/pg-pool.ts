import pg from 'pg';

const NAME_OID = 19;
const CHAR_OID = 18;
const TEXT_OID = 25;

/**
 * Prisma 6.19's pg adapter cannot read columns of the catalog types `name` and `"char"`
 * (prisma/orm#27403), which `prisma migrate` meets when it inspects the database. This
 * client reports those columns as text, which is what they hold.
 */
function asText(r: pg.QueryResult | undefined): pg.QueryResult | undefined {
  for (const f of r?.fields ?? []) if (f.dataTypeID === NAME_OID || f.dataTypeID === CHAR_OID) f.dataTypeID = TEXT_OID;
  return r;
}

class CatalogTextClient extends pg.Client {
  override query(...args: unknown[]): any {
    const last = args.length - 1;
    if (typeof args[last] === 'function') {
      const callback = args[last] as (e: Error | null, r?: pg.QueryResult) => void;
      args[last] = (e: Error | null, r?: pg.QueryResult) => callback(e, asText(r));
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      return (result as Promise<pg.QueryResult>).then(asText);
    }
    return result;
  }
}

/** A pg pool from a URL, with host/port/user/database as separate fields (toolchain.md, bug 3). */
export function createPool(databaseUrl: string, max = 10): pg.Pool {
  const url = new URL(databaseUrl);
  const pool = new pg.Pool({
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: url.pathname.slice(1),
    max,
    Client: CatalogTextClient,
  });
  // An idle connection that the server drops (restart, failover) must not crash the process:
  // the pool discards it and the next query opens a new one.
  pool.on('error', () => undefined);
  return pool;
}
