//! Editing a meeting from the desktop workspace: create one, load it as a document, save the
//! edited document (the autosave path) and compute live figures for a document not saved yet.
//!
//! The UI edits a [`MeetingDoc`] (the interchange form: member ids are the book's ids as decimal
//! strings). Every save converts it back through `minutebook_record::convert::meeting_from_doc`,
//! which puts every text in NFC, and is refused for meetings that are no longer editable.
//! Figures never block a save: an inconsistent vote (e.g. more yes votes than members present)
//! is reported next to the vote, and the rest is still shown.

use minutebook_record::doc::{ActionItemDoc, MeetingDoc, MemberDoc};
use minutebook_record::record::{AttendanceFigures, VoteResult};
use serde::{Deserialize, Serialize};

/// Longest text accepted in any one field (characters).
pub const MAX_TEXT: usize = 100_000;
/// Most entries accepted in any one list (agenda items, speeches, votes…).
pub const MAX_ITEMS: usize = 1_000;

/// What the "new meeting" form sends.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NewMeetingInput {
    /// Kind code ("regular", "thematic", …).
    pub kind: String,
    /// Date, YYYY-MM-DD.
    pub date: String,
    /// Subject line; empty for the kind's usual subject.
    pub subject: String,
    /// Place.
    pub place: String,
}

/// One vote's live result, or why it cannot be counted yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LiveVote {
    /// The result, when the counts are consistent.
    pub result: Option<VoteResult>,
    /// What is wrong with the counts, when they are not.
    pub problem: Option<LiveProblem>,
}

/// Why figures cannot be given yet: a catalogue message (`i18n/*.ftl`) with its arguments, for
/// the user's language, and the same in English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LiveProblem {
    /// Catalogue id, `live-…`.
    pub id: String,
    /// Its arguments (name → text).
    #[cfg_attr(feature = "ts", ts(type = "Record<string, string>"))]
    pub args: std::collections::BTreeMap<String, String>,
    /// The same in English.
    pub message: String,
}

impl LiveProblem {
    /// The catalogue form of `e`.
    pub fn of(e: &minutebook_core::meeting::MeetingError) -> Self {
        use minutebook_core::attendance::AttendanceError as A;
        use minutebook_core::meeting::MeetingError as M;
        use minutebook_core::vote::VoteError as V;
        let (id, args): (&str, Vec<(&str, String)>) = match e {
            M::Attendance(A::Missing(name)) => {
                ("live-attendance-missing", vec![("name", name.clone())])
            }
            M::Attendance(A::Duplicate(name)) => {
                ("live-attendance-duplicate", vec![("name", name.clone())])
            }
            M::Attendance(A::Unknown(id)) => {
                ("live-attendance-unknown", vec![("id", id.to_string())])
            }
            M::Attendance(A::LeftBeforeArriving(name)) => {
                ("live-left-before-arriving", vec![("name", name.clone())])
            }
            M::UnknownMember { id, .. } => ("live-unknown-signatory", vec![("id", id.to_string())]),
            M::EndsBeforeStart => ("live-ends-before-start", vec![]),
            M::Vote { index, error } => {
                let n = ("n", index.to_string());
                match error {
                    V::MoreVotesThanPresent {
                        counted,
                        present,
                        at,
                    } => (
                        "live-vote-more-than-present",
                        vec![
                            n,
                            ("counted", counted.to_string()),
                            ("present", present.to_string()),
                            ("at", at.clone()),
                        ],
                    ),
                    V::BallotInconsistent(detail) => {
                        ("live-vote-ballots", vec![n, ("detail", detail.clone())])
                    }
                    V::NoEligibleMembers => ("live-vote-no-eligible", vec![n]),
                    V::NoSubject => ("live-vote-no-subject", vec![n]),
                }
            }
        };
        LiveProblem {
            id: id.to_owned(),
            args: args.into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
            message: e.to_string(),
        }
    }
}

/// Figures of a meeting being edited: always the attendance, and each vote on its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LiveFigures {
    /// Attendance counts and rate.
    pub attendance: AttendanceFigures,
    /// One per vote, in order.
    pub votes: Vec<LiveVote>,
    /// What would stop the meeting from closing (attendance list, chair, times), if anything.
    pub problem: Option<LiveProblem>,
    /// The cell's default counting reading (code), used by votes whose reading is `null`.
    pub default_reading: String,
}

/// A meeting opened in the workspace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MeetingWorkspace {
    /// The meeting's content.
    pub doc: MeetingDoc,
    /// The roster, for pickers and names.
    pub roster: Vec<MemberDoc>,
    /// Live figures.
    pub figures: LiveFigures,
    /// Open action items of the previous meeting, for the review item.
    pub carried_forward: Vec<ActionItemDoc>,
    /// Whether the meeting can still be edited.
    pub editable: bool,
    /// How the counting rule is cited.
    pub counting_rule_citation: String,
    /// Whether a closed meeting still matches its signed record. When it is
    /// `Integrity::Altered`, everything above is the signed
    /// record's (the altered rows are not shown) and the UI leads with the warning.
    pub integrity: crate::views::Integrity,
}

#[cfg(test)]
mod problem_tests {
    use super::LiveProblem;
    use minutebook_core::attendance::AttendanceError as A;
    use minutebook_core::meeting::MeetingError as M;
    use minutebook_core::vote::VoteError as V;

    #[test]
    fn every_live_problem_is_in_both_catalogues_with_its_arguments() {
        let vote = |error| M::Vote { index: 2, error };
        for e in [
            M::Attendance(A::Missing("Lý Thị Xuân".into())),
            M::Attendance(A::Duplicate("Lý Thị Xuân".into())),
            M::Attendance(A::Unknown(99)),
            M::Attendance(A::LeftBeforeArriving("Lý Thị Xuân".into())),
            M::UnknownMember {
                role: "chair",
                id: 7,
            },
            M::EndsBeforeStart,
            vote(V::MoreVotesThanPresent {
                counted: 12,
                present: 9,
                at: "20:40".into(),
            }),
            vote(V::BallotInconsistent("returned > issued".into())),
            vote(V::NoEligibleMembers),
            vote(V::NoSubject),
        ] {
            let p = LiveProblem::of(&e);
            assert!(crate::has_message(&p.id), "{}", p.id);
            for lang in [crate::Lang::Vi, crate::Lang::En] {
                let args: Vec<(&str, String)> = p
                    .args
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.clone()))
                    .collect();
                let line = crate::tr(lang, &p.id, &args);
                assert!(!line.contains("{ $"), "{line}");
                for v in p.args.values() {
                    assert!(line.contains(v.as_str()), "{line} lacks {v}");
                }
            }
        }
    }
}
