/**
 * The offset map between captured text and the DOM: each run of captured text remembers the text
 * node it came from (and, where white space was collapsed or characters dropped, the raw offset of
 * each captured character), so evidence found at offsets of the text can be painted on the page
 * and the coder's selection can be turned into offsets.
 */

export interface TextSegment {
  node: Text;
  /** Offset of this segment in the captured text. */
  start: number;
  /** Length in the captured text. */
  length: number;
  /** Raw offset in node.data for each captured character, when white space was collapsed. */
  raw?: Uint32Array;
}

export interface ExtractedText {
  text: string;
  segments: TextSegment[];
  /** True when a limit stopped the walk (the text is a prefix of the rendered text). */
  truncated: boolean;
}

/** The DOM position of a captured-text offset: the segment holding it (binary search). */
export function domPosition(
  ex: ExtractedText,
  offset: number,
  preferEnd = false,
): { node: Text; offset: number } | undefined {
  const segs = ex.segments;
  let lo = 0;
  let hi = segs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segs[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset > s.start + s.length || (offset === s.start + s.length && !preferEnd)) lo = mid + 1;
    else {
      const k = offset - s.start;
      if (!s.raw) return { node: s.node, offset: k };
      if (k >= s.raw.length) return { node: s.node, offset: s.raw[s.raw.length - 1]! + 1 };
      return { node: s.node, offset: s.raw[k]! };
    }
  }
  return undefined;
}

/** Captured-text offset of a DOM position (used to turn the user's selection into offsets). */
export function textOffsetOf(ex: ExtractedText, node: Node, offset: number): number | undefined {
  for (const s of ex.segments) {
    if (s.node !== node) continue;
    if (!s.raw) return s.start + Math.min(offset, s.length);
    let k = 0;
    while (k < s.raw.length && s.raw[k]! < offset) k++;
    return s.start + k;
  }
  return undefined;
}

/** DOM ranges for a span of captured text (one range; it may cross elements). */
export function rangeFor(ex: ExtractedText, start: number, end: number): Range | undefined {
  const a = domPosition(ex, start);
  const b = domPosition(ex, end, true);
  if (!a || !b) return undefined;
  const range = a.node.ownerDocument.createRange();
  try {
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
  } catch {
    return undefined;
  }
  return range;
}
