//! Reviews: one per assignment, saved as a draft and submitted, and the rows the ranking and the idea's
//! readers need. Saving is an upsert on the assignment, so concurrent saves can never make two reviews.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use domain::review::{AssignmentState, Recommendation};
use domain::reviewer::Organisation;
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict, Order};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, FromQueryResult, JoinType, QueryFilter, QueryOrder, QuerySelect,
    RelationTrait, Set,
};
use uuid::Uuid;

use crate::entities::review::{ActiveModel, Column, Entity as Reviews, Model as Review, Relation};
use crate::entities::{assignment, reviewer, user};
use crate::stored::{Json, Named};

/// What a reviewer writes.
#[derive(Debug, Clone, Default)]
pub struct ReviewContent {
    pub scores: BTreeMap<String, i32>,
    pub comment_to_staff: Option<String>,
    pub comment_to_submitter: Option<String>,
    pub recommendation: Option<Recommendation>,
}

/// Saves the review of `assignment`: a draft, or (with `submit`) its submission. A draft never overwrites
/// a submitted review: then nothing changes and the answer is `None`.
pub async fn save(
    db: &impl ConnectionTrait,
    assignment: &assignment::Model,
    content: ReviewContent,
    submit: bool,
    now: DateTime<Utc>,
) -> Result<Option<Review>, DbErr> {
    let model = ActiveModel {
        id: Set(Uuid::now_v7()),
        assignment_id: Set(assignment.id),
        call_id: Set(assignment.call_id),
        idea_id: Set(assignment.idea_id),
        reviewer_id: Set(assignment.reviewer_id),
        scores: Set(Json(content.scores)),
        comment_to_staff: Set(content.comment_to_staff),
        comment_to_submitter: Set(content.comment_to_submitter),
        recommendation: Set(content.recommendation.map(Named)),
        submitted_at: Set(submit.then_some(now)),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    };
    let mut on_conflict = OnConflict::column(Column::AssignmentId);
    on_conflict
        .update_columns([
            Column::Scores,
            Column::CommentToStaff,
            Column::CommentToSubmitter,
            Column::Recommendation,
            Column::UpdatedAt,
        ])
        .value(Column::Version, Expr::col((Reviews, Column::Version)).add(1));
    if submit {
        on_conflict.update_column(Column::SubmittedAt);
    } else {
        on_conflict.action_and_where(Expr::col((Reviews, Column::SubmittedAt)).is_null());
    }
    let affected = Reviews::insert(model)
        .on_conflict(on_conflict.to_owned())
        .exec_without_returning(db)
        .await?;
    if affected == 0 {
        return Ok(None);
    }
    find_by_assignment(db, assignment.id).await
}

pub async fn find_by_assignment(db: &impl ConnectionTrait, assignment_id: Uuid) -> Result<Option<Review>, DbErr> {
    Reviews::find()
        .filter(Column::AssignmentId.eq(assignment_id))
        .one(db)
        .await
}

/// Deletes the review of an assignment (a draft left when staff unassign).
pub async fn delete_of_assignment(db: &impl ConnectionTrait, assignment_id: Uuid) -> Result<(), DbErr> {
    Reviews::delete_many()
        .filter(Column::AssignmentId.eq(assignment_id))
        .exec(db)
        .await
        .map(|_| ())
}

/// A submitted review that counts, with who wrote it.
#[derive(Debug, Clone, FromQueryResult)]
pub struct ReviewRow {
    #[sea_orm(nested)]
    pub review: Review,
    pub reviewer_name: String,
    /// The author's organisation (None without a reviewer profile).
    pub reviewer_organisation: Option<Named<Organisation>>,
}

/// Submitted reviews whose assignment still counts (not declined), with their authors.
fn counted() -> sea_orm::Select<Reviews> {
    Reviews::find()
        .join(JoinType::InnerJoin, Relation::Reviewer.def())
        .join(JoinType::InnerJoin, assignment_relation())
        .join(JoinType::LeftJoin, reviewer_relation())
        .column_as(user::Column::DisplayName, "reviewer_name")
        .column_as(reviewer::Column::Organisation, "reviewer_organisation")
        .filter(Column::SubmittedAt.is_not_null())
        .filter(Expr::col((assignment::Entity, assignment::Column::State)).eq(AssignmentState::Submitted.as_str()))
}

fn assignment_relation() -> sea_orm::RelationDef {
    Reviews::belongs_to(assignment::Entity)
        .from(Column::AssignmentId)
        .to(assignment::Column::Id)
        .into()
}

fn reviewer_relation() -> sea_orm::RelationDef {
    Reviews::belongs_to(reviewer::Entity)
        .from(Column::ReviewerId)
        .to(reviewer::Column::UserId)
        .into()
}

/// The submitted reviews of an idea that count, in the order they were first saved.
pub async fn of_idea(db: &impl ConnectionTrait, idea_id: Uuid) -> Result<Vec<ReviewRow>, DbErr> {
    counted()
        .filter(Column::IdeaId.eq(idea_id))
        .order_by(Column::CreatedAt, Order::Asc)
        .order_by(Column::Id, Order::Asc)
        .into_model::<ReviewRow>()
        .all(db)
        .await
}

/// Every submitted review of a call that counts: one statement, for the ranking.
pub async fn of_call(db: &impl ConnectionTrait, call_id: Uuid) -> Result<Vec<ReviewRow>, DbErr> {
    counted()
        .filter(Column::CallId.eq(call_id))
        .order_by(Column::IdeaId, Order::Asc)
        .order_by(Column::ReviewerId, Order::Asc)
        .into_model::<ReviewRow>()
        .all(db)
        .await
}

/// Whether any review of the call has been submitted (what locks its rubric).
pub async fn any_submitted_in_call(db: &impl ConnectionTrait, call_id: Uuid) -> Result<bool, DbErr> {
    Ok(Reviews::find()
        .select_only()
        .column(Column::Id)
        .filter(Column::CallId.eq(call_id))
        .filter(Column::SubmittedAt.is_not_null())
        .into_tuple::<Uuid>()
        .one(db)
        .await?
        .is_some())
}

pub use crate::entities::review::Model;
