import { rmSync } from 'node:fs';

/*
 * What a killed command leaves behind: nothing. Temporary files and folders registered here are
 * removed on Ctrl-C, SIGTERM, SIGHUP and when the `tsx` wrapper that started this process dies
 * (`npm run cli` runs tsx, which runs the command in a child node process; a SIGKILL of the
 * wrapper used to leave the child compiling, and it later replaced the pack).
 */
const temps = new Set<string>();

export function trackTemp(path: string): void {
  temps.add(path);
}

export function untrackTemp(path: string): void {
  temps.delete(path);
}

export function removeTemps(): void {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
  temps.clear();
}

function stop(code: number, why: string): never {
  removeTemps();
  process.stderr.write(`\nstopped: ${why}\n`);
  process.exit(code);
}

let installed = false;
let wrapperPid: number | undefined;

/** Call between long synchronous steps: stops at once when the tsx wrapper is gone (timers cannot run then). */
export function checkWrapper(): void {
  if (wrapperPid !== undefined && process.ppid !== wrapperPid)
    stop(143, 'the tsx wrapper that started this command was killed');
}

/** Installs the signal handlers and the orphan guard once (cli/main.ts). */
export function installLifecycle(): void {
  if (installed) return;
  installed = true;
  process.on('SIGINT', () => stop(130, 'interrupted'));
  process.on('SIGTERM', () => stop(143, 'terminated'));
  process.on('SIGHUP', () => stop(129, 'hang-up'));
  // Under tsx's CLI wrapper (it preloads its preflight script), exit when the wrapper is gone.
  if (process.execArgv.some((a) => a.includes('tsx') && a.includes('preflight'))) {
    wrapperPid = process.ppid;
    setInterval(checkWrapper, 500).unref();
  }
}
