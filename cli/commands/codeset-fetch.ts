export async function codesetFetch(): Promise<void> {}
