//! XLSX rosters, generated here with rust_xlsxwriter.

mod common;

use common::*;
use minutebook_import::{ErrorKind, ImportError, import_roster_file, import_xlsx};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet};
use time::Date;
use time::macros::{date, format_description};

fn iso(s: &str) -> Option<Date> {
    (!s.is_empty()).then(|| Date::parse(s, format_description!("[year]-[month]-[day]")).unwrap())
}

/// Days since 1899-12-30: the Excel serial of dates from 1900-03-01 on.
fn serial(d: Date) -> f64 {
    (d - date!(1899 - 12 - 30)).whole_days() as f64
}

#[derive(Clone, Copy)]
enum Cards {
    Text,
    /// "01.234567" typed into a General cell: 1.234567.
    Numbers,
    /// Whole numbers, one of them short of a leading zero.
    OneShort,
}

/// The case roster as a secretary's workbook: a chart-like first sheet without a roster,
/// then the roster with a title row, human headers, STT, birth dates as date cells, admission
/// dates as plain serial numbers, official dates as DD/MM/YYYY text.
fn workbook(cards: Cards) -> Vec<u8> {
    let mut wb = Workbook::new();
    let notes = wb.add_worksheet();
    notes.set_name("Ghi chú").unwrap();
    notes.write_string(0, 0, "Danh sách ở trang sau").unwrap();
    let ws: &mut Worksheet = wb.add_worksheet();
    ws.set_name("Danh sách").unwrap();
    let date_fmt = Format::new().set_num_format("dd/mm/yyyy");
    ws.write_string(0, 0, "DANH SÁCH ĐẢNG VIÊN CHI BỘ TỔ DÂN PHỐ SỐ 7")
        .unwrap();
    let headers = [
        "STT",
        "Họ và tên",
        "Ngày sinh",
        "Giới tính",
        "Loại đảng viên",
        "Chức vụ",
        "Số thẻ đảng",
        "Ngày vào Đảng",
        "Ngày chính thức",
        "Miễn sinh hoạt",
    ];
    for (c, h) in headers.iter().enumerate() {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    for (i, r) in case_rows().iter().enumerate() {
        let row = 3 + i as u32;
        ws.write_number(row, 0, (i + 1) as f64).unwrap();
        ws.write_string(row, 1, &r[0]).unwrap();
        let b = iso(&r[1]).unwrap();
        let dt = ExcelDateTime::from_ymd(b.year() as u16, b.month() as u8, b.day()).unwrap();
        ws.write_datetime_with_format(row, 2, &dt, &date_fmt)
            .unwrap();
        ws.write_string(row, 3, &r[2]).unwrap();
        ws.write_string(row, 4, &r[3]).unwrap();
        if !r[4].is_empty() {
            ws.write_string(row, 5, &r[4]).unwrap();
        }
        if !r[5].is_empty() {
            match cards {
                Cards::Text => {
                    ws.write_string(row, 6, &r[5]).unwrap();
                }
                Cards::Numbers => {
                    ws.write_number(row, 6, r[5].parse::<f64>().unwrap())
                        .unwrap();
                }
                Cards::OneShort if i == 4 => {
                    let n: f64 = r[5].replace('.', "").parse().unwrap();
                    ws.write_number(row, 6, n).unwrap();
                }
                Cards::OneShort => {
                    ws.write_string(row, 6, r[5].replace('.', "")).unwrap();
                }
            }
        }
        ws.write_number(row, 7, serial(iso(&r[6]).unwrap()))
            .unwrap();
        if let Some(d) = iso(&r[7]) {
            ws.write_string(
                row,
                8,
                d.format(format_description!("[day]/[month]/[year]"))
                    .unwrap(),
            )
            .unwrap();
        }
        if !r[8].is_empty() {
            ws.write_string(row, 9, "x").unwrap();
        }
    }
    wb.save_to_buffer().unwrap()
}

/// Writes `headers` in the first row of `ws`.
fn write_header(ws: &mut Worksheet, headers: &[&str]) {
    for (c, h) in headers.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
}

fn import_err(bytes: &[u8]) -> ImportError {
    match import_xlsx("danh-sach.xlsx", bytes) {
        Ok(m) => panic!("expected an error, got {} members", m.len()),
        Err(e) => e,
    }
}

#[test]
fn serial_44986_is_2023_03_01() {
    assert_eq!(serial(date!(2023 - 03 - 01)), 44986.0);
}

#[test]
fn a_workbook_with_date_cells_serials_and_text_cards_gives_the_case_members() {
    let (_dir, path) = temp_file("danh-sach.xlsx", &workbook(Cards::Text));
    let members = import_roster_file(&path).unwrap();
    let from_csv = import_roster_file(&case_path()).unwrap();
    assert_eq!(members, from_csv);
    assert_case_members(&members);
}

#[test]
fn card_numbers_stored_as_numbers_are_refused() {
    let e = import_err(&workbook(Cards::Numbers));
    assert_eq!(e.sheet.as_deref(), Some("Danh sách"));
    assert_eq!(
        (e.row, e.column.as_deref()),
        (Some(4), Some("Số thẻ đảng")),
        "{e}"
    );
    assert!(
        matches!(*e.kind, ErrorKind::CardNumberAsNumber { .. }),
        "{e}"
    );
    assert!(e.to_string().contains("Văn bản (Text)"), "{e}");
    assert!(
        e.message_en().contains("Format the column as Text"),
        "{}",
        e.message_en()
    );

    let e = import_err(&workbook(Cards::OneShort));
    assert_eq!(e.row, Some(8), "{e}");
    assert_eq!(
        *e.kind,
        ErrorKind::CardNumberAsNumber {
            value: "1234571".into(),
            expected_digits: 8
        }
    );
}

#[test]
fn whole_card_numbers_of_one_width_are_kept() {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    write_header(ws, &["Họ tên", "Loại đảng viên", "Số thẻ đảng"]);
    for (i, (name, card)) in [("An", 12345678.0), ("Bình", 12345679.0)]
        .iter()
        .enumerate()
    {
        let r = i as u32 + 1;
        ws.write_string(r, 0, *name).unwrap();
        ws.write_string(r, 1, "CT").unwrap();
        ws.write_number(r, 2, *card).unwrap();
    }
    let members = import_xlsx("a.xlsx", &wb.save_to_buffer().unwrap()).unwrap();
    assert_eq!(members[1].party_card_number.as_deref(), Some("12345679"));
}

#[test]
fn a_bad_value_names_sheet_row_and_column() {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("DS").unwrap();
    for (c, h) in ["Họ và tên", "Loại đảng viên", "Ngày sinh"]
        .iter()
        .enumerate()
    {
        ws.write_string(1, c as u16 + 1, *h).unwrap();
    }
    ws.write_string(2, 1, "Nguyễn Văn Hùng").unwrap();
    ws.write_string(2, 2, "Chính thức").unwrap();
    ws.write_number(2, 3, 1968.0).unwrap();
    let e = import_err(&wb.save_to_buffer().unwrap());
    assert_eq!(
        e.to_string(),
        "danh-sach.xlsx, trang tính \"DS\", dòng 3, cột \"Ngày sinh\": số 1968 không phải là ngày (nếu chỉ có năm, hãy ghi đủ ngày/tháng/năm)"
    );
}

#[test]
fn not_a_workbook() {
    let e = import_err(b"PK\x03\x04 not really a zip");
    assert!(matches!(*e.kind, ErrorKind::Workbook { .. }), "{e}");
}

#[test]
fn a_far_away_cell_is_refused_without_allocating_the_sheet_between() {
    // Two cells at opposite corners of the largest sheet Excel allows: reading the rectangle
    // between them would take 17 billion cells.
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "ho_ten").unwrap();
    ws.write_string(1_048_575, 16_383, "x").unwrap();
    let bytes = wb.save_to_buffer().unwrap();
    let err = import_xlsx("far.xlsx", &bytes).expect_err("a sheet that large is refused");
    match &*err.kind {
        ErrorKind::Workbook { detail } => {
            assert!(detail.contains("1048576 rows × 16384 columns"), "{detail}")
        }
        other => panic!("not a workbook error: {other:?}"),
    }
}

/// `bytes` (a workbook) with every `<v>…</v>` that follows a formula removed: a formula saved
/// without its computed value, as programs that write XLSX without calculating do.
fn without_formula_values(bytes: &[u8]) -> Vec<u8> {
    use std::io::{Cursor, Read, Write};
    let mut zin = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut zout = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..zin.len() {
        let mut f = zin.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        if name.starts_with("xl/worksheets/") {
            let xml = String::from_utf8(data).unwrap();
            let mut out = String::new();
            let mut rest = xml.as_str();
            while let Some(at) = rest.find("</f><v>") {
                out.push_str(&rest[..at + 4]);
                let after = &rest[at + 4..];
                rest = &after[after.find("</v>").unwrap() + 4..];
            }
            out.push_str(rest);
            data = out.into_bytes();
        }
        zout.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zout.write_all(&data).unwrap();
    }
    zout.finish().unwrap().into_inner()
}

/// Name, category and a birth date written as `=DATE(1968,4,12)` in a date-formatted cell.
fn date_formula_workbook() -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("DS").unwrap();
    write_header(ws, &["Họ và tên", "Loại đảng viên", "Ngày sinh"]);
    ws.write_string(1, 0, "Nguyễn Văn Hùng").unwrap();
    ws.write_string(1, 1, "CT").unwrap();
    let date_fmt = Format::new().set_num_format("dd/mm/yyyy");
    ws.write_formula_with_format(1, 2, "=DATE(1968,4,12)", &date_fmt)
        .unwrap();
    ws.set_formula_result(1, 2, "24940");
    wb.save_to_buffer().unwrap()
}

#[test]
fn a_formula_saved_without_its_value_is_refused_not_read_as_empty() {
    // With its cached value (as Excel saves it) the value is read.
    let members = import_xlsx("a.xlsx", &date_formula_workbook()).unwrap();
    assert_eq!(members[0].birth_date, Some(date!(1968 - 04 - 12)));

    let bytes = without_formula_values(&date_formula_workbook());
    let e = import_err(&bytes);
    assert_eq!(
        (e.sheet.as_deref(), e.row, e.column.as_deref()),
        (Some("DS"), Some(2), Some("Ngày sinh")),
        "{e}"
    );
    assert_eq!(*e.kind, ErrorKind::FormulaWithoutValue);
    assert!(
        e.to_string()
            .contains("công thức nhưng tệp không lưu kết quả"),
        "{e}"
    );
    assert!(e.message_en().contains("Open the file in Excel, save it"));
}

#[test]
fn a_long_card_number_stored_as_a_number_is_refused_not_rounded() {
    for (card, shown) in [
        (123_456_789_012_345_678.0, "123456789012345680"),
        (1_234_567_890_123_456.0, "1234567890123456"),
    ] {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        write_header(ws, &["Họ tên", "Loại đảng viên", "Số thẻ đảng"]);
        ws.write_string(1, 0, "An").unwrap();
        ws.write_string(1, 1, "CT").unwrap();
        ws.write_number(1, 2, card).unwrap();
        let e = import_err(&wb.save_to_buffer().unwrap());
        assert_eq!((e.row, e.column.as_deref()), (Some(2), Some("Số thẻ đảng")));
        assert_eq!(
            *e.kind,
            ErrorKind::NumberTooLong {
                value: shown.into()
            }
        );
        assert!(e.message_en().contains("Format the column as Text"), "{e}");
        assert!(e.to_string().contains("Văn bản (Text)"), "{e}");
    }
}

#[test]
fn a_merged_two_level_header_is_read_as_one() {
    // STT | Họ và tên | Ngày (merged over two) | Loại đảng viên, with "vào Đảng" and
    // "chính thức" under "Ngày"; the single titles merged down over both rows.
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("DS").unwrap();
    let plain = Format::new();
    ws.write_string(0, 0, "DANH SÁCH ĐẢNG VIÊN").unwrap();
    ws.merge_range(2, 0, 3, 0, "STT", &plain).unwrap();
    ws.merge_range(2, 1, 3, 1, "Họ và tên", &plain).unwrap();
    ws.merge_range(2, 2, 2, 3, "Ngày", &plain).unwrap();
    ws.write_string(3, 2, "vào Đảng").unwrap();
    ws.write_string(3, 3, "chính thức").unwrap();
    ws.merge_range(2, 4, 3, 4, "Loại đảng viên", &plain)
        .unwrap();
    for (i, r) in case_rows().iter().enumerate() {
        let row = 4 + i as u32;
        ws.write_number(row, 0, (i + 1) as f64).unwrap();
        ws.write_string(row, 1, &r[0]).unwrap();
        ws.write_string(row, 2, &r[6]).unwrap();
        if !r[7].is_empty() {
            ws.write_string(row, 3, &r[7]).unwrap();
        }
        ws.write_string(row, 4, &r[3]).unwrap();
    }
    let members = import_xlsx("a.xlsx", &wb.save_to_buffer().unwrap()).unwrap();
    assert_eq!(members.len(), 13);
    assert_eq!(members[0].full_name, "Nguyễn Văn Hùng");
    assert_eq!(members[0].admitted_on, Some(date!(1995 - 05 - 19)));
    assert_eq!(members[0].official_on, Some(date!(1996 - 05 - 19)));
    assert_eq!(members[12].official_on, None);
}

#[test]
fn an_error_under_a_two_level_header_names_the_combined_title() {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let plain = Format::new();
    ws.merge_range(0, 0, 1, 0, "Họ và tên", &plain).unwrap();
    ws.merge_range(0, 1, 0, 2, "Ngày", &plain).unwrap();
    ws.write_string(1, 1, "vào Đảng").unwrap();
    ws.write_string(1, 2, "chính thức").unwrap();
    ws.merge_range(0, 3, 1, 3, "Loại", &plain).unwrap();
    ws.write_string(2, 0, "An").unwrap();
    ws.write_string(2, 1, "31/02/1990").unwrap();
    ws.write_string(2, 3, "CT").unwrap();
    let e = import_err(&wb.save_to_buffer().unwrap());
    assert_eq!(
        (e.row, e.column.as_deref()),
        (Some(3), Some("Ngày vào Đảng")),
        "{e}"
    );
}

#[test]
fn names_typed_with_vni_or_tcvn3_fonts_are_refused_with_row_column_and_font() {
    for (name, font, shown) in [
        ("Nguyeãn Vaên A", "VNI", "VNI-Times"),
        ("NguyÔn V¨n A", "TCVN3", "TCVN3 (.VnTime, ABC)"),
    ] {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        write_header(ws, &["Họ và tên", "Loại đảng viên"]);
        ws.write_string(1, 0, "Trần Thị Lan").unwrap();
        ws.write_string(1, 1, "CT").unwrap();
        ws.write_string(2, 0, name).unwrap();
        ws.write_string(2, 1, "CT").unwrap();
        let e = import_err(&wb.save_to_buffer().unwrap());
        assert_eq!((e.row, e.column.as_deref()), (Some(3), Some("Họ và tên")));
        assert_eq!(
            *e.kind,
            ErrorKind::LegacyFont {
                font,
                value: name.into()
            }
        );
        assert!(e.to_string().contains(shown), "{e}");
        assert!(e.to_string().contains("Unikey: Công cụ chuyển mã"), "{e}");
        assert!(e.message_en().contains("Convert the sheet to Unicode"));
    }
}
