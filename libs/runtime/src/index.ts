export * from './informer';
export * from './work-queue';
export * from './leader-lease';
export * from './connect';
