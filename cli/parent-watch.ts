import { readFileSync } from 'node:fs';

/*
 * `npm run pack:default` starts npm, which starts `sh -c "node ..."`, which starts this process.
 * A SIGKILL of npm does not reach its children: sh is re-parented to init and keeps waiting, and
 * this process keeps compiling and later replaced the pack. Nothing is sent to us, so we look: the
 * chain of ancestors up to the npm process is recorded at start, and the command is "orphaned" as
 * soon as one of them is gone or has a new parent. Where /proc is missing (macOS, Windows) only
 * our own parent is watched (a dead parent re-parents us, so process.ppid changes).
 */

interface Proc {
  ppid: number;
  state: string;
  cmd: string;
}

function proc(pid: number): Proc | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so cut at the last ')'.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'latin1').replace(/\0/g, ' ');
    return { state: rest[0] ?? '', ppid: Number(rest[1]), cmd };
  } catch {
    return undefined;
  }
}

/** The ancestors to watch, nearest first: up to the npm (or npx) process when there is one. */
export function ancestorsToWatch(maxDepth = 4): { pid: number; ppid: number }[] {
  const chain: { pid: number; ppid: number }[] = [];
  const underNpm = process.env.npm_lifecycle_event !== undefined || process.env.npm_command !== undefined;
  let pid = process.ppid;
  for (let depth = 0; depth < maxDepth && pid > 1; depth++) {
    const p = proc(pid);
    if (!p) break;
    chain.push({ pid, ppid: p.ppid });
    if (!underNpm || /(^|[/ ])(npm|npx)(-cli\.js)?( |$)|npm-cli\.js|npx-cli\.js/.test(p.cmd)) break;
    pid = p.ppid;
  }
  // Not under npm, or npm not found within reach: our own parent only.
  if (!underNpm || chain.length === maxDepth) return chain.slice(0, 1);
  return chain;
}

/** Why the command lost its starter, or undefined while every watched ancestor is in place. */
export function orphaned(parent: number, chain: { pid: number; ppid: number }[]): string | undefined {
  if (process.ppid !== parent) return `its parent process (${parent}) is gone`;
  for (const a of chain) {
    const now = proc(a.pid);
    if (!now || now.state === 'Z') return `the process that started it (${a.pid}) is gone`;
    if (now.ppid !== a.ppid) return `the process that started it (${a.ppid}) is gone`;
  }
  return undefined;
}

export interface ParentWatch {
  /** Why the starter is gone (checked now), or undefined. */
  check(): string | undefined;
  stop(): void;
}

/**
 * Calls `onGone` (once) when the command's starter is gone, checking every `everyMs`. The timer
 * runs on the main thread, so the work it guards must not block it (codeset-compile.ts runs the
 * compiler in a worker thread); `check()` asks at once, e.g. just before a file is renamed into place.
 */
export function watchParent(onGone: (why: string) => void, everyMs = 250): ParentWatch {
  const parent = process.ppid;
  const chain = parent > 1 ? ancestorsToWatch() : [];
  const check = () => (parent > 1 ? orphaned(parent, chain) : undefined);
  const timer = setInterval(() => {
    const why = check();
    if (why) {
      clearInterval(timer);
      onGone(why);
    }
  }, everyMs);
  timer.unref();
  return { check, stop: () => clearInterval(timer) };
}
