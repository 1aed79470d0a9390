export * from './protocol';
export * from './metrics';
