import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button } from '@/components/ui/Button';
import { useCopy } from '@/components/useCopy';

type Words = {
  title: string;
  /** What was just made, said first. */
  lead: ReactNode;
  /** That it is shown once only: said as a warning. */
  once: string;
  /** The label of the box holding the value. */
  label: string;
  copy: string;
  copied: string;
  copyFailed: string;
  done: string;
};

/**
 * A credential the server answers with once only (a webhook's signing secret, an API key's token): never stored, shown
 * in a read-only box, left to right, with a button that copies it and a warning that it cannot be seen again. Focus
 * moves to it so that a keyboard or screen-reader user finds it at once; "done" hides it for good.
 */
export function SecretOnce({ value, words, children, onDone }: { value: string; words: Words; children?: ReactNode; onDone: () => void }) {
  const headingId = useId();
  const inputId = useId();
  const region = useRef<HTMLElement>(null);
  useEffect(() => region.current?.focus(), []);
  const { copied, copy } = useCopy(value);
  return (
    <section ref={region} tabIndex={-1} className="card one-time secret-once" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {words.title}
      </h2>
      <p>{words.lead}</p>
      <p className="alert alert--info">
        <strong>{words.once}</strong>
      </p>
      <div className="field">
        <label htmlFor={inputId} className="field__label">
          {words.label}
        </label>
        <input id={inputId} readOnly dir="ltr" spellCheck={false} autoComplete="off" value={value} onFocus={(event) => event.currentTarget.select()} className="one-time__link" />
      </div>
      {children}
      <div className="row">
        <Button onClick={() => void copy()}>{words.copy}</Button>
        <Button variant="secondary" onClick={onDone}>
          {words.done}
        </Button>
      </div>
      {copied === 'yes' ? (
        <p role="status" className="alert alert--success">
          {words.copied}
        </p>
      ) : copied === 'failed' ? (
        <p role="status" className="alert alert--error">
          {words.copyFailed}
        </p>
      ) : null}
    </section>
  );
}
