//! Files kept with the things they document — an idea's proposal and the evidence of its tie abroad, a
//! citizen's evidence of a tie, a partnership's or an activity's records — and who may see each one.
//! The rule is the owner's: a file is never shown to someone who may not know what it documents.

use crate::wire_enum;

wire_enum! {
    /// What a file belongs to.
    pub enum FileOwnerKind ("file owner") {
        Idea => "idea",
        /// A citizen's tie to a city abroad.
        Tie => "tie",
        Partnership => "partnership",
        Activity => "activity",
    }
}

wire_enum! {
    /// What a file is to its owner.
    pub enum FileKind ("file kind") {
        /// A document of the idea itself: the proposal, a plan, a letter of intent.
        Proposal => "proposal",
        /// Proof of the tie abroad the idea or the citizen relies on: an admission, a licence, a letter.
        Evidence => "evidence",
        /// A partnership's or an activity's record: an agreement, a report, a photograph.
        Record => "record",
    }
}

wire_enum! {
    /// Which bytes of a file a link opens.
    pub enum FileVariant ("file variant") {
        Original => "original",
        /// The small image made at upload, for images.
        Preview => "preview",
    }
}

wire_enum! {
    /// What a reader may do with a file.
    pub enum FileAction ("file action") {
        /// Change its description or marks.
        Edit => "edit",
        Remove => "remove",
    }
}

/// The longest description a file may carry, in characters.
pub const DESCRIPTION_MAX: usize = 300;

impl FileOwnerKind {
    /// The kinds a file of this owner may have, the first being the default.
    pub fn kinds(self) -> &'static [FileKind] {
        match self {
            FileOwnerKind::Idea => &[FileKind::Proposal, FileKind::Evidence],
            FileOwnerKind::Tie => &[FileKind::Evidence],
            FileOwnerKind::Partnership | FileOwnerKind::Activity => &[FileKind::Record],
        }
    }

    /// The kind a new file gets: the one asked for if this owner takes it, else None; the default when
    /// none is asked for.
    pub fn kind_of(self, asked: Option<FileKind>) -> Option<FileKind> {
        match asked {
            Some(kind) => self.kinds().contains(&kind).then_some(kind),
            None => self.kinds().first().copied(),
        }
    }

    /// Whether a file may be marked as naming its submitter (hidden from a blind call's reviewers).
    pub fn takes_identifying(self) -> bool {
        self == FileOwnerKind::Idea
    }

    /// Whether staff may mark a file internal (seen by staff only).
    pub fn takes_internal(self) -> bool {
        matches!(self, FileOwnerKind::Partnership | FileOwnerKind::Activity)
    }

    /// Whether the owner's live files share a size budget (a citizen's uploads; staff's records have none).
    pub fn has_budget(self) -> bool {
        matches!(self, FileOwnerKind::Idea | FileOwnerKind::Tie)
    }
}

/// Who is reading an owner's files, as the owner's own rules place them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileReader {
    Staff,
    /// The idea's submitter, or the citizen whose tie it is.
    Owner,
    /// A reviewer assigned to the idea without a conflict.
    Reviewer {
        blind: bool,
    },
    /// Anyone else, signed in or not.
    Public,
}

/// A file's marks, as far as who may see it depends on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileMarks {
    pub kind: FileKind,
    pub identifying: bool,
    pub internal: bool,
}

/// What a reader sees of one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sight {
    Hidden,
    /// Shown; `name` false when its original name may not be shown (a blind call's reviewers), and
    /// `author` whether the author its metadata names may be (the uploader and staff).
    Shown {
        name: bool,
        author: bool,
    },
}

/// What `reader` sees of a file of an owner of `owner` kind. `published_with_consent`: for an idea, it is
/// selected and public and its submitter agreed that its files be shown with it.
pub fn sight(owner: FileOwnerKind, reader: FileReader, marks: FileMarks, published_with_consent: bool) -> Sight {
    let all = Sight::Shown {
        name: true,
        author: true,
    };
    let without_author = Sight::Shown {
        name: true,
        author: false,
    };
    match (owner, reader) {
        (_, FileReader::Staff) => all,
        (FileOwnerKind::Idea | FileOwnerKind::Tie, FileReader::Owner) => all,
        (FileOwnerKind::Idea, FileReader::Reviewer { blind: false }) => without_author,
        (FileOwnerKind::Idea, FileReader::Reviewer { blind: true }) => {
            if marks.kind == FileKind::Proposal && !marks.identifying {
                Sight::Shown {
                    name: false,
                    author: false,
                }
            } else {
                Sight::Hidden
            }
        }
        (FileOwnerKind::Idea, _) => {
            if published_with_consent && marks.kind == FileKind::Proposal && !marks.identifying {
                without_author
            } else {
                Sight::Hidden
            }
        }
        (FileOwnerKind::Tie, _) => Sight::Hidden,
        (FileOwnerKind::Partnership | FileOwnerKind::Activity, _) => {
            if marks.internal {
                Sight::Hidden
            } else {
                without_author
            }
        }
    }
}

/// The name a blind call's reviewer sees instead of the original: `proposal-<n>.<extension>`, `n` from 1.
pub fn anonymous_name(kind: FileKind, position: usize, extension: &str) -> String {
    format!("{}-{}.{extension}", kind.as_str(), position + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks(kind: FileKind, identifying: bool, internal: bool) -> FileMarks {
        FileMarks {
            kind,
            identifying,
            internal,
        }
    }

    fn shown(sight: Sight) -> bool {
        matches!(sight, Sight::Shown { .. })
    }

    #[test]
    fn a_blind_calls_reviewers_see_only_anonymous_proposals() {
        let reviewer = FileReader::Reviewer { blind: true };
        let proposal = marks(FileKind::Proposal, false, false);
        assert_eq!(
            sight(FileOwnerKind::Idea, reviewer, proposal, false),
            Sight::Shown {
                name: false,
                author: false
            }
        );
        let evidence = marks(FileKind::Evidence, false, false);
        assert_eq!(sight(FileOwnerKind::Idea, reviewer, evidence, false), Sight::Hidden);
        let identifying = marks(FileKind::Proposal, true, false);
        assert_eq!(sight(FileOwnerKind::Idea, reviewer, identifying, false), Sight::Hidden);
        // In an open call the reviewer knows the submitter: evidence and names are shown, not authors.
        let open = FileReader::Reviewer { blind: false };
        assert_eq!(
            sight(FileOwnerKind::Idea, open, evidence, false),
            Sight::Shown {
                name: true,
                author: false
            }
        );
    }

    #[test]
    fn the_public_sees_an_ideas_proposals_only_with_consent_once_published() {
        let proposal = marks(FileKind::Proposal, false, false);
        assert!(!shown(sight(FileOwnerKind::Idea, FileReader::Public, proposal, false)));
        assert!(shown(sight(FileOwnerKind::Idea, FileReader::Public, proposal, true)));
        let evidence = marks(FileKind::Evidence, false, false);
        assert!(!shown(sight(FileOwnerKind::Idea, FileReader::Public, evidence, true)));
        let identifying = marks(FileKind::Proposal, true, false);
        assert!(!shown(sight(
            FileOwnerKind::Idea,
            FileReader::Public,
            identifying,
            true
        )));
    }

    #[test]
    fn ties_are_the_citizens_and_staffs_and_internal_records_staffs() {
        let evidence = marks(FileKind::Evidence, false, false);
        assert!(shown(sight(FileOwnerKind::Tie, FileReader::Owner, evidence, false)));
        assert!(shown(sight(FileOwnerKind::Tie, FileReader::Staff, evidence, false)));
        assert!(!shown(sight(FileOwnerKind::Tie, FileReader::Public, evidence, true)));
        let internal = marks(FileKind::Record, false, true);
        assert!(!shown(sight(
            FileOwnerKind::Activity,
            FileReader::Public,
            internal,
            false
        )));
        assert!(shown(sight(
            FileOwnerKind::Activity,
            FileReader::Staff,
            internal,
            false
        )));
        let public = marks(FileKind::Record, false, false);
        assert!(shown(sight(
            FileOwnerKind::Partnership,
            FileReader::Public,
            public,
            false
        )));
    }

    #[test]
    fn each_owner_takes_its_own_kinds() {
        assert_eq!(FileOwnerKind::Idea.kind_of(None), Some(FileKind::Proposal));
        assert_eq!(
            FileOwnerKind::Idea.kind_of(Some(FileKind::Evidence)),
            Some(FileKind::Evidence)
        );
        assert_eq!(FileOwnerKind::Idea.kind_of(Some(FileKind::Record)), None);
        assert_eq!(FileOwnerKind::Tie.kind_of(None), Some(FileKind::Evidence));
        assert_eq!(FileOwnerKind::Activity.kind_of(Some(FileKind::Proposal)), None);
        assert_eq!(anonymous_name(FileKind::Proposal, 0, "pdf"), "proposal-1.pdf");
    }
}
