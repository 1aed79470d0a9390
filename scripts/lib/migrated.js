// Exits 0 when every migration in prisma/migrations is applied to DATABASE_URL, 1 otherwise,
// so setup can skip `prisma migrate deploy` (which lingers ~10 s) when there is nothing to do.
const fs = require('fs');
const path = require('path');
const { Client } = require('pg');
const dir = path.join(__dirname, '../../prisma/migrations');
const wanted = fs.readdirSync(dir).filter((d) => fs.statSync(path.join(dir, d)).isDirectory());
(async () => {
  const c = new Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  try {
    const { rows } = await c.query('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL');
    const applied = new Set(rows.map((r) => r.migration_name));
    process.exit(wanted.every((m) => applied.has(m)) ? 0 : 1);
  } catch {
    process.exit(1);
  } finally {
    await c.end().catch(() => {});
  }
})();
