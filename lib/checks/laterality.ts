import type { NoteDocument } from '../document/document';
import type { CodePack } from '../pack/code-pack';
import { BODY_SITES } from './tables';

export type Side = 'right' | 'left' | 'bilateral';

/** "unspecified knee", "unspecified side", "unspecified radius": the words an unspecified-side title uses. */
const UNSPECIFIED_SITE =
  'side|eye|ear|limb|arm|leg|hand|foot|knee|hip|shoulder|elbow|wrist|ankle|breast|kidney|lung|ovary|testis|finger|thumb|toe|upper|lower|radius|ulna|femur|tibia|fibula|humerus|clavicle|scapula|thigh|forearm|lower leg|upper arm';

/** The side a code title states: right, left, bilateral; 'unspecified' for an unspecified-side code. */
export function sideOfTitle(title: string): Side | 'unspecified' | undefined {
  if (/\bbilateral\b/i.test(title)) return 'bilateral';
  const right = /\bright\b/i.test(title);
  const left = /\bleft\b/i.test(title);
  if (right && !left) return 'right';
  if (left && !right) return 'left';
  if (new RegExp(`\\bunspecified (${UNSPECIFIED_SITE})\\b`, 'i').test(title)) return 'unspecified';
  return undefined;
}

/** The body sites a code title names (data/body-sites.json). */
export function sitesOfTitle(title: string): typeof BODY_SITES {
  return BODY_SITES.filter((s) => new RegExp(`\\b(${s.title})\\b`, 'i').test(title));
}

export interface SideMention {
  side: Side;
  start: number;
  end: number;
  text: string;
}

const SIDE_WORD = '(right|left|bilateral(?:ly)?|both|R|L|rt\\.?|lt\\.?)';
const sideOf = (w: string): Side =>
  /^(r|rt\.?|right)$/i.test(w) ? 'right' : /^(l|lt\.?|left)$/i.test(w) ? 'left' : 'bilateral';

/**
 * Where the note gives a side for one of the sites: "left knee", "right distal radius", "both
 * elbows", "knee, left", "bilateral knees". History, family and medication statements are not read.
 */
export function sideMentions(doc: NoteDocument, sites: typeof BODY_SITES, roles?: readonly string[]): SideMention[] {
  if (sites.length === 0) return [];
  const site = `(?:${sites.map((s) => s.note).join('|')})`;
  const before = new RegExp(`\\b${SIDE_WORD}\\s+(?:[a-z-]+\\s+){0,3}?${site}\\b`, 'gi');
  const after = new RegExp(`\\b${site}s?,?\\s+(?:on the\\s+)?(right|left|bilateral(?:ly)?)\\b`, 'gi');
  const out: SideMention[] = [];
  for (const st of doc.statements) {
    const role = st.section.role;
    if (
      roles
        ? !roles.includes(role)
        : role === 'history' || role === 'family' || role === 'medications' || role === 'allergies' || role === 'social'
    )
      continue;
    const text = doc.view.slice(st.start, st.end);
    for (const re of [before, after]) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const word = m[1]!;
        // A capital R/L alone counts only in upper case ("L knee"), never the word "l" in prose.
        if (/^[rl]$/.test(word)) continue;
        const start = st.start + m.index;
        out.push({
          side: sideOf(word),
          start,
          end: start + m[0].length,
          text: doc.text.slice(start, start + m[0].length),
        });
      }
    }
  }
  return out;
}

/**
 * The code of the same family for another side: the code whose title is this one's with the side
 * words changed (M17.11 right knee -> M17.12 left knee; S52.501A -> S52.502A), searched in the
 * category. Undefined when the classification has no such code.
 */
export function codeForSide(pack: CodePack, code: string, side: Side): string | undefined {
  const info = pack.codeInfo(code);
  if (!info) return undefined;
  const wanted = info.title
    .replace(new RegExp(`\\bunspecified (${UNSPECIFIED_SITE})\\b`, 'i'), (_m, w: string) => `${side} ${w}`)
    .replace(/\b(right|left|bilateral)\b/i, side)
    .toLowerCase();
  const category = code.slice(0, 3);
  const queue = [category];
  for (let seen = 0; queue.length && seen < 4000; seen++) {
    const c = pack.codeInfo(queue.shift()!);
    if (!c) continue;
    for (const child of c.children) {
      if (child.billable && child.title.toLowerCase() === wanted && child.code.length === info.code.length)
        return child.code;
      if (!child.billable) queue.push(child.code);
    }
  }
  // Bilateral: the classification may say "bilateral <site>" or "<condition> of bilateral <site>".
  return undefined;
}
