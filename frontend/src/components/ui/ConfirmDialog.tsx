import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';
import { ProblemAlert } from './ProblemAlert';
import './confirmDialog.css';

type Props = {
  title: ReactNode;
  message: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  /** The error of the confirmed action, shown inside the dialog. */
  error?: unknown;
};

/**
 * A question before a destructive action, in place (an alert dialog beside what it is about): focus moves to its
 * safe choice, Escape cancels, and focus goes back to what opened it when it closes.
 */
export function ConfirmDialog({ title, message, confirmLabel, onConfirm, onCancel, busy = false, error }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    box.current?.querySelector<HTMLButtonElement>('[data-safe]')?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <div
      ref={box}
      role="alertdialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-message`}
      className="confirm-dialog stack"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <p id={`${id}-title`} className="confirm-dialog__title">
        {title}
      </p>
      <p id={`${id}-message`}>{message}</p>
      <ProblemAlert error={error} />
      <div className="row">
        <Button variant="danger" busy={busy} onClick={onConfirm}>
          {confirmLabel}
        </Button>
        <Button variant="secondary" data-safe="" onClick={onCancel}>
          {t('actions.cancel')}
        </Button>
      </div>
    </div>
  );
}
