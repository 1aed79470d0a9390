import { freshTablePlan } from './fresh-table-plan';

const indexes = [
  { name: 'api_objects_pkey', definition: 'CREATE UNIQUE INDEX api_objects_pkey ON public.api_objects USING btree (kind, namespace, name)', constraint: { name: 'api_objects_pkey', type: 'p' as const } },
  { name: 'api_objects_kind_node_name_idx', definition: 'CREATE INDEX api_objects_kind_node_name_idx ON public.api_objects USING btree (kind, node_name)' },
];

describe('freshTablePlan', () => {
  const plan = freshTablePlan('api_objects', indexes, ['fillfactor=70']);

  it('copies the table with its storage parameters and builds the primary key before the load', () => {
    expect(plan.fresh).toBe('api_objects_rebuild');
    expect(plan.create).toEqual([
      'CREATE TABLE api_objects_rebuild (LIKE api_objects INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING STORAGE INCLUDING COMMENTS) WITH (fillfactor=70)',
      'CREATE UNIQUE INDEX api_objects_pkey_rebuild ON public.api_objects_rebuild USING btree (kind, namespace, name)',
      'ALTER TABLE api_objects_rebuild ADD CONSTRAINT api_objects_pkey_rebuild PRIMARY KEY USING INDEX api_objects_pkey_rebuild',
    ]);
    expect(plan.indexesAfterLoad).toEqual(['CREATE INDEX api_objects_kind_node_name_idx_rebuild ON public.api_objects_rebuild USING btree (kind, node_name)']);
  });

  it('switches by renaming, leaving the live names exactly as the migrations made them', () => {
    expect(plan.switchOver).toEqual([
      'ALTER TABLE api_objects RENAME TO api_objects_retired',
      'ALTER INDEX api_objects_pkey RENAME TO api_objects_pkey_retired',
      'ALTER INDEX api_objects_kind_node_name_idx RENAME TO api_objects_kind_node_name_idx_retired',
      'ALTER TABLE api_objects_rebuild RENAME TO api_objects',
      'ALTER INDEX api_objects_pkey_rebuild RENAME TO api_objects_pkey',
      'ALTER INDEX api_objects_kind_node_name_idx_rebuild RENAME TO api_objects_kind_node_name_idx',
    ]);
  });

  it('refuses an index definition it does not understand rather than build a different index', () => {
    expect(() => freshTablePlan('api_objects', [{ name: 'x', definition: 'CREATE INDEX y ON public.api_objects USING btree (kind)' }])).toThrow(/unexpected index definition/);
    expect(() => freshTablePlan('t'.repeat(60), [])).toThrow(/too long/);
  });
});
