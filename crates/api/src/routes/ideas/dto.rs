//! What the idea endpoints read and answer.

pub use app::ideas::Detail;
use chrono::{DateTime, Utc};
use db::ideas::IdeaSortField;
use domain::idea::{Content, ContentChange, Domain, IdeaCommand, IdeaState, ScreeningDecision, ScreeningReason};
use domain::profile::{OccupationCategory, TieKind};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::{Validate, ValidationError};

use crate::routes::cities::dto::CityRef;
use crate::routes::page::{Limit, Offset};
use crate::routes::rules;
use crate::routes::sort::{Sort, SortField};

/// The submitter's channel to the target city: what it is, how they would use it, how long it has lasted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Channel {
    pub kind: TieKind,
    /// What the tie is and how strong: who you know there, what you did there.
    #[validate(length(max = 2000, code = "too_long"))]
    #[schema(max_length = 2000)]
    pub description: String,
    /// How many years the tie has lasted.
    #[validate(range(min = 0, max = 80))]
    #[schema(minimum = 0, maximum = 80)]
    pub years: i32,
}

/// A partner abroad: a person or an organisation the idea would work with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Partner {
    #[validate(custom(function = "rules::required_text"), length(max = 200, code = "too_long"))]
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub name: String,
    #[validate(length(max = 200, code = "too_long"))]
    #[schema(max_length = 200)]
    pub organisation: Option<String>,
    /// ISO 3166-1 alpha-2.
    #[validate(custom(function = "rules::country"))]
    #[schema(schema_with = crate::routes::schemas::country)]
    pub country: Option<String>,
}

fn title_length(text: &str) -> Result<(), ValidationError> {
    let length = text.trim().chars().count();
    if (5..=200).contains(&length) {
        Ok(())
    } else {
        Err(ValidationError::new("length").with_message("a title has 5 to 200 characters".into()))
    }
}

/// A new idea: a draft in an open call. Only the title, domain and target city are needed to save a
/// draft; submitting needs the rest.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateIdeaRequest {
    pub call_id: Uuid,
    /// 5 to 200 characters.
    #[validate(custom(function = "title_length"))]
    #[schema(
        min_length = 5,
        max_length = 200,
        example = "تبادل دانشجویی دانشگاه اصفهان و سن‌پترزبورگ"
    )]
    pub title: String,
    /// Up to 500 characters.
    #[validate(length(max = 500, code = "too_long"))]
    #[schema(max_length = 500)]
    pub summary: Option<String>,
    /// The full text, up to 20,000 characters.
    #[validate(length(max = 20000, code = "too_long"))]
    #[schema(max_length = 20000)]
    pub body: Option<String>,
    /// One of the call's domains.
    pub domain: Domain,
    /// A city from /api/v1/cities (add a missing one there).
    pub target_city_id: Uuid,
    #[validate(nested)]
    pub channel: Option<Channel>,
    /// Up to 20 partners abroad.
    #[validate(length(max = 20, code = "too_many"), nested)]
    #[schema(max_items = 20)]
    pub partners: Option<Vec<Partner>>,
    /// What the city would gain; up to 5,000 characters.
    #[validate(length(max = 5000, code = "too_long"))]
    #[schema(max_length = 5000)]
    pub expected_outcomes: Option<String>,
    /// Whether, once the idea is selected, the public may see its proposal documents (not evidence, not
    /// files marked identifying); default false.
    pub files_public: Option<bool>,
}

/// A change to an idea's content; leave out what stays.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UpdateIdeaRequest {
    #[validate(custom(function = "title_length"))]
    #[schema(min_length = 5, max_length = 200)]
    pub title: Option<String>,
    #[validate(length(max = 500, code = "too_long"))]
    #[schema(max_length = 500)]
    pub summary: Option<String>,
    #[validate(length(max = 20000, code = "too_long"))]
    #[schema(max_length = 20000)]
    pub body: Option<String>,
    pub domain: Option<Domain>,
    pub target_city_id: Option<Uuid>,
    #[validate(nested)]
    pub channel: Option<Channel>,
    #[validate(length(max = 20, code = "too_many"), nested)]
    #[schema(max_items = 20)]
    pub partners: Option<Vec<Partner>>,
    #[validate(length(max = 5000, code = "too_long"))]
    #[schema(max_length = 5000)]
    pub expected_outcomes: Option<String>,
    /// Whether, once the idea is selected, the public may see its proposal documents (not evidence, not
    /// files marked identifying); default false.
    pub files_public: Option<bool>,
}

impl From<Channel> for domain::idea::Channel {
    fn from(channel: Channel) -> Self {
        domain::idea::Channel {
            kind: channel.kind,
            description: channel.description,
            years: channel.years,
        }
    }
}

impl From<domain::idea::Channel> for Channel {
    fn from(channel: domain::idea::Channel) -> Self {
        Channel {
            kind: channel.kind,
            description: channel.description,
            years: channel.years,
        }
    }
}

impl From<Partner> for domain::idea::Partner {
    fn from(partner: Partner) -> Self {
        domain::idea::Partner {
            name: partner.name,
            organisation: partner.organisation,
            country: partner.country,
        }
    }
}

impl From<domain::idea::Partner> for Partner {
    fn from(partner: domain::idea::Partner) -> Self {
        Partner {
            name: partner.name,
            organisation: partner.organisation,
            country: partner.country,
        }
    }
}

fn partners(partners: Vec<Partner>) -> Vec<domain::idea::Partner> {
    partners.into_iter().map(Into::into).collect()
}

impl CreateIdeaRequest {
    /// The call it is for, and the content.
    pub fn into_parts(self) -> (Uuid, Content) {
        let content = Content {
            title: self.title,
            summary: self.summary.unwrap_or_default(),
            body: self.body.unwrap_or_default(),
            domain: self.domain,
            target_city_id: self.target_city_id,
            channel: self.channel.map(Into::into),
            partners: partners(self.partners.unwrap_or_default()),
            expected_outcomes: self.expected_outcomes.unwrap_or_default(),
            files_public: self.files_public.unwrap_or(false),
        };
        (self.call_id, content)
    }
}

impl From<UpdateIdeaRequest> for ContentChange {
    fn from(request: UpdateIdeaRequest) -> Self {
        ContentChange {
            title: request.title,
            summary: request.summary,
            body: request.body,
            domain: request.domain,
            target_city_id: request.target_city_id,
            channel: request.channel.map(Into::into),
            partners: request.partners.map(partners),
            expected_outcomes: request.expected_outcomes,
            files_public: request.files_public,
        }
    }
}

/// The order of the list, by the store's sort fields.
pub type IdeaSort = Sort<IdeaSortField>;

impl SortField for IdeaSortField {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("submittedAt", IdeaSortField::SubmittedAt),
        ("createdAt", IdeaSortField::CreatedAt),
        ("title", IdeaSortField::Title),
    ];
    const DESCRIPTION: &'static str =
        "The order of a list of ideas; `-` in front sorts descending. Ideas never submitted come last.";
}

#[derive(Debug, Deserialize, Validate, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListIdeasQuery {
    /// Text search in the idea's texts; Persian and Arabic letter forms, half-spaces, diacritics and
    /// digits match alike. Every word must appear.
    #[validate(length(max = 200))]
    #[param(max_length = 200)]
    pub q: Option<String>,
    /// Only the ideas of this call (on /api/v1/ideas).
    pub call_id: Option<Uuid>,
    /// Only your own ideas.
    pub mine: Option<bool>,
    pub state: Option<IdeaState>,
    pub domain: Option<Domain>,
    pub target_city_id: Option<Uuid>,
    /// ISO 3166-1 alpha-2 country of the target city.
    #[validate(custom(function = "rules::country"))]
    #[param(schema_with = crate::routes::schemas::country)]
    pub target_country: Option<String>,
    /// The submitter's occupation (staff).
    pub submitter_category: Option<OccupationCategory>,
    /// Submitted at or after: a date-time, or a date meaning the start of that day in the office's time zone.
    #[validate(custom(function = "rules::moment"))]
    #[param(schema_with = crate::routes::schemas::moment)]
    pub submitted_from: Option<String>,
    /// Submitted at or before: a date-time, or a date meaning the end of that day in the office's time zone.
    #[validate(custom(function = "rules::moment"))]
    #[param(schema_with = crate::routes::schemas::moment)]
    pub submitted_to: Option<String>,
    /// Default `-submittedAt`, the latest first.
    #[param(inline)]
    pub sort: Option<IdeaSort>,
    /// Page size, 1 to 100; default 20.
    pub limit: Option<Limit>,
    /// How many items to skip; default 0.
    pub offset: Option<Offset>,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SubmitterView {
    pub id: Uuid,
    pub display_name: String,
    /// Staff only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The submitter's occupation when they last saved the idea.
    pub category: Option<OccupationCategory>,
    /// Staff only, and only in answers about this one idea (reading it, screening it): the submitter's ties to
    /// cities abroad as their profile states them now, in their order (empty when they gave none). Never shown
    /// to reviewers, other citizens or the public.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub ties: Option<Vec<SubmitterTieView>>,
}

/// One of the submitter's ties to a city abroad, from their profile.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SubmitterTieView {
    /// The tie's id (evidence of it may be filed under it).
    pub id: Uuid,
    /// The city's name, as the submitter wrote it.
    pub city: String,
    /// ISO 3166-1 alpha-2, upper-case.
    pub country: String,
    pub nature: TieKind,
    /// The year the tie began.
    pub since: i32,
}

impl From<app::ideas::SubmitterTie> for SubmitterTieView {
    fn from(tie: app::ideas::SubmitterTie) -> Self {
        SubmitterTieView {
            id: tie.id,
            city: tie.city,
            country: tie.country,
            nature: *tie.nature,
            since: tie.since,
        }
    }
}

/// The most similar other idea of the same call (staff).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct BestMatchView {
    pub idea_id: Uuid,
    pub title: String,
    /// 0 to 1: the estimated share of text the two ideas have in common.
    pub score: f64,
}

/// An idea. What is shown depends on who asks: the public sees a selected idea without any personal
/// data (no submitter, no channel); its submitter and staff see everything; only staff see the best match.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct IdeaView {
    pub id: Uuid,
    pub call_id: Uuid,
    pub state: IdeaState,
    pub title: String,
    pub summary: String,
    pub body: String,
    pub domain: Domain,
    pub target_city: CityRef,
    /// The submitter's channel to the city; shown to the submitter, staff and the idea's reviewers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
    pub partners: Vec<Partner>,
    pub expected_outcomes: String,
    /// Whether the submitter agreed that, once selected, the idea's proposal documents are public.
    pub files_public: bool,
    /// Shown to the submitter and staff, and (without e-mail) to the idea's reviewers unless the call is blind.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub submitter: Option<SubmitterView>,
    /// Staff only; left out when the call has no other idea with text in common.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub best_match: Option<BestMatchView>,
    /// What you may do next with the idea (edit, submit, withdraw, screen, reopen_screening, decide),
    /// by the rules that would refuse the others.
    pub allowed_actions: Vec<IdeaCommand>,
    /// Send it back as `If-Match: "<version>"` to edit; it is also the ETag.
    pub version: i32,
    pub submitted_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl IdeaView {
    /// The idea as a caller sees it, with what they may do next.
    pub fn of(viewed: app::ideas::Viewed) -> Self {
        let app::ideas::Viewed {
            record: row,
            detail,
            allowed_actions,
            submitter_ties,
        } = viewed;
        let idea = row.idea;
        let personal = detail != Detail::Public;
        let identified = matches!(
            detail,
            Detail::Submitter | Detail::Staff | Detail::Reviewer { blind: false }
        );
        let content = idea.content();
        let submitter = identified.then(|| SubmitterView {
            id: idea.submitter_id,
            display_name: row.submitter_name,
            email: (detail == Detail::Staff).then_some(row.submitter_email),
            category: idea.submitter_category.map(|c| *c),
            // The use case loads them for staff only; the check here keeps any other reader from them regardless.
            ties: submitter_ties
                .filter(|_| detail == Detail::Staff)
                .map(|ties| ties.into_iter().map(Into::into).collect()),
        });
        let best_match = match (detail, idea.best_match_id, idea.best_match_score, row.best_match_title) {
            (Detail::Staff, Some(idea_id), Some(score), Some(title)) => Some(BestMatchView { idea_id, title, score }),
            _ => None,
        };
        IdeaView {
            channel: if personal {
                content.channel.map(Into::into)
            } else {
                None
            },
            partners: content.partners.into_iter().map(Into::into).collect(),
            state: *idea.state,
            domain: *idea.domain,
            target_city: CityRef::new(
                idea.target_city_id,
                row.city_name_fa,
                row.city_name_en,
                row.city_country,
                row.city_verified,
            ),
            submitter,
            best_match,
            allowed_actions,
            id: idea.id,
            call_id: idea.call_id,
            title: idea.title,
            summary: idea.summary,
            body: idea.body,
            expected_outcomes: idea.expected_outcomes,
            files_public: idea.files_public,
            version: idea.version,
            submitted_at: idea.submitted_at,
            created_at: idea.created_at,
            updated_at: idea.updated_at,
        }
    }
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ScreeningRequest {
    pub decision: ScreeningDecision,
    /// Required for a rejection.
    pub reason: Option<ScreeningReason>,
    /// Staff's note; never shown to the submitter. Required with the reason `other`.
    #[validate(length(max = 2000, code = "too_long"))]
    #[schema(max_length = 2000)]
    pub note: Option<String>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BulkScreeningRequest {
    /// 1 to 500 different ideas, all submitted: if any cannot be screened, none is.
    #[validate(length(min = 1, max = 500, code = "length"))]
    #[schema(min_items = 1, max_items = 500)]
    pub idea_ids: Vec<Uuid>,
    pub decision: ScreeningDecision,
    pub reason: Option<ScreeningReason>,
    #[validate(length(max = 2000, code = "too_long"))]
    #[schema(max_length = 2000)]
    pub note: Option<String>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReopenScreeningRequest {
    pub reason: ScreeningReason,
    #[validate(length(max = 2000, code = "too_long"))]
    #[schema(max_length = 2000)]
    pub note: Option<String>,
}

/// An idea's id and its state after a bulk action.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct IdeaStateView {
    pub idea_id: Uuid,
    pub state: IdeaState,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BulkScreeningView {
    pub items: Vec<IdeaStateView>,
}

/// Another idea of the same call and how alike the two are.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SimilarIdeaView {
    pub idea: IdeaView,
    /// 0 to 1: the estimated share of text the two ideas have in common.
    pub score: f64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SimilarIdeasView {
    pub items: Vec<SimilarIdeaView>,
}
