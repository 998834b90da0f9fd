import { RELEASE_CHANNEL } from '@/utils/release-store';

/** Tells open side panels that the code sets or CPT descriptors changed, so they reload them. */
export function announceReleaseChange(): void {
  const ch = new BroadcastChannel(RELEASE_CHANNEL);
  ch.postMessage('changed');
  ch.close();
}

/** The message of a thrown value, whatever was thrown. */
export const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
