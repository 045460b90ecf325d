//! What a call's ranking is computed from, read in a fixed number of statements whatever the size of the
//! call: the call, its rubric, the ideas that reached the jury with their decisions, the counted reviews, and
//! the assignments counted by state.

use domain::idea::IdeaState;
use domain::review::{AssignmentState, DecisionOutcome};
use sea_orm::sea_query::Order;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, FromQueryResult, JoinType, QueryFilter, QueryOrder, QuerySelect,
};
use uuid::Uuid;

use crate::entities::{assignment, decision, idea};
use crate::stored::Named;

/// The states of an idea that reached the jury: those the ranking lists.
pub const RANKED_STATES: [IdeaState; 5] = [
    IdeaState::Shortlisted,
    IdeaState::InReview,
    IdeaState::Reviewed,
    IdeaState::Selected,
    IdeaState::NotSelected,
];

/// An idea as the ranking lists it, with its decision's outcome (pending or published) if there is one.
#[derive(Debug, Clone, FromQueryResult)]
pub struct RankedIdea {
    pub id: Uuid,
    pub title: String,
    pub state: Named<IdeaState>,
    pub decision: Option<Named<DecisionOutcome>>,
}

/// Everything the ranking of one call needs.
#[derive(Debug, Clone)]
pub struct RankingInputs {
    pub call: crate::calls::Model,
    pub rubric: crate::rubrics::Model,
    pub ideas: Vec<RankedIdea>,
    pub reviews: Vec<crate::reviews::ReviewRow>,
    /// How many of the call's assignments are in each state.
    pub assignments: Vec<(Named<AssignmentState>, i64)>,
}

/// What reading a call's ranking inputs found.
#[derive(Debug, Clone)]
pub enum Loaded {
    NoCall,
    /// The call, which has no rubric yet.
    NoRubric(Box<crate::calls::Model>),
    Ready(Box<RankingInputs>),
}

/// Reads what the ranking of a call needs, in five statements at most whatever the number of ideas and
/// reviews:
/// 1. the call (`calls::find_by_id`);
/// 2. its rubric (`rubrics::find`);
/// 3. its ideas with the jury, with their decisions' outcomes (`ideas_with_decisions`: one SELECT with a LEFT
///    JOIN on decisions);
/// 4. its counted reviews with their authors (`reviews::of_call`);
/// 5. its assignments counted by state (`assignment_counts`: one GROUP BY).
///
/// A missing call stops after the first, a missing rubric after the second.
pub async fn load(db: &impl ConnectionTrait, call_id: Uuid) -> Result<Loaded, DbErr> {
    let Some(call) = crate::calls::find_by_id(db, call_id).await? else {
        return Ok(Loaded::NoCall);
    };
    let Some(rubric) = crate::rubrics::find(db, call_id).await? else {
        return Ok(Loaded::NoRubric(Box::new(call)));
    };
    let ideas = ideas_with_decisions(db, call_id).await?;
    let reviews = crate::reviews::of_call(db, call_id).await?;
    let assignments = assignment_counts(db, call_id).await?;
    Ok(Loaded::Ready(Box::new(RankingInputs {
        call,
        rubric,
        ideas,
        reviews,
        assignments,
    })))
}

fn decision_relation() -> sea_orm::RelationDef {
    idea::Entity::belongs_to(decision::Entity)
        .from(idea::Column::Id)
        .to(decision::Column::IdeaId)
        .into()
}

/// The call's ideas that reached the jury, each with its decision's outcome: one statement, oldest first.
pub async fn ideas_with_decisions(db: &impl ConnectionTrait, call_id: Uuid) -> Result<Vec<RankedIdea>, DbErr> {
    idea::Entity::find()
        .select_only()
        .column(idea::Column::Id)
        .column(idea::Column::Title)
        .column(idea::Column::State)
        .column_as(decision::Column::Outcome, "decision")
        .join(JoinType::LeftJoin, decision_relation())
        .filter(idea::Column::CallId.eq(call_id))
        .filter(idea::Column::State.is_in(RANKED_STATES.iter().map(|s| s.as_str())))
        .order_by(idea::Column::CreatedAt, Order::Asc)
        .order_by(idea::Column::Id, Order::Asc)
        .into_model::<RankedIdea>()
        .all(db)
        .await
}

/// How many of the call's assignments are in each state: one statement.
pub async fn assignment_counts(
    db: &impl ConnectionTrait,
    call_id: Uuid,
) -> Result<Vec<(Named<AssignmentState>, i64)>, DbErr> {
    assignment::Entity::find()
        .select_only()
        .column(assignment::Column::State)
        .column_as(assignment::Column::Id.count(), "count")
        .filter(assignment::Column::CallId.eq(call_id))
        .group_by(assignment::Column::State)
        .into_tuple()
        .all(db)
        .await
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use chrono::Utc;
    use domain::idea::IdeaState;
    use domain::review::{AssignmentState, DecisionOutcome};
    use domain::rubric::Criterion;
    use sea_orm::DatabaseConnection;

    use super::{Loaded, load};
    use crate::stored::Named;
    use crate::tests::{call_fixture, content, databases, drop_postgres, new_user};

    /// A call with a rubric and `ideas` ideas, each reviewed by two reviewers (one submitted, one draft) and decided.
    async fn call_with(db: &DatabaseConnection, ideas: usize) -> uuid::Uuid {
        let now = Utc::now();
        let f = call_fixture(db).await;
        let reviewers = [
            crate::users::insert(db, new_user("r1@example.org", "R1"), now)
                .await
                .expect("r1"),
            crate::users::insert(db, new_user("r2@example.org", "R2"), now)
                .await
                .expect("r2"),
        ];
        let criterion = Criterion {
            key: "impact".into(),
            label_fa: "اثر".into(),
            label_en: None,
            guidance_fa: None,
            guidance_en: None,
            weight: 1.0,
            scale_min: 0,
            scale_max: 10,
        };
        crate::rubrics::insert(db, f.call, &[criterion], None, now)
            .await
            .expect("rubric");
        for n in 0..ideas {
            let idea = crate::ideas::insert(
                db,
                f.call,
                f.submitter,
                None,
                &content(f.city, &format!("ایده {n}"), "متن"),
                now,
            )
            .await
            .expect("idea");
            crate::ideas::backdate(db, idea.id, IdeaState::Reviewed, now, Some(now))
                .await
                .expect("reviewed");
            for (i, reviewer) in reviewers.iter().enumerate() {
                let new = crate::assignments::NewAssignment {
                    call_id: f.call,
                    idea_id: idea.id,
                    reviewer_id: reviewer.id,
                    due_on: None,
                    assigned_by: None,
                };
                let assignment = crate::assignments::insert(db, new, now).await.expect("assignment");
                let content = crate::reviews::ReviewContent {
                    scores: [("impact".to_owned(), i32::try_from(n % 10).unwrap_or(0))].into(),
                    ..Default::default()
                };
                crate::reviews::save(db, &assignment, content, i == 0, now)
                    .await
                    .expect("review");
                if i == 0 {
                    crate::assignments::set_state(
                        db,
                        assignment.id,
                        &[AssignmentState::Pending],
                        AssignmentState::Submitted,
                        now,
                    )
                    .await
                    .expect("submitted");
                }
            }
            let decision = crate::decisions::NewDecision {
                idea_id: idea.id,
                call_id: f.call,
                outcome: DecisionOutcome::Selected,
                note: None,
                decided_by: f.submitter,
            };
            crate::decisions::record(db, decision, now).await.expect("decision");
        }
        f.call
    }

    #[tokio::test]
    async fn the_ranking_reads_five_statements_whatever_the_size_of_the_call() {
        for ideas in [2, 20] {
            let dir = tempfile::tempdir().expect("dir");
            for (mut db, name) in databases(&dir).await {
                let call = call_with(&db, ideas).await;
                let count = Arc::new(AtomicUsize::new(0));
                let counter = count.clone();
                db.set_metric_callback(move |_| {
                    counter.fetch_add(1, Ordering::SeqCst);
                });
                let Loaded::Ready(inputs) = load(&db, call).await.expect("load") else {
                    panic!("the call and its rubric are there");
                };
                assert_eq!(count.load(Ordering::SeqCst), 5, "{ideas} ideas");
                assert_eq!(inputs.ideas.len(), ideas);
                assert!(
                    inputs
                        .ideas
                        .iter()
                        .all(|i| i.decision == Some(Named(DecisionOutcome::Selected)))
                );
                assert_eq!(inputs.reviews.len(), ideas, "only the submitted reviews count");
                let mut assignments = inputs.assignments.clone();
                assignments.sort();
                let n = i64::try_from(ideas).unwrap_or(0);
                assert_eq!(
                    assignments,
                    [
                        (Named(AssignmentState::Pending), n),
                        (Named(AssignmentState::Submitted), n)
                    ]
                );
                drop(db);
                drop_postgres(name).await;
            }
        }
    }
}
