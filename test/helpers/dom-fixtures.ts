import { readFileSync } from 'node:fs';
import path from 'node:path';

// Paths, not URLs: happy-dom replaces the URL global.
export const PAGE_FIXTURES = path.resolve('test/e2e/fixtures');

const ran = new Set<string>();

/**
 * Puts a fixture page's body into the happy-dom document. With `scripts`, its script file runs
 * once per test file (custom elements can be defined only once per window) and the SPA's app
 * element is re-created so that the defined component renders into this document.
 */
export function loadPageFixture(name: string, { scripts = false } = {}) {
  const html = readFileSync(path.join(PAGE_FIXTURES, name), 'utf8');
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
  document.body.innerHTML = body.replace(/<script[\s\S]*?<\/script>/gi, '');
  const src = /<script src="([^"]+)"/.exec(body)?.[1];
  if (!scripts || !src) return;
  if (!ran.has(src)) {
    ran.add(src);
    new Function(readFileSync(path.join(PAGE_FIXTURES, src), 'utf8'))();
  }
  document.querySelector('ehr-app')?.replaceWith(document.createElement('ehr-app'));
}
