/** Kubernetes objects as JSON on the wire: client-node's types with `Date` fields as strings. */
export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

export interface TableColumnDefinition {
  readonly name: string;
  readonly type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  readonly format: string;
  readonly description: string;
  /** 0: shown by default; 1: only with `-o wide`. */
  readonly priority: number;
}

export interface TableRowCondition {
  readonly type: string;
  readonly status: string;
  readonly reason?: string;
  readonly message?: string;
}

export interface TableRow {
  readonly cells: unknown[];
  readonly conditions?: TableRowCondition[];
  readonly object?: unknown;
}

export interface Table {
  readonly kind: 'Table';
  readonly apiVersion: 'meta.k8s.io/v1';
  readonly metadata: { resourceVersion?: string; continue?: string; remainingItemCount?: number };
  readonly columnDefinitions: TableColumnDefinition[];
  readonly rows: TableRow[];
}

/** How one kind prints: its columns and, per object, the cells (all columns, as the server does). */
export interface Printer<T = any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  readonly columns: readonly TableColumnDefinition[];
  cells(object: T, now: Date): unknown[];
  conditions?(object: T): TableRowCondition[] | undefined;
}

export const NAME_DESCRIPTION =
  'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names';
export const AGE_DESCRIPTION =
  'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata';

type ColumnType = TableColumnDefinition['type'];

/** A column shown by default. */
export const col = (name: string, type: ColumnType, description: string): TableColumnDefinition =>
  ({ name, type, format: '', description, priority: 0 });

/** A column shown only with `-o wide`. */
export const wide = (name: string, type: ColumnType, description: string): TableColumnDefinition =>
  ({ name, type, format: '', description, priority: 1 });

export const NAME_COLUMN: TableColumnDefinition = { name: 'Name', type: 'string', format: 'name', description: NAME_DESCRIPTION, priority: 0 };
export const AGE_COLUMN = col('Age', 'string', AGE_DESCRIPTION);
export const CONTAINERS_COLUMN = wide('Containers', 'string', 'Names of each container in the template.');
export const IMAGES_COLUMN = wide('Images', 'string', 'Images referenced by each container in the template.');

/** layoutContainerCells: names and images joined by commas. */
export function containerCells(containers: readonly { name?: string; image?: string }[] | undefined): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name ?? '').join(','), list.map((c) => c.image ?? '').join(',')];
}
