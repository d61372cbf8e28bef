//! Import errors: where (file, sheet, row, column) and what, in Vietnamese first.

use std::fmt;

/// A column the importer understands, with its code in the case-file header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// `ho_ten` — full name (required).
    Name,
    /// `ngay_sinh` — date of birth.
    BirthDate,
    /// `gioi_tinh` — "Nam" / "Nữ".
    Gender,
    /// `loai_dang_vien` — "chính thức" / "dự bị" (required).
    Category,
    /// `chuc_vu` — posts in the cell.
    Posts,
    /// `so_the_dang` — party card number, kept as text.
    CardNumber,
    /// `ngay_vao_dang` — admission date.
    AdmittedOn,
    /// `ngay_chinh_thuc` — date of becoming an official member.
    OfficialOn,
    /// `mien_sinh_hoat` — exempted from activities ("có", "x", "1" or the date).
    Exempted,
}

impl Field {
    /// Every field, in the case file's column order.
    pub const ALL: [Field; 9] = [
        Field::Name,
        Field::BirthDate,
        Field::Gender,
        Field::Category,
        Field::Posts,
        Field::CardNumber,
        Field::AdmittedOn,
        Field::OfficialOn,
        Field::Exempted,
    ];

    /// The column code of the case file's header, e.g. `ngay_sinh`.
    pub fn code(self) -> &'static str {
        match self {
            Field::Name => "ho_ten",
            Field::BirthDate => "ngay_sinh",
            Field::Gender => "gioi_tinh",
            Field::Category => "loai_dang_vien",
            Field::Posts => "chuc_vu",
            Field::CardNumber => "so_the_dang",
            Field::AdmittedOn => "ngay_vao_dang",
            Field::OfficialOn => "ngay_chinh_thuc",
            Field::Exempted => "mien_sinh_hoat",
        }
    }

    /// The usual Vietnamese column title, e.g. "Ngày sinh".
    pub fn title_vi(self) -> &'static str {
        match self {
            Field::Name => "Họ và tên",
            Field::BirthDate => "Ngày sinh",
            Field::Gender => "Giới tính",
            Field::Category => "Loại đảng viên",
            Field::Posts => "Chức vụ",
            Field::CardNumber => "Số thẻ đảng",
            Field::AdmittedOn => "Ngày vào Đảng",
            Field::OfficialOn => "Ngày chính thức",
            Field::Exempted => "Miễn sinh hoạt",
        }
    }
}

/// An import failure. Nothing is imported when one occurs.
///
/// `Display` gives the Vietnamese message, e.g.
/// `roster.csv, dòng 5, cột "ngay_sinh": "31/02/1980" không phải là ngày hợp lệ`;
/// [`ImportError::message_en`] gives the same in English. Row numbers are those the spreadsheet
/// program shows: 1-based, counting title rows and blank lines above the header.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ImportError {
    /// The file's name as given to the importer.
    pub file: String,
    /// The worksheet, for workbooks.
    pub sheet: Option<String>,
    /// Row (1-based, as the spreadsheet shows it), when the problem is in one row.
    pub row: Option<usize>,
    /// The column's header exactly as written in the file (or its letter when it has none).
    pub column: Option<String>,
    /// What is wrong (boxed: keeps `Result<_, ImportError>` small).
    pub kind: Box<ErrorKind>,
}

impl ImportError {
    pub(crate) fn file(file: &str, kind: ErrorKind) -> Self {
        ImportError {
            file: file.to_owned(),
            sheet: None,
            row: None,
            column: None,
            kind: Box::new(kind),
        }
    }

    fn location(&self, en: bool) -> String {
        let mut s = self.file.clone();
        if let Some(sheet) = &self.sheet {
            s.push_str(&if en {
                format!(", sheet \"{sheet}\"")
            } else {
                format!(", trang tính \"{sheet}\"")
            });
        }
        if let Some(row) = self.row {
            s.push_str(&if en {
                format!(", row {row}")
            } else {
                format!(", dòng {row}")
            });
        }
        if let Some(col) = &self.column {
            s.push_str(&if en {
                format!(", column \"{col}\"")
            } else {
                format!(", cột \"{col}\"")
            });
        }
        s
    }

    /// The message in Vietnamese (same as `Display`).
    pub fn message_vi(&self) -> String {
        format!("{}: {}", self.location(false), self.kind.message_vi())
    }

    /// The message in English.
    pub fn message_en(&self) -> String {
        format!("{}: {}", self.location(true), self.kind.message_en())
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_vi())
    }
}

/// What is wrong, without the location.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file could not be read.
    Io {
        /// The operating system's message.
        detail: String,
    },
    /// The file is larger than [`crate::MAX_FILE_BYTES`].
    TooLarge {
        /// Its size in bytes.
        bytes: usize,
    },
    /// A format the importer does not read (old `.xls`, `.ods`, …).
    UnsupportedFormat {
        /// What it looks like.
        what: String,
    },
    /// The workbook could not be opened.
    Workbook {
        /// The reader's message.
        detail: String,
    },
    /// The text looks garbled: wrong encoding, double-encoded UTF-8, control characters.
    Garbled {
        /// A short excerpt around the first suspicious character.
        sample: String,
        /// Why it looks garbled (English, for logs).
        reason: &'static str,
    },
    /// No header row (with at least the name and category columns) in the first rows.
    NoHeader {
        /// How many rows were searched.
        searched: usize,
    },
    /// A required column is missing.
    MissingColumn {
        /// The column.
        field: Field,
    },
    /// Columns the importer does not know. Rename or delete them.
    UnknownColumns {
        /// Their headers as written.
        columns: Vec<String>,
    },
    /// Two columns mean the same field.
    DuplicateColumn {
        /// The field.
        field: Field,
    },
    /// The header row has no data rows under it.
    NoMembers,
    /// A quoted value (`"…`) is never closed.
    UnclosedQuote,
    /// A row has a different number of cells than the header.
    Ragged {
        /// Cells in the header.
        expected: usize,
        /// Cells in this row.
        found: usize,
    },
    /// A value in a column that has no header.
    UntitledColumn {
        /// The value.
        value: String,
    },
    /// A required value is empty.
    Empty,
    /// Not a date.
    InvalidDate {
        /// The value as written.
        value: String,
    },
    /// A plain number in a date column that cannot be an Excel date serial (e.g. a year alone).
    ImplausibleDateNumber {
        /// The number.
        value: String,
    },
    /// Not "chính thức" / "dự bị".
    InvalidCategory {
        /// The value as written.
        value: String,
    },
    /// Not "Nam" / "Nữ".
    InvalidGender {
        /// The value as written.
        value: String,
    },
    /// Not "có" / "x" / "1" / a date / empty.
    InvalidExemption {
        /// The value as written.
        value: String,
    },
    /// A card number stored as a number cell, so its leading zeros (or its format) may be lost.
    CardNumberAsNumber {
        /// The number as the cell holds it.
        value: String,
        /// Digits of the widest card number in the column.
        expected_digits: usize,
    },
    /// The same party card number on two rows.
    DuplicateCardNumber {
        /// The number.
        value: String,
        /// The earlier row.
        first_row: usize,
    },
    /// A date cell where text is expected.
    DateWhereTextExpected {
        /// The date.
        value: String,
    },
    /// A bidi control or another invisible format character (see
    /// [`minutebook_core::text::visible_text`]).
    HiddenCharacter {
        /// The character as `U+XXXX`.
        code: String,
        /// Its position in the cell, in characters from 1.
        position: usize,
        /// True for a bidi control.
        bidi: bool,
    },
    /// Text typed with a legacy Vietnamese font (VNI-Times or TCVN3/.VnTime): its characters
    /// are Latin-1 that only that font shows as Vietnamese. Refused, not converted.
    LegacyFont {
        /// "VNI", "TCVN3" or "VNI/TCVN3".
        font: &'static str,
        /// The value as written.
        value: String,
    },
    /// A formula cell saved without its computed value.
    FormulaWithoutValue,
    /// An ID (party card number) stored as a number cell too long to be exact: Excel keeps 15
    /// significant digits, and the reader's binary floating point 53 bits.
    NumberTooLong {
        /// The number as the cell holds it (already rounded).
        value: String,
    },
    /// A spreadsheet error value such as `#N/A`.
    CellError {
        /// The error value.
        value: String,
    },
}

impl ErrorKind {
    /// The Vietnamese message.
    pub fn message_vi(&self) -> String {
        match self {
            ErrorKind::Io { detail } => format!("không đọc được tệp ({detail})"),
            ErrorKind::TooLarge { bytes } => format!(
                "tệp quá lớn ({bytes} byte; tối đa {} byte) — đây không phải danh sách đảng viên của một chi bộ",
                crate::MAX_FILE_BYTES
            ),
            ErrorKind::UnsupportedFormat { what } => format!(
                "không đọc được định dạng này ({what}); hãy lưu lại thành Excel Workbook (.xlsx) hoặc CSV UTF-8"
            ),
            ErrorKind::Workbook { detail } => {
                format!("không mở được tệp Excel ({detail}); hãy lưu lại thành .xlsx")
            }
            ErrorKind::Garbled { sample, .. } => format!(
                "chữ trong tệp có vẻ bị lỗi mã hoá (ví dụ: \"{sample}\"); không nhập để tránh lưu sai tên. Hãy mở tệp bằng Excel và lưu lại dạng \"CSV UTF-8\" hoặc .xlsx"
            ),
            ErrorKind::NoHeader { searched } => format!(
                "không tìm thấy dòng tiêu đề trong {searched} dòng đầu (cần ít nhất cột \"Họ và tên\" và \"Loại đảng viên\")"
            ),
            ErrorKind::MissingColumn { field } => format!(
                "thiếu cột \"{}\" ({}) — cột này bắt buộc",
                field.title_vi(),
                field.code()
            ),
            ErrorKind::UnknownColumns { columns } => format!(
                "không biết các cột: {}; hãy xoá hoặc đổi tên các cột này (các cột được nhận: {})",
                quoted_list(columns),
                known_list()
            ),
            ErrorKind::DuplicateColumn { field } => {
                format!("cột \"{}\" xuất hiện hai lần", field.title_vi())
            }
            ErrorKind::NoMembers => "không có đảng viên nào dưới dòng tiêu đề".to_owned(),
            ErrorKind::UnclosedQuote => {
                "dấu ngoặc kép (\") mở ở dòng này không được đóng".to_owned()
            }
            ErrorKind::Ragged { expected, found } => format!(
                "dòng có {found} ô nhưng dòng tiêu đề có {expected} cột (có thể thiếu ô, hoặc có dấu phân cách trong một giá trị chưa đặt trong ngoặc kép)"
            ),
            ErrorKind::UntitledColumn { value } => {
                format!("có giá trị \"{value}\" ở cột không có tiêu đề")
            }
            ErrorKind::Empty => "không được để trống".to_owned(),
            ErrorKind::InvalidDate { value } => format!(
                "\"{value}\" không phải là ngày hợp lệ (viết dạng ngày/tháng/năm, ví dụ 05/03/2026, hoặc 2026-03-05)"
            ),
            ErrorKind::ImplausibleDateNumber { value } => {
                format!("số {value} không phải là ngày (nếu chỉ có năm, hãy ghi đủ ngày/tháng/năm)")
            }
            ErrorKind::InvalidCategory { value } => {
                format!("\"{value}\" không phải loại đảng viên (ghi \"chính thức\" hoặc \"dự bị\")")
            }
            ErrorKind::InvalidGender { value } => {
                format!("\"{value}\" không phải giới tính (ghi \"Nam\" hoặc \"Nữ\")")
            }
            ErrorKind::InvalidExemption { value } => format!(
                "\"{value}\" không rõ có miễn sinh hoạt hay không (ghi \"có\", \"x\", ngày được miễn, hoặc để trống)"
            ),
            ErrorKind::CardNumberAsNumber {
                value,
                expected_digits,
            } => format!(
                "số thẻ đảng được lưu dạng số ({value}) nên có thể đã mất số 0 ở đầu hoặc dấu chấm (các số khác trong cột có {expected_digits} chữ số). Hãy định dạng cột này là Văn bản (Text), nhập lại số thẻ đúng như in trên thẻ rồi nhập lại tệp"
            ),
            ErrorKind::DuplicateCardNumber { value, first_row } => {
                format!("số thẻ đảng \"{value}\" trùng với dòng {first_row}")
            }
            ErrorKind::DateWhereTextExpected { value } => format!(
                "ô này là ngày ({value}) chứ không phải chữ; hãy định dạng cột là Văn bản (Text)"
            ),
            ErrorKind::HiddenCharacter {
                code,
                position,
                bidi,
            } => format!(
                "ô có ký tự ẩn {code} ở vị trí {position} ({}); ký tự này không nhìn thấy nhưng làm tên hiển thị hoặc tìm kiếm sai. Hãy gõ lại ô này (không dán từ nơi khác) rồi nhập lại tệp",
                if *bidi {
                    "ký tự điều khiển hướng viết, làm chữ hiển thị theo thứ tự khác"
                } else {
                    "ký tự định dạng vô hình"
                }
            ),
            ErrorKind::LegacyFont { font, value } => format!(
                "\"{value}\" có vẻ được gõ bằng phông chữ cũ {} (không phải Unicode), nên sẽ bị lưu sai chữ. Hãy chuyển bảng tính sang Unicode (Unikey: Công cụ chuyển mã, bảng mã nguồn {}, bảng mã đích Unicode) rồi nhập lại tệp",
                legacy_font_name(font),
                legacy_font_table(font)
            ),
            ErrorKind::FormulaWithoutValue => "ô này là công thức nhưng tệp không lưu kết quả của nó (tệp do một chương trình khác tạo ra, chưa được tính), nên không biết giá trị. Hãy mở tệp bằng Excel, lưu lại rồi nhập lại tệp — hoặc nhập giá trị thay cho công thức".to_owned(),
            ErrorKind::NumberTooLong { value } => format!(
                "số thẻ đảng được lưu dạng số ({value}) nhưng quá dài để giữ đúng: Excel chỉ giữ 15 chữ số, các chữ số sau đã bị làm tròn. Hãy định dạng cột này là Văn bản (Text), nhập lại số thẻ đúng như in trên thẻ rồi nhập lại tệp"
            ),
            ErrorKind::CellError { value } => format!("ô có lỗi công thức {value}"),
        }
    }

    /// The English message.
    pub fn message_en(&self) -> String {
        match self {
            ErrorKind::Io { detail } => format!("cannot read the file ({detail})"),
            ErrorKind::TooLarge { bytes } => format!(
                "the file is too large ({bytes} bytes; at most {}) for a cell's roster",
                crate::MAX_FILE_BYTES
            ),
            ErrorKind::UnsupportedFormat { what } => format!(
                "this format cannot be read ({what}); save it as an Excel Workbook (.xlsx) or CSV UTF-8"
            ),
            ErrorKind::Workbook { detail } => {
                format!("cannot open the Excel file ({detail}); save it again as .xlsx")
            }
            ErrorKind::Garbled { sample, reason } => format!(
                "the text looks garbled ({reason}, e.g. \"{sample}\"); nothing imported so that no name is stored wrongly. Open the file in Excel and save it as \"CSV UTF-8\" or .xlsx"
            ),
            ErrorKind::NoHeader { searched } => format!(
                "no header row in the first {searched} rows (at least the name and category columns are needed)"
            ),
            ErrorKind::MissingColumn { field } => format!(
                "the required column \"{}\" ({}) is missing",
                field.title_vi(),
                field.code()
            ),
            ErrorKind::UnknownColumns { columns } => format!(
                "unknown columns: {}; delete or rename them (known columns: {})",
                quoted_list(columns),
                known_list()
            ),
            ErrorKind::DuplicateColumn { field } => {
                format!("the column \"{}\" appears twice", field.title_vi())
            }
            ErrorKind::NoMembers => "no members below the header row".to_owned(),
            ErrorKind::UnclosedQuote => {
                "a quotation mark (\") opened on this row is never closed".to_owned()
            }
            ErrorKind::Ragged { expected, found } => format!(
                "the row has {found} cells but the header has {expected} columns (a missing cell, or a delimiter inside an unquoted value)"
            ),
            ErrorKind::UntitledColumn { value } => {
                format!("the value \"{value}\" is in a column without a header")
            }
            ErrorKind::Empty => "must not be empty".to_owned(),
            ErrorKind::InvalidDate { value } => format!(
                "\"{value}\" is not a valid date (write day/month/year, e.g. 05/03/2026, or 2026-03-05)"
            ),
            ErrorKind::ImplausibleDateNumber { value } => format!(
                "the number {value} is not a date (if it is a year alone, write the full date)"
            ),
            ErrorKind::InvalidCategory { value } => {
                format!("\"{value}\" is not a membership category (\"chính thức\" or \"dự bị\")")
            }
            ErrorKind::InvalidGender { value } => {
                format!("\"{value}\" is not a gender (\"Nam\" or \"Nữ\")")
            }
            ErrorKind::InvalidExemption { value } => format!(
                "\"{value}\" does not say whether the member is exempted (\"có\", \"x\", the date, or empty)"
            ),
            ErrorKind::CardNumberAsNumber {
                value,
                expected_digits,
            } => format!(
                "the party card number is stored as a number ({value}), so its leading zeros or its dot may be lost (other numbers in the column have {expected_digits} digits). Format the column as Text, type the numbers as printed on the cards, and import again"
            ),
            ErrorKind::DuplicateCardNumber { value, first_row } => {
                format!("party card number \"{value}\" is also on row {first_row}")
            }
            ErrorKind::DateWhereTextExpected { value } => {
                format!("this cell is a date ({value}), not text; format the column as Text")
            }
            ErrorKind::HiddenCharacter {
                code,
                position,
                bidi,
            } => format!(
                "the cell holds the invisible character {code} at position {position} ({}); it is not seen but makes the name display or search wrongly. Type the cell again (do not paste it) and import again",
                if *bidi {
                    "a bidi control, which makes the text display in another order"
                } else {
                    "an invisible format character"
                }
            ),
            ErrorKind::LegacyFont { font, value } => format!(
                "\"{value}\" looks typed with the old {} font (not Unicode), so it would be stored as the wrong letters. Convert the sheet to Unicode (Unikey: Công cụ chuyển mã, source {}, destination Unicode) and import again",
                legacy_font_name(font),
                legacy_font_table(font)
            ),
            ErrorKind::FormulaWithoutValue => "the cell is a formula saved without its result (the file was written by a program that does not calculate), so its value is unknown. Open the file in Excel, save it, and import again — or type the value instead of the formula".to_owned(),
            ErrorKind::NumberTooLong { value } => format!(
                "the party card number is stored as a number ({value}) too long to be kept exactly: Excel keeps 15 digits and rounds the rest. Format the column as Text, type the numbers as printed on the cards, and import again"
            ),
            ErrorKind::CellError { value } => format!("the cell holds the error value {value}"),
        }
    }
}

fn legacy_font_name(font: &str) -> &'static str {
    match font {
        "VNI" => "VNI-Times",
        "TCVN3" => "TCVN3 (.VnTime, ABC)",
        _ => "VNI-Times / TCVN3 (.VnTime)",
    }
}

fn legacy_font_table(font: &str) -> &'static str {
    match font {
        "VNI" => "VNI Windows",
        "TCVN3" => "TCVN3 (ABC)",
        _ => "VNI Windows / TCVN3 (ABC)",
    }
}

fn quoted_list(items: &[String]) -> String {
    items
        .iter()
        .map(|c| format!("\"{c}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

fn known_list() -> String {
    Field::ALL
        .iter()
        .map(|f| f.code())
        .chain(std::iter::once("STT"))
        .collect::<Vec<_>>()
        .join(", ")
}
