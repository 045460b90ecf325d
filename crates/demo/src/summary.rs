//! What `seed --demo` prints: the calls and their ideas by state, the register, the jury and the accounts.

use std::collections::BTreeMap;
use std::fmt::{self, Display, Formatter};

use domain::call::CallPhase;
use domain::file::FileOwnerKind;
use domain::idea::IdeaState;
use domain::roles::Roles;
use uuid::Uuid;

use crate::jury::SeededJury;
use crate::register::SeededRegister;
use crate::{CITIZENS, citizen_email, juror_email};

/// The demo as seeded.
pub struct Seeded {
    /// The demo accounts one signs in with, and their roles.
    pub accounts: Vec<(String, Roles)>,
    pub calls: Vec<CallSummary>,
    pub register: SeededRegister,
    pub jury: SeededJury,
    /// How many files the demo keeps with each kind of owner.
    pub files: BTreeMap<FileOwnerKind, u64>,
}

pub struct CallSummary {
    pub id: Uuid,
    pub title: String,
    pub phase: CallPhase,
    /// How many of its ideas are in each state, read back from the database.
    pub ideas: BTreeMap<IdeaState, usize>,
}

impl Seeded {
    /// What the seed prints; `password` is the demo accounts' one password.
    pub fn summary(&self, password: &str) -> String {
        Summary(self, password).to_string()
    }
}

struct Summary<'a>(&'a Seeded, &'a str);

impl Display for Summary<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let Summary(seeded, password) = self;
        writeln!(f, "Demo calls:")?;
        let mut totals: BTreeMap<IdeaState, usize> = BTreeMap::new();
        for call in &seeded.calls {
            let count: usize = call.ideas.values().sum();
            writeln!(
                f,
                "  {}  {:<9}  {count:>3} ideas  {}",
                call.id,
                call.phase.as_str(),
                call.title
            )?;
            for (state, n) in &call.ideas {
                *totals.entry(*state).or_insert(0) += n;
            }
        }
        let per_state: Vec<String> = totals.iter().map(|(state, n)| format!("{state} {n}")).collect();
        writeln!(f, "Ideas per state: {}", per_state.join(", "))?;
        seeded.register.fmt(f)?;
        seeded.jury.fmt(f)?;
        let files: Vec<String> = seeded
            .files
            .iter()
            .map(|(owner, n)| {
                let owners = match owner {
                    FileOwnerKind::Idea => "ideas",
                    FileOwnerKind::Tie => "citizens' ties",
                    FileOwnerKind::Partnership => "partnerships",
                    FileOwnerKind::Activity => "activities",
                };
                format!("{n} on {owners}")
            })
            .collect();
        writeln!(f, "Files: {}", files.join(", "))?;
        writeln!(f, "Demo accounts (password for all: {password}):")?;
        for (email, roles) in &seeded.accounts {
            let roles = roles.to_stored();
            let roles = if roles.is_empty() {
                "citizen".to_owned()
            } else {
                format!("citizen,{roles}")
            };
            writeln!(f, "  {email:<26} {roles}")?;
        }
        writeln!(
            f,
            "  {} … {}  citizen ({CITIZENS} demo citizens with profiles and ideas)",
            citizen_email(1),
            citizen_email(CITIZENS),
        )?;
        writeln!(
            f,
            "  {} … {}  citizen,reviewer (the jury)",
            juror_email(1),
            juror_email(seeded.jury.jurors)
        )
    }
}

impl Display for SeededRegister {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let total: usize = self.partnerships.values().sum();
        let per_state: Vec<String> = self
            .partnerships
            .iter()
            .map(|(state, n)| format!("{state} {n}"))
            .collect();
        writeln!(
            f,
            "Register: {total} partnerships ({}), dormant by their activity: {}; {} activities; {} networks",
            per_state.join(", "),
            self.dormant.join(", "),
            self.activities,
            self.networks
        )?;
        if !self.cities_added.is_empty() {
            writeln!(f, "  cities added for activities: {}", self.cities_added.join(", "))?;
        }
        for title in &self.ideas_achieved {
            writeln!(f, "  an activity grew from the selected idea «{title}»")?;
        }
        Ok(())
    }
}

impl Display for SeededJury {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let total: usize = self.reviewers.values().sum();
        let per_organisation: Vec<String> = self
            .reviewers
            .iter()
            .map(|(organisation, n)| format!("{organisation} {n}"))
            .collect();
        writeln!(f, "Jury: {total} reviewers ({})", per_organisation.join(", "))?;
        for call in &self.calls {
            writeln!(
                f,
                "  {:<62} {:>3} assignments, {:>3} reviews submitted, {} drafts",
                call.title, call.assignments, call.submitted, call.drafts
            )?;
        }
        let first = &self.first;
        let alpha = first
            .alpha
            .map_or_else(|| "n/a".to_owned(), |alpha| format!("{alpha:.2}"));
        writeln!(
            f,
            "  first call's ranking: {} of {} ideas change rank when calibrated (by up to {} places); \
             Krippendorff's alpha {alpha}",
            first.moved, first.ideas, first.largest_move
        )?;
        writeln!(
            f,
            "  of its {n} selected ideas, {} are in the raw top {n} and {} in the calibrated top {n} \
             ({} leave the top {n} when calibrated)",
            first.selected_in_raw_top,
            first.selected_in_calibrated_top,
            first.top_changes,
            n = first.selected
        )
    }
}
