//! # minutebook-import
//!
//! Reads a cell's roster from the spreadsheet a secretary has — CSV or XLSX — into
//! [`minutebook_core::Member`]s. All or nothing: the first value that cannot be read correctly
//! stops the import with an [`ImportError`] naming the file, the row (as the spreadsheet shows
//! it) and the column, and no member is returned.
//!
//! ## Columns
//!
//! The header row is searched for among the first 10 rows with content, so title rows
//! ("DANH SÁCH ĐẢNG VIÊN CHI BỘ …") and blank lines above it are skipped. Headers are matched
//! after NFC, ignoring case, diacritics and punctuation (`ho_ten` = "Họ và tên" = "HỌ TÊN"):
//!
//! | field | case-file code | also accepted | value |
//! |---|---|---|---|
//! | name (**required**) | `ho_ten` | "Họ và tên", "Họ tên" | kept as written (NFC, invisible characters removed — see below), not trimmed |
//! | birth date | `ngay_sinh` | "Ngày sinh", "Ngày tháng năm sinh" | date |
//! | gender | `gioi_tinh` | "Giới tính" | "Nam" / "Nữ" / empty |
//! | category (**required**) | `loai_dang_vien` | "Loại đảng viên", "Loại" | "chính thức"/"CT", "dự bị"/"DB" |
//! | posts | `chuc_vu` | "Chức vụ" | "Bí thư", "Phó Bí thư", "Chi ủy viên", other text; several separated by `,` or `;` |
//! | party card number | `so_the_dang` | "Số thẻ đảng", "Số thẻ đảng viên" | text, kept as written (leading zeros) |
//! | admission date | `ngay_vao_dang` | "Ngày vào Đảng", "Ngày kết nạp" | date |
//! | official since | `ngay_chinh_thuc` | "Ngày chính thức" | date |
//! | exempted | `mien_sinh_hoat` | "Miễn sinh hoạt", "Miễn công tác và sinh hoạt đảng" | "có"/"x"/"1" (exempted), a date (exempted since), empty/"không"/"0" |
//!
//! Every text value (headers included) goes through the invisible-character rule of names,
//! [`minutebook_core::text::visible_text`]: soft hyphens, zero-width characters and byte-order
//! marks pasted into a cell are removed and look-alike spaces (no-break, typographic,
//! ideographic) become plain spaces, so the name stored is the name seen; a bidi control or
//! another invisible format character is refused ([`ErrorKind::HiddenCharacter`]) naming the
//! row, the column and the character.
//!
//! Text typed with the old VNI-Times or TCVN3 (.VnTime, ABC) fonts ("Nguyeãn Vaên A",
//! "NguyÔn V¨n A") is refused, not converted ([`ErrorKind::LegacyFont`]), naming the row, the
//! column and the font, with the way to convert the sheet (Unikey's converter).
//!
//! A two-level header — a group title merged over sub-titles in the row below ("Ngày" over
//! "vào Đảng" | "chính thức"), the other titles merged down over both rows — is read as one
//! ("Ngày vào Đảng", "Ngày chính thức") when the header row alone leaves a column unknown and
//! the two rows together name every titled column.
//!
//! A column "STT" (row number) is ignored. **Any other titled column is an error** naming it
//! ([`ErrorKind::UnknownColumns`]): the secretary deletes or renames it, rather than losing data
//! silently. Values in a column without a title are errors too.
//!
//! Dates: `YYYY-MM-DD`, `DD/MM/YYYY`, `D/M/YYYY`, `DD-MM-YYYY`, `DD.MM.YYYY` (day first), and
//! in XLSX real date cells or plain numbers read as Excel serial days (1900 date system, with
//! Excel's non-existent 1900-02-29; only from 1910 on, so that a year typed alone is refused).
//!
//! ## CSV
//!
//! Encoding: a byte-order mark decides (UTF-8, UTF-16LE/BE); otherwise valid UTF-8 is UTF-8 and
//! anything else is Windows-1258 (Vietnamese Excel's "CSV"), whose decomposed tone marks are
//! normalised to NFC. Text that looks garbled — control characters, U+FFFD, UTF-8 that was read
//! as a Windows code page and saved again ("Nguyá»…n") — is refused. The delimiter (`,`, `;`
//! or tab) is the first with which a header row is found. Every row must have a cell for every
//! titled column and no more cells than the header (a "ragged" row is an error). Rows are
//! numbered as a spreadsheet shows them: blank lines count, a quoted value over several lines
//! is one row.
//!
//! ## XLSX
//!
//! The first worksheet whose header row is recognised. A party card number stored as a number
//! cell is accepted only when it is a whole number with as many digits as the widest card
//! number in the column; otherwise (fewer digits, or "01.234567" turned into 1.234567) the
//! import is refused with a request to format the column as Text. A column of whole numbers of
//! equal width cannot show a lost zero and is accepted as it is. A card number of 16 digits
//! or more stored as a number is always refused ([`ErrorKind::NumberTooLong`]): Excel keeps 15
//! significant digits, so the number in the cell is not the one on the card.
//!
//! A formula is read by the value Excel saved with it; a formula saved without a value (files
//! written by programs that do not calculate) is refused where it is used
//! ([`ErrorKind::FormulaWithoutValue`]) rather than read as an empty cell.

mod csv_input;
mod decode;
mod error;
mod table;
mod values;
mod xlsx_input;

use std::path::Path;

pub use error::{ErrorKind, Field, ImportError};
use minutebook_core::Member;

/// Largest file accepted, in bytes. A cell's roster is a few kilobytes.
pub const MAX_FILE_BYTES: usize = 32 * 1024 * 1024;

/// Reads the roster in the file at `path` (CSV or XLSX, told apart by content, not by name).
/// Errors name the file by its file name.
///
/// # Errors
/// [`ErrorKind::Io`] when the file cannot be read, and everything [`import_roster_bytes`]
/// returns.
pub fn import_roster_file(path: &Path) -> Result<Vec<Member>, ImportError> {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let size = std::fs::metadata(path)
        .map_err(|e| {
            ImportError::file(
                &name,
                ErrorKind::Io {
                    detail: e.to_string(),
                },
            )
        })?
        .len();
    if size > MAX_FILE_BYTES as u64 {
        return Err(ImportError::file(
            &name,
            ErrorKind::TooLarge {
                bytes: usize::try_from(size).unwrap_or(usize::MAX),
            },
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| {
        ImportError::file(
            &name,
            ErrorKind::Io {
                detail: e.to_string(),
            },
        )
    })?;
    import_roster_bytes(&name, &bytes)
}

/// Reads a roster from the bytes of a file called `file_name` (used only in error messages).
/// A ZIP container is read as XLSX, an old binary `.xls` is refused, anything else is CSV.
///
/// Members get ids `MemberId(1)`, `MemberId(2)`, … in row order; the minute book assigns its
/// own when storing them.
///
/// # Errors
/// The first problem found, as [`ImportError`]; no members are returned then.
pub fn import_roster_bytes(file_name: &str, bytes: &[u8]) -> Result<Vec<Member>, ImportError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::file(
            file_name,
            ErrorKind::TooLarge { bytes: bytes.len() },
        ));
    }
    if bytes.starts_with(b"PK\x03\x04") {
        import_xlsx(file_name, bytes)
    } else if bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        Err(ImportError::file(
            file_name,
            ErrorKind::UnsupportedFormat {
                what: "Excel 97–2003 (.xls)".into(),
            },
        ))
    } else {
        import_csv(file_name, bytes)
    }
}

/// Reads a roster from CSV bytes (see the crate documentation for encodings, delimiters, title
/// rows and values).
///
/// # Errors
/// [`ErrorKind::Garbled`] for text that cannot be decoded reliably, [`ErrorKind::NoHeader`],
/// header errors ([`ErrorKind::UnknownColumns`], [`ErrorKind::MissingColumn`],
/// [`ErrorKind::DuplicateColumn`]), [`ErrorKind::Ragged`] rows, and value errors naming the row
/// and column.
pub fn import_csv(file_name: &str, bytes: &[u8]) -> Result<Vec<Member>, ImportError> {
    csv_input::read(file_name, bytes)
}

/// Reads a roster from XLSX bytes: the first worksheet whose header row is recognised.
///
/// # Errors
/// [`ErrorKind::Workbook`] when the workbook cannot be opened, [`ErrorKind::NoHeader`] when no
/// worksheet has a recognisable header, [`ErrorKind::CardNumberAsNumber`] for card numbers
/// that may have lost their leading zeros, and the same header and value errors as
/// [`import_csv`].
pub fn import_xlsx(file_name: &str, bytes: &[u8]) -> Result<Vec<Member>, ImportError> {
    xlsx_input::read(file_name, bytes)
}
