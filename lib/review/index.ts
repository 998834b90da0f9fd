export * from './state';
export * from './reducer';
export * from './selectors';
export * from './claim-codes';
