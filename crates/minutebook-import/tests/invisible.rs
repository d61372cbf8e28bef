//! Invisible characters pasted into a roster (issue 15): stored as the name is seen, or
//! refused with the row, the column and the character. Real files, written here.

mod common;

use common::*;
use minutebook_import::{ErrorKind, import_roster_file};
use rust_xlsxwriter::Workbook;

/// The case roster with invisible characters pasted into names, a card number and a post.
fn pasted(text: &str) -> String {
    text.replacen(
        "Nguyễn Văn Hùng",
        "\u{FEFF}Nguy\u{00AD}ễn\u{00A0}Văn Hùng",
        1,
    )
    .replacen("Trần Thị Lan", "Trần\u{200B} Thị\u{2060} Lan", 1)
    .replacen("01.234569", "01.234\u{200B}569", 1)
    .replacen("Chi ủy viên", "Chi\u{202F}ủy viên", 1)
    .replacen("Cao Thị Ngọc", "Cao\u{3000}Thị\u{2009}Ngọc\u{200D}", 1)
}

#[test]
fn a_csv_with_pasted_invisible_characters_gives_the_case_members() {
    let (_dir, path) = temp_file("danh-sach.csv", pasted(&case_text()).as_bytes());
    let members = import_roster_file(&path).unwrap();
    assert_case_members(&members);
    // Found by the name as typed.
    assert!(members.iter().any(|m| m.full_name == "Nguyễn Văn Hùng"));
}

#[test]
fn a_workbook_with_pasted_invisible_characters_gives_the_case_members() {
    let text = pasted(&case_text());
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (r, line) in text.lines().enumerate() {
        for (c, v) in line.split(',').enumerate() {
            if !v.is_empty() {
                ws.write_string(r as u32, c as u16, v).unwrap();
            }
        }
    }
    // A header pasted with a no-break space and a soft hyphen still names its column.
    ws.write_string(0, 0, "Họ\u{00A0}và t\u{00AD}ên").unwrap();
    let (_dir, path) = temp_file("danh-sach.xlsx", &wb.save_to_buffer().unwrap());
    let members = import_roster_file(&path).unwrap();
    assert_case_members(&members);
}

#[test]
fn a_bidi_control_in_a_name_is_refused_with_row_column_and_character() {
    let text = case_text().replacen("Phạm Thu Hà", "Phạm Thu \u{202E}àH", 1);
    let (_dir, path) = temp_file("danh-sach.csv", text.as_bytes());
    let e = import_roster_file(&path).unwrap_err();
    assert_eq!(
        (e.row, e.column.as_deref()),
        (Some(5), Some("ho_ten")),
        "{e}"
    );
    assert_eq!(
        *e.kind,
        ErrorKind::HiddenCharacter {
            code: "U+202E".into(),
            position: 10,
            bidi: true
        }
    );
    assert_eq!(
        e.to_string(),
        "danh-sach.csv, dòng 5, cột \"ho_ten\": ô có ký tự ẩn U+202E ở vị trí 10 (ký tự điều khiển hướng viết, làm chữ hiển thị theo thứ tự khác); ký tự này không nhìn thấy nhưng làm tên hiển thị hoặc tìm kiếm sai. Hãy gõ lại ô này (không dán từ nơi khác) rồi nhập lại tệp"
    );
    assert!(
        e.message_en()
            .contains("U+202E at position 10 (a bidi control")
    );

    // In a workbook, in a header: the row and the column letter.
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "Họ và tên").unwrap();
    ws.write_string(0, 1, "Loại\u{2066} đảng viên").unwrap();
    ws.write_string(1, 0, "An").unwrap();
    ws.write_string(1, 1, "CT").unwrap();
    let (_dir, path) = temp_file("a.xlsx", &wb.save_to_buffer().unwrap());
    let e = import_roster_file(&path).unwrap_err();
    assert_eq!((e.row, e.column.as_deref()), (Some(1), Some("B")), "{e}");
    assert!(matches!(&*e.kind, ErrorKind::HiddenCharacter { code, .. } if code == "U+2066"));
}
