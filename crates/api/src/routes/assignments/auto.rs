use std::collections::{BTreeMap, BTreeSet};

use actix_web::{HttpResponse, post, web};
use chrono::Utc;
use domain::assignment::{PlanIdea, PlanRequest, PlanReviewer, plan};
use domain::event::EventKind;
use domain::idea::IdeaState;
use domain::review::AssignmentState;
use sea_orm::ConnectionTrait;
use uuid::Uuid;

use super::dto::{AutoAssignRequest, AutoAssignView, PlanFiguresView, PlannedAssignment, UnmetRuleView};
use crate::error::{ApiError, ApiResult, ErrorCode, Problem};
use crate::extract::{Staff, ValidJson};
use crate::state::AppState;

/// Give every shortlisted idea of the call, and every idea in review still short of reviewers, the call's
/// number of reviewers (staff).
///
/// The plan's rules, in order of priority when they cannot all hold: never a conflict of interest; never above
/// a reviewer's maximum load in the call; existing assignments kept; every idea gets the call's number of
/// reviewers; each idea's reviewers come from at least two organisations; loads balanced (within one among
/// reviewers of equal maximum load); expertise matching the idea's domain. Only active reviewers are planned.
/// The same call and roster always give the same plan. With `dryRun` the plan and its figures come back and
/// nothing is saved; otherwise the assignments are made, each with its event.
#[utoipa::path(
    tag = "assignments",
    params(("id" = Uuid, Path, description = "The call's id")),
    request_body = AutoAssignRequest,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The plan, its figures and every rule it could not meet.", body = AutoAssignView),
        (status = 404, description = "`not_found`: no such call.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`decisions_published`: the call is decided; `already_assigned`: another \
            assignment was made meanwhile — plan again.", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/calls/{id}/assignments/auto")]
pub async fn auto_assign(
    state: web::Data<AppState>,
    Staff(staff): Staff,
    id: web::Path<Uuid>,
    body: ValidJson<AutoAssignRequest>,
) -> ApiResult<HttpResponse> {
    let request = body.into_inner()?;
    let call_id = id.into_inner();
    if request.dry_run {
        let call = super::open_call(&state.db, call_id).await?;
        let planned = Planned::make(&state.db, &call).await?;
        return Ok(HttpResponse::Ok().json(planned.view(false)));
    }
    let now = Utc::now();
    let txn = db::begin_write(&state.db).await?;
    let call = super::open_call(&txn, call_id).await?;
    let planned = Planned::make(&txn, &call).await?;
    let due_on = super::due_on(&state, &call);
    let new: Vec<db::assignments::NewAssignment> = planned
        .plan
        .assignments
        .iter()
        .map(|a| db::assignments::NewAssignment {
            call_id: call.id,
            idea_id: a.idea_id,
            reviewer_id: a.reviewer_id,
            due_on: Some(due_on),
            assigned_by: Some(staff.user.id),
        })
        .collect();
    if let Err(err) = db::assignments::insert_many(&txn, new, now).await {
        return Err(if db::is_unique_violation(&err) {
            ApiError::new(
                ErrorCode::AlreadyAssigned,
                "Someone assigned reviewers in this call meanwhile; plan again.",
            )
        } else {
            err.into()
        });
    }
    let event = |idea_id: Uuid, kind: EventKind, from: Option<String>, to: Option<String>| db::events::NewEvent {
        from,
        to,
        ..db::events::NewEvent::of_idea(idea_id, call.id, kind).by(staff.user.id)
    };
    let mut events: Vec<db::events::NewEvent> = planned
        .plan
        .assignments
        .iter()
        .map(|a| event(a.idea_id, EventKind::Assigned, None, Some(a.reviewer_id.to_string())))
        .collect();
    let touched: Vec<Uuid> = planned
        .plan
        .assignments
        .iter()
        .map(|a| a.idea_id)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    // New assignments are pending, so a shortlisted idea that got one is now in review; one in review stays so.
    for idea_id in db::assignments::start_review(&txn, &touched, now).await? {
        let (from, to) = (IdeaState::Shortlisted.as_str(), IdeaState::InReview.as_str());
        events.push(event(
            idea_id,
            EventKind::ReviewStarted,
            Some(from.into()),
            Some(to.into()),
        ));
    }
    db::events::record_many(&txn, events, now).await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().json(planned.view(true)))
}

/// A plan with the names its view shows.
struct Planned {
    plan: domain::assignment::Plan,
    titles: BTreeMap<Uuid, String>,
    reviewers: BTreeMap<Uuid, (String, domain::reviewer::Organisation)>,
}

impl Planned {
    /// Reads the call's ideas, roster, conflicts and assignments (five statements) and plans.
    async fn make(db: &impl ConnectionTrait, call: &db::calls::Model) -> ApiResult<Planned> {
        let ideas =
            db::assignments::planning_ideas(db, call.id, &[IdeaState::Shortlisted, IdeaState::InReview]).await?;
        let roster = db::reviewers::roster(db, call.id).await?;
        let conflicts = db::conflicts::pairs_of_call(db, call.id).await?;
        let assignments = db::assignments::of_call(db, call.id).await?;

        let mut conflicted: BTreeMap<Uuid, Vec<Uuid>> = BTreeMap::new();
        for (reviewer_id, idea_id) in conflicts {
            conflicted.entry(idea_id).or_default().push(reviewer_id);
        }
        let mut assigned: BTreeMap<Uuid, Vec<Uuid>> = BTreeMap::new();
        for a in assignments {
            if a.state == AssignmentState::Declined.as_str() {
                conflicted.entry(a.idea_id).or_default().push(a.reviewer_id);
            } else {
                assigned.entry(a.idea_id).or_default().push(a.reviewer_id);
            }
        }
        let mut reviewers = BTreeMap::new();
        let mut plan_reviewers = Vec::with_capacity(roster.len());
        for row in roster {
            let organisation: domain::reviewer::Organisation =
                row.reviewer.organisation.parse().map_err(ApiError::internal)?;
            plan_reviewers.push(PlanReviewer {
                id: row.reviewer.user_id,
                organisation,
                expertise: db::reviewers::expertise_from_stored(&row.reviewer.expertise).map_err(ApiError::internal)?,
                capacity: u32::try_from(row.reviewer.max_load).unwrap_or(0),
                load: u32::try_from(row.assigned).unwrap_or(u32::MAX),
            });
            reviewers.insert(row.reviewer.user_id, (row.display_name, organisation));
        }
        let mut titles = BTreeMap::new();
        let mut plan_ideas = Vec::with_capacity(ideas.len());
        for idea in ideas {
            let mut idea_conflicts = conflicted.remove(&idea.id).unwrap_or_default();
            idea_conflicts.push(idea.submitter_id);
            plan_ideas.push(PlanIdea {
                id: idea.id,
                domain: idea.domain.parse().map_err(ApiError::internal)?,
                conflicted: idea_conflicts,
                assigned: assigned.remove(&idea.id).unwrap_or_default(),
            });
            titles.insert(idea.id, idea.title);
        }
        let request = PlanRequest {
            reviewers: plan_reviewers,
            ideas: plan_ideas,
            reviewers_per_idea: u32::try_from(call.reviewers_per_idea).unwrap_or(0),
        };
        Ok(Planned {
            plan: plan(&request),
            titles,
            reviewers,
        })
    }

    fn view(self, applied: bool) -> AutoAssignView {
        let Planned {
            plan,
            titles,
            reviewers,
        } = self;
        let assignments = plan
            .assignments
            .into_iter()
            .filter_map(|a| {
                let (name, organisation) = reviewers.get(&a.reviewer_id)?;
                Some(PlannedAssignment {
                    idea_id: a.idea_id,
                    idea_title: titles.get(&a.idea_id).cloned().unwrap_or_default(),
                    reviewer_id: a.reviewer_id,
                    reviewer_name: name.clone(),
                    organisation: *organisation,
                    expertise_match: a.expertise_match,
                })
            })
            .collect();
        let f = plan.figures;
        AutoAssignView {
            applied,
            assignments,
            figures: PlanFiguresView {
                ideas: f.ideas,
                new_assignments: f.new_assignments,
                min_load: f.min_load,
                max_load: f.max_load,
                load_spread: f.load_spread,
                organisation_diversity: f.organisation_diversity,
                expertise_match_rate: f.expertise_match_rate,
            },
            unmet: plan
                .unmet
                .into_iter()
                .map(|u| UnmetRuleView {
                    rule: u.rule,
                    idea_ids: u.idea_ids,
                    reviewer_ids: u.reviewer_ids,
                    message: u.message,
                })
                .collect(),
        }
    }
}
