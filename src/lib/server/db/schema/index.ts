// All tables, one file per domain. drizzle-kit reads this folder (drizzle.config.ts).
export { roles, type Role } from './columns';
export * from './accounts';
export * from './cohorts';
export * from './progress';
export * from './quiz';
export * from './assignments';
export * from './notifications';
export * from './certificates';
export * from './settings';
export * from './audit';
export * from './mail';
export * from './throttle';
export * from './privacy';
export * from './journal';
export * from './studio';
export * from './discussions';
export * from './events';
export * from './alumni';
