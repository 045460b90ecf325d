import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/Button';
import { useCopy } from '@/components/useCopy';
import { saveBlob } from '@/lib/download';
import { recoveryCodesFile } from './codes';

/**
 * Fresh recovery codes, shown once: the server keeps only their hashes, so they are never shown again. Focus moves
 * here so that a keyboard or screen-reader user finds them at once; "I have saved them" hides them for good.
 */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation('account');
  const headingId = useId();
  const region = useRef<HTMLElement>(null);
  useEffect(() => region.current?.focus(), []);
  const text = recoveryCodesFile(codes, t('recoveryCodes.fileHeading'));
  const { copied, copy } = useCopy(codes.join('\n'));
  return (
    <section ref={region} tabIndex={-1} className="card one-time" aria-labelledby={headingId}>
      <h3 id={headingId} className="card__title">
        {t('recoveryCodes.title')}
      </h3>
      <p className="alert alert--info">{t('recoveryCodes.lead')}</p>
      <ul className="recovery-codes" aria-label={t('recoveryCodes.listLabel')} dir="ltr" lang="en">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <div className="row">
        <Button variant="secondary" onClick={() => saveBlob(new Blob([text], { type: 'text/plain;charset=utf-8' }), t('recoveryCodes.fileName'))}>
          {t('recoveryCodes.download')}
        </Button>
        <Button variant="secondary" onClick={() => void copy()}>
          {t('recoveryCodes.copy')}
        </Button>
        <Button onClick={onDone}>{t('recoveryCodes.saved')}</Button>
      </div>
      {copied === 'yes' ? (
        <p role="status" className="alert alert--success">
          {t('recoveryCodes.copied')}
        </p>
      ) : copied === 'failed' ? (
        <p role="status" className="alert alert--error">
          {t('recoveryCodes.copyFailed')}
        </p>
      ) : null}
    </section>
  );
}
