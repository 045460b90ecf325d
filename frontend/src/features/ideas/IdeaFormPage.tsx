import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { FileSection } from '@/components/files/FileSection';
import { Page } from '@/components/ui/Page';
import { QueryState } from '@/components/ui/QueryState';
import { callQuery } from '@/lib/api/calls';
import { ideaQuery } from '@/lib/api/ideas';
import type { Schema } from '@/lib/api/types';
import { IdeaForm } from './IdeaForm';
import './ideas.css';

/** The idea's documents and evidence, added while it may still change (the server says so: `edit`). */
function IdeaFiles({ idea }: { idea: Schema<'IdeaView'> }) {
  const { t } = useTranslation('ideas');
  const call = useQuery(callQuery(idea.callId));
  return (
    <FileSection
      owner={{ kind: 'idea', id: idea.id }}
      title={t('detail.files')}
      canAdd={Boolean(idea.allowedActions?.includes('edit'))}
      blind={call.data?.blindReview ?? false}
    />
  );
}

/** A new idea. */
export function NewIdeaPage() {
  const { t } = useTranslation('ideas');
  return (
    <Page title={t('form.newTitle')} lead={t('form.lead')}>
      <IdeaForm />
    </Page>
  );
}

/** An idea of mine, to edit while its call is open. */
export function EditIdeaPage() {
  const { t } = useTranslation('ideas');
  const { id = '' } = useParams();
  const idea = useQuery(ideaQuery(id));
  return (
    <Page title={t('form.editTitle')} lead={t('form.lead')}>
      <QueryState query={idea}>
        {(data) => (
          <div className="stack">
            <IdeaForm key={data.id} idea={data} />
            <IdeaFiles idea={data} />
          </div>
        )}
      </QueryState>
    </Page>
  );
}
