//! Plain-text output of the CLI, in the user's language (Fluent catalogue `i18n/*.ftl`).

use std::io::Write;

use minutebook_api::verify::VerifyResult;
use minutebook_api::{
    CellView, CheckReport, Integrity, KeyView, Lang, MeetingListItem, MemberView, RecordInfo,
    Report, SignedView, tr,
};

fn t(lang: Lang, id: &str) -> String {
    tr(lang, id, &[])
}

fn ta(lang: Lang, id: &str, args: &[(&str, String)]) -> String {
    tr(lang, id, args)
}

/// The cell.
pub fn cell(out: &mut impl Write, c: &CellView, lang: Lang) {
    writeln!(out, "{} — {} ({})", c.name, c.upper_committee, c.place).ok();
    writeln!(
        out,
        "{}: {}",
        t(lang, "cli-default-reading"),
        reading_name(lang, &c.default_reading)
    )
    .ok();
    writeln!(
        out,
        "{}: {}",
        t(lang, "cli-required-roles"),
        c.required_roles
            .iter()
            .map(|r| role_name(lang, r))
            .collect::<Vec<_>>()
            .join(", ")
    )
    .ok();
}

/// The roster.
pub fn members(out: &mut impl Write, members: &[MemberView], lang: Lang) {
    for m in members {
        let cat = t(
            lang,
            if m.member.category == "official" {
                "member-official"
            } else {
                "member-probationary"
            },
        );
        let exempt = if m.member.exempted {
            format!(", {}", t(lang, "member-exempted"))
        } else {
            String::new()
        };
        let key = m
            .key_fingerprint
            .as_deref()
            .map(|f| format!("  🔑 {}", &f[..16.min(f.len())]))
            .unwrap_or_default();
        writeln!(
            out,
            "{:>4}  {}  ({cat}{exempt}){key}",
            m.member.id, m.member.full_name
        )
        .ok();
    }
}

/// Meetings.
pub fn meetings(out: &mut impl Write, list: &[MeetingListItem], lang: Lang) {
    for m in list {
        let integrity = match &m.integrity {
            Integrity::Altered { .. } => format!("  ⚠ {}", t(lang, "integrity-altered")),
            _ => String::new(),
        };
        writeln!(
            out,
            "{:>4}  {}  {:<11} {}{integrity}",
            m.id,
            m.date,
            t(lang, &format!("status-{}", m.status)),
            m.subject
        )
        .ok();
    }
}

fn reading_name(lang: Lang, code: &str) -> String {
    t(lang, &format!("reading-{code}"))
}

fn role_name(lang: Lang, code: &str) -> String {
    t(lang, &format!("role-{code}"))
}

/// A report.
pub fn report(out: &mut impl Write, r: &Report, lang: Lang) {
    // An altered meeting: the warning first, then the figures as signed (Book::report).
    if let Integrity::Altered { details } = &r.integrity {
        writeln!(out, "⚠ {}", t(lang, "integrity-altered")).ok();
        for d in details {
            writeln!(out, "   - {d}").ok();
        }
        writeln!(out, "{}", t(lang, "report-signed-figures")).ok();
    }
    let a = &r.figures.attendance;
    let status = match r.integrity {
        Integrity::Altered { .. } => t(lang, "status-altered"),
        _ => t(lang, &format!("status-{}", r.status)),
    };
    writeln!(out, "{} ({}) — {status}", r.subject, r.date).ok();
    writeln!(
        out,
        "{}",
        ta(
            lang,
            "report-roster",
            &[
                ("total", a.roster_total.to_string()),
                ("official", a.official.to_string()),
                ("probationary", a.probationary.to_string()),
                ("exempted", a.exempted.to_string()),
            ]
        )
    )
    .ok();
    writeln!(
        out,
        "{}",
        ta(
            lang,
            "report-attendance",
            &[
                ("present", a.present.to_string()),
                ("must", a.must_attend.to_string()),
                ("official", a.present_official.to_string()),
                ("probationary", a.present_probationary.to_string()),
                ("rate", a.rate_text.clone()),
                ("excused", a.absent_excused.to_string()),
                ("unexcused", a.absent_unexcused.to_string()),
            ]
        )
    )
    .ok();
    if a.present_exempted > 0 || a.attached_temporarily > 0 {
        writeln!(
            out,
            "{}",
            ta(
                lang,
                "report-attendance-apart",
                &[
                    ("exempted", a.present_exempted.to_string()),
                    ("attached", a.attached_temporarily.to_string()),
                ]
            )
        )
        .ok();
    }
    if r.reading_overridden {
        writeln!(out, "{}", t(lang, "report-reading-overridden")).ok();
    }
    for (i, v) in r.figures.votes.iter().enumerate() {
        let outcome = t(
            lang,
            if v.passed {
                "vote-passed"
            } else {
                "vote-failed"
            },
        );
        let threshold = t(lang, &format!("threshold-{}", v.threshold));
        writeln!(
            out,
            "{}",
            ta(
                lang,
                "report-vote",
                &[
                    ("n", (i + 1).to_string()),
                    ("subject", v.subject.clone()),
                    ("yes", v.yes.to_string()),
                    ("no", v.no.to_string()),
                    ("abstain", v.abstain.to_string()),
                    ("eligible", v.eligible.to_string()),
                    ("percent", v.yes_percent_text.clone()),
                    ("threshold", threshold),
                    ("outcome", outcome),
                ]
            )
        )
        .ok();
        writeln!(
            out,
            "     {}: {} ({})",
            t(lang, "report-reading"),
            reading_name(lang, &v.reading),
            r.counting_rule_citation
        )
        .ok();
    }
}

/// Keys.
pub fn keys(out: &mut impl Write, keys: &[KeyView], lang: Lang) {
    for k in keys {
        let revoked = k
            .revoked_from
            .as_ref()
            .map(|d| format!("  ({} {d})", t(lang, "key-revoked-from")))
            .unwrap_or_default();
        writeln!(
            out,
            "{:>4}  {}\n      {}{revoked}",
            k.member_id, k.full_name, k.fingerprint_grouped
        )
        .ok();
    }
}

/// A record's identity, shown before signing.
pub fn record_info(out: &mut impl Write, r: &RecordInfo, lang: Lang) {
    writeln!(
        out,
        "{}",
        ta(
            lang,
            "record-info",
            &[
                ("version", r.version.to_string()),
                ("sequence", r.sequence.to_string())
            ]
        )
    )
    .ok();
    writeln!(out, "SHA-256: {}", r.sha256_grouped).ok();
    if !r.missing_roles.is_empty() {
        writeln!(
            out,
            "{}: {}",
            t(lang, "record-missing-roles"),
            r.missing_roles
                .iter()
                .map(|x| role_name(lang, x))
                .collect::<Vec<_>>()
                .join(", ")
        )
        .ok();
    }
}

/// A signature made.
pub fn signed(out: &mut impl Write, s: &SignedView, lang: Lang) {
    writeln!(
        out,
        "{}",
        ta(
            lang,
            "signed-as",
            &[
                ("name", s.full_name.clone()),
                ("role", role_name(lang, &s.role)),
                ("file", s.stem.clone())
            ]
        )
    )
    .ok();
    writeln!(out, "  {}", s.fingerprint_grouped).ok();
}

/// A verification result.
pub fn verification(out: &mut impl Write, r: &VerifyResult, lang: Lang) {
    for b in &r.bundles {
        writeln!(out, "{}", b.source).ok();
        let rep = &b.report;
        writeln!(out, "  record.json  SHA-256 {}", rep.record_sha256).ok();
        if let Some(s) = &b.superseded_by {
            let place = s
                .source
                .clone()
                .unwrap_or_else(|| t(lang, "verify-superseded-in-book"));
            let line = tr(
                lang,
                "verify-superseded",
                &[("version", s.version.to_string()), ("where", place)],
            );
            writeln!(out, "  ⚠ {line}").ok();
        }
        for s in &rep.signatures {
            let who = s
                .signer
                .as_ref()
                .map(|x| x.full_name.clone())
                .unwrap_or_else(|| "?".into());
            let ok = if s.valid {
                t(lang, "verify-signature-valid")
            } else {
                t(lang, "verify-signature-invalid")
            };
            let pin = t(lang, &format!("pin-{}", pin_code(&s.pin)));
            writeln!(
                out,
                "  {}  {}  {} — {ok}; {pin}",
                s.file,
                role_name(lang, s.role.code()),
                who
            )
            .ok();
        }
        for role in &rep.required_roles {
            let state = t(
                lang,
                if role.signed {
                    "verify-role-signed"
                } else {
                    "verify-role-missing"
                },
            );
            writeln!(out, "  {}: {state}", role_name(lang, role.role.code())).ok();
        }
        for p in &rep.problems {
            writeln!(out, "  ✗ {}", problem_text(p, lang)).ok();
        }
        // The only caveat is a key trusted bare (a PEM given with --trust): said from the
        // signatures themselves, in the user's language.
        let bare: Vec<_> = rep
            .signatures
            .iter()
            .filter(|s| matches!(s.pin, minutebook_api::verify::PinStatus::TrustedBareKey))
            .collect();
        for s in &bare {
            let (name, member) = s
                .signer
                .as_ref()
                .map(|x| (x.full_name.clone(), x.member_id.clone()))
                .unwrap_or_default();
            let line = tr(
                lang,
                "verify-caveat-bare-key",
                &[
                    ("file", s.file.clone()),
                    ("fingerprint", s.fingerprint.clone().unwrap_or_default()),
                    ("name", name),
                    ("member", member),
                ],
            );
            writeln!(out, "  ! {line}").ok();
        }
        if bare.is_empty() {
            for c in &rep.caveats {
                writeln!(out, "  ! {c}").ok();
            }
        }
        for f in &rep.unpinned_fingerprints {
            writeln!(out, "  {}: {f}", t(lang, "verify-unpinned-fingerprint")).ok();
        }
    }
    if let Some(chain) = &r.chain {
        for e in &chain.current {
            writeln!(
                out,
                "  #{:<3} {} v{}  {}",
                e.sequence, e.meeting_id, e.version, e.sha256
            )
            .ok();
        }
        for p in &chain.problems {
            writeln!(out, "  ✗ {}", p.message).ok();
        }
    }
    if let Some(check) = &r.rendering {
        let state = t(
            lang,
            if check.matches {
                "verify-rendering-ok"
            } else {
                "verify-rendering-bad"
            },
        );
        let why = match &check.difference {
            Some(d) => format!(": {}", rendering_difference(d, lang)),
            None => check
                .detail
                .as_ref()
                .map(|d| format!(" ({d})"))
                .unwrap_or_default(),
        };
        writeln!(out, "  PDF: {state}{why}").ok();
    }
    writeln!(
        out,
        "{}",
        t(lang, &format!("verify-outcome-{}", outcome_code(r)))
    )
    .ok();
}

/// A verification problem in `lang`: those that come from the trust (the roster's pins, a key's
/// revocation), a missing role or signature, from the catalogue; the rest in English as the
/// verifier words them.
fn problem_text(p: &minutebook_api::verify::ReportedProblem, lang: Lang) -> String {
    use minutebook_api::verify::Problem as P;
    match &p.problem {
        P::KeyRevoked {
            signature,
            fingerprint,
            revoked_from,
            signed_at,
        } => ta(
            lang,
            "verify-problem-key-revoked",
            &[
                ("file", signature.clone()),
                ("fingerprint", fingerprint.clone()),
                ("from", revoked_from.clone()),
                ("signed_at", signed_at.clone()),
            ],
        ),
        P::KeyPinnedToOtherMember {
            signature,
            fingerprint,
            pinned_member_id,
            attested_member_id,
        } => ta(
            lang,
            "verify-problem-key-other-member",
            &[
                ("file", signature.clone()),
                ("fingerprint", fingerprint.clone()),
                ("pinned", pinned_member_id.clone()),
                ("attested", attested_member_id.clone()),
            ],
        ),
        P::RequiredRoleMissing { role } => ta(
            lang,
            "verify-problem-role-missing",
            &[("role", role_name(lang, role.code()))],
        ),
        P::SignatureInvalid { signature } => ta(
            lang,
            "verify-problem-signature-invalid",
            &[("file", signature.clone())],
        ),
        P::NoSignatures => t(lang, "verify-problem-no-signatures"),
        _ => p.message.clone(),
    }
}

fn pin_code(p: &minutebook_api::verify::PinStatus) -> &'static str {
    use minutebook_api::verify::PinStatus as P;
    match p {
        P::Pinned { .. } => "pinned",
        P::TrustedBareKey => "bare-key",
        P::PinnedToOtherMember { .. } => "other-member",
        P::Revoked { .. } => "revoked",
        P::NotPinned => "not-pinned",
    }
}

fn outcome_code(r: &VerifyResult) -> &'static str {
    match r.exit_code() {
        0 => "valid",
        3 => "unpinned",
        _ => "invalid",
    }
}

/// A check of the whole book.
pub fn check(out: &mut impl Write, r: &CheckReport, lang: Lang) {
    writeln!(out, "SQLite integrity_check: {}", r.sqlite_integrity).ok();
    writeln!(out, "{}: {}", t(lang, "check-audit"), r.audit).ok();
    for m in &r.meetings {
        let state = match &m.integrity {
            Integrity::Intact => t(lang, "integrity-intact"),
            Integrity::Altered { details } => {
                format!("{} — {}", t(lang, "integrity-altered"), details.join("; "))
            }
            Integrity::Open => String::new(),
        };
        writeln!(out, "{:>4}  {}  {state}", m.id, m.subject).ok();
    }
    writeln!(
        out,
        "{}",
        t(lang, if r.ok { "check-ok" } else { "check-failed" })
    )
    .ok();
}

/// Text problems found before closing, one line each on stderr, under the heading `heading`
/// (a catalogue id); nothing when `problems` is empty.
pub fn text_problems(problems: &[minutebook_api::TextProblem], lang: Lang, heading: &str) {
    if problems.is_empty() {
        return;
    }
    eprintln!("{}", tr(lang, heading, &[]));
    for p in problems {
        let field = field_label(&p.field, lang);
        let line = match (&p.code, &p.character) {
            (Some(code), Some(c)) => {
                let mut args = vec![
                    ("field", field),
                    ("code", code.clone()),
                    ("char", c.clone()),
                    (
                        "name",
                        p.name.as_ref().map(|n| format!(" {n}")).unwrap_or_default(),
                    ),
                ];
                match &p.replacement {
                    Some(r) => {
                        args.push(("replacement", r.clone()));
                        tr(lang, "text-unprintable-replace", &args)
                    }
                    None => tr(lang, "text-unprintable", &args),
                }
            }
            _ => tr(lang, &format!("text-{}", p.kind), &[("field", field)]),
        };
        eprintln!("  - {line}");
    }
}

/// A PDF's difference from a fresh rendering of its record, in the user's language.
fn rendering_difference(d: &minutebook_api::RenderingDifference, lang: Lang) -> String {
    use minutebook_api::RenderingDifference as D;
    match d {
        D::Rewritten => tr(lang, "verify-rendering-rewritten", &[]),
        D::PagesChanged { pages } => tr(
            lang,
            "verify-rendering-pages",
            &[(
                "pages",
                pages
                    .iter()
                    .map(u32::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
            )],
        ),
        D::PageCount { expected, found } => tr(
            lang,
            "verify-rendering-page-count",
            &[
                ("expected", expected.to_string()),
                ("found", found.to_string()),
            ],
        ),
    }
}

/// A record path such as `meeting.agenda[2].conclusion` as the workspace names it ("Mục 3 ›
/// Kết luận của chủ trì"), the path itself after it in parentheses for whoever edits the
/// meeting file; segments without a name are kept as they are (`ui/src/lib/meeting/closeCheck.ts`
/// does the same for the desktop).
pub fn field_label(path: &str, lang: Lang) -> String {
    const SEGMENTS: [(&str, &str); 18] = [
        ("subject", "ws-subject"),
        ("place", "ws-place"),
        ("guests", "close-field-guest"),
        ("name", "ws-guest-name"),
        ("post", "ws-guest-post"),
        ("agenda", "ws-agenda-item"),
        ("title", "close-field-title"),
        ("presentation", "ws-presentation"),
        ("speeches", "close-field-speech"),
        ("gist", "ws-gist"),
        ("conclusion", "ws-conclusion"),
        ("votes", "close-field-vote"),
        ("action_items", "close-field-action"),
        ("task", "ws-task"),
        ("report_back", "ws-report-back"),
        ("roster", "close-field-member"),
        ("full_name", "close-field-full-name"),
        ("cell", "close-field-cell"),
    ];
    let mut parts: Vec<String> = Vec::new();
    for segment in path.split('.') {
        let (name, index) = match segment.split_once('[') {
            Some((n, rest)) => (
                n,
                rest.strip_suffix(']').and_then(|i| i.parse::<usize>().ok()),
            ),
            None => (segment, None),
        };
        if name == "meeting" {
            continue;
        }
        let id = if name == "subject" && path.contains("votes[") {
            Some("ws-vote-subject")
        } else if name == "name" && !path.contains("guests[") {
            None
        } else {
            SEGMENTS.iter().find(|(n, _)| *n == name).map(|(_, id)| *id)
        };
        match id {
            Some(id) => parts.push(match index {
                Some(i) => ta(lang, id, &[("n", (i + 1).to_string())]),
                None => t(lang, id),
            }),
            None => parts.push(segment.to_owned()),
        }
    }
    format!("{} ({path})", parts.join(" › "))
}

/// A receipt from the committee above: who received the record, and the log's proof of it.
pub fn receipt(out: &mut impl Write, r: &minutebook_api::ReceiptView, lang: Lang) {
    writeln!(
        out,
        "{}",
        tr(
            lang,
            "cli-receipt-received",
            &[
                ("committee", r.committee.clone()),
                ("date", r.received_on.clone()),
                ("version", r.version.to_string()),
            ],
        )
    )
    .ok();
    writeln!(
        out,
        "{}",
        tr(
            lang,
            "cli-receipt-detail",
            &[
                ("origin", r.origin.clone()),
                ("index", (r.log_index + 1).to_string()),
                ("size", r.log_size.to_string()),
                ("sha", r.record_sha256.clone()),
            ],
        )
    )
    .ok();
}
