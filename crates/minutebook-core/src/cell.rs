//! The cell (chi bộ) and its settings.

use crate::attendance::AttendanceBasis;
use crate::lifecycle::SignerRole;
use crate::vote::CountingReading;

/// A party cell: the body whose minute book this is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// Name as printed in the header, e.g. "Chi bộ Tổ dân phố số 7".
    pub name: String,
    /// The committee directly above, e.g. "Đảng bộ phường Thanh Bình".
    pub upper_committee: String,
    /// Place written in the date line, e.g. "Hà Nội" (HD 36-HD/VPTW zone 4).
    pub place: String,
    /// The body's code in document numbers, e.g. "CB" in "Số 03-BB/CB" (practice reported in
    /// cell-meetings-addendum §4; uncertain, so a setting).
    pub document_code: String,
    /// Rules the cell chooses where the sources are uncertain.
    pub settings: CellSettings,
}

/// Cell-level choices for rules the sources leave open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellSettings {
    /// The counting reading used for a vote unless the vote names its own.
    pub default_reading: CountingReading,
    /// The roles whose signatures a record needs before it counts as signed. Default: chair and
    /// minute-taker (HD 16-HD/VPTW 2023 requires the minutes "fully signed" by both).
    pub required_signers: Vec<SignerRole>,
    /// How the vote-counting rule is cited in exports (configurable because QĐ 294 may itself be
    /// replaced; see cell-meetings-addendum §0).
    pub counting_rule_citation: String,
    /// Where an exempted member who attends is counted in the attendance rate. Not a setting a
    /// user changes: new meetings use the default; a stored record keeps the basis it was
    /// closed under.
    pub attendance_basis: AttendanceBasis,
}

impl Default for CellSettings {
    fn default() -> Self {
        CellSettings {
            default_reading: CountingReading::default(),
            required_signers: vec![SignerRole::Chair, SignerRole::MinuteTaker],
            counting_rule_citation: "Quy định số 294-QĐ/TW, điểm 9.3.2".to_owned(),
            attendance_basis: AttendanceBasis::default(),
        }
    }
}
