import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FileSection } from '@/components/files/FileSection';
import { Badge } from '@/components/ui/Page';
import { Day } from '@/components/ui/Time';
import type { Schema } from '@/lib/api/types';
import { pick } from '@/lib/i18n/text';
import { useLocale } from '@/lib/i18n/useLocale';
import { selectedIdeaPath } from './registerQuery';

type Activity = Schema<'ActivityView'>;

const statusTone = { planned: 'info', under_way: 'warning', done: 'success', cancelled: 'neutral' } as const;

type Props = {
  activities: Activity[];
  actions?: (activity: Activity) => ReactNode;
  /** The reader records activities (staff): they add each one's documents and photographs too. */
  canAddFiles?: boolean;
};

/**
 * A city's activities, newest first, as a timeline with each one's documents and photographs (internal ones for
 * staff only, as the server lists them); staff get an action under each one.
 */
export function ActivityTimeline({ activities, actions, canAddFiles = false }: Props) {
  const { t } = useTranslation(['partnerships', 'enums']);
  const { locale } = useLocale();
  return (
    <ol className="timeline" aria-label={t('timeline.label')}>
      {activities.map((activity) => {
        const description = pick(activity.description, locale);
        const outcomes = pick(activity.outcomes, locale);
        return (
          <li key={activity.id} className="activity">
            <p className="activity__date">
              <Day value={activity.occurredOn} />
            </p>
            <h3 className="activity__title" dir="auto">{pick(activity.title, locale)}</h3>
            <p className="activity__badges">
              <Badge tone="neutral">{t(`enums:ActivityKind.${activity.kind}`)}</Badge>{' '}
              <Badge tone="neutral">{t(`enums:ActivityDirection.${activity.direction}`)}</Badge>{' '}
              <Badge tone={statusTone[activity.status]}>{t(`enums:ActivityStatus.${activity.status}`)}</Badge>
            </p>
            {description ? <p className="activity__text" dir="auto">{description}</p> : null}
            {outcomes ? (
              <div className="activity__outcomes">
                <h4>{t('timeline.outcomes')}</h4>
                <p className="activity__text" dir="auto">{outcomes}</p>
              </div>
            ) : null}
            {activity.idea ? (
              <p>
                {t('timeline.fromIdea')} <Link to={selectedIdeaPath(activity.idea.id)}>
                  <bdi>{activity.idea.title}</bdi>
                </Link>
              </p>
            ) : null}
            <FileSection
              owner={{ kind: 'activity', id: activity.id }}
              title={t('timeline.filesTitle')}
              label={t('timeline.files', { title: pick(activity.title, locale) })}
              headingLevel={4}
              framed={false}
              canAdd={canAddFiles}
              hideWhenEmpty
            />
            {actions ? <div>{actions(activity)}</div> : null}
          </li>
        );
      })}
    </ol>
  );
}
