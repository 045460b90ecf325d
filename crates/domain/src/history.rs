//! An idea's history as the state machine allows it: every event that moves the idea records a transition
//! the rules allow, from the state the event before left it in, and the last leaves it where it is. Whatever
//! wrote a history (the API, the demo seed) must pass [`check`].

use crate::event::EventKind;
use crate::idea::{IdeaAction, IdeaState, ScreeningDecision};
use crate::review::{DECIDABLE, review_state_event};

/// One event of an idea's history as stored: its kind and, for the events that move the idea, its states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Recorded {
    pub kind: EventKind,
    pub from: Option<IdeaState>,
    pub to: Option<IdeaState>,
}

/// What is wrong with a history.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HistoryError {
    #[error("event {index} ({kind}) moves the idea from {from:?} to {to:?}, which no rule allows")]
    NotATransition {
        index: usize,
        kind: EventKind,
        from: Option<IdeaState>,
        to: Option<IdeaState>,
    },
    #[error("event {index} ({kind}) starts from {from:?} but the idea was {was:?}")]
    Gap {
        index: usize,
        kind: EventKind,
        from: Option<IdeaState>,
        was: Option<IdeaState>,
    },
    #[error("the history leaves the idea {left:?}, but it is {current}")]
    Ends {
        left: Option<IdeaState>,
        current: IdeaState,
    },
}

/// Whether an event of `kind` may move an idea from `from` to `to`: a citizen's or staff's action, the jury's
/// assignments and reviews, or a published decision.
pub fn allows(kind: EventKind, from: Option<IdeaState>, to: IdeaState) -> bool {
    use IdeaState::*;
    let Some(from) = from else {
        return kind == EventKind::Created && to == Draft;
    };
    let actions = [
        IdeaAction::Submit,
        IdeaAction::Withdraw,
        IdeaAction::Screen(ScreeningDecision::Shortlist),
        IdeaAction::Screen(ScreeningDecision::Reject),
        IdeaAction::ReopenScreening,
    ];
    let by_action = actions
        .iter()
        .any(|&action| EventKind::of_action(action) == Some(kind) && action.apply(from) == Ok(to));
    let by_jury = review_state_event(from, to) == Some(kind);
    let by_decision =
        kind == EventKind::DecisionPublished && DECIDABLE.contains(&from) && matches!(to, Selected | NotSelected);
    by_action || by_jury || by_decision
}

/// Checks a history, oldest event first, against the state machine and the idea's `current` state.
pub fn check(history: &[Recorded], current: IdeaState) -> Result<(), HistoryError> {
    let mut state = None;
    for (index, event) in history.iter().enumerate() {
        if !event.kind.moves_idea() {
            continue;
        }
        if event.from != state {
            return Err(HistoryError::Gap {
                index,
                kind: event.kind,
                from: event.from,
                was: state,
            });
        }
        match event.to {
            Some(to) if allows(event.kind, event.from, to) => state = Some(to),
            to => {
                return Err(HistoryError::NotATransition {
                    index,
                    kind: event.kind,
                    from: event.from,
                    to,
                });
            }
        }
    }
    if state == Some(current) {
        Ok(())
    } else {
        Err(HistoryError::Ends { left: state, current })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use IdeaState::*;

    fn moved(kind: EventKind, from: Option<IdeaState>, to: IdeaState) -> Recorded {
        Recorded {
            kind,
            from,
            to: Some(to),
        }
    }

    fn other(kind: EventKind) -> Recorded {
        Recorded {
            kind,
            from: None,
            to: None,
        }
    }

    #[test]
    fn a_whole_life_passes() {
        let history = [
            moved(EventKind::Created, None, Draft),
            moved(EventKind::Submitted, Some(Draft), Submitted),
            moved(EventKind::Shortlisted, Some(Submitted), Shortlisted),
            other(EventKind::Assigned),
            moved(EventKind::ReviewStarted, Some(Shortlisted), InReview),
            other(EventKind::ReviewSubmitted),
            moved(EventKind::ReviewsComplete, Some(InReview), Reviewed),
            other(EventKind::DecisionRecorded),
            moved(EventKind::DecisionPublished, Some(Reviewed), Selected),
        ];
        assert_eq!(check(&history, Selected), Ok(()));
        assert_eq!(
            check(&history, NotSelected),
            Err(HistoryError::Ends {
                left: Some(Selected),
                current: NotSelected
            })
        );
    }

    #[test]
    fn a_skipped_step_or_a_forbidden_move_fails() {
        let skipped = [
            moved(EventKind::Created, None, Draft),
            moved(EventKind::Shortlisted, Some(Submitted), Shortlisted),
        ];
        assert!(matches!(
            check(&skipped, Shortlisted),
            Err(HistoryError::Gap { index: 1, .. })
        ));
        let forbidden = [
            moved(EventKind::Created, None, Draft),
            moved(EventKind::Shortlisted, Some(Draft), Shortlisted),
        ];
        assert!(matches!(
            check(&forbidden, Shortlisted),
            Err(HistoryError::NotATransition { index: 1, .. })
        ));
        let wrong_kind = [
            moved(EventKind::Created, None, Draft),
            moved(EventKind::Withdrawn, Some(Draft), Submitted),
        ];
        assert!(check(&wrong_kind, Submitted).is_err());
        assert!(check(&[], Draft).is_err());
    }

    #[test]
    fn the_jury_and_the_decisions_move_only_ideas_with_the_jury() {
        assert!(allows(EventKind::ReviewResumed, Some(Reviewed), InReview));
        assert!(allows(EventKind::ReturnedToShortlist, Some(InReview), Shortlisted));
        assert!(!allows(EventKind::ReviewStarted, Some(Submitted), InReview));
        assert!(allows(EventKind::DecisionPublished, Some(InReview), NotSelected));
        assert!(!allows(EventKind::DecisionPublished, Some(Shortlisted), Selected));
        assert!(allows(EventKind::ScreeningReopened, Some(Rejected), Submitted));
    }
}
