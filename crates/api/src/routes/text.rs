//! Bilingual text on the wire: `{ "fa": "…", "en": "…" }`, Persian required, English optional.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::routes::rules;

macro_rules! bilingual {
    ($(#[$meta:meta])* $name:ident, $max:tt) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate, ToSchema)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            /// Persian; required.
            #[validate(custom(function = "rules::required_text"), length(max = $max, code = "too_long"))]
            #[schema(min_length = 1, max_length = $max, pattern = r"\S")]
            pub fa: String,
            /// English; optional.
            #[validate(length(max = $max, code = "too_long"))]
            #[schema(max_length = $max)]
            pub en: Option<String>,
        }

        impl $name {
            /// Trimmed, with a blank English text as none.
            pub fn normalized(self) -> (String, Option<String>) {
                let en = self.en.map(|en| en.trim().to_owned()).filter(|en| !en.is_empty());
                (self.fa.trim().to_owned(), en)
            }

            pub fn from_parts(fa: String, en: Option<String>) -> Self {
                $name { fa, en }
            }
        }
    };
}

bilingual!(
    /// A short bilingual text such as a title or a name, up to 200 characters each.
    ShortText,
    200
);

bilingual!(
    /// A long bilingual text such as a description, up to 20,000 characters each.
    LongText,
    20000
);
