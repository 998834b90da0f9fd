/** Pages tell each other when the active release changed (options -> open side panels). Its own module: a page can listen without loading the pack code. */
export const RELEASE_CHANNEL = 'chartcoder-release';
