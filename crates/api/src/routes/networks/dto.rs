//! What the network endpoints read and answer.

use std::borrow::Cow;

use app::networks::NetworkSortField;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::{Validate, ValidationError};

use crate::routes::day::{Day, day};
use crate::routes::page::{Limit, Offset};
use crate::routes::sort::{Sort, SortField};
use crate::routes::text::{LongText, ShortText};

/// The longest website address accepted, in characters.
const WEBSITE_MAX: usize = 500;

/// An absolute http(s) address with a host, up to 500 characters; surrounding spaces are forgiven
/// (they are trimmed before storing).
fn http_address(url: &str) -> Result<(), ValidationError> {
    if url.chars().count() > WEBSITE_MAX {
        return Err(ValidationError::new("too_long").with_message(Cow::Borrowed("at most 500 characters")));
    }
    let url = url.trim();
    let http = url.get(..7).is_some_and(|s| s.eq_ignore_ascii_case("http://"))
        || url.get(..8).is_some_and(|s| s.eq_ignore_ascii_case("https://"));
    if http && !url.chars().any(|c| c.is_whitespace() || c.is_control()) && validator::ValidateUrl::validate_url(&url) {
        Ok(())
    } else {
        Err(ValidationError::new("invalid_url")
            .with_message(Cow::Borrowed("not an http(s) address such as https://www.we-gov.org")))
    }
}

fn trimmed(website: String) -> String {
    website.trim().to_owned()
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateNetworkRequest {
    /// The network's name in Persian (required) and English.
    #[validate(nested)]
    pub name: ShortText,
    /// The network's website: an http(s) address, up to 500 characters.
    #[validate(custom(function = "http_address"))]
    #[schema(
        max_length = 500,
        pattern = r"^\s*[Hh][Tt][Tt][Pp][Ss]?://",
        example = "https://we-gov.org"
    )]
    pub website: Option<String>,
    /// The day the municipality joined.
    pub joined_on: Option<Day>,
    /// The day the municipality left, not before `joinedOn`; none while a member.
    pub left_on: Option<Day>,
    /// The municipality's role in the network, such as member or board member.
    #[validate(nested)]
    pub role: Option<ShortText>,
    #[validate(nested)]
    pub notes: Option<LongText>,
}

impl CreateNetworkRequest {
    /// The network to record, normalised.
    pub fn into_new(self) -> app::networks::NewNetwork {
        app::networks::NewNetwork {
            name: self.name.normalized(),
            website: self.website.map(trimmed),
            joined_on: day(self.joined_on),
            left_on: day(self.left_on),
            role: self.role.map(ShortText::normalized),
            notes: self.notes.map(LongText::normalized),
        }
    }
}

/// What staff may change of a network; leave out what stays. `null` clears an optional field; the name
/// is replaced whole (send its English part again to keep it).
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UpdateNetworkRequest {
    /// May not be null.
    #[serde(default, deserialize_with = "crate::routes::patch::not_null")]
    #[validate(nested)]
    #[schema(value_type = ShortText)]
    pub name: Option<ShortText>,
    /// null clears it.
    #[serde(default, deserialize_with = "crate::routes::patch::present")]
    #[validate(custom(function = "http_address"))]
    #[schema(value_type = Option<String>, max_length = 500, pattern = r"^\s*[Hh][Tt][Tt][Pp][Ss]?://")]
    pub website: Option<Option<String>>,
    /// null clears it.
    #[serde(default, deserialize_with = "crate::routes::patch::present")]
    #[schema(value_type = Option<Day>)]
    pub joined_on: Option<Option<Day>>,
    /// null clears it (the municipality is a member again); not before `joinedOn`.
    #[serde(default, deserialize_with = "crate::routes::patch::present")]
    #[schema(value_type = Option<Day>)]
    pub left_on: Option<Option<Day>>,
    /// null clears it.
    #[serde(default, deserialize_with = "crate::routes::patch::present")]
    #[validate(nested)]
    #[schema(value_type = Option<ShortText>)]
    pub role: Option<Option<ShortText>>,
    /// null clears them.
    #[serde(default, deserialize_with = "crate::routes::patch::present")]
    #[validate(nested)]
    #[schema(value_type = Option<LongText>)]
    pub notes: Option<Option<LongText>>,
}

impl UpdateNetworkRequest {
    /// The change, normalised.
    pub fn into_change(self) -> app::networks::NetworkChange {
        app::networks::NetworkChange {
            name: self.name.map(ShortText::normalized),
            website: self.website.map(|w| w.map(trimmed)),
            joined_on: self.joined_on.map(day),
            left_on: self.left_on.map(day),
            role: self.role.map(|r| r.map(ShortText::normalized)),
            notes: self.notes.map(|n| n.map(LongText::normalized)),
        }
    }
}

/// The order of the list, by the store's sort fields.
pub type NetworkSort = Sort<NetworkSortField>;

impl SortField for NetworkSortField {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("name", NetworkSortField::Name),
        ("joinedOn", NetworkSortField::JoinedOn),
    ];
    const DESCRIPTION: &'static str = "The order of a list of networks; `-` in front sorts descending.";
}

#[derive(Debug, Deserialize, Validate, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListNetworksQuery {
    /// Text search in both names; Persian and Arabic letter forms and digits match alike.
    #[validate(length(max = 200))]
    #[param(max_length = 200)]
    pub q: Option<String>,
    /// Only networks the municipality still belongs to (true: no `leftOn`) or has left (false).
    pub current: Option<bool>,
    /// Default `name` (the Persian name); networks without `joinedOn` come last either way.
    #[param(inline)]
    pub sort: Option<NetworkSort>,
    /// Page size, 1 to 100; default 20.
    pub limit: Option<Limit>,
    /// How many items to skip; default 0.
    pub offset: Option<Offset>,
}

/// A city network the municipality belongs to, or belonged to.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NetworkView {
    pub id: Uuid,
    pub name: ShortText,
    /// An http(s) address.
    pub website: Option<String>,
    /// The day the municipality joined.
    pub joined_on: Option<NaiveDate>,
    /// The day the municipality left; none while it is a member.
    pub left_on: Option<NaiveDate>,
    /// The municipality's role in the network.
    pub role: Option<ShortText>,
    pub notes: Option<LongText>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<app::networks::Network> for NetworkView {
    fn from(network: app::networks::Network) -> Self {
        NetworkView {
            id: network.id,
            name: ShortText::from_parts(network.name_fa, network.name_en),
            website: network.website,
            joined_on: network.joined_on,
            left_on: network.left_on,
            role: network.role_fa.map(|fa| ShortText::from_parts(fa, network.role_en)),
            notes: network.notes_fa.map(|fa| LongText::from_parts(fa, network.notes_en)),
            created_at: network.created_at,
            updated_at: network.updated_at,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::http_address;

    #[test]
    fn websites_are_http_addresses_with_a_host() {
        for good in [
            "https://we-gov.org",
            "http://www.uil.unesco.org/lifelong-learning/learning-cities",
            "  HTTPS://Example.org/a?b=c ",
        ] {
            assert!(http_address(good).is_ok(), "{good}");
        }
        for bad in [
            "",
            "we-gov.org",
            "ftp://we-gov.org",
            "javascript:alert(1)",
            "https://",
            "https://exa mple.org",
            "https:we-gov.org",
            "ساخت://x",
        ] {
            assert_eq!(
                http_address(bad).map_err(|e| e.code),
                Err("invalid_url".into()),
                "{bad}"
            );
        }
        let long = format!("https://example.org/{}", "a".repeat(481));
        assert_eq!(http_address(&long).map_err(|e| e.code), Err("too_long".into()));
        assert!(http_address(&long[..500]).is_ok());
    }
}
