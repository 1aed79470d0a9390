export * from './pg-pool';
export * from './prisma';
export * from './projection-store';
export * from './projector';
export * from './progress';
export * from './apply-batch.sql';
export * from './rebuild';
