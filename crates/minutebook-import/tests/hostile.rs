//! Every line of shared/cases/hostile-text.txt survives as a member name, byte for byte
//! after NFC.

mod common;

use minutebook_core::text::nfc;
use minutebook_import::import_csv;

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
fn each_hostile_line_is_a_name_kept_exactly() {
    let cases = cases();
    assert!(cases.len() >= 20);
    for (raw, decoded) in &cases {
        for name in [raw, decoded] {
            let csv = format!("ho_ten,loai_dang_vien\n{},chính thức\n", quoted(name));
            let members = import_csv("hostile.csv", csv.as_bytes())
                .unwrap_or_else(|e| panic!("{name:?}: {e}"));
            assert_eq!(members.len(), 1);
            assert_eq!(members[0].full_name.as_bytes(), nfc(name).as_bytes());
        }
    }
}

#[test]
fn all_hostile_lines_in_one_file_keep_their_rows() {
    let cases = cases();
    let mut csv = String::from("STT,ho_ten,loai_dang_vien\n");
    for (i, (_, name)) in cases.iter().enumerate() {
        csv.push_str(&format!("{},{},dự bị\r\n", i + 1, quoted(name)));
    }
    let members = import_csv("hostile.csv", csv.as_bytes()).unwrap();
    let names: Vec<String> = members.into_iter().map(|m| m.full_name).collect();
    let expected: Vec<String> = cases.iter().map(|(_, n)| nfc(n)).collect();
    assert_eq!(names, expected);
    // A bad value after the multi-line names is still reported on its spreadsheet row.
    csv.push_str("99,Ai đó,không rõ\n");
    let e = import_csv("hostile.csv", csv.as_bytes()).unwrap_err();
    assert_eq!(e.row, Some(cases.len() + 2), "{e}");
}
