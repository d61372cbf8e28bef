//! Every line of shared/cases/hostile-text.txt as a member name: kept byte for byte after
//! NFC and the invisible-character rule of names (`core::text::visible_text`), or — for a
//! line with a bidi control — refused with the row, the column and the character.

mod common;

use minutebook_core::text::visible_text;
use minutebook_import::{ErrorKind, import_csv};

/// The cases, with `\n`, `\r` and `\t` written as two characters decoded.
fn cases() -> Vec<(String, String)> {
    let text = std::fs::read_to_string(common::cases_dir().join("hostile-text.txt"))
        .expect("shared/cases/hostile-text.txt");
    text.lines()
        .map(|raw| {
            let decoded = raw
                .replace("\\n", "\n")
                .replace("\\r", "\r")
                .replace("\\t", "\t");
            (raw.to_owned(), decoded)
        })
        .collect()
}

fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

#[test]
fn each_hostile_line_is_a_name_kept_as_seen_or_refused() {
    let cases = cases();
    assert!(cases.len() >= 20);
    let (mut kept_exactly, mut cleaned, mut refused) = (0, 0, 0);
    for (raw, decoded) in &cases {
        for name in [raw, decoded] {
            let csv = format!("ho_ten,loai_dang_vien\n{},chính thức\n", quoted(name));
            let result = import_csv("hostile.csv", csv.as_bytes());
            match visible_text(name) {
                Ok(seen) => {
                    let members = result.unwrap_or_else(|e| panic!("{name:?}: {e}"));
                    assert_eq!(members.len(), 1);
                    assert_eq!(members[0].full_name.as_bytes(), seen.as_bytes());
                    if seen.as_str() == minutebook_core::text::nfc(name) {
                        kept_exactly += 1;
                    } else {
                        cleaned += 1;
                    }
                }
                Err(h) => {
                    let e = result.expect_err(name);
                    assert_eq!((e.row, e.column.as_deref()), (Some(2), Some("ho_ten")));
                    assert_eq!(
                        *e.kind,
                        ErrorKind::HiddenCharacter {
                            code: h.code(),
                            position: h.position,
                            bidi: h.bidi
                        }
                    );
                    refused += 1;
                }
            }
        }
    }
    // The zero-width line loses its invisible characters; the right-to-left override is
    // refused; everything else (scripts, emoji with joiners, markup, Zalgo) is kept exactly.
    assert_eq!((cleaned, refused), (2, 2), "{kept_exactly} kept");
    assert!(kept_exactly >= 2 * (cases.len() - 2));
}

#[test]
fn the_zero_width_line_is_stored_as_it_is_seen() {
    let line = "zero\u{200B}width\u{200C}non\u{200D}joiner\u{2060}word\u{FEFF}joiner";
    assert!(cases().iter().any(|(raw, _)| raw == line));
    let csv = format!("ho_ten,loai_dang_vien\n{line},dự bị\n");
    let members = import_csv("hostile.csv", csv.as_bytes()).unwrap();
    assert_eq!(members[0].full_name, "zerowidthnonjoinerwordjoiner");
}

#[test]
fn all_hostile_lines_in_one_file_keep_their_rows() {
    let cases: Vec<(String, String)> = cases()
        .into_iter()
        .filter(|(_, n)| visible_text(n).is_ok())
        .collect();
    let mut csv = String::from("STT,ho_ten,loai_dang_vien\n");
    for (i, (_, name)) in cases.iter().enumerate() {
        csv.push_str(&format!("{},{},dự bị\r\n", i + 1, quoted(name)));
    }
    let members = import_csv("hostile.csv", csv.as_bytes()).unwrap();
    let names: Vec<String> = members.into_iter().map(|m| m.full_name).collect();
    let expected: Vec<String> = cases
        .iter()
        .map(|(_, n)| visible_text(n).unwrap().into_string())
        .collect();
    assert_eq!(names, expected);
    // A bad value after the multi-line names is still reported on its spreadsheet row.
    csv.push_str("99,Ai đó,không rõ\n");
    let e = import_csv("hostile.csv", csv.as_bytes()).unwrap_err();
    assert_eq!(e.row, Some(cases.len() + 2), "{e}");
}
