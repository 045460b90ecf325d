//! What the clock's notices read: the calls still running, their drafts and pending reviews, the
//! figures of a staff digest, and who is staff.

use chrono::{DateTime, Utc};
use domain::idea::IdeaState;
use domain::notice::DigestCounts;
use domain::review::AssignmentState;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, JoinType, PaginatorTrait, QueryFilter, QuerySelect, RelationTrait,
};
use uuid::Uuid;

use crate::entities::{assignment, call, decision, idea, user};
use crate::stored::Named;

/// Calls that have opened and whose decisions are not published.
pub async fn running_calls(db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<Vec<call::Model>, DbErr> {
    call::Entity::find()
        .filter(call::Column::OpensAt.lte(now))
        .filter(call::Column::DecisionsPublishedAt.is_null())
        .all(db)
        .await
}

/// The call's drafts: (submitter, idea id, title).
pub async fn drafts(db: &impl ConnectionTrait, call_id: Uuid) -> Result<Vec<(Uuid, Uuid, String)>, DbErr> {
    idea::Entity::find()
        .select_only()
        .column(idea::Column::SubmitterId)
        .column(idea::Column::Id)
        .column(idea::Column::Title)
        .filter(idea::Column::CallId.eq(call_id))
        .filter(idea::Column::State.eq(Named(IdeaState::Draft)))
        .into_tuple()
        .all(db)
        .await
}

/// The call's reviews not submitted yet: (reviewer, idea id, title).
pub async fn pending_reviews(db: &impl ConnectionTrait, call_id: Uuid) -> Result<Vec<(Uuid, Uuid, String)>, DbErr> {
    assignment::Entity::find()
        .select_only()
        .column(assignment::Column::ReviewerId)
        .column(assignment::Column::IdeaId)
        .column(idea::Column::Title)
        .join(JoinType::InnerJoin, assignment::Relation::Idea.def())
        .filter(assignment::Column::CallId.eq(call_id))
        .filter(assignment::Column::State.eq(Named(AssignmentState::Pending)))
        .into_tuple()
        .all(db)
        .await
}

/// The figures of the call's digest: submissions since `since`, the screening backlog, the reviews and
/// the decisions.
pub async fn digest_counts(
    db: &impl ConnectionTrait,
    call_id: Uuid,
    since: DateTime<Utc>,
) -> Result<DigestCounts, DbErr> {
    let ideas = || idea::Entity::find().filter(idea::Column::CallId.eq(call_id));
    let assignments = || {
        assignment::Entity::find()
            .filter(assignment::Column::CallId.eq(call_id))
            .filter(assignment::Column::State.ne(Named(AssignmentState::Declined)))
    };
    Ok(DigestCounts {
        new_submissions: ideas().filter(idea::Column::SubmittedAt.gte(since)).count(db).await?,
        awaiting_screening: ideas()
            .filter(idea::Column::State.eq(Named(IdeaState::Submitted)))
            .count(db)
            .await?,
        reviews_submitted: assignments()
            .filter(assignment::Column::State.eq(Named(AssignmentState::Submitted)))
            .count(db)
            .await?,
        reviews_expected: assignments().count(db).await?,
        decided: decision::Entity::find()
            .filter(decision::Column::CallId.eq(call_id))
            .count(db)
            .await?,
        undecided: crate::decisions::count_undecided(db, call_id).await?,
    })
}

/// The active accounts that hold the staff or admin role.
pub async fn staff(db: &impl ConnectionTrait) -> Result<Vec<Uuid>, DbErr> {
    Ok(user::Entity::find()
        .filter(user::Column::Active.eq(true))
        .filter(
            sea_orm::Condition::any()
                .add(user::Column::Roles.like("%staff%"))
                .add(user::Column::Roles.like("%admin%")),
        )
        .all(db)
        .await?
        .into_iter()
        .filter(|u| u.roles.is_staff())
        .map(|u| u.id)
        .collect())
}
