import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { filesChanged, isAbort, uploadTo, type FileOwner, type NewFile } from '@/lib/api/files';
import { isolate } from '@/lib/i18n/text';

/** One upload under way, or one that failed (its error shown until dismissed). */
export type Upload = {
  key: number;
  name: string;
  size: number;
  /** 0 to 1: how much of the request has been sent. */
  fraction: number;
  error?: unknown;
  cancel: () => void;
};

/**
 * The uploads to one owner: each chosen file starts at once with the marks chosen before it, shows its progress
 * and may be cancelled; a finished one leaves the list (the owner's list is read again), a failed one stays with
 * its error. Leaving the page cancels what is still under way.
 */
export function useUploads(owner: FileOwner) {
  const { t } = useTranslation('files');
  const client = useQueryClient();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [said, setSaid] = useState<string | null>(null);
  const next = useRef(0);
  const running = useRef(new Set<AbortController>());

  useEffect(() => {
    const controllers = running.current;
    return () => {
      for (const controller of controllers) controller.abort();
    };
  }, []);

  const start = (files: File[], marks: Omit<NewFile, 'file'>) => {
    if (files.length === 0) return;
    setSaid(null);
    for (const file of files) {
      const key = next.current++;
      const controller = new AbortController();
      running.current.add(controller);
      const update = (change: Partial<Upload>) => setUploads((list) => list.map((upload) => (upload.key === key ? { ...upload, ...change } : upload)));
      const drop = () => setUploads((list) => list.filter((upload) => upload.key !== key));
      setUploads((list) => [...list, { key, name: file.name, size: file.size, fraction: 0, cancel: () => controller.abort() }]);
      uploadTo(owner, { ...marks, file }, (progress) => update({ fraction: progress.fraction }), controller.signal)
        .then(
          (stored) => {
            drop();
            setSaid(t('progress.added', { name: isolate(stored.name) }));
            filesChanged(client, owner);
          },
          (error: unknown) => {
            if (isAbort(error)) {
              drop();
              setSaid(t('progress.cancelled', { name: isolate(file.name) }));
            } else {
              update({ error });
            }
          },
        )
        .finally(() => running.current.delete(controller));
    }
  };

  const dismiss = (key: number) => setUploads((list) => list.filter((upload) => upload.key !== key));

  return { uploads, said, setSaid, start, dismiss };
}
