import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXTENSION_PAGES_CSP } from '../../wxt.config';

/*
 * Nothing leaves the device: the built extension is searched for network APIs and remote URLs.
 * Every use found must be one reviewed below (with why it sends nothing); a new one fails the
 * test until it is reviewed. The manifest's CSP (connect-src 'self') backs this up at run time.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.(js|html|json)$/.test(n) ? [p] : [];
  });
}

/** Network APIs and the uses of them the build may contain (context regexes), each reviewed. */
const NETWORK_APIS: { api: RegExp; allowed: { why: string; context: RegExp }[] }[] = [
  {
    api: /\bfetch\(/g,
    allowed: [
      {
        why: "Vite's modulepreload polyfill: fetches the extension's own chunks",
        context: /=!0;let \w+=\w+\(\w+\);fetch\(\w+\.href,\w+\)/,
      },
      {
        why: 'the bundled code pack (utils/default-pack.ts), an extension URL',
        context: /default\.ccpack`\),\w+=await fetch\(\w+\)/,
      },
    ],
  },
  // PapaParse's `download: true` mode (remote CSV); ChartCoder parses strings only, and connect-src 'self' would block it.
  {
    api: /XMLHttpRequest/g,
    allowed: [
      {
        why: 'PapaParse remote download mode, never used',
        context: /t=new XMLHttpRequest,this\._config\.withCredentials/,
      },
    ],
  },
  {
    api: /navigator\.connection/g,
    allowed: [
      {
        why: "React reads the network's estimated bandwidth (downlink) to pace Suspense; it sends nothing",
        context: /navigator\.connection&&\(\w+=navigator\.connection\.downlink/,
      },
    ],
  },
  {
    api: /\bWebSocket\b|\bEventSource\b|sendBeacon|importScripts\(|RTCPeerConnection|WebTransport|\bnew Image\(|\.src=`http/g,
    allowed: [],
  },
];

/** Hosts whose URLs appear as identifiers or documentation, never contacted: namespaces, code-system URIs, error links. */
const URL_HOSTS: Record<string, string> = {
  'schemas.openxmlformats.org': 'XLSX XML namespaces (SheetJS)',
  'sheetjs.openxmlformats.org': 'XLSX XML namespace (SheetJS)',
  'schemas.microsoft.com': 'XLSX XML namespaces (SheetJS)',
  'purl.org': 'Dublin Core namespaces in XLSX properties (SheetJS)',
  'purl.oclc.org': 'XLSX strict namespaces (SheetJS)',
  'sheetjs.com': 'SheetJS documentation link in an error message',
  'www.w3.org': 'XML / SVG namespaces',
  'json-schema.org': '$schema identifiers in Zod JSON-schema output',
  'hl7.org': 'FHIR code-system URI (icd-10-cm) in the Claim export',
  'terminology.hl7.org': 'FHIR code-system URIs in the Claim export',
  'www.ama-assn.org': 'FHIR code-system URI (CPT) in the Claim export',
  'www.cms.gov': 'FHIR code-system URIs (HCPCS, place of service) in the Claim export',
  'react.dev': 'React error-decoder link in error messages',
  'tinyurl.com': 'Dexie documentation link in an error message',
  'bit.ly': 'Dexie documentation link in an error message',
  'github.com': 'library documentation link in an error message',
  'ehr.example.org': 'placeholder text in the options page',
};

describe.each(['chrome-mv3', 'firefox-mv3'])('%s build: no network use', (target) => {
  const dir = path.join(root, '.output', target);
  const built = existsSync(path.join(dir, 'manifest.json'));
  if (!built) console.warn(`\n!!! ${dir} is missing: run "npm run build:all" first !!!\n`);

  it.skipIf(!built)(
    'the manifest restricts extension pages to the extension (connect-src self, no remote scripts)',
    () => {
      const m = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
        content_security_policy?: { extension_pages?: string };
      };
      const csp = m.content_security_policy?.extension_pages ?? '';
      expect(csp).toBe(EXTENSION_PAGES_CSP);
      expect(csp).toMatch(/(^|; )connect-src 'self'(;|$)/);
      expect(csp).toMatch(/(^|; )script-src 'self'(;|$)/);
      expect(csp).not.toMatch(/https?:|\*|unsafe-eval|unsafe-inline|data:|blob:/);
    },
  );

  it.skipIf(!built)('network APIs only where reviewed, remote URLs only as identifiers', () => {
    const unexpected: string[] = [];
    const hosts = new Set<string>();
    for (const file of files(dir)) {
      const text = readFileSync(file, 'utf8');
      const rel = path.relative(dir, file);
      for (const { api, allowed } of NETWORK_APIS) {
        for (const m of text.matchAll(api)) {
          const context = text.slice(Math.max(0, m.index - 80), m.index + 80);
          if (!allowed.some((a) => a.context.test(context)))
            unexpected.push(`${rel}: ${m[0]} in …${context.replace(/\s+/g, ' ')}…`);
        }
      }
      for (const m of text.matchAll(/\b(?:https?|wss?|ftp):\/\/([a-zA-Z0-9.-]+)/g)) {
        const host = m[1]!.toLowerCase();
        if (!host) continue;
        hosts.add(host);
        if (!URL_HOSTS[host]) unexpected.push(`${rel}: URL ${text.slice(m.index, m.index + 80)}`);
      }
    }
    expect(unexpected).toEqual([]);
    // The reviewed hosts are still there (the search itself works).
    expect(hosts.has('www.w3.org')).toBe(true);
  });
});
