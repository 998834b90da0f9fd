// Worker entry: the CLI's TypeScript runs through tsx, which a worker thread must register itself.
import { tsImport } from 'tsx/esm/api';

await tsImport('./codeset-compile-thread.ts', import.meta.url);
