import { useErrorText } from '@/lib/api/messages';

/** An error of a request, in words, announced to screen readers. Renders nothing without an error. */
export function ProblemAlert({ error }: { error: unknown }) {
  const text = useErrorText();
  if (!error) return null;
  return (
    <div role="alert" className="alert alert--error">
      {text.problem(error)}
    </div>
  );
}

/** A quiet confirmation that something was done. */
export function Notice({ children }: { children: React.ReactNode }) {
  return (
    <div role="status" className="alert alert--success">
      {children}
    </div>
  );
}
