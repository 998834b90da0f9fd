import type { NoteDocument } from '../document/document';
import { stillToCome, toldAsDone } from './planned-procedure';
import type { Suggestion } from './schema';

/** The osteoarthritis codes of each joint an arthroplasty replaces (M16 hip, M17 knee, M19.x1 shoulder, M19.x2 elbow, M19.x7 ankle). */
const OSTEOARTHRITIS_OF: Record<string, RegExp> = {
  hip: /^M16\./,
  knee: /^M17\./,
  shoulder: /^M19\.[0-2]1/,
  elbow: /^M19\.[0-2]2/,
  ankle: /^M19\.[0-2]7/,
};
const SIDE = '(?:(right|left|bilateral|both)\\s+)?(?:total\\s+|partial\\s+)?';
const JOINT = '(hip|knee|shoulder|elbow|ankle)s?';
/** "right total knee replacement", "bilateral hip and bilateral knee replacements", "left knee arthroplasty". */
const REPLACEMENT = new RegExp(
  `\\b${SIDE}${JOINT}\\s+(?:and\\s+${SIDE}${JOINT}\\s+)?(?:joint\\s+)?(?:replacements?|arthroplast(?:y|ies))\\b`,
  'gi',
);
/** The abbreviations: total knee / hip replacement or arthroplasty. */
const ABBREVIATED = /\b(?:([Rr]ight|[Ll]eft|[Bb]ilateral)\s+)?(TKR|TKA|THR|THA)s?\b/g;

type Side = 'right' | 'left' | 'both' | 'unknown';
const sideOf = (word: string | undefined): Side =>
  !word ? 'unknown' : /^(bilateral|both)$/i.test(word) ? 'both' : (word.toLowerCase() as Side);

/**
 * The joints the note says were replaced earlier, with the side written: told as done ("status
 * post", "underwent") or listed in the past history; never the operation this note performs or plans.
 */
function replacedJoints(doc: NoteDocument): { joint: string; side: Side }[] {
  const text = doc.text;
  const earlier = (at: number) => {
    const st = doc.statements.find((s) => s.start <= at && at < s.end);
    if (!st || st.section.role === 'procedure' || stillToCome(text, at)) return false;
    return toldAsDone(text, at) || st.section.kind === 'pmh' || st.section.kind === 'psh';
  };
  const out: { joint: string; side: Side }[] = [];
  for (const m of text.matchAll(REPLACEMENT)) {
    if (!earlier(m.index)) continue;
    out.push({ joint: m[2]!.toLowerCase(), side: sideOf(m[1]) });
    if (m[4]) out.push({ joint: m[4].toLowerCase(), side: sideOf(m[3]) });
  }
  for (const m of text.matchAll(ABBREVIATED)) {
    if (!earlier(m.index)) continue;
    out.push({ joint: /^TK/.test(m[2]!) ? 'knee' : 'hip', side: sideOf(m[1]) });
  }
  return out;
}

function codeSide(title: string): Side {
  if (/\bbilateral\b/i.test(title)) return 'both';
  if (/\bright\b/i.test(title)) return 'right';
  if (/\bleft\b/i.test(title)) return 'left';
  return 'unknown';
}

/**
 * A replaced joint has no arthritis left (the prosthesis took its place): after "status post right
 * total knee replacement secondary to degenerative joint disease" the claim carries the implant's
 * status (Z96.65-, Guidelines I.C.21.c.3), not the knee's osteoarthritis. Only the replaced side
 * goes: a left knee's osteoarthritis beside a right knee replacement stays, and an unsided code
 * goes only beside an unsided replacement.
 */
export function dropReplacedJointArthritis(
  doc: NoteDocument,
  claim: Suggestion[],
): { claim: Suggestion[]; moved: Suggestion[] } {
  const candidates = claim.filter((s) => s.system === 'ICD-10-CM' && /^M1[679]\./.test(s.code));
  if (candidates.length === 0) return { claim, moved: [] };
  const replaced = replacedJoints(doc);
  if (replaced.length === 0) return { claim, moved: [] };
  const moved: Suggestion[] = [];
  const kept = claim.filter((s) => {
    if (!candidates.includes(s)) return true;
    const side = codeSide(s.description);
    const gone = replaced.some(
      (r) =>
        OSTEOARTHRITIS_OF[r.joint]!.test(s.code) &&
        (r.side === 'both' || r.side === side || (r.side === 'unknown' && side === 'unknown')),
    );
    if (!gone) return true;
    moved.push({
      ...s,
      reason: {
        ...s.reason,
        note: 'the joint was replaced: its arthritis is gone and the prosthesis is a status (Z96.6-, Guidelines I.C.21.c.3)',
      },
    });
    return false;
  });
  return { claim: kept, moved };
}
