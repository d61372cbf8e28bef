//! Property tests (proptest) kept fast for the normal test run:
//! - export → import → export of the meeting interchange file is byte-identical for arbitrary
//!   text (with the hostile-text corpus as a sample source), varied attendance (present, late,
//!   left early with or without a reason, absent with or without leave, exempted, not
//!   summoned) and votes (every kind, method and reading; counts, ballots and times drawn
//!   within what the attendance at the time of each vote allows);
//! - sign → verify holds for arbitrary records with the keys pinned;
//! - any single-byte change of a signed bundle (record, attestation, signature, public key)
//!   fails verification.

use ed25519_dalek::SigningKey;
use minutebook_record::interchange::MeetingFile;
use minutebook_sign::attestation::sign_record;
use minutebook_sign::trust::{TrustStore, TrustedKey};
use minutebook_sign::verify::{Outcome, VerifyOptions, verify_bundle};
use minutebook_sign::{Bundle, BundleLimits, Fingerprint, Record, Signer};
use proptest::prelude::*;
use serde_json::{Value, json};
use time::macros::datetime;
use unicode_normalization::UnicodeNormalization;

/// Copy of `shared/cases/hostile-text.txt` (the shared case file), kept here so the test builds
/// from the repository alone.
const HOSTILE: &str = include_str!("data/hostile-text.txt");
const MEETING: &[u8] = include_bytes!("../../../examples/meeting-2026-03.json");

/// Arbitrary text: a hostile-corpus line, or arbitrary Unicode, in the form text enters the
/// program (NFC, no control characters, trimmed, not empty).
fn text() -> impl Strategy<Value = String> {
    let lines: Vec<String> = HOSTILE
        .lines()
        .map(str::to_owned)
        .filter(|l| !l.trim().is_empty())
        .collect();
    prop_oneof![
        prop::sample::select(lines),
        any::<String>(),
        "[a-zA-Z ]{1,8}".prop_map(|s| s),
    ]
    .prop_map(|s| {
        let t: String = s.nfc().filter(|c| !c.is_control()).collect();
        let t = t.trim().to_owned();
        if t.is_empty() { "x".to_owned() } else { t }
    })
}

fn set(v: &mut Value, path: &[&str], s: String) {
    let mut cur = v;
    for p in path {
        cur = match p.parse::<usize>() {
            Ok(i) => &mut cur[i],
            Err(_) => &mut cur[*p],
        };
    }
    *cur = Value::String(s);
}

/// One member's attendance (the chair m01 and the minute-taker m04 stay present throughout,
/// so every vote has someone eligible).
#[derive(Debug, Clone)]
enum Att {
    /// Present; arrival and departure in minutes after 19:30 (departure never before
    /// arrival), with the reason for leaving.
    Present {
        arrived: Option<u16>,
        left: Option<(u16, Option<String>)>,
    },
    AbsentExcused(String),
    AbsentUnexcused,
    Exempted,
    NotRequired(String),
}

fn att() -> impl Strategy<Value = Att> {
    prop_oneof![
        4 => (
            prop::option::of(0u16..=105),
            prop::option::of((0u16..=105, prop::option::of(text()))),
        )
            .prop_map(|(arrived, left)| Att::Present {
                arrived,
                left: left.map(|(d, why)| (arrived.unwrap_or(0) + d, why)),
            }),
        1 => text().prop_map(Att::AbsentExcused),
        1 => Just(Att::AbsentUnexcused),
        1 => Just(Att::Exempted),
        1 => text().prop_map(Att::NotRequired),
    ]
}

/// "HH:MM", `minutes` after 19:30.
fn hm(minutes: u16) -> String {
    let t = 19 * 60 + 30 + minutes;
    format!("{:02}:{:02}", t / 60, t % 60)
}

fn attendance_json(member: &str, a: &Att) -> Value {
    let (presence, reason, arrived, left, left_reason) = match a {
        Att::Present { arrived, left } => (
            "present",
            None,
            arrived.map(hm),
            left.as_ref().map(|(l, _)| hm(*l)),
            left.as_ref().and_then(|(_, why)| why.clone()),
        ),
        Att::AbsentExcused(why) => ("absent-excused", Some(why.clone()), None, None, None),
        Att::AbsentUnexcused => ("absent-unexcused", None, None, None, None),
        Att::Exempted => ("exempted", None, None, None, None),
        Att::NotRequired(why) => ("not-required", Some(why.clone()), None, None, None),
    };
    json!({
        "member_id": member, "presence": presence, "reason": reason,
        "arrived_at": arrived, "left_at": left, "left_reason": left_reason,
    })
}

/// A vote; its counts are fractions (per mille) of what the room allows at its time.
#[derive(Debug, Clone)]
struct VoteGen {
    subject: String,
    kind: &'static str,
    method: &'static str,
    at: u16,
    reading: Option<&'static str>,
    per_mille: [u32; 6],
}

fn vote() -> impl Strategy<Value = VoteGen> {
    (
        text(),
        prop::sample::select(
            minutebook_core::VoteKind::ALL
                .map(minutebook_core::VoteKind::code)
                .to_vec(),
        ),
        prop::sample::select(vec![
            "show-of-hands",
            "show-of-party-cards",
            "secret-ballot",
        ]),
        0u16..=120,
        prop::option::of(prop::sample::select(
            minutebook_core::CountingReading::ALL
                .map(minutebook_core::CountingReading::code)
                .to_vec(),
        )),
        prop::array::uniform6(0u32..=1000),
    )
        .prop_map(|(subject, kind, method, at, reading, per_mille)| VoteGen {
            subject,
            kind,
            method,
            at,
            reading,
            per_mille,
        })
}

/// The vote's JSON with counts drawn within `present_eligible` (the eligible members in the
/// room at the vote's time): show of hands counts at most that many; a secret ballot issues
/// at most that many ballots, returned ≤ issued, valid ≤ returned, votes ≤ valid.
fn vote_json(v: &VoteGen, present_eligible: u32) -> Value {
    let part = |of: u32, i: usize| of * v.per_mille[i] / 1000;
    let (ballots, counted) = if v.method == "secret-ballot" {
        let issued = part(present_eligible, 0);
        let returned = part(issued, 1);
        let valid = part(returned, 2);
        (
            json!({"issued": issued, "returned": returned, "valid": valid}),
            part(valid, 3),
        )
    } else {
        (Value::Null, part(present_eligible, 0))
    };
    let yes = part(counted, 4);
    let no = part(counted - yes, 5);
    json!({
        "subject": v.subject, "kind": v.kind, "method": v.method, "ballots": ballots,
        "yes": yes, "no": no, "abstain": counted - yes - no, "at": hm(v.at), "reading": v.reading,
    })
}

/// Attendance rows without their `member_id`.
fn without_ids(rows: &Value) -> Value {
    let mut rows = rows.clone();
    if let Some(rows) = rows.as_array_mut() {
        for r in rows {
            if let Some(r) = r.as_object_mut() {
                r.remove("member_id");
            }
        }
    }
    rows
}

fn roundtrip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let f = MeetingFile::parse(bytes).map_err(|e| e.to_string())?;
    let i = f.to_domain().map_err(|e| e.to_string())?;
    Ok(MeetingFile::new(&i.cell_id, &i.cell, &i.roster, &i.meeting).to_json())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn interchange_export_import_export_is_byte_identical(
        subject in text(), place in text(), title in text(), presentation in text(),
        conclusion in text(), gists in prop::collection::vec(text(), 0..4),
        guest_post in text(), attendance in prop::collection::vec(att(), 11),
        votes in prop::collection::vec(vote(), 0..4),
    ) {
        let mut v: Value = serde_json::from_slice(MEETING).expect("example");
        set(&mut v, &["meeting", "subject"], subject);
        set(&mut v, &["meeting", "place"], place);
        set(&mut v, &["meeting", "agenda", "1", "title"], title);
        set(&mut v, &["meeting", "agenda", "1", "presentation"], presentation);
        set(&mut v, &["meeting", "agenda", "2", "conclusion"], conclusion);
        set(&mut v, &["meeting", "guests", "0", "post"], guest_post);
        let speeches: Vec<Value> = gists
            .into_iter()
            .map(|g| json!({"speaker": {"kind": "member", "member_id": "m02", "name": "Trần Thị Lan"}, "gist": g}))
            .collect();
        v["meeting"]["agenda"][1]["speeches"] = Value::Array(speeches);
        // Attendance: the chair (m01) and the minute-taker (m04) present throughout, the
        // other eleven members drawn.
        let others = (1..=13).filter(|&i| i != 1 && i != 4).map(|i| format!("m{i:02}"));
        let mut rows = vec![
            attendance_json("m01", &Att::Present { arrived: None, left: None }),
            attendance_json("m04", &Att::Present { arrived: None, left: None }),
        ];
        rows.extend(others.zip(&attendance).map(|(m, a)| attendance_json(&m, a)));
        v["meeting"]["attendance"] = Value::Array(rows);
        // Votes: first with no counts, to learn from the core who was in the room and
        // eligible at each vote's time; then with counts drawn within that.
        v["meeting"]["votes"] =
            Value::Array(votes.iter().map(|g| vote_json(g, 0)).collect());
        let probe = MeetingFile::parse(&serde_json::to_vec(&v).expect("json"))
            .and_then(|f| f.to_domain())
            .map_err(|e| TestCaseError::fail(format!("valid attendance refused: {e}")))?;
        let tallies = probe
            .meeting
            .tallies(&probe.roster, probe.cell.settings.default_reading)
            .map_err(|(i, e)| TestCaseError::fail(format!("vote {i} with no counts: {e}")))?;
        v["meeting"]["votes"] = Value::Array(
            votes.iter().zip(&tallies).map(|(g, t)| vote_json(g, t.present_eligible)).collect(),
        );
        let input = serde_json::to_vec(&v).expect("json");
        let first = match roundtrip(&input) {
            Ok(b) => b,
            Err(e) => return Err(TestCaseError::fail(format!("valid input refused: {e}"))),
        };
        // Nothing drawn was dropped or changed on the way (the text is already in the form
        // the program keeps).
        let exported: Value = serde_json::from_slice(&first).expect("exported json");
        // (The export names members by the book's ids, not the file's: compare the rest, in
        // order.)
        prop_assert_eq!(
            without_ids(&exported["meeting"]["attendance"]),
            without_ids(&v["meeting"]["attendance"])
        );
        prop_assert_eq!(&exported["meeting"]["votes"], &v["meeting"]["votes"]);
        let second = roundtrip(&first).map_err(TestCaseError::fail)?;
        prop_assert_eq!(first, second);
    }
}

fn signer(id: &str, name: &str) -> Signer {
    Signer {
        member_id: id.to_owned(),
        full_name: name.to_owned(),
    }
}

/// A record with arbitrary text, signed by the chair and the minute-taker, and a trust store
/// pinning both keys.
fn signed(title: &str, items: &[String], chair_name: &str, seed: u8) -> (Bundle, TrustStore) {
    let v = json!({
        "type": "minutebook.record",
        "format": 1,
        "cell": {"id": "cell-7", "name": "Chi bộ Khu phố 7"},
        "meeting": {"id": "2026-03", "date": "2026-03-15", "title": title},
        "version": 1,
        "sequence": 1,
        "previous_version_sha256": null,
        "previous_record_sha256": null,
        "required_roles": ["chair", "minute-taker"],
        "signatories": {
            "chair": {"member_id": "m-001", "full_name": chair_name},
            "minute-taker": {"member_id": "m-002", "full_name": "Trần Thị Hương"}
        },
        "agenda": items.iter().map(|t| json!({"title": t})).collect::<Vec<_>>(),
    });
    let bytes = minutebook_sign::to_canonical_bytes(&v).expect("canonical");
    let record = Record::from_bytes(bytes.clone()).expect("record");
    let mut bundle = Bundle::new(bytes);
    let mut trust = TrustStore::new();
    for (i, (s, role)) in [
        (
            signer("m-001", chair_name),
            minutebook_core::SignerRole::Chair,
        ),
        (
            signer("m-002", "Trần Thị Hương"),
            minutebook_core::SignerRole::MinuteTaker,
        ),
    ]
    .into_iter()
    .enumerate()
    {
        let key = SigningKey::from_bytes(&[seed.wrapping_add(i as u8); 32]);
        trust.add(TrustedKey {
            fingerprint: Fingerprint::of(&key.verifying_key()),
            member_id: s.member_id.clone(),
            full_name: s.full_name.clone(),
            revoked_from: None,
        });
        let sa = sign_record(&record, &key, s, role, datetime!(2026-03-15 21:00 +7)).expect("sign");
        bundle.add_signature(sa);
    }
    (bundle, trust)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn sign_then_verify_holds_for_arbitrary_records(
        title in text(), items in prop::collection::vec(text(), 0..5), chair in text(),
        seed in 1u8..200,
    ) {
        let (bundle, trust) = signed(&title, &items, &chair, seed);
        let report = verify_bundle(&bundle, &trust, &VerifyOptions::default());
        prop_assert_eq!(report.outcome, Outcome::Valid, "{:?}", report.problems);
        // And through the zip form.
        let zip = bundle.to_zip_bytes().expect("zip");
        let back = Bundle::read_zip_from(std::io::Cursor::new(zip), BundleLimits::default())
            .expect("read zip");
        let report = verify_bundle(&back, &trust, &VerifyOptions::default());
        prop_assert_eq!(report.outcome, Outcome::Valid);
    }

    #[test]
    fn any_single_byte_change_of_a_signed_bundle_fails(
        title in text(), which in any::<prop::sample::Index>(), at in any::<prop::sample::Index>(),
        delta in 1u8..=255,
    ) {
        let (bundle, trust) = signed(&title, &["Phát triển đảng viên".to_owned()], "Nguyễn Văn An", 9);
        let mut entries: Vec<(String, Vec<u8>)> = bundle
            .entries()
            .into_iter()
            .map(|(p, b)| (p, b.to_vec()))
            .collect();
        let e = which.index(entries.len());
        let i = at.index(entries[e].1.len());
        entries[e].1[i] = entries[e].1[i].wrapping_add(delta);
        let path = entries[e].0.clone();
        match Bundle::from_entries(entries, BundleLimits::default()) {
            Err(_) => {}
            Ok(b) => {
                let report = verify_bundle(&b, &trust, &VerifyOptions::default());
                prop_assert_ne!(report.outcome, Outcome::Valid, "{} byte {} +{}", path, i, delta);
            }
        }
    }
}
