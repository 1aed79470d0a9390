export * from './actor';
export * from './node-restriction';
export * from './prepare-create';
export * from './prepare-update';
export * from './plan-delete';
export * from './object-store';
export * from './invalid';
export * from './same-json';
