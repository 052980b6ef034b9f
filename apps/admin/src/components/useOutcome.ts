import { useState } from 'react';

/** The outcome of the last action of a small panel: what it said (green) or why it failed (red). */
export function useOutcome() {
  const [message, setMessage] = useState<{ color: string; text: string } | null>(null);
  const run = async (work: () => Promise<string>) => {
    try {
      setMessage({ color: 'green', text: await work() });
    } catch (error) {
      setMessage({ color: 'red', text: (error as Error).message });
    }
  };
  return { message, run };
}
