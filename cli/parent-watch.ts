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

/** The package manager's own process: npm/npx (by name or title), or the script npm_execpath names (yarn, pnpm). */
function isPackageManager(cmd: string): boolean {
  if (/(^|[/ ])(npm|npx|yarn|pnpm)(-cli\.js|\.c?js)?( |$)/.test(cmd)) return true;
  const execPath = process.env.npm_execpath;
  return Boolean(execPath && cmd.includes(execPath));
}

export interface Ancestry {
  /** The ancestors to watch, nearest first: up to the package manager when there is one. */
  chain: { pid: number; ppid: number }[];
  /** Set when the command runs under a package manager that is already gone. */
  gone?: string;
}

/**
 * The ancestors to watch. Under npm (its environment variables are set), the walk up from our
 * parent must meet the npm process before it reaches init: reaching init without it means npm was
 * killed before this process could look (the kill came while the command was still loading), and
 * the command is orphaned from the start. npm not found within `maxDepth` (an unusual starter):
 * our own parent only.
 */
export function ancestorsToWatch(maxDepth = 4): Ancestry {
  const chain: { pid: number; ppid: number }[] = [];
  const underNpm = process.env.npm_lifecycle_event !== undefined || process.env.npm_command !== undefined;
  let pid = process.ppid;
  for (let depth = 0; depth < maxDepth; depth++) {
    if (pid <= 1) {
      // Init itself may be the package manager (npm as a container's first process).
      const init = underNpm ? proc(1) : undefined;
      if (underNpm && !(init && isPackageManager(init.cmd)))
        return { chain, gone: 'the npm process that started it is gone' };
      return { chain };
    }
    const p = proc(pid);
    if (!p) break;
    chain.push({ pid, ppid: p.ppid });
    if (!underNpm || isPackageManager(p.cmd)) return { chain: underNpm ? chain : chain.slice(0, 1) };
    pid = p.ppid;
  }
  return { chain: chain.slice(0, 1) };
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
  const { chain, gone } = ancestorsToWatch();
  const check = () => gone ?? (parent > 1 ? orphaned(parent, chain) : undefined);
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
