// Creates a database if it does not exist: node create-database.js <admin-url> <name>
const { Client } = require('pg');
const [url, name] = process.argv.slice(2);
(async () => {
  const c = new Client({ connectionString: url });
  await c.connect();
  const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (!rowCount) await c.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  await c.end();
})().catch((e) => { console.error(e.message); process.exit(1); });
