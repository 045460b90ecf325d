//! A citizen's profile: what they do, the cities abroad they are tied to, the languages they speak.

use serde::{Deserialize, Serialize};

use crate::wire_enum;

wire_enum! {
    /// What a citizen does, as the call's statistics group submitters.
    pub enum OccupationCategory ("occupation category") {
        Trader => "trader",
        Academic => "academic",
        Student => "student",
        Athlete => "athlete",
        ArtistOrCulturalActivist => "artist_or_cultural_activist",
        MediaActivist => "media_activist",
        Other => "other",
    }
}

wire_enum! {
    /// The nature of a tie to a city abroad, or of the channel an idea would use.
    pub enum TieKind ("kind of tie") {
        Family => "family",
        Study => "study",
        Work => "work",
        Trade => "trade",
        Academic => "academic",
        Cultural => "cultural",
        Sports => "sports",
        Media => "media",
        Diaspora => "diaspora",
        Other => "other",
    }
}

/// A tie to a city abroad: which city, of what nature, since which year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Tie {
    pub city: String,
    pub country: String,
    pub nature: TieKind,
    pub since: i32,
}

/// Languages are ISO 639 codes: two or three lower-case Latin letters.
pub fn is_language_code(code: &str) -> bool {
    (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes() {
        assert!(is_language_code("fa"));
        assert!(is_language_code("ckb"));
        assert!(!is_language_code("FA"));
        assert!(!is_language_code("f"));
        assert!(!is_language_code("fars"));
        assert!(!is_language_code("فا"));
    }
}
