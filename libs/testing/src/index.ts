export * from './ports';
export * from './nats-server';
export * from './postgres';
export * from './workload';
export * from './test-cluster';
export * from './docker-cleanup';
export * from './wake-cli';
