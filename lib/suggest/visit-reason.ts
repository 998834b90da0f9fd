import type { CodePack } from '../pack/code-pack';

interface Reasoned {
  code: string;
  role: string;
  assertion: string;
  order: number;
}

/**
 * The mention that makes a diagnostic statement's code the reason for the encounter (IV.A, IV.G):
 * the reason for the visit names the code, or names the condition without the detail the
 * assessment gives ("regarding chronic kidney disease", then "chronic kidney disease, stage 4"):
 * the category's unspecified code, or an ancestor of the code.
 */
export function reasonFor<T extends Reasoned>(pack: CodePack, code: string, own: T[], all: T[]): T | undefined {
  const stated = (m: T) => m.role === 'reason' && m.assertion === 'present';
  return (
    own.find(stated) ??
    all.find(
      (m) =>
        stated(m) &&
        m.code.slice(0, 3) === code.slice(0, 3) &&
        (code.startsWith(m.code) || /unspecified/i.test(pack.codeInfo(m.code)?.title ?? '')),
    )
  );
}
