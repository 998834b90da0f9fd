/**
 * CSS values that leave a box showing nothing: a clip-path or a clip rectangle that cuts it down
 * to (almost) nothing, a transform that scales it to nothing. Each takes the computed value and,
 * where the document has a layout, the box size; without one (happy-dom) only what the value
 * itself says counts.
 */

/** A computed length in px (0 when it is not a number: auto, none, empty). */
export const px = (v: string | undefined) => {
  const n = parseFloat(v ?? '');
  return Number.isNaN(n) ? 0 : n;
};

/** A length of a clip-path function: px, or a percentage of `size`. */
function len(token: string, size: number | undefined): number | undefined {
  if (token.endsWith('%'))
    return size === undefined ? (parseFloat(token) >= 50 ? Infinity : undefined) : (parseFloat(token) / 100) * size;
  const n = parseFloat(token);
  return Number.isNaN(n) ? undefined : n;
}

/**
 * True when a clip-path leaves (almost) nothing: inset() eating the box, circle()/ellipse() of
 * radius ~0, a polygon with no area. With no box size (no layout), percentages >= 50% count.
 */
export function clipPathHides(value: string, width?: number, height?: number): boolean {
  const v = value.trim().toLowerCase();
  if (!v || v === 'none') return false;
  const fn = /^(inset|circle|ellipse|polygon)\((.*)\)/.exec(v);
  if (!fn) return false;
  const args = fn[2]!.split(/\s+at\s+/)[0]!;
  if (fn[1] === 'inset') {
    const t = args
      .split(/\s+round\s+/)[0]!
      .trim()
      .split(/\s+/);
    const [a, b = a, c = a, d = b] = t as [string, string?, string?, string?];
    const top = len(a, height);
    const right = len(b!, width);
    const bottom = len(c!, height);
    const left = len(d!, width);
    if (width === undefined || height === undefined) return [top, right, bottom, left].some((x) => x === Infinity);
    const w = width - (right ?? 0) - (left ?? 0);
    const h = height - (top ?? 0) - (bottom ?? 0);
    return w <= 1 || h <= 1;
  }
  if (fn[1] === 'circle' || fn[1] === 'ellipse') {
    const radii = args.trim().split(/\s+/).filter(Boolean);
    if (!radii.length) return false;
    return radii.some((r) => {
      const n = len(r, width);
      return n !== undefined && n !== Infinity && n <= 0.5 && !/closest|farthest/.test(r);
    });
  }
  // polygon: every point the same (or on one line) means no area.
  const points = args
    .replace(/^(nonzero|evenodd)\s*,/, '')
    .split(',')
    .map((p) =>
      p
        .trim()
        .split(/\s+/)
        .map((t, i) => len(t, i === 0 ? width : height)),
    );
  if (points.some((p) => p.length !== 2 || p.some((x) => x === undefined || x === Infinity))) return false;
  const xs = points.map((p) => p[0]!);
  const ys = points.map((p) => p[1]!);
  return Math.max(...xs) - Math.min(...xs) <= 1 || Math.max(...ys) - Math.min(...ys) <= 1;
}

/** `clip: rect(top, right, bottom, left)` (absolute/fixed boxes only) that leaves ~nothing. */
export function clipRectHides(value: string, width?: number, height?: number): boolean {
  const m = /^rect\(([^)]*)\)$/.exec(value.trim().toLowerCase());
  if (!m) return false;
  const t = m[1]!.split(/[\s,]+/).filter(Boolean);
  if (t.length !== 4) return false;
  const val = (s: string, auto: number | undefined) => (s === 'auto' ? auto : px(s));
  const top = val(t[0]!, 0);
  const right = val(t[1]!, width);
  const bottom = val(t[2]!, height);
  const left = val(t[3]!, 0);
  if (top === undefined || right === undefined || bottom === undefined || left === undefined) return false;
  return right - left <= 1 || bottom - top <= 1;
}

/** True when a transform scales the box to nothing (scale(0), a matrix with a zero axis). */
export function transformHides(value: string): boolean {
  const v = value.trim().toLowerCase();
  if (!v || v === 'none') return false;
  const nums = (args: string) =>
    args
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
  let m = /^matrix\(([^)]*)\)$/.exec(v);
  if (m) {
    const [a = 1, b = 0, c = 0, d = 1] = nums(m[1]!);
    return Math.hypot(a, b) < 0.01 || Math.hypot(c, d) < 0.01;
  }
  m = /^matrix3d\(([^)]*)\)$/.exec(v);
  if (m) {
    const n = nums(m[1]!);
    return Math.hypot(n[0] ?? 1, n[1] ?? 0) < 0.01 || Math.hypot(n[4] ?? 0, n[5] ?? 1) < 0.01;
  }
  return /\bscale[xy]?\(\s*0(?:\.0*)?\s*[,)]/.test(v) || /\bscale\([^)]*,\s*0(?:\.0*)?\s*\)/.test(v);
}

/** True when the `scale` property (its first factor) scales the box to nothing. */
export function scaleHides(value: string): boolean {
  return /^0(\.0*)?(\s|$)/.test(value.trim());
}
