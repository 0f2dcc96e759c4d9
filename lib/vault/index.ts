export * from './crypto';
export * from './errors';
export * from './session';
export * from './store';
export * from './types';
export * from './vault';
