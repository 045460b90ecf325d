import { useState } from 'react';

/** Whether the last copy worked: `null` until the first. */
export type Copied = 'yes' | 'failed' | null;

/**
 * Copying a value shown once (a set-password link, recovery codes, a webhook secret, an API key) to the clipboard,
 * and whether it worked, so the page can say so: a browser may refuse the clipboard, and then the reader copies by hand.
 */
export function useCopy(text: string): { copied: Copied; copy: () => Promise<void> } {
  const [copied, setCopied] = useState<Copied>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return { copied, copy };
}
