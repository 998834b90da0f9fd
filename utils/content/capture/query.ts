import { selectorParts } from '@/lib/capture/adapter-schema';

/** querySelectorAll that follows " >>> " into open shadow roots. */
export function queryAllPiercing(root: ParentNode, selector: string): Element[] {
  let scopes: ParentNode[] = [root];
  const parts = selectorParts(selector);
  parts.forEach((part, i) => {
    const found = scopes.flatMap((s) => Array.from(s.querySelectorAll(part)));
    scopes =
      i === parts.length - 1 ? found : found.map((el) => el.shadowRoot).filter((r): r is ShadowRoot => r !== null);
  });
  return scopes as Element[];
}
