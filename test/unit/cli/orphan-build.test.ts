import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * Issue 13: killing the `npm run` wrapper left the compiler running, and it later replaced the
 * pack. Here npm (which starts sh, which starts node) is killed while the compiler is busy; the
 * node process must be gone soon after, with no pack and no temporary file left in the folder.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** A synthetic PTP table (codes and dates only, no descriptors) large enough to take seconds. */
function bigPtp(rows: number): string {
  const out = ['Column 1\tColumn 2\tEffective Date\tDeletion Date\tModifier\tPTP Edit Rationale'];
  for (let i = 0; i < rows; i++)
    out.push(
      `${10000 + (i % 40000)}\t${20000 + ((i * 7) % 9000)}\t20200101\t*\t${i % 2}\tMutually exclusive procedures`,
    );
  return out.join('\n') + '\n';
}

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'latin1');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) out.push(Number(d));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'latin1'));
  } catch {
    return false;
  }
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.runIf(process.platform === 'linux')('a killed `npm run codeset build` leaves no compiler and no pack', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cc-orphan-'));
  // The quarter in the name, as official PTP files carry it: without one the build stops at once
  // ("cannot tell the NCCI quarter") and there is no compiler left to kill.
  writeFileSync(path.join(dir, 'mcr_ptp_synthetic_2024Q3.tsv'), bigPtp(1_500_000));

  // 1.5 s in: the compiler is at work; 0 ms: the kill lands while the command is still loading,
  // before it has looked at its ancestors (the case that once let a build run to its end).
  it.each([
    ['SIGKILL', 1500],
    ['SIGTERM', 1500],
    ['SIGKILL', 0],
  ] as const)(
    '%s to npm %d ms after the compiler started: it stops, the pack is not written',
    async (signal, afterMs) => {
      const name = `${signal}-${afterMs}`;
      const out = path.join(dir, `${name}.ccpack`);
      const npm = spawn('npm', ['run', '--silent', 'cli', '--', 'codeset', 'build', '--from', dir, '--out', out], {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      npm.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      // Wait until the compiler runs under npm (found by its command line, not by its progress
      // line: with CI=true the progress bar is not redrawn), then give it a moment inside the build.
      const descendants = (pid: number): number[] => childrenOf(pid).flatMap((c) => [c, ...descendants(c)]);
      const argvOf = (p: number) => {
        try {
          return readFileSync(`/proc/${p}/cmdline`, 'latin1').split('\0');
        } catch {
          return []; // gone meanwhile (tsx's esbuild helper comes and goes)
        }
      };
      let compiler: number[] = [];
      for (const t0 = Date.now(); compiler.length !== 1 && Date.now() - t0 < 60_000; await sleep(100))
        compiler = descendants(npm.pid!).filter((p) => {
          const argv = argvOf(p);
          return /(^|\/)node$/.test(argv[0] ?? '') && argv.includes('cli/main.ts');
        });
      await sleep(afterMs);
      expect(alive(compiler[0] ?? 0), stderr).toBe(true);
      if (compiler.length !== 1) npm.kill('SIGKILL');
      expect(compiler.length).toBe(1);
      npm.kill(signal);
      const killedAt = Date.now();
      // The bound is generous for a loaded 2-core CI machine (the command may still be loading its
      // modules); the message below tells the guard's stop from a build that ran to its end.
      while (alive(compiler[0]!) && Date.now() - killedAt < 20_000) await sleep(50);
      const stoppedMs = Date.now() - killedAt;
      console.log(
        `${signal} to npm ${afterMs} ms in: the compiler (pid ${compiler[0]}) was gone ${stoppedMs} ms later`,
      );
      expect(alive(compiler[0]!)).toBe(false);
      // Its stderr is still our pipe (npm passed it down): the orphan guard or the signal handler said why it stopped.
      if (signal === 'SIGKILL') expect(stderr).toMatch(/stopped: .*gone; the pack was not written/);
      // The compiler is gone, so nothing can be written later; nothing was written before.
      await sleep(2000);
      expect(readdirSync(dir).filter((n) => n.startsWith(name))).toEqual([]);
    },
    90_000,
  );
});
