//! The links a message carries, all under PUBLIC_URL, computed once here so that templates never build
//! URLs and the HTML part can tell our links from text that merely looks like one.

use domain::notice::Notice;
use serde::Serialize;
use uuid::Uuid;

use crate::error::MailError;

/// The URLs one message may show.
#[derive(Debug, Clone, Serialize)]
pub struct Links {
    /// What the message asks the reader to open first.
    pub action: String,
    pub home: String,
    pub login: String,
    pub profile: String,
    pub preferences: String,
    pub review: String,
    /// The one-time links, when the message carries a token.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verify: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub set_password: Option<String>,
    /// Only on kinds the reader may turn off.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unsubscribe: Option<String>,
    /// RFC 8058 one-click target for the List-Unsubscribe header.
    #[serde(skip)]
    pub one_click_unsubscribe: Option<String>,
    /// The links of each idea the message names, by id (drafts, assignments, pending reviews).
    #[serde(skip)]
    pub ideas: Vec<String>,
}

/// A citizen's idea page.
pub fn my_idea(base: &str, id: Uuid) -> String {
    format!("{base}/my/ideas/{id}")
}

/// A reviewer's page of one assigned idea.
pub fn review_of(base: &str, id: Uuid) -> String {
    format!("{base}/review/{id}")
}

/// Staff's page of a call.
pub fn staff_call(base: &str, id: Uuid) -> String {
    format!("{base}/staff/calls/{id}")
}

impl Links {
    pub fn for_message(
        base: &str,
        notice: &Notice,
        secret: Option<&str>,
        unsubscribe_token: Option<&str>,
    ) -> Result<Links, MailError> {
        let kind = notice.kind();
        let secret = secret.map(str::trim).filter(|s| !s.is_empty());
        let needs_secret = matches!(
            notice,
            Notice::VerifyEmail | Notice::PasswordReset | Notice::ReviewerInvitation { new_account: true }
        );
        if needs_secret && secret.is_none() {
            return Err(MailError::MissingSecret(kind));
        }
        // A token is only put in the link it is meant for.
        let verify = match notice {
            Notice::VerifyEmail => secret.map(|s| format!("{base}/verify-email#token={s}")),
            _ => None,
        };
        let set_password = match notice {
            Notice::PasswordReset | Notice::ReviewerInvitation { new_account: true } => {
                secret.map(|s| format!("{base}/set-password#token={s}"))
            }
            _ => None,
        };
        let review = format!("{base}/review");
        let profile = format!("{base}/profile");
        let (unsubscribe, one_click_unsubscribe) = match unsubscribe_token {
            Some(token) if !kind.essential() && !token.trim().is_empty() => {
                let token = token.trim();
                (
                    Some(format!("{base}/unsubscribe#token={token}")),
                    Some(format!("{base}/api/v1/unsubscribe?token={token}")),
                )
            }
            _ => (None, None),
        };
        let mut ideas = Vec::new();
        let action = match notice {
            Notice::VerifyEmail => verify.clone().unwrap_or_default(),
            Notice::PasswordReset => set_password.clone().unwrap_or_default(),
            Notice::ReviewerInvitation { new_account: true } => set_password.clone().unwrap_or_default(),
            Notice::ReviewerInvitation { new_account: false } => review.clone(),
            Notice::PasswordChanged | Notice::SecondFactorChanged { .. } => profile.clone(),
            Notice::IdeaReceived { idea, .. } => my_idea(base, idea.id),
            Notice::IdeaScreened { idea, .. } | Notice::DecisionPublished { idea, .. } => my_idea(base, idea.id),
            Notice::DraftReminder { drafts, .. } => {
                ideas.extend(drafts.iter().map(|draft| my_idea(base, draft.id)));
                format!("{base}/my/ideas")
            }
            Notice::AssignmentsMade { ideas: assigned, .. } => {
                ideas.extend(assigned.iter().map(|idea| review_of(base, idea.id)));
                review.clone()
            }
            Notice::ReviewReminder { pending, .. } => {
                ideas.extend(pending.iter().map(|idea| review_of(base, idea.id)));
                review.clone()
            }
            Notice::CallDigest { call, .. } => staff_call(base, call.id),
            Notice::WebhookDisabled { endpoint_id, .. } => format!("{base}/admin/webhooks/{endpoint_id}"),
        };
        Ok(Links {
            action,
            home: format!("{base}/"),
            login: format!("{base}/login"),
            preferences: format!("{base}/profile#notifications"),
            profile,
            review,
            verify,
            set_password,
            unsubscribe,
            one_click_unsubscribe,
            ideas,
        })
    }

    /// Every URL of this message: the lines of the body that the HTML part may turn into links.
    pub fn all(&self) -> Vec<&str> {
        let mut all = vec![
            self.action.as_str(),
            &self.home,
            &self.login,
            &self.profile,
            &self.preferences,
            &self.review,
        ];
        all.extend(
            [&self.verify, &self.set_password, &self.unsubscribe]
                .into_iter()
                .flatten()
                .map(String::as_str),
        );
        all.extend(self.ideas.iter().map(String::as_str));
        all
    }
}
