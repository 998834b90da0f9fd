import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { compilePack } from '../../lib/pack/compile';
import { AnalyzeReplySchema, WarmReplySchema } from '../../utils/messages';
import { fixtureInputs } from '../helpers/fixtures';

/**
 * The background's analysis service (utils/background/analysis-service.ts) over the fixture pack:
 * it answers the panel's cc:analyze with a reply of the contract's schema, warms once, analyses the
 * first captured note as its warm-up (so the panel's request is an answer from memory), and
 * ignores what is not addressed to it.
 */
const NOTE = 'Assessment: Type 2 diabetes mellitus with diabetic chronic kidney disease. Essential hypertension.';
const fromTab = { tab: { id: 7 } };
let fetchMock: ReturnType<typeof vi.fn>;

beforeEach(async () => {
  const { bytes } = await compilePack(fixtureInputs('fy2026'));
  fetchMock = vi.fn(async () => new Response(bytes as Uint8Array<ArrayBuffer>));
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
  fakeBrowser.reset();
});

const service = () => import('../../utils/background/analysis-service');

describe('background analysis service', () => {
  it('answers cc:analyze with an analysis of the contract, from a pack loaded once', async () => {
    const { onBackgroundMessage } = await service();
    const request = { type: 'cc:analyze', text: NOTE, setting: 'office', dateOfService: '2026-01-15' };
    const [first, again] = await Promise.all([
      onBackgroundMessage(request, {}),
      onBackgroundMessage({ ...request, setting: 'hospital' }, {}),
    ]);
    const reply = AnalyzeReplySchema.parse(first);
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    // The reply names the pack and its releases (the panel's release line shows them before its own pack loads).
    expect(reply.pack).toMatchObject({ origin: 'bundled' });
    expect(reply.pack.releases?.some((r) => r.startsWith('ICD-10-CM'))).toBe(true);
    expect(reply.analysis.suggestions.map((s) => s.code)).toContain('E11.22');
    expect(AnalyzeReplySchema.parse(again)).toMatchObject({ ok: true, analysis: { setting: 'hospital' } });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it("warms on a captured note from a tab and keeps that note's analysis for the panel", async () => {
    const { onBackgroundMessage, analyzeInBackground } = await service();
    const note = {
      type: 'cc:note',
      captureId: 'a-1',
      frameUrl: 'https://ehr.example/chart',
      source: 'heuristic',
      label: 'note',
      text: NOTE,
      truncated: false,
      encounter: { date: '2026-01-15' },
      capturedAt: 1,
    };
    expect(onBackgroundMessage(note, fromTab)).toBeUndefined();
    expect(WarmReplySchema.parse(await onBackgroundMessage({ type: 'cc:warm' }, {}))).toMatchObject({
      ok: true,
      pack: { origin: 'bundled' },
    });
    const first = await analyzeInBackground({
      type: 'cc:analyze',
      text: NOTE,
      setting: 'office',
      dateOfService: '2026-01-15',
    });
    const second = await analyzeInBackground({
      type: 'cc:analyze',
      text: NOTE,
      setting: 'office',
      dateOfService: '2026-01-15',
    });
    expect(first.ok && second.ok && first.analysis === second.analysis).toBe(true);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('does not answer messages that are not its own, nor a note from an extension page', async () => {
    const { onBackgroundMessage } = await service();
    expect(onBackgroundMessage({ type: 'cc:highlight', captureId: 'x', spans: [] }, fromTab)).toBeUndefined();
    expect(onBackgroundMessage({ type: 'cc:note', text: NOTE }, {})).toBeUndefined();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(
      await onBackgroundMessage({ type: 'cc:analyze', text: NOTE, setting: 'clinic', dateOfService: '2026-01-15' }, {}),
    ).toBeUndefined();
  });

  it('says why in one line when the pack cannot be loaded, and retries on the next request', async () => {
    fetchMock.mockImplementationOnce(async () => new Response('', { status: 404 }));
    const { analyzeInBackground } = await service();
    const failed = await analyzeInBackground({
      type: 'cc:analyze',
      text: NOTE,
      setting: 'office',
      dateOfService: '2026-01-15',
    });
    expect(failed).toMatchObject({ ok: false, error: expect.stringMatching(/bundled code pack is missing \(404\)/) });
    expect(AnalyzeReplySchema.parse(failed).ok).toBe(false);
    const retried = await analyzeInBackground({
      type: 'cc:analyze',
      text: NOTE,
      setting: 'office',
      dateOfService: '2026-01-15',
    });
    expect(retried.ok).toBe(true);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });
});
