export { humanDuration, timestampSince } from './human-duration';
export { toTable, printerFor, type IncludeObject, type ToTableOptions } from './to-table';
export type { Table, TableColumnDefinition, TableRow, TableRowCondition, Printer, Wire } from './table-types';
