export * from './backoff';
export * from './restart';
export * from './probe-state';
export * from './probe-executors';
export * from './container-problem';
export * from './container-status';
export * from './pod-status';
export * from './plan-pod';
