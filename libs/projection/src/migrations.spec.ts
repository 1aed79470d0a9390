import fs from 'node:fs';
import path from 'node:path';

// `prisma migrate deploy` through the pg driver adapter (what setup runs) splits a migration on every
// semicolon, comments included: a `;` in a comment breaks the deploy on every fresh machine, while the
// tests' own migrate() (one query per file) would never notice.
describe('prisma/migrations', () => {
  const dir = path.resolve(__dirname, '../../../prisma/migrations');
  const migrations = fs.readdirSync(dir).filter((d) => fs.statSync(path.join(dir, d)).isDirectory());

  it.each(migrations)('%s has no semicolon inside a comment', (m) => {
    const lines = fs.readFileSync(path.join(dir, m, 'migration.sql'), 'utf8').split('\n');
    const bad = lines.map((l, i) => [i + 1, l] as const).filter(([, l]) => /--.*;/.test(l) || /\/\*[\s\S]*;/.test(l));
    expect(bad).toEqual([]);
  });
});
