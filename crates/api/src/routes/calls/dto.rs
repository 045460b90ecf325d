//! What the call endpoints read and answer.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use domain::call::{CallAction, CallPhase, CallWindow};
use domain::idea::{Domain, IdeaState};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::{Validate, ValidationError};

use crate::error::ApiResult;
use crate::routes::page::{Limit, Offset};
use crate::routes::rules;
use crate::routes::sort::{Sort, SortField};
use crate::routes::text::{LongText, ShortText};

fn unique_domains(domains: &[Domain]) -> Result<(), ValidationError> {
    let mut sorted = domains.to_vec();
    sorted.sort();
    sorted.dedup();
    if sorted.len() == domains.len() {
        Ok(())
    } else {
        Err(ValidationError::new("duplicate").with_message("each domain may appear once".into()))
    }
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateCallRequest {
    #[validate(nested)]
    pub title: ShortText,
    #[validate(nested)]
    pub description: LongText,
    /// When citizens may start proposing: an RFC 3339 date-time, or a date meaning the start of that
    /// day in the office's time zone.
    #[validate(custom(function = "rules::moment"))]
    #[schema(schema_with = crate::routes::schemas::moment)]
    pub opens_at: String,
    /// The deadline: an RFC 3339 date-time, or a date meaning the end of that day in the office's time zone.
    #[validate(custom(function = "rules::moment"))]
    #[schema(schema_with = crate::routes::schemas::moment)]
    pub closes_at: String,
    /// When the jury starts (not before the deadline); a date means the start of that day.
    #[validate(custom(function = "rules::moment"))]
    #[schema(schema_with = crate::routes::schemas::moment)]
    pub review_opens_at: String,
    /// When the jury's reviews are due; a date means the end of that day.
    #[validate(custom(function = "rules::moment"))]
    #[schema(schema_with = crate::routes::schemas::moment)]
    pub review_closes_at: String,
    /// The domains ideas may belong to; at least one.
    #[validate(length(min = 1, code = "required"), custom(function = "unique_domains"))]
    #[schema(min_items = 1)]
    pub domains: Vec<Domain>,
    /// How many ideas one citizen may have in the call (withdrawn ones do not count); default 3.
    #[validate(range(min = 1, max = 50))]
    #[schema(minimum = 1, maximum = 50)]
    pub ideas_per_citizen: Option<i32>,
    /// Whether reviewers see ideas without their submitter's identity; default true.
    pub blind_review: Option<bool>,
    /// How many reviewers each shortlisted idea gets; default 3.
    #[validate(range(min = 1, max = 10))]
    #[schema(minimum = 1, maximum = 10)]
    pub reviewers_per_idea: Option<i32>,
}

/// What staff may change of a call; leave out what stays. Moving the window is recorded as an event.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UpdateCallRequest {
    #[validate(nested)]
    pub title: Option<ShortText>,
    #[validate(nested)]
    pub description: Option<LongText>,
    #[validate(custom(function = "rules::moment"))]
    #[schema(schema_with = crate::routes::schemas::moment)]
    pub opens_at: Option<String>,
    #[validate(custom(function = "rules::moment"))]
    #[schema(schema_with = crate::routes::schemas::moment)]
    pub closes_at: Option<String>,
    #[validate(custom(function = "rules::moment"))]
    #[schema(schema_with = crate::routes::schemas::moment)]
    pub review_opens_at: Option<String>,
    #[validate(custom(function = "rules::moment"))]
    #[schema(schema_with = crate::routes::schemas::moment)]
    pub review_closes_at: Option<String>,
    #[validate(length(min = 1, code = "required"), custom(function = "unique_domains"))]
    #[schema(min_items = 1)]
    pub domains: Option<Vec<Domain>>,
    #[validate(range(min = 1, max = 50))]
    #[schema(minimum = 1, maximum = 50)]
    pub ideas_per_citizen: Option<i32>,
    pub blind_review: Option<bool>,
    #[validate(range(min = 1, max = 10))]
    #[schema(minimum = 1, maximum = 10)]
    pub reviewers_per_idea: Option<i32>,
}

use crate::routes::day::{instant, instant_if};

impl CreateCallRequest {
    /// The new call, its moments read in the office's time zone.
    pub fn into_new_call(self, zone: Tz) -> ApiResult<app::calls::NewCall> {
        let window = CallWindow {
            opens_at: instant(&self.opens_at, zone, false, "/opensAt")?,
            closes_at: instant(&self.closes_at, zone, true, "/closesAt")?,
            review_opens_at: instant(&self.review_opens_at, zone, false, "/reviewOpensAt")?,
            review_closes_at: instant(&self.review_closes_at, zone, true, "/reviewClosesAt")?,
        };
        Ok(app::calls::NewCall {
            title: self.title.normalized(),
            description: self.description.normalized(),
            window,
            domains: self.domains,
            ideas_per_citizen: self.ideas_per_citizen.unwrap_or(app::calls::DEFAULT_IDEAS_PER_CITIZEN),
            blind_review: self.blind_review.unwrap_or(app::calls::DEFAULT_BLIND_REVIEW),
            reviewers_per_idea: self
                .reviewers_per_idea
                .unwrap_or(app::calls::DEFAULT_REVIEWERS_PER_IDEA),
        })
    }
}

impl UpdateCallRequest {
    /// The change, its moments read in the office's time zone.
    pub fn into_change(self, zone: Tz) -> ApiResult<app::calls::CallChange> {
        Ok(app::calls::CallChange {
            title: self.title.map(ShortText::normalized),
            description: self.description.map(LongText::normalized),
            opens_at: instant_if(self.opens_at, zone, false, "/opensAt")?,
            closes_at: instant_if(self.closes_at, zone, true, "/closesAt")?,
            review_opens_at: instant_if(self.review_opens_at, zone, false, "/reviewOpensAt")?,
            review_closes_at: instant_if(self.review_closes_at, zone, true, "/reviewClosesAt")?,
            domains: self.domains,
            ideas_per_citizen: self.ideas_per_citizen,
            blind_review: self.blind_review,
            reviewers_per_idea: self.reviewers_per_idea,
        })
    }
}

/// The order of the list, by the call's dates.
pub type CallSort = Sort<app::calls::CallSortField>;

impl SortField for app::calls::CallSortField {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("opensAt", app::calls::CallSortField::OpensAt),
        ("closesAt", app::calls::CallSortField::ClosesAt),
        ("reviewOpensAt", app::calls::CallSortField::ReviewOpensAt),
        ("reviewClosesAt", app::calls::CallSortField::ReviewClosesAt),
        ("createdAt", app::calls::CallSortField::CreatedAt),
    ];
    const DESCRIPTION: &'static str =
        "The order of a list of calls, by one of their dates; `-` in front sorts descending (the latest first).";
}

#[derive(Debug, Deserialize, Validate, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListCallsQuery {
    /// Only calls in this phase now.
    pub phase: Option<CallPhase>,
    /// Default `-opensAt`, the latest opening first. Calls with the same date come in the order they were
    /// created.
    #[param(inline)]
    pub sort: Option<CallSort>,
    /// Page size, 1 to 100; default 20.
    pub limit: Option<Limit>,
    /// How many items to skip; default 0.
    pub offset: Option<Offset>,
}

/// A call for ideas.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CallView {
    pub id: Uuid,
    pub title: ShortText,
    pub description: LongText,
    pub opens_at: DateTime<Utc>,
    /// The deadline: the last moment at which citizens may create, edit, submit or withdraw.
    pub closes_at: DateTime<Utc>,
    pub review_opens_at: DateTime<Utc>,
    pub review_closes_at: DateTime<Utc>,
    /// Derived from the window and the clock: upcoming, open, closed, in_review, decided.
    pub phase: CallPhase,
    pub domains: Vec<Domain>,
    pub ideas_per_citizen: i32,
    pub blind_review: bool,
    pub reviewers_per_idea: i32,
    /// When staff published the call's decisions; null before.
    pub decisions_published_at: Option<DateTime<Utc>>,
    /// Send it back as `If-Match: "<version>"` to edit; it is also the ETag.
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// What the asking account may do next with this call, by the same rules that would refuse it (empty for
    /// the public). Only in the answer to `GET /calls/{id}`: lists and the answers to changes leave it out.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub allowed_actions: Option<Vec<CallAction>>,
    /// How many ideas the call holds, as the asking account may know: staff by every state, anyone else by the
    /// states of submitted ideas only (never drafts or withdrawn ideas, never pending decisions). Only in the
    /// answer to `GET /calls/{id}`, like `allowedActions`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub counts: Option<CallCountsView>,
}

/// How many ideas a call holds, as its reader may know.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CallCountsView {
    /// Ideas submitted and not withdrawn, whatever became of them since (the call's statistics count the same).
    pub submitted: u64,
    /// Each state the reader may know of, with its count (0 included): staff get every state; anyone else
    /// `submitted`, `shortlisted`, `rejected`, `in_review`, `reviewed`, `selected` and `not_selected`.
    pub by_state: BTreeMap<IdeaState, u64>,
}

impl From<app::calls::CallCounts> for CallCountsView {
    fn from(counts: app::calls::CallCounts) -> Self {
        CallCountsView {
            submitted: counts.submitted,
            by_state: counts.by_state.into_iter().collect(),
        }
    }
}

/// The call's window, from its stored row.
pub fn window(call: &db::calls::Model) -> CallWindow {
    app::calls::window(call)
}

pub fn phase(call: &db::calls::Model, now: DateTime<Utc>) -> CallPhase {
    app::calls::phase(call, now)
}

impl CallView {
    pub fn new(call: db::calls::Model, now: DateTime<Utc>) -> Self {
        CallView {
            phase: phase(&call, now),
            domains: call.domains.to_vec(),
            id: call.id,
            title: ShortText::from_parts(call.title_fa, call.title_en),
            description: LongText::from_parts(call.description_fa, call.description_en),
            opens_at: call.opens_at,
            closes_at: call.closes_at,
            review_opens_at: call.review_opens_at,
            review_closes_at: call.review_closes_at,
            ideas_per_citizen: call.ideas_per_citizen,
            blind_review: call.blind_review,
            reviewers_per_idea: call.reviewers_per_idea,
            decisions_published_at: call.decisions_published_at,
            version: call.version,
            created_at: call.created_at,
            updated_at: call.updated_at,
            allowed_actions: None,
            counts: None,
        }
    }

    /// A call with what the asking account may do next with it and its counts as they may know them.
    pub fn detail(detail: app::calls::CallDetail, now: DateTime<Utc>) -> Self {
        CallView {
            allowed_actions: Some(detail.allowed_actions),
            counts: Some(detail.counts.into()),
            ..CallView::new(detail.call, now)
        }
    }
}

/// One entry of a call's or an idea's history.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct EventView {
    pub id: Uuid,
    pub kind: domain::event::EventKind,
    /// The state (or, for a call's window, the dates) before.
    pub from: Option<String>,
    /// The state (or the dates) after.
    pub to: Option<String>,
    pub reason: Option<String>,
    /// Staff's note; never shown to an idea's submitter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Who did it; null for the system. Never shown to an idea's submitter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actor: Option<ActorView>,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ActorView {
    pub id: Uuid,
    pub display_name: String,
}

/// A list of events, oldest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct EventListView {
    pub items: Vec<EventView>,
}

impl EventView {
    /// An event as its reader may see it (the use case left out what they may not know).
    pub fn of(entry: app::history::Entry) -> Self {
        let event = entry.event;
        EventView {
            id: event.id,
            kind: *event.kind,
            from: event.from_value,
            to: event.to_value,
            reason: event.reason,
            note: event.note,
            actor: event.actor_id.map(|id| ActorView {
                id,
                display_name: entry.actor_name.unwrap_or_default(),
            }),
            at: event.created_at,
        }
    }
}

impl EventListView {
    pub fn of(entries: Vec<app::history::Entry>) -> Self {
        EventListView {
            items: entries.into_iter().map(EventView::of).collect(),
        }
    }
}
