/**
 * Text drawn in the colour of what is behind it cannot be read: computed colours are parsed and
 * compared by the WCAG contrast ratio (relative luminance of each colour, lighter over darker).
 */

export type Rgba = [number, number, number, number];

const NAMED: Record<string, Rgba> = {
  transparent: [0, 0, 0, 0],
  white: [255, 255, 255, 1],
  black: [0, 0, 0, 1],
};

/** The canvas colour of a page in a light colour scheme (what shows where nothing is painted). */
export const WHITE: Rgba = [255, 255, 255, 1];

/** Below this ratio text is "the colour of its background" (#eee on white is 1.16). */
export const MIN_CONTRAST = 1.2;

/** Parses a computed colour (rgb()/rgba(), #hex, a few names); undefined when unknown (assume visible). */
export function parseColor(value: string): Rgba | undefined {
  const v = value.trim().toLowerCase();
  if (!v) return undefined;
  if (NAMED[v]) return NAMED[v];
  const hex = /^#([0-9a-f]{3,8})$/.exec(v)?.[1];
  if (hex) {
    const full = hex.length <= 4 ? [...hex].map((c) => c + c).join('') : hex;
    if (full.length !== 6 && full.length !== 8) return undefined;
    const n = (i: number) => parseInt(full.slice(i, i + 2), 16);
    return [n(0), n(2), n(4), full.length === 8 ? n(6) / 255 : 1];
  }
  const m = /^rgba?\(([^)]+)\)$/.exec(v);
  if (!m) return undefined;
  const parts = m[1]!.split(/[\s,/]+/).filter(Boolean);
  if (parts.length < 3) return undefined;
  const num = (p: string, scale: number) => (p.endsWith('%') ? (parseFloat(p) / 100) * scale : parseFloat(p));
  const rgb = parts.slice(0, 3).map((p) => num(p, 255));
  const alpha = parts[3] === undefined ? 1 : num(parts[3], 1);
  if ([...rgb, alpha].some((x) => Number.isNaN(x))) return undefined;
  return [rgb[0]!, rgb[1]!, rgb[2]!, alpha];
}

function luminance([r, g, b]: Rgba): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio (1 = same colour, 21 = black on white). */
export function contrast(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
