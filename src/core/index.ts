export * from './clock.js';
export * from './ids.js';
export * from './arn.js';
export * from './errors.js';
export * from './validation.js';
export * from './brand.js';
export * from './paging.js';
export * from './limits.js';
