import type { CodePack } from '../pack/code-pack';

/*
 * Pain in a joint is part of a diagnosis of that joint (Guidelines I.B.5): "Epicondylitis, both
 * elbows" with "aches and pains of the elbows" is M77.11 + M77.12 alone, "Rotator cuff syndrome,
 * right" takes the right shoulder's pain. Read from the Tabular titles: the pain code names a
 * joint and a side ("Pain in right elbow", M25.521), the diagnosis (musculoskeletal, M00-M99 other
 * than pain codes, or an injury, S00-T14) names the same joint on the same side, both sides, or
 * no side. A diagnosis of another joint leaves the pain a finding of its own.
 */
const JOINTS = ['shoulder', 'elbow', 'wrist', 'hand', 'hip', 'knee', 'ankle', 'foot'];
const SIDE = /\b(right|left|bilateral)\b/i;
// Stiffness of a joint (M25.6-) is part of that joint's arthritis as its pain is ("left knee pain and
// stiffness" with bilateral knee osteoarthritis is M17.0 alone).
const isJointSymptomCode = (code: string) => /^M25\.[56]|^M79\.6/.test(code);
const isJointDiagnosis = (code: string) =>
  (/^M/.test(code) && !isJointSymptomCode(code) && !/^M54/.test(code)) || /^S|^T0|^T1[0-4]/.test(code);

const jointsOf = (title: string) => JOINTS.filter((j) => new RegExp(`\\b${j}s?\\b`, 'i').test(title));
const sideOf = (title: string) => SIDE.exec(title)?.[1]?.toLowerCase();

/** Why a joint-pain code is part of an established diagnosis of the same joint, or undefined. */
export function jointPainExplainedBy(pack: CodePack, pain: string, established: readonly string[]): string | undefined {
  if (!isJointSymptomCode(pain)) return undefined;
  const title = pack.codeInfo(pain)?.title ?? '';
  const joints = jointsOf(title);
  if (joints.length === 0) return undefined;
  const side = sideOf(title);
  for (const dx of established) {
    if (!isJointDiagnosis(dx)) continue;
    const dxTitle = pack.codeInfo(dx)?.title ?? '';
    if (!jointsOf(dxTitle).some((j) => joints.includes(j))) continue;
    const dxSide = sideOf(dxTitle);
    if (side && dxSide && dxSide !== 'bilateral' && dxSide !== side) continue;
    return `pain of a joint the diagnosis ${dx} names: not coded with it (Guidelines I.B.5)`;
  }
  return undefined;
}
