import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Page } from '@/components/ui/Page';
import { QueryState } from '@/components/ui/QueryState';
import { ideaQuery } from '@/lib/api/ideas';
import { IdeaForm } from './IdeaForm';
import './ideas.css';

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
      <QueryState query={idea}>{(data) => <IdeaForm key={data.id} idea={data} />}</QueryState>
    </Page>
  );
}
