export * from './state';
export * from './reducer';
export * from './selectors';
