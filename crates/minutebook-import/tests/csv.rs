//! CSV rosters: the case file as it is, and the forms real spreadsheets take.

mod common;

use common::*;
use minutebook_import::{ErrorKind, ImportError, import_csv, import_roster_file};

fn case_members() -> Vec<minutebook_core::Member> {
    import_roster_file(&case_path()).expect("the case file imports")
}

fn import_err(bytes: &[u8]) -> ImportError {
    match import_csv("roster.csv", bytes) {
        Ok(members) => panic!("expected an error, got {} members", members.len()),
        Err(e) => e,
    }
}

/// The case file with row `row` (1-based data row) and column `col` replaced.
fn case_with(row: usize, col: usize, value: &str) -> String {
    let mut lines: Vec<String> = case_text().lines().map(str::to_owned).collect();
    let mut cells: Vec<&str> = lines[row].split(',').collect();
    cells[col] = value;
    lines[row] = cells.join(",");
    lines.join("\n") + "\n"
}

#[test]
fn the_case_file_imports_as_it_is() {
    assert_case_members(&case_members());
}

#[test]
fn utf8_with_bom() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(case_text().as_bytes());
    let (_dir, path) = temp_file("roster-bom.csv", &bytes);
    assert_eq!(import_roster_file(&path).unwrap(), case_members());
}

#[test]
fn windows_1258_decodes_to_the_same_members_in_nfc() {
    let bytes = to_windows_1258(&case_text());
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "must take the 1258 path"
    );
    // Tone marks are separate combining bytes (e.g. 0xDE = U+0303) as Excel writes them.
    assert!(bytes.contains(&0xDE) && bytes.contains(&0xF2));
    let (_dir, path) = temp_file("roster-1258.csv", &bytes);
    let members = import_roster_file(&path).unwrap();
    assert_eq!(members, case_members());
    assert!(
        members
            .iter()
            .all(|m| minutebook_core::text::is_nfc(&m.full_name))
    );
}

#[test]
fn utf16_tab_separated_unicode_text() {
    let text = case_text().replace(',', "\t");
    let mut bytes = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    assert_eq!(import_csv("roster.txt", &bytes).unwrap(), case_members());
}

#[test]
fn semicolon_delimiter_with_crlf() {
    let text = case_text().replace(',', ";").replace('\n', "\r\n");
    assert_eq!(
        import_csv("roster.csv", text.as_bytes()).unwrap(),
        case_members()
    );
}

/// A secretary's sheet: title rows, a blank line, human headers with an STT column,
/// `;` delimiter, DD/MM/YYYY and D/M/YYYY dates, "x" for exempted, trailing empty cells.
fn secretary_sheet() -> String {
    let mut s = String::from(
        "DANH SÁCH ĐẢNG VIÊN CHI BỘ TỔ DÂN PHỐ SỐ 7;;;;;;;;;;\n\
         Đảng bộ phường Thanh Bình;;;;;;;;;;\n\
         ;;;;;;;;;;\n\
         \n\
         STT;Họ và tên;Ngày sinh;Giới tính;Loại đảng viên;Chức vụ;Số thẻ đảng;Ngày vào Đảng;Ngày chính thức;Miễn sinh hoạt;\n",
    );
    for (i, r) in case_rows().iter().enumerate() {
        let dmy = |iso: &str, short: bool| -> String {
            if iso.is_empty() {
                return String::new();
            }
            let p: Vec<&str> = iso.split('-').collect();
            if short {
                format!(
                    "{}/{}/{}",
                    p[2].trim_start_matches('0'),
                    p[1].trim_start_matches('0'),
                    p[0]
                )
            } else {
                format!("{}/{}/{}", p[2], p[1], p[0])
            }
        };
        let exempt = if r[8].is_empty() { "" } else { "x" };
        let category = if r[3] == "dự bị" {
            "DỰ BỊ"
        } else {
            "Chính thức"
        };
        s.push_str(&format!(
            "{};{};{};{};{};{};{};{};{};{};\n",
            i + 1,
            r[0],
            dmy(&r[1], false),
            r[2],
            category,
            r[4],
            r[5],
            dmy(&r[6], true),
            dmy(&r[7], false),
            exempt
        ));
    }
    s.push_str(";;;;;;;;;;\n");
    s
}

#[test]
fn title_rows_human_headers_and_day_first_dates() {
    let (_dir, path) = temp_file("danh-sach.csv", secretary_sheet().as_bytes());
    assert_eq!(import_roster_file(&path).unwrap(), case_members());
}

#[test]
fn rows_are_numbered_as_the_spreadsheet_shows_them() {
    // The header is on row 5 (two title rows, an empty row, a blank line); members start on 6.
    let sheet = secretary_sheet().replace("15/07/1988", "31/02/1988");
    let e = import_err(sheet.as_bytes());
    assert_eq!(e.row, Some(9), "{e}");
    assert_eq!(e.column.as_deref(), Some("Ngày sinh"));
}

#[test]
fn a_bad_date_names_file_row_and_column() {
    let e = import_err(case_with(4, 1, "31/02/1980").as_bytes());
    assert!(
        e.to_string().starts_with(
            r#"roster.csv, dòng 5, cột "ngay_sinh": "31/02/1980" không phải là ngày hợp lệ"#
        ),
        "{e}"
    );
    assert!(
        e.message_en().starts_with(
            r#"roster.csv, row 5, column "ngay_sinh": "31/02/1980" is not a valid date"#
        ),
        "{}",
        e.message_en()
    );
    assert_eq!(
        *e.kind,
        ErrorKind::InvalidDate {
            value: "31/02/1980".into()
        }
    );
}

#[test]
fn an_unknown_category_is_refused() {
    let e = import_err(case_with(7, 3, "đảng viên").as_bytes());
    assert_eq!(
        (e.row, e.column.as_deref()),
        (Some(8), Some("loai_dang_vien"))
    );
    assert!(matches!(*e.kind, ErrorKind::InvalidCategory { .. }), "{e}");
}

#[test]
fn categories_without_diacritics_and_abbreviated() {
    for (ct, db) in [
        ("CHINH THUC", "du bi"),
        ("CT", "DB"),
        ("Đảng viên chính thức", "dự bị"),
    ] {
        let text = case_text().replace("chính thức", ct).replace("dự bị", db);
        assert_eq!(
            import_csv("r.csv", text.as_bytes()).unwrap(),
            case_members()
        );
    }
}

#[test]
fn an_empty_name_is_refused() {
    let e = import_err(case_with(2, 0, "   ").as_bytes());
    assert_eq!(
        (e.row, e.column.as_deref(), &*e.kind),
        (Some(3), Some("ho_ten"), &ErrorKind::Empty)
    );
}

#[test]
fn a_ragged_row_is_refused() {
    // An unquoted comma inside a name shifts the row.
    let e = import_err(case_with(6, 0, "Đỗ Thị Mai, con").as_bytes());
    assert_eq!(e.row, Some(7), "{e}");
    assert!(
        matches!(
            *e.kind,
            ErrorKind::Ragged {
                expected: 9,
                found: 10
            }
        ),
        "{e}"
    );
    // A row missing its last cells.
    let mut text = case_text();
    text = text.replace(
        "Cao Thị Ngọc,2000-09-09,Nữ,dự bị,,,2025-11-07,,",
        "Cao Thị Ngọc,2000-09-09,Nữ,dự bị",
    );
    let e = import_err(text.as_bytes());
    assert_eq!(
        (e.row, e.column.as_deref()),
        (Some(14), Some("chuc_vu")),
        "{e}"
    );
}

#[test]
fn unknown_columns_are_named() {
    let text = case_text()
        .replacen("mien_sinh_hoat", "mien_sinh_hoat,Quê quán", 1)
        .lines()
        .map(|l| format!("{l}\n"))
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                l
            } else {
                l.replace('\n', ",Hà Nội\n")
            }
        })
        .collect::<String>();
    let e = import_err(text.as_bytes());
    assert_eq!(e.row, Some(1));
    assert_eq!(
        *e.kind,
        ErrorKind::UnknownColumns {
            columns: vec!["Quê quán".into()]
        }
    );
}

#[test]
fn a_missing_required_column_is_named() {
    let text: String = case_text()
        .lines()
        .map(|l| {
            let mut c: Vec<&str> = l.split(',').collect();
            c.remove(3);
            c.join(",") + "\n"
        })
        .collect();
    let e = import_err(text.as_bytes());
    assert!(e.to_string().contains("Loại đảng viên"), "{e}");
}

#[test]
fn double_encoded_utf8_is_refused_not_stored() {
    // UTF-8 read as Windows-1252 and saved again as UTF-8: "Nguyá»…n VÄƒn HÃ¹ng".
    let text = case_text();
    let (garbled, _, _) = encoding_rs::WINDOWS_1252.decode(text.as_bytes());
    let e = import_err(garbled.as_bytes());
    assert!(matches!(*e.kind, ErrorKind::Garbled { .. }), "{e}");
    assert_eq!(e.row, Some(2));
    assert!(e.to_string().contains("lỗi mã hoá"), "{e}");
}

#[test]
fn not_windows_1258_is_refused() {
    // Invalid UTF-8 whose Windows-1258 reading has a tone mark after a digit.
    let e = import_err(b"ho_ten,loai_dang_vien\nA\xE1\xBB,ch\xEDnh th\xF9c\n1\xEC,x\n");
    assert!(matches!(*e.kind, ErrorKind::Garbled { .. }), "{e}");
    let e = import_err(b"ho_ten,loai_dang_vien\nA\x81B,CT\n");
    assert!(matches!(*e.kind, ErrorKind::Garbled { .. }), "{e}");
}

#[test]
fn exemption_with_a_date_and_several_posts() {
    let text = case_with(11, 8, "01/07/2020");
    let text = text.replace(",Chi ủy viên,", ",\"Chi ủy viên, Tổ trưởng tổ dân phố\",");
    let members = import_csv("r.csv", text.as_bytes()).unwrap();
    assert!(members[10].exempted);
    assert_eq!(
        members[10].exempted_since,
        Some(time::macros::date!(2020 - 07 - 01))
    );
    assert_eq!(
        members[2].posts,
        [
            minutebook_core::Post::CommitteeMember,
            minutebook_core::Post::Other("Tổ trưởng tổ dân phố".into())
        ]
    );
}

#[test]
fn duplicate_card_numbers_are_refused() {
    let e = import_err(case_with(3, 5, "01.234567").as_bytes());
    assert_eq!(
        (e.row, *e.kind),
        (
            Some(4),
            ErrorKind::DuplicateCardNumber {
                value: "01.234567".into(),
                first_row: 2
            }
        )
    );
}

#[test]
fn no_header_and_no_members() {
    let e = import_err("một,hai\nba,bốn\n".as_bytes());
    assert!(matches!(*e.kind, ErrorKind::NoHeader { .. }), "{e}");
    let e = import_err("ho_ten,loai_dang_vien\n,\n".as_bytes());
    assert_eq!(*e.kind, ErrorKind::NoMembers);
    let e = import_err("ho_ten,loai_dang_vien\n\"Nguyễn,CT\n".as_bytes());
    assert_eq!((e.row, *e.kind), (Some(2), ErrorKind::UnclosedQuote));
}
