//! The jury's auto-assignment planner: which reviewers to add to a call's shortlisted ideas so that each
//! has the call's number of reviewers, and how well the result meets the assignment rules.
//!
//! The rules, in their order of priority when they cannot all hold:
//! 1. a reviewer in conflict with the idea ([`in_conflict`]: its submitter, or a recorded conflict) is never
//!    assigned to it;
//! 2. no reviewer goes above their capacity (their maximum load in the call);
//! 3. existing assignments are kept: the planner only adds;
//! 4. every idea gets `k` reviewers, its existing ones included;
//! 5. each idea's reviewers come from at least two organisations (when `k >= 2`);
//! 6. among reviewers of equal capacity, loads differ by at most one (as far as existing loads allow);
//! 7. a reviewer's expertise matches the idea's domain where possible.
//!
//! How the plan is made:
//! - Level: the lowest load `L` such that filling every reviewer up to `min(capacity, L)` covers all the
//!   missing slots ("water-filling"); while it lasts, nobody is filled above that.
//! - Rounds: in round `r`, every idea with fewer than `r` reviewers gets one more, the ideas with the fewest
//!   eligible reviewers first, so a short roster gives every idea a first reviewer before any gets a second.
//!   The reviewer chosen is the best by (keeps the organisations mixed, still below `L - 1`, expertise matches,
//!   lowest load, id).
//! - Completion: an idea still short gets a reviewer through an augmenting path (a chain of moves of new
//!   assignments ending at a reviewer with room), first within the level, then up to capacity; so the plan
//!   fills every slot whenever conflicts and capacities allow it at all.
//! - Repairs: an idea left with one organisation swaps a new reviewer for one of another organisation (a free
//!   one, or by exchange with another idea); then new assignments move from the most to the least loaded
//!   reviewers of a capacity group until loads differ by at most one or no move keeps the rules above.
//! - Expertise: two ideas exchange new reviewers wherever that adds an expertise match without breaking a
//!   rule above; loads do not change.
//!
//! Inputs are sorted by id and every decision is taken over ordered indices, never randomness or hash order, so
//! the same request gives the same plan whatever the order of its lists.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, VecDeque};

use uuid::Uuid;

use crate::idea::Domain;
use crate::reviewer::Organisation;
use crate::wire_enum;

/// A reviewer of the call's jury as the planner sees them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanReviewer {
    pub id: Uuid,
    pub organisation: Organisation,
    pub expertise: Vec<Domain>,
    /// The reviewer's maximum load in this call.
    pub capacity: u32,
    /// The reviewer's active assignments in this call already, on ideas of the plan or not.
    pub load: u32,
}

/// A shortlisted idea to give reviewers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanIdea {
    pub id: Uuid,
    pub domain: Domain,
    /// Who submitted it: never one of its reviewers (see [`in_conflict`]).
    pub submitter_id: Uuid,
    /// Reviewers with a recorded conflict of interest with it (an assignment declined for one included).
    pub conflicted: Vec<Uuid>,
    /// Its reviewers already; they are kept and count towards `reviewers_per_idea`. One who is not in the
    /// roster (no longer active) still counts, but has no organisation or expertise to the planner.
    pub assigned: Vec<Uuid>,
}

/// What staff ask the planner: every idea is to have `reviewers_per_idea` reviewers from the roster. Ids are
/// expected unique; of entries sharing an id, only one is used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanRequest {
    pub reviewers: Vec<PlanReviewer>,
    pub ideas: Vec<PlanIdea>,
    pub reviewers_per_idea: u32,
}

/// An assignment the plan adds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NewAssignment {
    pub idea_id: Uuid,
    pub reviewer_id: Uuid,
    /// Whether the reviewer's expertise includes the idea's domain.
    pub expertise_match: bool,
}

/// The planner's answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// The new assignments only, sorted by (idea id, reviewer id).
    pub assignments: Vec<NewAssignment>,
    pub figures: PlanFigures,
    /// The rules the plan could not meet, at most one entry per rule, in the order of [`Rule::ALL`].
    pub unmet: Vec<Unmet>,
}

/// How the call's assignments look once the plan is applied.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanFigures {
    /// Ideas in the request.
    pub ideas: usize,
    pub new_assignments: usize,
    /// The lowest and highest load over all reviewers after the plan (0 without reviewers).
    pub min_load: u32,
    pub max_load: u32,
    /// The largest (max − min) load within a group of reviewers of equal capacity.
    pub load_spread: u32,
    /// Share (0–1) of the ideas with at least two reviewers whose reviewers come from at least two
    /// organisations; 1.0 when no idea has two reviewers.
    pub organisation_diversity: f64,
    /// Share (0–1) of all the ideas' reviewers, existing and new, whose expertise includes the idea's domain;
    /// 1.0 when the ideas have no reviewer.
    pub expertise_match_rate: f64,
}

wire_enum! {
    /// A rule the plan could not meet.
    pub enum Rule ("assignment rule") {
        ReviewersPerIdea => "reviewers_per_idea",
        OrganisationDiversity => "organisation_diversity",
        LoadBalance => "load_balance",
        Expertise => "expertise",
    }
}

/// A rule the plan could not meet, with the ideas or reviewers concerned (ids sorted).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmet {
    pub rule: Rule,
    pub idea_ids: Vec<Uuid>,
    pub reviewer_ids: Vec<Uuid>,
    /// Plain English, for staff.
    pub message: String,
}

/// Whether a reviewer is in conflict of interest with an idea, so never reviews it: its submitter always (a
/// conflict that follows from the idea and is never stored), anyone else once a conflict is recorded (which
/// declines their assignment to it, if they hold one). The one rule manual and automatic assignment, the
/// conflicts and the reviews all apply.
pub fn in_conflict(submitter_id: Uuid, reviewer_id: Uuid, recorded: bool) -> bool {
    submitter_id == reviewer_id || recorded
}

/// Plans the new assignments of `request`; see the module documentation for the rules and the method.
pub fn plan(request: &PlanRequest) -> Plan {
    let mut planner = Planner::new(request);
    planner.fill_in_rounds();
    planner.complete(false);
    planner.complete(true);
    planner.repair_diversity();
    planner.repair_balance();
    planner.improve_expertise();
    planner.into_plan()
}

/// A reviewer inside the planner, referred to by index (its rank by id).
struct Reviewer {
    id: Uuid,
    /// A single bit: the organisation's position in `Organisation::ALL`.
    organisation: u8,
    /// One bit per domain, by position in `Domain::ALL`.
    expertise: u16,
    capacity: u32,
    load: u32,
    /// The ideas this plan gives them, the only assignments it may move.
    new: Vec<usize>,
    /// How many of those are outside the reviewer's expertise.
    mismatched: u32,
}

/// An idea inside the planner, referred to by index (its rank by id).
struct Idea {
    id: Uuid,
    /// A single bit: the domain's position in `Domain::ALL`.
    domain: u16,
    /// Reviewer indices, sorted.
    conflicted: Vec<usize>,
    /// Existing reviewers in the roster.
    existing: Vec<usize>,
    /// Existing reviewers not in the roster: they count towards k and nothing else.
    outside: u32,
    new: Vec<usize>,
}

struct Planner {
    k: u32,
    /// Organisation diversity only means something with two reviewers or more.
    diversity: bool,
    /// The water level: no reviewer is filled above `min(capacity, level)` while other choices remain.
    level: u32,
    reviewers: Vec<Reviewer>,
    ideas: Vec<Idea>,
    /// Ideas in the order they are served: fewest eligible reviewers first, then id.
    order: Vec<usize>,
}

fn bit_of<T: PartialEq>(all: &[T], value: &T) -> u32 {
    all.iter().position(|v| v == value).unwrap_or(0) as u32
}

fn is_mixed(organisations: u8) -> bool {
    organisations.count_ones() >= 2
}

impl Planner {
    fn new(request: &PlanRequest) -> Planner {
        let mut roster: Vec<&PlanReviewer> = request.reviewers.iter().collect();
        roster.sort_by_key(|r| r.id);
        roster.dedup_by_key(|r| r.id);
        let index: BTreeMap<Uuid, usize> = roster.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
        let reviewers: Vec<Reviewer> = roster
            .iter()
            .map(|r| Reviewer {
                id: r.id,
                organisation: 1 << bit_of(Organisation::ALL, &r.organisation),
                expertise: r.expertise.iter().fold(0, |bits, d| bits | 1 << bit_of(Domain::ALL, d)),
                capacity: r.capacity,
                load: r.load,
                new: Vec::new(),
                mismatched: 0,
            })
            .collect();

        let mut submitted: Vec<&PlanIdea> = request.ideas.iter().collect();
        submitted.sort_by_key(|i| i.id);
        submitted.dedup_by_key(|i| i.id);
        let ideas: Vec<Idea> = submitted
            .iter()
            .map(|idea| {
                let to_indices = |ids: &[Uuid]| {
                    let mut indices: Vec<usize> = ids.iter().filter_map(|id| index.get(id).copied()).collect();
                    indices.sort_unstable();
                    indices.dedup();
                    indices
                };
                let mut assigned = idea.assigned.clone();
                assigned.sort_unstable();
                assigned.dedup();
                let existing = to_indices(&assigned);
                let recorded: BTreeSet<Uuid> = idea.conflicted.iter().copied().collect();
                let conflicted: Vec<usize> = (0..roster.len())
                    .filter(|&r| in_conflict(idea.submitter_id, roster[r].id, recorded.contains(&roster[r].id)))
                    .collect();
                Idea {
                    id: idea.id,
                    domain: 1 << bit_of(Domain::ALL, &idea.domain),
                    conflicted,
                    outside: (assigned.len() - existing.len()) as u32,
                    existing,
                    new: Vec::new(),
                }
            })
            .collect();

        let k = request.reviewers_per_idea;
        let need: u64 = ideas.iter().map(|i| u64::from(k.saturating_sub(i.count()))).sum();
        let level = water_level(&reviewers, need);

        // Eligible now: not conflicted, not on the idea already, with room left.
        let with_room = reviewers.iter().filter(|r| r.load < r.capacity).count();
        let mut order: Vec<(usize, usize)> = ideas
            .iter()
            .enumerate()
            .map(|(i, idea)| {
                let mut blocked: Vec<usize> = idea.conflicted.iter().chain(&idea.existing).copied().collect();
                blocked.sort_unstable();
                blocked.dedup();
                let blocked = blocked
                    .iter()
                    .filter(|&&r| reviewers[r].load < reviewers[r].capacity)
                    .count();
                (with_room - blocked, i)
            })
            .collect();
        order.sort_unstable();

        Planner {
            k,
            diversity: k >= 2,
            level,
            reviewers,
            ideas,
            order: order.into_iter().map(|(_, i)| i).collect(),
        }
    }

    fn eligible(&self, i: usize, r: usize) -> bool {
        let idea = &self.ideas[i];
        idea.conflicted.binary_search(&r).is_err() && !idea.existing.contains(&r) && !idea.new.contains(&r)
    }

    fn matches(&self, i: usize, r: usize) -> bool {
        self.reviewers[r].expertise & self.ideas[i].domain != 0
    }

    /// The organisations among the idea's roster reviewers, one bit each.
    fn organisations(&self, i: usize) -> u8 {
        let idea = &self.ideas[i];
        idea.existing
            .iter()
            .chain(&idea.new)
            .fold(0, |bits, &r| bits | self.reviewers[r].organisation)
    }

    /// The idea's organisations if its new reviewer `out` were replaced by `into`.
    fn organisations_after(&self, i: usize, out: usize, into: usize) -> u8 {
        let idea = &self.ideas[i];
        idea.existing
            .iter()
            .chain(&idea.new)
            .filter(|&&r| r != out)
            .fold(self.reviewers[into].organisation, |bits, &r| {
                bits | self.reviewers[r].organisation
            })
    }

    /// Whether replacing `out` by `into` on the idea would leave it with one organisation where it had two.
    fn breaks_mix(&self, i: usize, out: usize, into: usize) -> bool {
        self.diversity && is_mixed(self.organisations(i)) && !is_mixed(self.organisations_after(i, out, into))
    }

    fn limit(&self, r: usize, up_to_capacity: bool) -> u32 {
        let reviewer = &self.reviewers[r];
        if up_to_capacity {
            reviewer.capacity
        } else {
            reviewer.capacity.min(self.level)
        }
    }

    fn assign(&mut self, i: usize, r: usize) {
        let mismatched = u32::from(!self.matches(i, r));
        self.ideas[i].new.push(r);
        let reviewer = &mut self.reviewers[r];
        reviewer.new.push(i);
        reviewer.load += 1;
        reviewer.mismatched += mismatched;
    }

    fn unassign(&mut self, i: usize, r: usize) {
        let mismatched = u32::from(!self.matches(i, r));
        self.ideas[i].new.retain(|&x| x != r);
        let reviewer = &mut self.reviewers[r];
        reviewer.new.retain(|&x| x != i);
        reviewer.load -= 1;
        reviewer.mismatched -= mismatched;
    }

    fn replace(&mut self, i: usize, out: usize, into: usize) {
        self.unassign(i, out);
        self.assign(i, into);
    }

    /// Rounds of one reviewer per short idea, within the water level.
    fn fill_in_rounds(&mut self) {
        // No idea can have more reviewers than the roster plus its outsiders, so later rounds would do nothing.
        let most_outside = self.ideas.iter().map(|i| i.outside).max().unwrap_or(0);
        let rounds = self.k.min(self.reviewers.len() as u32 + most_outside);
        let order = self.order.clone();
        for round in 1..=rounds {
            for &i in &order {
                if self.ideas[i].count() < round
                    && let Some(r) = self.choose(i)
                {
                    self.assign(i, r);
                }
            }
        }
    }

    /// The best reviewer within the level for one more slot of the idea, if any.
    fn choose(&self, i: usize) -> Option<usize> {
        let organisations = self.organisations(i);
        // With one organisation on the idea so far, a reviewer of another one is worth more than anything else.
        let single = self.diversity && organisations.count_ones() == 1;
        let floor = self.level.saturating_sub(1);
        (0..self.reviewers.len())
            .filter(|&r| self.reviewers[r].load < self.limit(r, false) && self.eligible(i, r))
            .min_by_key(|&r| {
                let reviewer = &self.reviewers[r];
                (
                    single && reviewer.organisation == organisations,
                    // Reviewers under the floor must get work anyway for the loads to end within one.
                    reviewer.load >= floor,
                    !self.matches(i, r),
                    reviewer.load,
                    r,
                )
            })
    }

    /// Fills what the rounds left short by augmenting paths, within the level or up to capacity.
    fn complete(&mut self, up_to_capacity: bool) {
        // A failed search marks what it reached as dead: nothing reachable from there ever has room, and later
        // augmentations never touch it, so no later search needs to go there again.
        let mut dead_ideas = vec![false; self.ideas.len()];
        let mut dead_reviewers = vec![false; self.reviewers.len()];
        let order = self.order.clone();
        for &i in &order {
            while self.ideas[i].count() < self.k && !dead_ideas[i] {
                if !self.augment(i, up_to_capacity, &mut dead_ideas, &mut dead_reviewers) {
                    break;
                }
            }
        }
    }

    /// One breadth-first search from `start` for a chain idea → reviewer → (one of their new ideas) →
    /// reviewer … ending at a reviewer with room; applies it and says whether it found one.
    fn augment(
        &mut self,
        start: usize,
        up_to_capacity: bool,
        dead_ideas: &mut [bool],
        dead_reviewers: &mut [bool],
    ) -> bool {
        // The idea each reviewer was reached from, and the reviewer each idea was reached through (who would
        // leave it so that the reviewer before can join).
        let mut reviewer_from: Vec<Option<usize>> = vec![None; self.reviewers.len()];
        let mut idea_from: Vec<Option<usize>> = vec![None; self.ideas.len()];
        let mut seen_ideas = vec![false; self.ideas.len()];
        let mut reached_ideas = vec![start];
        let mut reached_reviewers = Vec::new();
        seen_ideas[start] = true;
        let mut queue = VecDeque::from([start]);
        while let Some(j) = queue.pop_front() {
            for r in 0..self.reviewers.len() {
                if reviewer_from[r].is_some() || dead_reviewers[r] || !self.eligible(j, r) {
                    continue;
                }
                reviewer_from[r] = Some(j);
                reached_reviewers.push(r);
                if self.reviewers[r].load < self.limit(r, up_to_capacity) {
                    self.apply_path(r, j, &reviewer_from, &idea_from);
                    return true;
                }
                for &next in &self.reviewers[r].new {
                    if !seen_ideas[next] && !dead_ideas[next] {
                        seen_ideas[next] = true;
                        idea_from[next] = Some(r);
                        reached_ideas.push(next);
                        queue.push_back(next);
                    }
                }
            }
        }
        for i in reached_ideas {
            dead_ideas[i] = true;
        }
        for r in reached_reviewers {
            dead_reviewers[r] = true;
        }
        false
    }

    /// Walks a found chain back from its last link: the reviewer with room joins the last idea, whose reviewer
    /// moves to the idea before, and so on to the start, which gains one reviewer.
    fn apply_path(
        &mut self,
        mut reviewer: usize,
        mut idea: usize,
        reviewer_from: &[Option<usize>],
        idea_from: &[Option<usize>],
    ) {
        loop {
            self.assign(idea, reviewer);
            let Some(leaving) = idea_from[idea] else { return };
            self.unassign(idea, leaving);
            let Some(before) = reviewer_from[leaving] else { return };
            reviewer = leaving;
            idea = before;
        }
    }

    /// Gives a second organisation to the ideas left with one: a free reviewer of another organisation takes
    /// one of the idea's new reviewers' place, or two ideas exchange new reviewers.
    fn repair_diversity(&mut self) {
        if !self.diversity {
            return;
        }
        for i in 0..self.ideas.len() {
            let organisations = self.organisations(i);
            let reviewers = self.ideas[i].existing.len() + self.ideas[i].new.len();
            if reviewers < 2 || is_mixed(organisations) || self.ideas[i].new.is_empty() {
                continue;
            }
            if let Some((out, into)) = self.free_replacement(i, false) {
                self.replace(i, out, into);
            } else if let Some((out, j, into)) = self.exchange(i) {
                self.replace(i, out, into);
                self.replace(j, into, out);
            } else if let Some((out, into)) = self.free_replacement(i, true) {
                self.replace(i, out, into);
            }
        }
    }

    /// The best (new reviewer of the idea, reviewer of another organisation with room) pair.
    fn free_replacement(&self, i: usize, up_to_capacity: bool) -> Option<(usize, usize)> {
        let organisations = self.organisations(i);
        let mut best = None;
        for &out in &self.ideas[i].new {
            for into in 0..self.reviewers.len() {
                let reviewer = &self.reviewers[into];
                if reviewer.organisation & organisations != 0
                    || reviewer.load >= self.limit(into, up_to_capacity)
                    || !self.eligible(i, into)
                {
                    continue;
                }
                let key = (
                    self.matches(i, out) && !self.matches(i, into),
                    !self.matches(i, into),
                    reviewer.load,
                );
                if best.is_none_or(|(best_key, _)| key < best_key) {
                    best = Some((key, (out, into)));
                }
            }
        }
        best.map(|(_, pair)| pair)
    }

    /// The best exchange (new reviewer `out` of idea `i`, other idea `j`, its new reviewer `into` of another
    /// organisation) that leaves `j` mixed if it was; loads do not change.
    fn exchange(&self, i: usize) -> Option<(usize, usize, usize)> {
        let organisations = self.organisations(i);
        let mut best: Option<(i32, (usize, usize, usize))> = None;
        for &out in &self.ideas[i].new {
            for into in 0..self.reviewers.len() {
                if self.reviewers[into].organisation & organisations != 0 || !self.eligible(i, into) {
                    continue;
                }
                for &j in &self.reviewers[into].new {
                    if j == i || !self.eligible(j, out) || self.breaks_mix(j, into, out) {
                        continue;
                    }
                    let gain = i32::from(self.matches(i, into)) + i32::from(self.matches(j, out))
                        - i32::from(self.matches(i, out))
                        - i32::from(self.matches(j, into));
                    if best.is_none_or(|(best_gain, _)| gain > best_gain) {
                        best = Some((gain, (out, j, into)));
                    }
                }
            }
        }
        best.map(|(_, found)| found)
    }

    /// Reviewers grouped by capacity, each group's indices in order.
    fn capacity_groups(&self) -> BTreeMap<u32, Vec<usize>> {
        let mut groups: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
        for (r, reviewer) in self.reviewers.iter().enumerate() {
            groups.entry(reviewer.capacity).or_default().push(r);
        }
        groups
    }

    /// Moves new assignments from heavier to lighter reviewers of equal capacity (two or more apart) while some
    /// move keeps the idea's organisations mixed. Every move lowers the group's sum of squared loads, so it ends.
    fn repair_balance(&mut self) {
        for group in self.capacity_groups().into_values() {
            while let Some((i, out, into)) = self.balancing_move(&group) {
                self.replace(i, out, into);
            }
        }
    }

    fn balancing_move(&self, group: &[usize]) -> Option<(usize, usize, usize)> {
        let mut donors: Vec<usize> = group
            .iter()
            .copied()
            .filter(|&r| !self.reviewers[r].new.is_empty())
            .collect();
        donors.sort_by_key(|&r| (Reverse(self.reviewers[r].load), r));
        let mut receivers: Vec<usize> = group
            .iter()
            .copied()
            .filter(|&r| self.reviewers[r].load < self.reviewers[r].capacity)
            .collect();
        receivers.sort_by_key(|&r| (self.reviewers[r].load, r));
        for &out in &donors {
            for &into in &receivers {
                if self.reviewers[into].load + 2 > self.reviewers[out].load {
                    break;
                }
                let best = self.reviewers[out]
                    .new
                    .iter()
                    .copied()
                    .filter(|&i| self.eligible(i, into) && !self.breaks_mix(i, out, into))
                    .min_by_key(|&i| {
                        (
                            self.matches(i, out) && !self.matches(i, into),
                            !self.matches(i, into),
                            i,
                        )
                    });
                if let Some(i) = best {
                    return Some((i, out, into));
                }
            }
        }
        None
    }

    /// Exchanges new reviewers between two ideas wherever that brings more expertise matches and keeps both
    /// ideas' organisations mixed; loads do not change. Every exchange adds a match, so it ends.
    fn improve_expertise(&mut self) {
        for i in 0..self.ideas.len() {
            let mut slot = 0;
            while slot < self.ideas[i].new.len() {
                let out = self.ideas[i].new[slot];
                if !self.matches(i, out)
                    && let Some((j, into)) = self.expertise_exchange(i, out)
                {
                    self.replace(i, out, into);
                    self.replace(j, into, out);
                    // The idea's list changed order: look at it again from the start.
                    slot = 0;
                    continue;
                }
                slot += 1;
            }
        }
    }

    /// The best exchange for the new reviewer `out` of idea `i`, who lacks its domain: an expert `into` of
    /// that domain leaves one of their new ideas `j` to `out`.
    fn expertise_exchange(&self, i: usize, out: usize) -> Option<(usize, usize)> {
        let mut best: Option<(i32, (usize, usize))> = None;
        for into in 0..self.reviewers.len() {
            let expert = &self.reviewers[into];
            // With every new idea of theirs in their field, `out` would have to know that field too.
            if !self.matches(i, into)
                || (expert.mismatched == 0 && expert.expertise & self.reviewers[out].expertise == 0)
                || !self.eligible(i, into)
                || self.breaks_mix(i, out, into)
            {
                continue;
            }
            for &j in &expert.new {
                let gain = 1 + i32::from(self.matches(j, out)) - i32::from(self.matches(j, into));
                if gain <= 0
                    || best.is_some_and(|(best_gain, _)| gain <= best_gain)
                    || !self.eligible(j, out)
                    || self.breaks_mix(j, into, out)
                {
                    continue;
                }
                best = Some((gain, (j, into)));
            }
        }
        best.map(|(_, found)| found)
    }

    fn into_plan(self) -> Plan {
        let mut assignments = Vec::new();
        for (i, idea) in self.ideas.iter().enumerate() {
            let mut new = idea.new.clone();
            new.sort_unstable();
            assignments.extend(new.into_iter().map(|r| NewAssignment {
                idea_id: idea.id,
                reviewer_id: self.reviewers[r].id,
                expertise_match: self.matches(i, r),
            }));
        }

        let (mut with_two, mut mixed, mut seats, mut matched) = (0usize, 0usize, 0usize, 0usize);
        for (i, idea) in self.ideas.iter().enumerate() {
            let reviewers = idea.existing.len() + idea.new.len();
            if reviewers >= 2 {
                with_two += 1;
                mixed += usize::from(is_mixed(self.organisations(i)));
            }
            seats += reviewers;
            matched += idea
                .existing
                .iter()
                .chain(&idea.new)
                .filter(|&&r| self.matches(i, r))
                .count();
        }
        let share = |part: usize, whole: usize| if whole == 0 { 1.0 } else { part as f64 / whole as f64 };
        let groups = self.capacity_groups();
        let spread = |members: &[usize]| {
            let loads = members.iter().map(|&r| self.reviewers[r].load);
            loads.clone().max().unwrap_or(0) - loads.min().unwrap_or(0)
        };
        let figures = PlanFigures {
            ideas: self.ideas.len(),
            new_assignments: assignments.len(),
            min_load: self.reviewers.iter().map(|r| r.load).min().unwrap_or(0),
            max_load: self.reviewers.iter().map(|r| r.load).max().unwrap_or(0),
            load_spread: groups.values().map(|members| spread(members)).max().unwrap_or(0),
            organisation_diversity: share(mixed, with_two),
            expertise_match_rate: share(matched, seats),
        };

        let unmet = [
            self.short_ideas(),
            self.single_organisation_ideas(),
            self.unbalanced_loads(&groups),
            self.ideas_without_expertise(),
        ]
        .into_iter()
        .flatten()
        .collect();
        Plan {
            assignments,
            figures,
            unmet,
        }
    }

    fn short_ideas(&self) -> Option<Unmet> {
        let short: Vec<usize> = (0..self.ideas.len())
            .filter(|&i| self.ideas[i].count() < self.k)
            .collect();
        if short.is_empty() {
            return None;
        }
        // Too few reviewers free of a conflict, whatever the capacities; the others ran out of capacity.
        let conflicted = short
            .iter()
            .filter(|&&i| {
                let idea = &self.ideas[i];
                (self.reviewers.len() - idea.conflicted.len()) as u32 + idea.outside < self.k
            })
            .count();
        let cause = if conflicted == short.len() {
            "the roster has too few reviewers without a conflict with them".to_owned()
        } else if conflicted == 0 {
            "the reviewers without a conflict with them have no capacity left".to_owned()
        } else {
            let have = if conflicted == 1 { "has" } else { "have" };
            format!(
                "{conflicted} of them {have} too few reviewers without a conflict, and for the others the roster has \
                 too little capacity left"
            )
        };
        Some(Unmet {
            rule: Rule::ReviewersPerIdea,
            idea_ids: short.iter().map(|&i| self.ideas[i].id).collect(),
            reviewer_ids: Vec::new(),
            message: format!("{} fewer than {} reviewers: {cause}", ideas_have(short.len()), self.k),
        })
    }

    fn single_organisation_ideas(&self) -> Option<Unmet> {
        if !self.diversity {
            return None;
        }
        let single: Vec<usize> = (0..self.ideas.len())
            .filter(|&i| {
                let idea = &self.ideas[i];
                idea.existing.len() + idea.new.len() >= 2 && !is_mixed(self.organisations(i))
            })
            .collect();
        if single.is_empty() {
            return None;
        }
        Some(Unmet {
            rule: Rule::OrganisationDiversity,
            idea_ids: single.iter().map(|&i| self.ideas[i].id).collect(),
            reviewer_ids: Vec::new(),
            message: format!(
                "{} reviewers from one organisation only: no reviewer of another organisation was free of a \
                 conflict and had capacity left, and their existing assignments are kept",
                ideas_have(single.len())
            ),
        })
    }

    /// Groups whose loads still differ by two or more because of this plan: a reviewer it gave work to sits
    /// two or more above a reviewer with room. A spread that existing assignments alone make is not reported.
    fn unbalanced_loads(&self, groups: &BTreeMap<u32, Vec<usize>>) -> Option<Unmet> {
        let mut reviewers = Vec::new();
        let mut details = Vec::new();
        for (&capacity, members) in groups {
            let load = |r: usize| self.reviewers[r].load;
            let Some(lowest) = members.iter().map(|&r| load(r)).filter(|&l| l < capacity).min() else {
                continue;
            };
            let planned_highest = members
                .iter()
                .filter(|&&r| !self.reviewers[r].new.is_empty())
                .map(|&r| load(r));
            if planned_highest.max().is_none_or(|highest| highest < lowest + 2) {
                continue;
            }
            let min = members.iter().map(|&r| load(r)).min().unwrap_or(0);
            let max = members.iter().map(|&r| load(r)).max().unwrap_or(0);
            reviewers.extend(members.iter().copied().filter(|&r| load(r) == min || load(r) == max));
            details.push(format!("capacity {capacity}: loads {min} to {max}"));
        }
        if reviewers.is_empty() {
            return None;
        }
        reviewers.sort_unstable();
        Some(Unmet {
            rule: Rule::LoadBalance,
            idea_ids: Vec::new(),
            reviewer_ids: reviewers.iter().map(|&r| self.reviewers[r].id).collect(),
            message: format!(
                "loads differ by more than one among reviewers of equal capacity ({}): conflicts and the \
                 organisation rule left no move that evens them out",
                details.join("; ")
            ),
        })
    }

    /// Ideas with reviewers none of whom knows the idea's domain although a reviewer without a conflict does.
    fn ideas_without_expertise(&self) -> Option<Unmet> {
        let missed: Vec<usize> = (0..self.ideas.len())
            .filter(|&i| {
                let idea = &self.ideas[i];
                let mut reviewers = idea.existing.iter().chain(&idea.new).peekable();
                reviewers.peek().is_some()
                    && !reviewers.any(|&r| self.matches(i, r))
                    && (0..self.reviewers.len())
                        .any(|r| self.matches(i, r) && idea.conflicted.binary_search(&r).is_err())
            })
            .collect();
        if missed.is_empty() {
            return None;
        }
        Some(Unmet {
            rule: Rule::Expertise,
            idea_ids: missed.iter().map(|&i| self.ideas[i].id).collect(),
            reviewer_ids: Vec::new(),
            message: format!(
                "{} no reviewer with expertise in their domain although the roster has one: those reviewers had \
                 no capacity left or were needed for the rules above",
                ideas_have(missed.len())
            ),
        })
    }
}

impl Idea {
    /// Its reviewers, existing (in the roster or not) and new.
    fn count(&self) -> u32 {
        (self.existing.len() + self.new.len()) as u32 + self.outside
    }
}

/// The lowest level `L` such that filling every reviewer up to `min(capacity, L)` covers `need` slots; the
/// highest capacity when nothing covers it.
fn water_level(reviewers: &[Reviewer], need: u64) -> u32 {
    let filled = |level: u32| -> u64 {
        reviewers
            .iter()
            .map(|r| u64::from(r.capacity.min(level).saturating_sub(r.load)))
            .sum()
    };
    let (mut low, mut high) = (0, reviewers.iter().map(|r| r.capacity).max().unwrap_or(0));
    while low < high {
        let middle = low + (high - low) / 2;
        if filled(middle) >= need {
            high = middle
        } else {
            low = middle + 1
        }
    }
    low
}

fn ideas_have(n: usize) -> String {
    if n == 1 {
        "1 idea has".to_owned()
    } else {
        format!("{n} ideas have")
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet, VecDeque};

    use rand::rngs::StdRng;
    use rand::seq::SliceRandom;
    use rand::{Rng, SeedableRng};

    use super::*;

    const ORGANISATIONS: [Organisation; 4] = [
        Organisation::ForeignMinistry,
        Organisation::University,
        Organisation::ChamberOfCommerce,
        Organisation::Municipality,
    ];

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    fn reviewer(n: u128, organisation: Organisation, expertise: &[Domain], capacity: u32, load: u32) -> PlanReviewer {
        PlanReviewer {
            id: id(n),
            organisation,
            expertise: expertise.to_vec(),
            capacity,
            load,
        }
    }

    fn idea(n: u128, domain: Domain, conflicted: &[u128], assigned: &[u128]) -> PlanIdea {
        PlanIdea {
            id: id(n),
            domain,
            submitter_id: Uuid::max(),
            conflicted: conflicted.iter().map(|&c| id(c)).collect(),
            assigned: assigned.iter().map(|&a| id(a)).collect(),
        }
    }

    fn unmet(plan: &Plan, rule: Rule) -> Option<&Unmet> {
        plan.unmet.iter().find(|u| u.rule == rule)
    }

    /// Every idea's reviewers after the plan, existing and new.
    fn reviewers_after(request: &PlanRequest, plan: &Plan) -> BTreeMap<Uuid, BTreeSet<Uuid>> {
        let mut after: BTreeMap<Uuid, BTreeSet<Uuid>> = request
            .ideas
            .iter()
            .map(|i| (i.id, i.assigned.iter().copied().collect()))
            .collect();
        for a in &plan.assignments {
            after.entry(a.idea_id).or_default().insert(a.reviewer_id);
        }
        after
    }

    fn loads_after(request: &PlanRequest, plan: &Plan) -> BTreeMap<Uuid, u32> {
        let mut loads: BTreeMap<Uuid, u32> = request.reviewers.iter().map(|r| (r.id, r.load)).collect();
        for a in &plan.assignments {
            *loads.entry(a.reviewer_id).or_default() += 1;
        }
        loads
    }

    /// Rules 1–3, which hold whatever the roster, and the plan's own consistency.
    fn assert_hard_rules(request: &PlanRequest, plan: &Plan) {
        let roster: BTreeMap<Uuid, &PlanReviewer> = request.reviewers.iter().map(|r| (r.id, r)).collect();
        let ideas: BTreeMap<Uuid, &PlanIdea> = request.ideas.iter().map(|i| (i.id, i)).collect();
        for pair in plan.assignments.windows(2) {
            assert!(
                (pair[0].idea_id, pair[0].reviewer_id) < (pair[1].idea_id, pair[1].reviewer_id),
                "sorted, no repeats"
            );
        }
        let mut given: BTreeMap<Uuid, u32> = BTreeMap::new();
        for a in &plan.assignments {
            let (Some(reviewer), Some(idea)) = (roster.get(&a.reviewer_id), ideas.get(&a.idea_id)) else {
                panic!("an assignment outside the request: {a:?}");
            };
            assert!(!idea.conflicted.contains(&a.reviewer_id), "conflict assigned: {a:?}");
            assert!(
                !idea.assigned.contains(&a.reviewer_id),
                "existing assignment repeated: {a:?}"
            );
            assert_eq!(a.expertise_match, reviewer.expertise.contains(&idea.domain));
            *given.entry(a.reviewer_id).or_default() += 1;
        }
        for (reviewer_id, count) in given {
            let reviewer = roster[&reviewer_id];
            assert!(
                reviewer.load + count <= reviewer.capacity,
                "above capacity: {reviewer:?} +{count}"
            );
        }
        assert_eq!(plan.figures.new_assignments, plan.assignments.len());
        assert_eq!(plan.figures.ideas, request.ideas.len());
        let rules: Vec<Rule> = plan.unmet.iter().map(|u| u.rule).collect();
        assert!(rules.windows(2).all(|w| w[0] < w[1]), "one entry per rule, in order");
        for u in &plan.unmet {
            assert!(u.idea_ids.windows(2).all(|w| w[0] < w[1]) && u.reviewer_ids.windows(2).all(|w| w[0] < w[1]));
            assert!(!u.message.is_empty());
        }
    }

    fn organisations_of(request: &PlanRequest, reviewers: &BTreeSet<Uuid>) -> BTreeSet<Organisation> {
        request
            .reviewers
            .iter()
            .filter(|r| reviewers.contains(&r.id))
            .map(|r| r.organisation)
            .collect()
    }

    /// The largest load spread within a group of equal capacity.
    fn spread(request: &PlanRequest, plan: &Plan) -> u32 {
        let loads = loads_after(request, plan);
        let mut groups: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
        for r in &request.reviewers {
            groups.entry(r.capacity).or_default().push(loads[&r.id]);
        }
        groups
            .values()
            .map(|l| l.iter().max().unwrap_or(&0) - l.iter().min().unwrap_or(&0))
            .max()
            .unwrap_or(0)
    }

    /// A roster of reviewers from four organisations with one or two random fields each, and ideas of random
    /// fields conflicted with each reviewer at `conflict_rate`.
    fn generated(seed: u64, ideas: usize, reviewers: usize, k: u32, conflict_rate: f64, capacity: u32) -> PlanRequest {
        let mut rng = StdRng::seed_from_u64(seed);
        let reviewers: Vec<PlanReviewer> = (0..reviewers)
            .map(|n| {
                let fields = rng.random_range(1..=2);
                let expertise = (0..fields)
                    .map(|_| Domain::ALL[rng.random_range(0..Domain::ALL.len())])
                    .collect();
                PlanReviewer {
                    id: Uuid::from_u128(rng.random()),
                    organisation: ORGANISATIONS[n % ORGANISATIONS.len()],
                    expertise,
                    capacity,
                    load: 0,
                }
            })
            .collect();
        let ideas = (0..ideas)
            .map(|_| PlanIdea {
                id: Uuid::from_u128(rng.random()),
                domain: Domain::ALL[rng.random_range(0..Domain::ALL.len())],
                submitter_id: Uuid::max(),
                conflicted: reviewers
                    .iter()
                    .filter(|_| rng.random_bool(conflict_rate))
                    .map(|r| r.id)
                    .collect(),
                assigned: Vec::new(),
            })
            .collect();
        PlanRequest {
            reviewers,
            ideas,
            reviewers_per_idea: k,
        }
    }

    /// The share of reviewers a random draw would give an idea in its field, averaged over the ideas.
    fn base_expertise_rate(request: &PlanRequest) -> f64 {
        let total: f64 = request
            .ideas
            .iter()
            .map(|i| {
                let knowing = request
                    .reviewers
                    .iter()
                    .filter(|r| r.expertise.contains(&i.domain))
                    .count();
                knowing as f64 / request.reviewers.len() as f64
            })
            .sum();
        total / request.ideas.len() as f64
    }

    fn shuffled(request: &PlanRequest, seed: u64) -> PlanRequest {
        let mut rng = StdRng::seed_from_u64(seed);
        let mut request = request.clone();
        request.reviewers.shuffle(&mut rng);
        request.ideas.shuffle(&mut rng);
        for idea in &mut request.ideas {
            idea.conflicted.shuffle(&mut rng);
            idea.assigned.shuffle(&mut rng);
        }
        request
    }

    #[test]
    fn the_submitter_is_always_in_conflict_and_others_once_recorded() {
        assert!(in_conflict(id(1), id(1), false));
        assert!(in_conflict(id(1), id(2), true));
        assert!(!in_conflict(id(1), id(2), false));
    }

    #[test]
    fn a_submitter_on_the_roster_never_reviews_their_own_idea() {
        let mut own = idea(100, Domain::Cultural, &[], &[]);
        own.submitter_id = id(1);
        let request = PlanRequest {
            reviewers: vec![
                reviewer(1, Organisation::University, &[Domain::Cultural], 5, 0),
                reviewer(2, Organisation::Municipality, &[], 5, 0),
                reviewer(3, Organisation::ForeignMinistry, &[], 5, 0),
            ],
            ideas: vec![own],
            reviewers_per_idea: 3,
        };
        let plan = plan(&request);
        assert!(plan.assignments.iter().all(|a| a.reviewer_id != id(1)));
        assert_eq!(plan.assignments.len(), 2);
        assert_eq!(
            unmet(&plan, Rule::ReviewersPerIdea).map(|u| u.idea_ids.clone()),
            Some(vec![id(100)])
        );
    }

    #[test]
    fn rule_names_are_snake_case() {
        assert_eq!(Rule::ReviewersPerIdea.as_str(), "reviewers_per_idea");
        assert_eq!("load_balance".parse::<Rule>(), Ok(Rule::LoadBalance));
    }

    #[test]
    fn a_small_call_gets_mixed_expert_reviewers() {
        let request = PlanRequest {
            reviewers: vec![
                reviewer(1, Organisation::University, &[Domain::Economic], 4, 0),
                reviewer(2, Organisation::University, &[Domain::Cultural], 4, 0),
                reviewer(3, Organisation::Municipality, &[Domain::Economic], 4, 0),
                reviewer(4, Organisation::Municipality, &[Domain::Cultural], 4, 0),
            ],
            ideas: vec![
                idea(11, Domain::Economic, &[], &[]),
                idea(12, Domain::Economic, &[], &[]),
                idea(13, Domain::Cultural, &[], &[]),
                idea(14, Domain::Cultural, &[2], &[]),
            ],
            reviewers_per_idea: 2,
        };
        let plan = plan(&request);
        assert_hard_rules(&request, &plan);
        assert!(plan.unmet.is_empty(), "{:?}", plan.unmet);
        for (idea_id, reviewers) in reviewers_after(&request, &plan) {
            assert_eq!(reviewers.len(), 2, "{idea_id}");
            assert_eq!(organisations_of(&request, &reviewers).len(), 2, "{idea_id}");
        }
        // The experts of both organisations fit the economic ideas exactly.
        assert!(
            plan.assignments
                .iter()
                .filter(|a| a.idea_id == id(11))
                .all(|a| a.expertise_match)
        );
        assert_eq!(plan.figures.load_spread, 0);
        assert_eq!((plan.figures.min_load, plan.figures.max_load), (2, 2));
        assert_eq!(plan.figures.organisation_diversity, 1.0);
        assert!(plan.figures.expertise_match_rate >= 0.75, "{:?}", plan.figures);
    }

    #[test]
    fn one_organisation_still_completes_and_reports_every_idea() {
        let reviewers = (1..=6)
            .map(|n| reviewer(n, Organisation::Municipality, &[], 10, 0))
            .collect();
        let ideas: Vec<PlanIdea> = (11..=20).map(|n| idea(n, Domain::Tourism, &[], &[])).collect();
        let request = PlanRequest {
            reviewers,
            ideas,
            reviewers_per_idea: 3,
        };
        let plan = plan(&request);
        assert_hard_rules(&request, &plan);
        assert_eq!(plan.assignments.len(), 30);
        assert!(unmet(&plan, Rule::ReviewersPerIdea).is_none());
        let diversity = unmet(&plan, Rule::OrganisationDiversity).map(|u| u.idea_ids.clone());
        assert_eq!(diversity, Some((11..=20).map(id).collect()));
        assert_eq!(plan.figures.organisation_diversity, 0.0);
        assert_eq!(plan.figures.load_spread, 0);
        // Nobody knows tourism, so that is not the plan's failure.
        assert!(unmet(&plan, Rule::Expertise).is_none());
        assert_eq!(plan.figures.expertise_match_rate, 0.0);
    }

    #[test]
    fn too_little_capacity_gives_every_idea_a_first_reviewer_and_is_reported() {
        let request = PlanRequest {
            reviewers: vec![
                reviewer(1, Organisation::University, &[], 2, 0),
                reviewer(2, Organisation::Municipality, &[], 2, 0),
                reviewer(3, Organisation::ForeignMinistry, &[], 3, 2),
            ],
            ideas: (11..=15).map(|n| idea(n, Domain::Media, &[], &[])).collect(),
            reviewers_per_idea: 2,
        };
        let plan = plan(&request);
        assert_hard_rules(&request, &plan);
        assert_eq!(plan.assignments.len(), 5, "all the capacity there is");
        let after = reviewers_after(&request, &plan);
        assert!(
            after.values().all(|r| r.len() == 1),
            "every idea a first reviewer before any a second"
        );
        let Some(short) = unmet(&plan, Rule::ReviewersPerIdea) else {
            panic!("short ideas unreported")
        };
        assert_eq!(short.idea_ids.len(), 5);
        assert!(
            short.message.starts_with("5 ideas have fewer than 2 reviewers"),
            "{}",
            short.message
        );
        assert!(short.message.contains("capacity"), "{}", short.message);
        assert_eq!(plan.figures.max_load, 3);
    }

    #[test]
    fn existing_assignments_are_kept_and_counted_in_the_loads() {
        let request = PlanRequest {
            reviewers: vec![
                // Three of reviewer 1's five assignments are on ideas outside this plan.
                reviewer(1, Organisation::University, &[Domain::Sports], 6, 5),
                reviewer(2, Organisation::Municipality, &[Domain::Sports], 6, 1),
                reviewer(3, Organisation::Municipality, &[Domain::Sports], 6, 0),
                reviewer(4, Organisation::University, &[Domain::Sports], 6, 0),
            ],
            ideas: vec![
                idea(11, Domain::Sports, &[], &[1, 2]),
                idea(12, Domain::Sports, &[], &[1]),
                idea(13, Domain::Sports, &[], &[]),
                // Reviewer 99 has left the roster; their assignment is kept and counts.
                idea(14, Domain::Sports, &[], &[99]),
            ],
            reviewers_per_idea: 2,
        };
        let plan = plan(&request);
        assert_hard_rules(&request, &plan);
        assert!(
            plan.assignments.iter().all(|a| a.idea_id != id(11)),
            "idea 11 is complete already"
        );
        let after = reviewers_after(&request, &plan);
        assert!(after.values().all(|r| r.len() == 2));
        assert!(after[&id(11)].contains(&id(1)) && after[&id(12)].contains(&id(1)));
        // Reviewer 1 is far above the others already: the plan gives them nothing more.
        let loads = loads_after(&request, &plan);
        assert_eq!(loads[&id(1)], 5);
        assert_eq!(plan.figures.max_load, 5);
        assert_eq!(plan.figures.min_load, 1);
        // That spread is the existing assignments', not the plan's.
        assert!(unmet(&plan, Rule::LoadBalance).is_none(), "{:?}", plan.unmet);
        assert_eq!(plan.figures.load_spread, 4);
        // Idea 12 has University already, so its second reviewer comes from the Municipality.
        assert_eq!(organisations_of(&request, &after[&id(12)]).len(), 2);
    }

    #[test]
    fn an_idea_conflicted_with_everyone_stays_short() {
        let request = PlanRequest {
            reviewers: vec![
                reviewer(1, Organisation::University, &[Domain::Economic], 5, 0),
                reviewer(2, Organisation::Municipality, &[], 5, 0),
                reviewer(3, Organisation::ForeignMinistry, &[], 5, 0),
            ],
            ideas: vec![
                idea(11, Domain::Economic, &[1, 2, 3], &[]),
                idea(12, Domain::Economic, &[2], &[]),
            ],
            reviewers_per_idea: 2,
        };
        let plan = plan(&request);
        assert_hard_rules(&request, &plan);
        let Some(short) = unmet(&plan, Rule::ReviewersPerIdea) else {
            panic!("idea 11 unreported")
        };
        assert_eq!(short.idea_ids, vec![id(11)]);
        assert!(short.message.contains("conflict"), "{}", short.message);
        assert_eq!(
            reviewers_after(&request, &plan)[&id(12)],
            BTreeSet::from([id(1), id(3)])
        );
    }

    #[test]
    fn one_reviewer_per_idea_needs_no_second_organisation() {
        let request = PlanRequest {
            reviewers: (1..=3)
                .map(|n| reviewer(n, Organisation::University, &[Domain::Cultural], 4, 0))
                .collect(),
            ideas: (11..=19).map(|n| idea(n, Domain::Cultural, &[], &[])).collect(),
            reviewers_per_idea: 1,
        };
        let plan = plan(&request);
        assert_hard_rules(&request, &plan);
        assert!(plan.unmet.is_empty(), "{:?}", plan.unmet);
        assert_eq!(plan.assignments.len(), 9);
        assert_eq!((plan.figures.min_load, plan.figures.max_load), (3, 3));
        assert_eq!(plan.figures.organisation_diversity, 1.0);
        assert_eq!(plan.figures.expertise_match_rate, 1.0);
    }

    #[test]
    fn empty_requests_plan_nothing() {
        let nothing = PlanRequest {
            reviewers: Vec::new(),
            ideas: Vec::new(),
            reviewers_per_idea: 3,
        };
        let plan = plan(&nothing);
        assert!(plan.assignments.is_empty() && plan.unmet.is_empty());
        assert_eq!(plan.figures.organisation_diversity, 1.0);
        assert_eq!(plan.figures.expertise_match_rate, 1.0);

        let no_reviewers = PlanRequest {
            reviewers: Vec::new(),
            ideas: vec![idea(11, Domain::Other, &[], &[])],
            reviewers_per_idea: 2,
        };
        let plan = super::plan(&no_reviewers);
        assert_eq!(
            unmet(&plan, Rule::ReviewersPerIdea).map(|u| u.idea_ids.clone()),
            Some(vec![id(11)])
        );

        let no_ideas = PlanRequest {
            reviewers: vec![reviewer(1, Organisation::Other, &[], 3, 1)],
            ideas: Vec::new(),
            reviewers_per_idea: 2,
        };
        let plan = super::plan(&no_ideas);
        assert!(plan.assignments.is_empty() && plan.unmet.is_empty());
        assert_eq!((plan.figures.min_load, plan.figures.max_load), (1, 1));

        let none_wanted = PlanRequest {
            reviewers: vec![reviewer(1, Organisation::Other, &[], 3, 0)],
            ideas: vec![idea(11, Domain::Other, &[], &[])],
            reviewers_per_idea: 0,
        };
        assert!(super::plan(&none_wanted).assignments.is_empty());
    }

    #[test]
    fn missing_expertise_is_reported_only_when_someone_could_have_brought_it() {
        let request = PlanRequest {
            reviewers: vec![
                reviewer(1, Organisation::University, &[Domain::Scientific], 1, 1),
                reviewer(2, Organisation::Municipality, &[Domain::Media], 5, 0),
                reviewer(3, Organisation::ForeignMinistry, &[], 5, 0),
            ],
            ideas: vec![
                // The only scientist is full: a miss the roster could have avoided with more capacity.
                idea(11, Domain::Scientific, &[], &[]),
                // The only media expert is conflicted: no miss.
                idea(12, Domain::Media, &[2], &[]),
                // Nobody knows sports: no miss.
                idea(13, Domain::Sports, &[], &[]),
            ],
            reviewers_per_idea: 1,
        };
        let plan = plan(&request);
        assert_hard_rules(&request, &plan);
        assert_eq!(
            unmet(&plan, Rule::Expertise).map(|u| u.idea_ids.clone()),
            Some(vec![id(11)])
        );
    }

    #[test]
    fn generated_rosters_meet_every_rule() {
        for seed in 1..=6 {
            let request = generated(seed, 250, 20, 3, 0.05, 45);
            let plan = plan(&request);
            assert_hard_rules(&request, &plan);
            assert!(
                plan.unmet.iter().all(|u| u.rule == Rule::Expertise),
                "seed {seed}: {:?}",
                plan.unmet
            );
            let after = reviewers_after(&request, &plan);
            for reviewers in after.values() {
                assert_eq!(reviewers.len(), 3);
                assert!(organisations_of(&request, reviewers).len() >= 2);
            }
            assert!(spread(&request, &plan) <= 1, "seed {seed}");
            assert_eq!(plan.figures.load_spread, spread(&request, &plan));
            let base = base_expertise_rate(&request);
            eprintln!("seed {seed}: {:?}, random draw would match {base:.3}", plan.figures);
            assert!(
                plan.figures.expertise_match_rate >= base + 0.25,
                "seed {seed}: {:?} vs {base}",
                plan.figures
            );
        }
    }

    #[test]
    fn reviewers_of_different_capacities_balance_within_their_group() {
        for seed in 10..=13 {
            let mut request = generated(seed, 300, 24, 3, 0.05, 0);
            for (n, reviewer) in request.reviewers.iter_mut().enumerate() {
                reviewer.capacity = [20, 40, 80][n % 3];
            }
            let plan = plan(&request);
            assert_hard_rules(&request, &plan);
            assert!(
                plan.unmet.iter().all(|u| u.rule == Rule::Expertise),
                "seed {seed}: {:?}",
                plan.unmet
            );
            assert!(spread(&request, &plan) <= 1, "seed {seed}: {:?}", plan.figures);
            // 900 slots over 24 reviewers: the small ones are full, the others share the rest evenly.
            let loads = loads_after(&request, &plan);
            assert!(
                request
                    .reviewers
                    .iter()
                    .filter(|r| r.capacity == 20)
                    .all(|r| loads[&r.id] == 20)
            );
        }
    }

    #[test]
    fn the_same_request_in_any_order_gives_the_same_plan() {
        for seed in 20..=23 {
            let mut request = generated(seed, 120, 15, 3, 0.1, 30);
            // Some existing assignments, so that they too are shuffled.
            for n in 0..20 {
                let reviewer = request.reviewers[n % 15].id;
                if !request.ideas[n].conflicted.contains(&reviewer) {
                    request.ideas[n].assigned.push(reviewer);
                    request.reviewers[n % 15].load += 1;
                }
            }
            let expected = plan(&request);
            for shuffle in 0..3 {
                assert_eq!(plan(&shuffled(&request, seed * 10 + shuffle)), expected, "seed {seed}");
            }
        }
    }

    /// The most slots any plan could fill: a maximum flow from the ideas' missing slots through the
    /// non-conflicted pairs to the reviewers' room.
    fn most_fillable(request: &PlanRequest) -> u32 {
        let (ideas, reviewers) = (request.ideas.len(), request.reviewers.len());
        let (source, sink) = (ideas + reviewers, ideas + reviewers + 1);
        let mut capacity = vec![vec![0u32; ideas + reviewers + 2]; ideas + reviewers + 2];
        for (i, idea) in request.ideas.iter().enumerate() {
            capacity[source][i] = request.reviewers_per_idea.saturating_sub(idea.assigned.len() as u32);
            for (r, reviewer) in request.reviewers.iter().enumerate() {
                if !idea.conflicted.contains(&reviewer.id) && !idea.assigned.contains(&reviewer.id) {
                    capacity[i][ideas + r] = 1;
                }
            }
        }
        for (r, reviewer) in request.reviewers.iter().enumerate() {
            capacity[ideas + r][sink] = reviewer.capacity.saturating_sub(reviewer.load);
        }
        let mut flow = 0;
        loop {
            let mut parent = vec![usize::MAX; capacity.len()];
            parent[source] = source;
            let mut queue = VecDeque::from([source]);
            while let Some(u) = queue.pop_front() {
                for v in 0..capacity.len() {
                    if parent[v] == usize::MAX && capacity[u][v] > 0 {
                        parent[v] = u;
                        queue.push_back(v);
                    }
                }
            }
            if parent[sink] == usize::MAX {
                return flow;
            }
            let mut v = sink;
            while v != source {
                let u = parent[v];
                capacity[u][v] -= 1;
                capacity[v][u] += 1;
                v = u;
            }
            flow += 1;
        }
    }

    #[test]
    fn tight_rosters_fill_every_slot_that_can_be_filled() {
        for seed in 30..=80 {
            let mut rng = StdRng::seed_from_u64(seed);
            let k = rng.random_range(1..=3);
            let mut request = generated(seed, 14, 6, k, 0.35, 0);
            for reviewer in &mut request.reviewers {
                reviewer.capacity = rng.random_range(0..=6);
                reviewer.load = rng.random_range(0..=2);
            }
            for idea in request.ideas.iter_mut().take(4) {
                let reviewer = &mut request.reviewers[rng.random_range(0..6)];
                if !idea.conflicted.contains(&reviewer.id) {
                    idea.assigned.push(reviewer.id);
                    reviewer.load += 1;
                }
            }
            let plan = plan(&request);
            assert_hard_rules(&request, &plan);
            assert_eq!(plan.assignments.len() as u32, most_fillable(&request), "seed {seed}");
            let short = reviewers_after(&request, &plan)
                .values()
                .filter(|r| r.len() < k as usize)
                .count();
            assert_eq!(
                unmet(&plan, Rule::ReviewersPerIdea).map_or(0, |u| u.idea_ids.len()),
                short
            );
        }
    }

    #[test]
    #[ignore = "timing: run with --release -- --ignored --nocapture"]
    fn large_calls_plan_quickly() {
        // Ample capacity, then capacity exactly the need, then one short of it per reviewer, with many conflicts.
        for (ideas, reviewers, spare, conflict_rate) in [
            (250, 20, 10, 0.05),
            (10_000, 400, 10, 0.05),
            (10_000, 400, 0, 0.3),
            (10_000, 400, -1, 0.3),
        ] {
            let capacity = ((ideas * 3 / reviewers) as i64 + spare) as u32;
            let request = generated(7, ideas, reviewers, 3, conflict_rate, capacity);
            timed(&request);
        }
        // Every idea in one field that a few reviewers know: expertise is scarce everywhere.
        let mut request = generated(8, 10_000, 400, 3, 0.05, 85);
        for idea in &mut request.ideas {
            idea.domain = Domain::Cultural;
        }
        timed(&request);
    }

    /// Plans the request and prints how long it took and how it came out.
    fn timed(request: &PlanRequest) {
        let (ideas, reviewers) = (request.ideas.len(), request.reviewers.len());
        let capacity = request.reviewers.first().map_or(0, |r| r.capacity);
        let started = std::time::Instant::now();
        let plan = plan(request);
        let elapsed = started.elapsed();
        let rules: Vec<Rule> = plan.unmet.iter().map(|u| u.rule).collect();
        eprintln!(
            "{ideas} x {reviewers}, capacity {capacity}: {elapsed:?}, {:?}, unmet {rules:?}",
            plan.figures
        );
        assert_hard_rules(request, &plan);
    }
}
