import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useRef, useState, type DragEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/Button';
import { ConfirmDialog } from '@/components/ui/ConfirmDialog';
import { Badge } from '@/components/ui/Page';
import { Notice } from '@/components/ui/ProblemAlert';
import { QueryState } from '@/components/ui/QueryState';
import { Moment } from '@/components/ui/Time';
import { filesQuery, removeFile, type FileOwner, type NewFile, type StoredFile } from '@/lib/api/files';
import { useErrorText } from '@/lib/api/messages';
import { ApiProblem } from '@/lib/api/problem';
import { formatNumber } from '@/lib/format/numbers';
import { isolate } from '@/lib/i18n/text';
import { useLocale } from '@/lib/i18n/useLocale';
import { ACCEPT, formatSize, typeMark, typeName } from './fileFormat';
import { useUploads, type Upload } from './useUploads';
import './files.css';

type Props = {
  /** What the files belong to. */
  owner: FileOwner;
  /** The section's heading. */
  title: string;
  /** h2 for a card of its own (the default), h3 or h4 inside another section. */
  headingLevel?: 2 | 3 | 4;
  /** The reader may add files: what the owner's view allows (an idea's `edit`, staff on a partnership…). */
  canAdd: boolean;
  /** An idea's call is reviewed blind: the note for the submitter says what its reviewers never see. */
  blind?: boolean;
  /** Drawn as a card of its own (default), or plain inside another one. */
  framed?: boolean;
  /** For a reader who may not add: nothing at all rather than "no files yet" (a timeline's activities). */
  hideWhenEmpty?: boolean;
  /** A line under the heading (who else sees the files). */
  lead?: ReactNode;
  /** The section's name for assistive technology when its heading alone is not unique on the page. */
  label?: string;
};

/**
 * An owner's files as the reader may see them — the name as a download link, the type, the size, the description,
 * a preview of images, the marks — with, for who may add, drag and drop or a file picker, a progress bar per
 * upload with a way to cancel it, and removal after a confirmation.
 */
export function FileSection({ owner, title, headingLevel = 2, canAdd, blind = false, framed = true, hideWhenEmpty = false, lead, label }: Props) {
  const { t } = useTranslation('files');
  const files = useQuery(filesQuery(owner));
  const { uploads, said, setSaid, start, dismiss } = useUploads(owner);
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const Heading = `h${headingLevel}` as const;

  const empty = !files.data || files.data.items.length === 0;
  if (hideWhenEmpty && !canAdd && empty) return null;

  const onRemoved = (name: string) => {
    setSaid(t('remove.removed', { name: isolate(name) }));
    // The removed file's button is gone: focus the section, whose notice says what happened.
    heading.current?.focus();
  };

  return (
    <section className={framed ? 'card files' : 'files'} {...(label ? { 'aria-label': label } : { 'aria-labelledby': `${id}-title` })}>
      <Heading id={`${id}-title`} ref={heading} tabIndex={-1} className={framed ? 'card__title' : 'files__title'}>
        {title}
      </Heading>
      {lead ? <p className="muted">{lead}</p> : null}
      {canAdd && owner.kind === 'idea' ? <p className="alert alert--info">{blind ? t('idea.blindNote') : t('idea.openNote')}</p> : null}
      {said ? <Notice>{said}</Notice> : null}
      <QueryState query={files}>
        {(list) =>
          list.items.length === 0 ? (
            <p className="muted">{t('empty')}</p>
          ) : (
            <ul className="files__list" aria-label={label ?? title}>
              {list.items.map((file) => (
                <FileItem key={file.id} file={file} owner={owner} onRemoved={onRemoved} />
              ))}
            </ul>
          )
        }
      </QueryState>
      {uploads.length ? (
        <ul className="files__uploads">
          {uploads.map((upload) => (
            <UploadRow key={upload.key} upload={upload} onDismiss={() => dismiss(upload.key)} />
          ))}
        </ul>
      ) : null}
      {canAdd ? <Uploader owner={owner} onFiles={start} /> : null}
    </section>
  );
}

/** One file: its preview or type mark, the name as a link to the bytes, what it is, and its removal. */
function FileItem({ file, owner, onRemoved }: { file: StoredFile; owner: FileOwner; onRemoved: (name: string) => void }) {
  const { t } = useTranslation(['files', 'enums']);
  const { locale } = useLocale();
  const [asking, setAsking] = useState(false);
  const remove = useMutation(removeFile(owner));
  const removable = file.allowedActions.includes('remove');
  return (
    <li className="file">
      {file.previewUrl ? (
        <img className="file__preview" src={file.previewUrl} alt={t('item.preview', { name: file.name })} width={64} height={64} loading="lazy" />
      ) : (
        <span className="file__mark" aria-hidden="true">
          {typeMark(file.contentType)}
        </span>
      )}
      <div className="file__body">
        <a className="file__name" href={file.url} download={file.name}>
          <bdi>{file.name}</bdi>
        </a>
        <p className="file__meta">
          <span>{typeName(file.contentType, t)}</span>
          <span>{formatSize(file.size, locale, t)}</span>
          <span>
            {t('item.uploadedAt')} <Moment value={file.uploadedAt} style="dateTime" />
          </span>
        </p>
        {owner.kind === 'idea' || file.identifying || file.internal ? (
          <p className="file__badges">
            {owner.kind === 'idea' ? <Badge tone="neutral">{t(`enums:FileKind.${file.kind}`)}</Badge> : null}
            {file.identifying ? <Badge tone="warning">{t('item.identifying')}</Badge> : null}
            {file.internal ? <Badge tone="info">{t('item.internal')}</Badge> : null}
          </p>
        ) : null}
        {file.description ? (
          <p className="file__description" dir="auto">
            {file.description}
          </p>
        ) : null}
        {file.authorField ? (
          <p className="alert alert--warning file__author">{t(owner.kind === 'idea' ? 'item.author' : 'item.authorPlain', { author: isolate(file.authorField) })}</p>
        ) : null}
        {asking ? (
          <ConfirmDialog
            title={t('remove.title')}
            message={t('remove.question', { name: isolate(file.name) })}
            confirmLabel={t('remove.confirm')}
            busy={remove.isPending}
            error={remove.error}
            onCancel={() => {
              setAsking(false);
              remove.reset();
            }}
            onConfirm={() => remove.mutate(file, { onSuccess: () => onRemoved(file.name) })}
          />
        ) : null}
      </div>
      {removable ? (
        <div className="file__actions">
          <Button variant="quiet" aria-label={t('item.removeLabel', { name: file.name })} onClick={() => setAsking(true)}>
            {t('item.remove')}
          </Button>
        </div>
      ) : null}
    </li>
  );
}

/** An upload under way (its progress, and a way to cancel it) or failed (why, and a way to dismiss it). */
function UploadRow({ upload, onDismiss }: { upload: Upload; onDismiss: () => void }) {
  const { t } = useTranslation('files');
  const { locale } = useLocale();
  const percent = Math.round(upload.fraction * 100);
  const percentText = t('progress.percent', { n: formatNumber(percent, locale) });
  return (
    <li className="upload">
      <p className="upload__name">
        <bdi>{upload.name}</bdi> <span className="muted">({formatSize(upload.size, locale, t)})</span>
      </p>
      {upload.error ? (
        <>
          <UploadError name={upload.name} error={upload.error} />
          <div>
            <Button variant="quiet" aria-label={t('progress.dismissLabel', { name: upload.name })} onClick={onDismiss}>
              {t('progress.dismiss')}
            </Button>
          </div>
        </>
      ) : (
        <div className="upload__progress">
          <div
            className="progress"
            role="progressbar"
            aria-label={t('progress.label', { name: upload.name })}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-valuetext={percentText}
          >
            <span className="progress__bar" style={{ inlineSize: `${percent}%` }} />
          </div>
          <span className="upload__percent" aria-hidden="true">
            {percentText}
          </span>
          <Button variant="secondary" aria-label={t('progress.cancelLabel', { name: upload.name })} onClick={upload.cancel}>
            {t('progress.cancel')}
          </Button>
        </div>
      )}
    </li>
  );
}

const FIELD_LABELS = ['file', 'description', 'kind', 'identifying', 'internal'] as const;

/** Why an upload failed, in words: the problem, and each field the server named. */
function UploadError({ name, error }: { name: string; error: unknown }) {
  const { t } = useTranslation('files');
  const text = useErrorText();
  const fields = error instanceof ApiProblem ? Object.entries(error.fieldErrors) : [];
  const label = (path: string) => {
    const known = FIELD_LABELS.find((field) => field === path);
    return known ? t(`fields.${known}`) : path;
  };
  return (
    <div role="alert" className="alert alert--error">
      <p>
        <strong>{t('progress.failed', { name: isolate(name) })}</strong> {text.problem(error)}
      </p>
      {fields.length ? (
        <ul>
          {fields.map(([path, field]) => (
            <li key={path}>
              {label(path)}: {text.field(field.code, field.message, path)}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Choosing files (drag and drop, or the picker) with the marks the owner takes; each upload starts at once. */
function Uploader({ owner, onFiles }: { owner: FileOwner; onFiles: (files: File[], marks: Omit<NewFile, 'file'>) => void }) {
  const { t } = useTranslation('files');
  const id = useId();
  const picker = useRef<HTMLInputElement>(null);
  const [description, setDescription] = useState('');
  const [kind, setKind] = useState<'proposal' | 'evidence'>('proposal');
  const [identifying, setIdentifying] = useState(false);
  const [internal, setInternal] = useState(false);
  const [dragging, setDragging] = useState(false);

  const take = (list: FileList | null | undefined) => {
    const files = Array.from(list ?? []);
    if (files.length === 0) return;
    const marks: Omit<NewFile, 'file'> =
      owner.kind === 'idea'
        ? { description, kind, identifying }
        : owner.kind === 'partnership' || owner.kind === 'activity'
          ? { description, internal }
          : { description };
    onFiles(files, marks);
    setDescription('');
  };
  const over = (event: DragEvent) => {
    if (!Array.from(event.dataTransfer.types).includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };

  return (
    <fieldset className="files__add">
      <legend>{t('add.legend')}</legend>
      <div className="stack files__marks">
        {owner.kind === 'idea' ? (
          <>
            <fieldset className="files__kind">
              <legend className="field__label">{t('add.kind')}</legend>
              <label className="check">
                <input type="radio" name={`${id}-kind`} value="proposal" checked={kind === 'proposal'} onChange={() => setKind('proposal')} />
                <span>{t('add.kindProposal')}</span>
              </label>
              <label className="check">
                <input type="radio" name={`${id}-kind`} value="evidence" checked={kind === 'evidence'} onChange={() => setKind('evidence')} />
                <span>{t('add.kindEvidence')}</span>
              </label>
            </fieldset>
            <div>
              <label className="check">
                <input type="checkbox" checked={identifying} aria-describedby={`${id}-identifying`} onChange={(event) => setIdentifying(event.target.checked)} />
                <span>{t('add.identifying')}</span>
              </label>
              <p id={`${id}-identifying`} className="field__hint">
                {t('add.identifyingHint')}
              </p>
            </div>
          </>
        ) : null}
        {owner.kind === 'partnership' || owner.kind === 'activity' ? (
          <div>
            <label className="check">
              <input type="checkbox" checked={internal} aria-describedby={`${id}-internal`} onChange={(event) => setInternal(event.target.checked)} />
              <span>{t('add.internal')}</span>
            </label>
            <p id={`${id}-internal`} className="field__hint">
              {t('add.internalHint')}
            </p>
          </div>
        ) : null}
        <div className="field">
          <label className="field__label" htmlFor={`${id}-description`}>
            {t('add.description')}
          </label>
          <p id={`${id}-description-hint`} className="field__hint">
            {t('add.descriptionHint')}
          </p>
          <input
            id={`${id}-description`}
            dir="auto"
            maxLength={300}
            value={description}
            aria-describedby={`${id}-description-hint`}
            onChange={(event) => setDescription(event.target.value)}
          />
        </div>
      </div>
      <div
        className={dragging ? 'dropzone dropzone--active' : 'dropzone'}
        onDragEnter={over}
        onDragOver={over}
        onDragLeave={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          take(event.dataTransfer.files);
        }}
      >
        <p className="dropzone__text">{dragging ? t('add.dropActive') : t('add.drop')}</p>
        <Button variant="secondary" onClick={() => picker.current?.click()}>
          {t('add.choose')}
        </Button>
        <input
          ref={picker}
          type="file"
          multiple
          accept={ACCEPT}
          hidden
          tabIndex={-1}
          aria-label={t('add.choose')}
          onChange={(event) => {
            take(event.target.files);
            event.target.value = '';
          }}
        />
        <p className="field__hint">{t('add.accepted')}</p>
      </div>
    </fieldset>
  );
}
