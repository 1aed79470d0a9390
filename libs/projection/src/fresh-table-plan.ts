/** An index of the live table, as the catalog describes it. */
export interface LiveIndex {
  readonly name: string;
  /** pg_get_indexdef(): `CREATE [UNIQUE] INDEX name ON schema.table USING ...` */
  readonly definition: string;
  /** the constraint the index backs: 'p' primary key, 'u' unique, or none */
  readonly constraint?: { readonly name: string; readonly type: 'p' | 'u' };
}

/**
 * The SQL of a blue-green rebuild's tables, from the live table's catalog entries. The fresh
 * table copies the live one's columns, defaults and storage parameters; its indexes are the
 * live ones under suffixed names. The constraint indexes come first (ON CONFLICT needs the
 * primary key while the rows go in); the others are built after the bulk load, in one pass.
 * The switch renames both tables and every index, so that after it the live table and its
 * indexes have exactly the names the migrations gave them.
 */
export interface FreshTablePlan {
  readonly fresh: string;
  readonly retired: string;
  readonly create: string[];
  readonly indexesAfterLoad: string[];
  /** run in the switch transaction, in order */
  readonly switchOver: string[];
}

export function freshTablePlan(live: string, indexes: ReadonlyArray<LiveIndex>, reloptions: ReadonlyArray<string> = []): FreshTablePlan {
  const fresh = `${live}_rebuild`;
  const retired = `${live}_retired`;
  const freshName = (name: string) => `${name}_rebuild`;
  const retiredName = (name: string) => `${name}_retired`;
  for (const n of [fresh, retired, ...indexes.flatMap((i) => [freshName(i.name), retiredName(i.name)])]) {
    if (n.length > 63) throw new Error(`name too long for PostgreSQL: ${n}`);
  }
  const withOptions = reloptions.length ? ` WITH (${reloptions.join(', ')})` : '';
  const create = [
    `CREATE TABLE ${fresh} (LIKE ${live} INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING STORAGE INCLUDING COMMENTS)${withOptions}`,
  ];
  const indexesAfterLoad: string[] = [];
  for (const index of indexes) {
    const sql = retarget(index.definition, index.name, freshName(index.name), live, fresh);
    if (index.constraint) {
      create.push(sql);
      const kind = index.constraint.type === 'p' ? 'PRIMARY KEY' : 'UNIQUE';
      create.push(`ALTER TABLE ${fresh} ADD CONSTRAINT ${freshName(index.name)} ${kind} USING INDEX ${freshName(index.name)}`);
    } else {
      indexesAfterLoad.push(sql);
    }
  }
  // Renaming an index renames the constraint it backs (the migrations name both the same).
  const switchOver = [
    `ALTER TABLE ${live} RENAME TO ${retired}`,
    ...indexes.map((i) => `ALTER INDEX ${i.name} RENAME TO ${retiredName(i.name)}`),
    `ALTER TABLE ${fresh} RENAME TO ${live}`,
    ...indexes.map((i) => `ALTER INDEX ${freshName(i.name)} RENAME TO ${i.name}`),
  ];
  return { fresh, retired, create, indexesAfterLoad, switchOver };
}

/** `CREATE INDEX live_idx ON public.live USING …` → `CREATE INDEX fresh_idx ON public.fresh USING …`. */
function retarget(definition: string, from: string, to: string, live: string, fresh: string): string {
  const m = /^(CREATE (?:UNIQUE )?INDEX )(\S+)( ON (?:ONLY )?)((?:\S+\.)?)(\S+)( USING .*)$/s.exec(definition);
  if (!m || m[2] !== from || m[5] !== live) throw new Error(`unexpected index definition: ${definition}`);
  return `${m[1]}${to}${m[3]}${m[4]}${fresh}${m[6]}`;
}
