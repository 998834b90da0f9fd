import { useEffect, useState } from 'react';
import type { Analysis } from '@/lib/suggest/schema';
import { AnalyzeReplySchema, sendRuntime, type PackRef } from '@/utils/messages';

export interface BackgroundAnalysis {
  /** What was asked: the answer is used only for this note, setting and date. */
  key: string;
  analysis?: Analysis;
  pack?: PackRef;
  /** The background could not answer (no service, an error, an invalid reply): analyse locally. */
  failed: boolean;
}

export const analysisKey = (text: string, setting: string, dateOfService: string) =>
  JSON.stringify([setting, dateOfService, text]);

/** Requests sent before the panel's hooks asked (boot.ts), by key: the hook takes its answer instead of asking again. */
const prefetched = new Map<string, Promise<unknown>>();

function askBackground(text: string, setting: 'office' | 'hospital', dateOfService: string): Promise<unknown> {
  performance.mark('cc:bg-analyze-sent');
  return sendRuntime({ type: 'cc:analyze', text, setting, dateOfService });
}

/** Asks the background for a note's analysis now (as the panel starts); the hook with the same note, setting and date takes the answer. */
export function prefetchAnalysis(text: string, setting: 'office' | 'hospital', dateOfService: string): void {
  const key = analysisKey(text, setting, dateOfService);
  if (prefetched.has(key)) return;
  const reply = askBackground(text, setting, dateOfService);
  reply.catch(() => {});
  prefetched.set(key, reply);
}

function takePrefetched(key: string): Promise<unknown> | undefined {
  const reply = prefetched.get(key);
  prefetched.delete(key);
  return reply;
}

/**
 * Chrome stops a service worker after ~30 s without events, and its warm analyzer with it: while
 * the panel is open a cc:warm every 20 s keeps it (an edit after a pause is answered at once).
 */
export function useKeepBackgroundWarm(periodMs = 20_000): void {
  useEffect(() => {
    const timer = setInterval(() => void sendRuntime({ type: 'cc:warm' }).catch(() => {}), periodMs);
    return () => clearInterval(timer);
  }, [periodMs]);
}

/**
 * The note's analysis from the background's warm analyzer (utils/background/analysis-service):
 * the first suggestions without waiting for this page's own code pack. The reply is validated
 * against the analysis schema; anything else marks the request failed and the panel analyses itself.
 */
export function useBackgroundAnalysis(
  text: string | undefined,
  setting: 'office' | 'hospital',
  dateOfService: string,
): BackgroundAnalysis | undefined {
  const [answer, setAnswer] = useState<BackgroundAnalysis>();
  useEffect(() => {
    if (!text) return;
    const key = analysisKey(text, setting, dateOfService);
    let live = true;
    (takePrefetched(key) ?? askBackground(text, setting, dateOfService))
      .then((raw) => {
        performance.mark('cc:bg-analyze-replied');
        const reply = AnalyzeReplySchema.safeParse(raw);
        if (!live) return;
        if (reply.success && reply.data.ok)
          setAnswer({ key, analysis: reply.data.analysis, pack: reply.data.pack, failed: false });
        else setAnswer({ key, failed: true });
      })
      .catch(() => live && setAnswer({ key, failed: true }));
    return () => {
      live = false;
    };
  }, [text, setting, dateOfService]);
  return answer;
}
