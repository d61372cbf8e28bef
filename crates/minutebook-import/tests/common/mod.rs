//! Shared fixtures: the case roster and ways to re-encode it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use encoding_rs::WINDOWS_1258;
use minutebook_core::roster::{Gender, Member, MemberCategory, MemberId, Post};
use time::macros::date;
use unicode_normalization::UnicodeNormalization;

/// `shared/cases/` beside the repository.
pub fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/cases")
}

/// The case roster as it ships.
pub fn case_path() -> PathBuf {
    cases_dir().join("roster-to-dan-pho-7.csv")
}

/// The case roster's text.
pub fn case_text() -> String {
    std::fs::read_to_string(case_path()).expect("shared/cases/roster-to-dan-pho-7.csv")
}

/// The case roster's rows (without the header), split on commas (it has no quoted values).
pub fn case_rows() -> Vec<Vec<String>> {
    case_text()
        .lines()
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(|l| l.split(',').map(str::to_owned).collect())
        .collect()
}

/// Writes `bytes` as `name` in a fresh temporary directory.
pub fn temp_file(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write fixture");
    (dir, path)
}

fn is_tone_mark(c: char) -> bool {
    matches!(
        c,
        '\u{0300}' | '\u{0301}' | '\u{0303}' | '\u{0309}' | '\u{0323}'
    )
}

/// `s` as Vietnamese Excel writes it in Windows-1258: letters the code page has (â, ê, ô, ơ,
/// ư, ă, đ and Latin-1's) as single bytes, tone marks as combining-mark bytes after them.
/// (encoding_rs maps only what the code page has one-to-one and would write "&#7877;" for ễ.)
pub fn to_windows_1258(s: &str) -> Vec<u8> {
    let mut out = Vec::new();
    for ch in s.chars() {
        let mut buf = [0u8; 4];
        let (bytes, _, unmappable) = WINDOWS_1258.encode(ch.encode_utf8(&mut buf));
        if !unmappable {
            out.extend_from_slice(&bytes);
            continue;
        }
        let nfd: Vec<char> = ch.to_string().nfd().collect();
        let base: String = nfd
            .iter()
            .filter(|c| !is_tone_mark(**c))
            .collect::<String>()
            .nfc()
            .collect();
        let tones: String = nfd.iter().filter(|c| is_tone_mark(**c)).collect();
        for part in [base, tones] {
            let (bytes, _, unmappable) = WINDOWS_1258.encode(&part);
            assert!(!unmappable, "{ch:?} has no Windows-1258 spelling");
            out.extend_from_slice(&bytes);
        }
    }
    out
}

/// Asserts `members` are the case roster's 13, field by field.
pub fn assert_case_members(members: &[Member]) {
    assert_eq!(members.len(), 13);
    let names: Vec<&str> = members.iter().map(|m| m.full_name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Nguyễn Văn Hùng",
            "Trần Thị Lan",
            "Lê Minh Tuấn",
            "Phạm Thu Hà",
            "Hoàng Văn Nam",
            "Đỗ Thị Mai",
            "Vũ Đức Thắng",
            "Bùi Thị Hồng",
            "Ngô Quang Vinh",
            "Đặng Văn Long",
            "Lý Thị Xuân",
            "Trịnh Minh Đức",
            "Cao Thị Ngọc",
        ]
    );
    for (i, m) in members.iter().enumerate() {
        assert_eq!(m.id, MemberId(i as i64 + 1));
        let probationary = i >= 11;
        assert_eq!(
            m.category,
            if probationary {
                MemberCategory::Probationary
            } else {
                MemberCategory::Official
            },
            "{}",
            m.full_name
        );
        assert_eq!(m.exempted, i == 10, "{}", m.full_name);
        assert_eq!(m.exempted_since, None);
        if probationary {
            assert_eq!(m.party_card_number, None);
            assert_eq!(m.official_on, None);
        } else {
            assert_eq!(
                m.party_card_number.as_deref(),
                Some(format!("01.{}", 234567 + i).as_str())
            );
            assert!(m.official_on.is_some());
        }
        assert!(m.birth_date.is_some() && m.admitted_on.is_some());
        assert!(!m.suspended && m.transfer_in.is_none() && m.transfer_out.is_none());
    }
    assert_eq!(members[0].party_card_number.as_deref(), Some("01.234567"));
    assert_eq!(members[0].posts, [Post::CellSecretary]);
    assert_eq!(members[1].posts, [Post::DeputyCellSecretary]);
    assert_eq!(members[2].posts, [Post::CommitteeMember]);
    assert!(members[3..].iter().all(|m| m.posts.is_empty()));
    assert_eq!(members[0].gender, Some(Gender::Male));
    assert_eq!(members[1].gender, Some(Gender::Female));
    assert_eq!(members[0].birth_date, Some(date!(1968 - 04 - 12)));
    assert_eq!(members[0].admitted_on, Some(date!(1995 - 05 - 19)));
    assert_eq!(members[0].official_on, Some(date!(1996 - 05 - 19)));
    assert_eq!(members[10].birth_date, Some(date!(1945 - 08 - 19)));
    assert_eq!(members[12].admitted_on, Some(date!(2025 - 11 - 07)));
}
