export * from './protocol';
export * from './metrics';
export * from './node-snapshots';
