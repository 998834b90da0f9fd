import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * Issue 13: a SIGKILL to npm that lands while the command is still loading, before it records
 * its ancestors, left it watching a shell already re-parented to init: the build ran to its end.
 * Here the command is started the way such a kill leaves it (its starter gone before it looks:
 * a shell that forks it and exits), under npm's environment and without it.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const WATCH = path.join(ROOT, 'cli/parent-watch.ts');

/** What ancestorsToWatch() says in a node process that a shell started in the background and left. */
function ancestryOfOrphan(env: Record<string, string | undefined>): { chain: unknown[]; gone?: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'cc-pw-'));
  const out = path.join(dir, 'out.json');
  const script = path.join(dir, 'probe.mts');
  writeFileSync(
    script,
    `import { writeFileSync } from 'node:fs';
import { ancestorsToWatch } from ${JSON.stringify(WATCH)};
// Wait until the shell that started us is gone (we are re-parented), then look.
const t0 = Date.now();
while (process.ppid !== 1 && Date.now() - t0 < 10000) await new Promise((r) => setTimeout(r, 20));
writeFileSync(${JSON.stringify(out)}, JSON.stringify(ancestorsToWatch()));`,
  );
  const cmd = `(node --import tsx ${JSON.stringify(script)} >/dev/null 2>&1 &) ; exit 0`;
  const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('npm_')));
  spawnSync('sh', ['-c', cmd], { cwd: ROOT, env: { ...cleanEnv, ...env } });
  for (const t0 = Date.now(); Date.now() - t0 < 20_000; ) {
    try {
      return JSON.parse(readFileSync(out, 'utf8')) as { chain: unknown[]; gone?: string };
    } catch {
      spawnSync('sleep', ['0.1']);
    }
  }
  throw new Error('the probe did not answer');
}

// Re-parenting to init (pid 1) is what this container does; a machine with a subreaper (systemd
// --user) re-parents to it instead, and the walk then reaches init through it.
describe.runIf(process.platform === 'linux')('the orphan guard sees a starter gone before it looked', () => {
  it('under npm: a command whose npm is already gone is orphaned from the start', () => {
    const a = ancestryOfOrphan({ npm_lifecycle_event: 'cli', npm_command: 'run-script' });
    expect(a.gone).toMatch(/npm process that started it is gone/);
  }, 30_000);

  it('not under npm: a background command is not orphaned by having no npm above it', () => {
    const a = ancestryOfOrphan({});
    expect(a.gone).toBeUndefined();
  }, 30_000);
});
