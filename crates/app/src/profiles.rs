//! The signed-in account's own page: its display name and language, and the citizen's profile
//! (occupation, ties to cities abroad, each with an id of its own, and languages).

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use db::events::{self, NewEvent};
use db::profiles::ProfileFields;
pub use db::profiles::ProfileRecord;
use domain::account::Locale;
use domain::event::{EventKind, SubjectKind};
use domain::profile::{OccupationCategory, Tie, TieKind};
use uuid::Uuid;

use crate::accounts::{User, display_name};
use crate::{Actor, Db, Error, Result};

/// A tie as the citizen sends it: with the id of one of their ties to keep it, without for a new one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TieInput {
    pub id: Option<Uuid>,
    pub city: String,
    pub country: String,
    pub nature: TieKind,
    pub since: i32,
}

/// A change of the profile; None keeps a field. Lists replace the stored ones whole.
#[derive(Debug, Clone, Default)]
pub struct ProfileChange {
    /// Some(None) clears it.
    pub occupation_category: Option<Option<OccupationCategory>>,
    pub ties: Option<Vec<TieInput>>,
    pub languages: Option<Vec<String>>,
}

/// A change of the account's own fields and of its profile; None keeps them.
#[derive(Debug, Clone, Default)]
pub struct MeChange {
    pub display_name: Option<String>,
    pub locale: Option<Locale>,
    pub profile: Option<ProfileChange>,
}

/// The account and its profile.
#[derive(Debug, Clone)]
pub struct Me {
    pub account: User,
    pub profile: ProfileRecord,
}

/// The actor's profile (empty until they fill it in).
pub async fn show(db: &Db, actor: &Actor) -> Result<ProfileRecord> {
    Ok(db::profiles::find_with_ties(db, actor.user_id).await?)
}

/// The actor changes their name, language or profile. A tie sent with an id must be one of theirs
/// (422 at its `id` otherwise); ties left out are removed.
pub async fn update(db: &Db, actor: &Actor, change: MeChange, now: DateTime<Utc>) -> Result<Me> {
    let name = change.display_name.as_deref().map(display_name).transpose()?;
    let changed = name.is_some() || change.locale.is_some() || change.profile.is_some();
    let txn = db::begin_write(db).await?;
    let user = db::users::find_by_id(&txn, actor.user_id)
        .await?
        .ok_or_else(Error::not_found)?;
    let account_change = db::users::ProfileChange {
        display_name: name,
        locale: change.locale,
    };
    let account = db::users::update_profile(&txn, user, account_change, now).await?;
    let mut profile = db::profiles::find_with_ties(&txn, actor.user_id).await?;
    if let Some(profile_change) = change.profile {
        let fields = ProfileFields {
            occupation_category: profile_change
                .occupation_category
                .unwrap_or_else(|| profile.occupation_category()),
            languages: distinct(profile_change.languages.unwrap_or_else(|| profile.languages().to_vec())),
        };
        db::profiles::save(&txn, actor.user_id, fields, now).await?;
        if let Some(ties) = profile_change.ties {
            let ties = keep_or_add(&profile, ties)?;
            let kept: HashSet<Uuid> = ties.iter().map(|(id, _)| *id).collect();
            let dropped = profile
                .ties
                .iter()
                .map(|t| t.id)
                .filter(|id| !kept.contains(id))
                .collect();
            // A tie taken off the profile takes its evidence with it.
            crate::files::remove_with_ties(&txn, actor, dropped, now).await?;
            db::profiles::replace_ties(&txn, actor.user_id, ties).await?;
        }
        profile = db::profiles::find_with_ties(&txn, actor.user_id).await?;
    }
    if changed {
        let event = NewEvent::new(SubjectKind::Profile, actor.user_id, EventKind::ProfileUpdated).by(actor.user_id);
        events::record(&txn, event, now).await?;
    }
    txn.commit().await?;
    Ok(Me { account, profile })
}

/// The ties to store, each with its id: the one sent (one of the citizen's ties, once) or a new one.
fn keep_or_add(profile: &ProfileRecord, ties: Vec<TieInput>) -> Result<Vec<(Uuid, Tie)>> {
    let known: HashSet<Uuid> = profile.ties.iter().map(|t| t.id).collect();
    let mut kept = HashSet::new();
    let mut errors = Vec::new();
    let mut stored = Vec::with_capacity(ties.len());
    for (index, tie) in ties.into_iter().enumerate() {
        let id = match tie.id {
            Some(id) if known.contains(&id) && kept.insert(id) => id,
            Some(_) => {
                errors.push(crate::FieldError::new(
                    format!("/profile/ties/{index}/id"),
                    "unknown_tie",
                    "not the id of one of your ties (or sent twice); leave it out for a new tie",
                ));
                continue;
            }
            None => Uuid::now_v7(),
        };
        stored.push((
            id,
            Tie {
                city: tie.city.trim().to_owned(),
                country: domain::country::parse(&tie.country).map_or_else(|| tie.country.to_uppercase(), str::to_owned),
                nature: tie.nature,
                since: tie.since,
            },
        ));
    }
    if errors.is_empty() {
        Ok(stored)
    } else {
        Err(Error::validation(errors))
    }
}

/// The list without repeats, in its order.
fn distinct(items: Vec<String>) -> Vec<String> {
    let mut seen = Vec::with_capacity(items.len());
    for item in items {
        if !seen.contains(&item) {
            seen.push(item);
        }
    }
    seen
}
