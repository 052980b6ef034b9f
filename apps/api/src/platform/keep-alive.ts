/**
 * Runs `beat` every `everyMs` until `stop()`: how a long piece of work keeps its claim fresh (a job's
 * lease, an import's heartbeat). A beat that fails is reported and the next one tried; the timer never
 * keeps the process alive on its own.
 */
export function keepAlive(
  everyMs: number,
  beat: () => Promise<unknown>,
  onError: (error: unknown) => void,
): { stop(): void } {
  const timer = setInterval(() => void beat().catch(onError), everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
