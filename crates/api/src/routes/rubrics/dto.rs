//! The rubric on the wire.

use chrono::{DateTime, Utc};
use domain::rubric::Criterion;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

use crate::routes::rules;

/// A criterion's text in both languages: Persian required, English optional.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CriterionText {
    /// Persian.
    pub fa: String,
    /// English.
    #[serde(default)]
    pub en: Option<String>,
}

/// One scoring criterion, as staff send it and everyone reads it.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CriterionDto {
    /// A stable key, `^[a-z][a-z0-9_]{0,39}$`, unique in the rubric: reviews score by it.
    #[schema(pattern = "^[a-z][a-z0-9_]{0,39}$")]
    pub key: String,
    /// What the criterion measures (up to 200 characters each).
    pub label: CriterionText,
    /// How to score it: what a low and a high score mean (up to 2,000 characters each).
    #[serde(default)]
    pub guidance: Option<CriterionText>,
    /// Its weight in a review's total, greater than 0 and at most 100.
    #[schema(exclusive_minimum = 0.0, maximum = 100.0)]
    pub weight: f64,
    /// The lowest score, 0 to 100.
    #[schema(minimum = 0, maximum = 100)]
    pub scale_min: i32,
    /// The highest score, above `scaleMin`, at most 100.
    #[schema(minimum = 0, maximum = 100)]
    pub scale_max: i32,
}

/// A call's criteria, in order: replaces the whole rubric.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RubricRequest {
    /// 1 to 20 criteria, in the order reviewers see them.
    pub criteria: Vec<CriterionDto>,
}

/// Why staff unlock a rubric that reviews were submitted against.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReopenRubricRequest {
    /// Recorded in the call's history.
    #[validate(custom(function = "rules::required_text"), length(max = 1000, code = "too_long"))]
    #[schema(min_length = 1, max_length = 1000)]
    pub reason: String,
}

/// A call's rubric.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RubricView {
    pub call_id: Uuid,
    pub criteria: Vec<CriterionDto>,
    /// True from the first submitted review until staff reopen it: while locked it cannot change.
    pub locked: bool,
    /// Send it back as `If-Match: "<version>"` to change the rubric; it is also the ETag.
    pub version: i32,
    pub updated_at: DateTime<Utc>,
}

impl CriterionDto {
    fn into_criterion(self) -> Criterion {
        let (guidance_fa, guidance_en) = match self.guidance {
            Some(text) => (Some(text.fa), text.en),
            None => (None, None),
        };
        Criterion {
            key: self.key,
            label_fa: self.label.fa,
            label_en: self.label.en,
            guidance_fa,
            guidance_en,
            weight: self.weight,
            scale_min: self.scale_min,
            scale_max: self.scale_max,
        }
    }

    pub fn from_criterion(criterion: &Criterion) -> Self {
        let guidance = match (&criterion.guidance_fa, &criterion.guidance_en) {
            (None, None) => None,
            (fa, en) => Some(CriterionText {
                fa: fa.clone().unwrap_or_default(),
                en: en.clone(),
            }),
        };
        CriterionDto {
            key: criterion.key.clone(),
            label: CriterionText {
                fa: criterion.label_fa.clone(),
                en: criterion.label_en.clone(),
            },
            guidance,
            weight: criterion.weight,
            scale_min: criterion.scale_min,
            scale_max: criterion.scale_max,
        }
    }
}

impl RubricRequest {
    /// The criteria as sent; the use case checks them by the domain's rules.
    pub fn into_criteria(self) -> Vec<Criterion> {
        self.criteria.into_iter().map(CriterionDto::into_criterion).collect()
    }
}

impl RubricView {
    pub fn new(model: db::rubrics::Model) -> Self {
        RubricView {
            call_id: model.call_id,
            criteria: model.criteria.iter().map(CriterionDto::from_criterion).collect(),
            locked: model.locked,
            version: model.version,
            updated_at: model.updated_at,
        }
    }
}
