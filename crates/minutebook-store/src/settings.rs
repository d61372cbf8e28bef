//! Key/value settings of the minute book, and the cell with its rule choices.

use minutebook_core::{Cell, CellSettings, CountingReading, SignerRole};
use rusqlite::{OptionalExtension, params};

use crate::connection::{DEFAULT_BACKUPS_TO_KEEP, Store};
use crate::error::{Context, Error, Result};
use crate::migrations::stored_backups_to_keep;
use crate::values::{check_nfc, col, corrupt};

/// Setting key: how many automatic backups of each kind to keep (a positive integer).
pub const BACKUPS_TO_KEEP: &str = "backups_to_keep";

impl Store {
    /// A stored setting, or `None`.
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        self.read(|tx| {
            tx.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()
            .ctx(&format!("read setting {key:?}"))
        })
    }

    /// Stores a setting exactly as given, replacing any previous value.
    ///
    /// # Errors
    /// [`Error::Invalid`] when the key or the value is not in NFC.
    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        check_nfc(key, "setting key")?;
        check_nfc(value, &format!("setting {key:?}"))?;
        self.write(&format!("save setting {key:?}"), |tx| {
            tx.tx
                .execute(
                    "INSERT INTO settings (key, value) VALUES (?1, ?2)
                     ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    params![key, value],
                )
                .ctx(&format!("save setting {key:?}"))?;
            tx.audit("set", "setting", key, value)
        })
    }

    /// How many automatic backups of each kind to keep: the [`BACKUPS_TO_KEEP`] setting, else
    /// [`DEFAULT_BACKUPS_TO_KEEP`].
    pub fn backups_to_keep(&self) -> Result<usize> {
        Ok(stored_backups_to_keep(&self.conn)?.unwrap_or(DEFAULT_BACKUPS_TO_KEEP))
    }

    /// Sets how many automatic backups of each kind to keep (at least 1).
    pub fn set_backups_to_keep(&mut self, keep: usize) -> Result<()> {
        if keep == 0 {
            return Err(Error::invalid(BACKUPS_TO_KEEP, "keep at least one backup"));
        }
        self.set_setting(BACKUPS_TO_KEEP, &keep.to_string())
    }

    /// The cell whose minute book this is, once set.
    pub fn cell(&self) -> Result<Option<Cell>> {
        self.read(|tx| {
            let w = "cell";
            let row = tx
                .query_row(
                    "SELECT name, upper_committee, place, document_code, default_reading,
                            counting_rule_citation
                     FROM cell WHERE id = 1",
                    [],
                    |r| {
                        Ok((
                            r.get::<_, String>(0)?,
                            r.get::<_, String>(1)?,
                            r.get::<_, String>(2)?,
                            r.get::<_, String>(3)?,
                            r.get::<_, String>(4)?,
                            r.get::<_, String>(5)?,
                        ))
                    },
                )
                .optional()
                .ctx("read the cell")?;
            let Some((name, upper_committee, place, document_code, reading, citation)) = row else {
                return Ok(None);
            };
            let default_reading = CountingReading::from_code(&reading)
                .ok_or_else(|| corrupt("cell.default_reading", &reading))?;
            let mut stmt = tx
                .prepare("SELECT role FROM cell_required_signers ORDER BY position")
                .ctx("read the required signers")?;
            let mut rows = stmt.query([]).ctx("read the required signers")?;
            let mut required_signers = Vec::new();
            while let Some(r) = rows.next().ctx("read the required signers")? {
                let code: String = col(r, 0, w)?;
                required_signers.push(
                    SignerRole::from_code(&code)
                        .ok_or_else(|| corrupt("cell_required_signers.role", &code))?,
                );
            }
            Ok(Some(Cell {
                name,
                upper_committee,
                place,
                document_code,
                settings: CellSettings {
                    default_reading,
                    required_signers,
                    counting_rule_citation: citation,
                    attendance_basis: minutebook_core::AttendanceBasis::default(),
                },
            }))
        })
    }

    /// Sets the cell and its rule choices (text stored exactly as given).
    ///
    /// # Errors
    /// [`Error::Constraint`] when a signer role is listed twice; [`Error::Invalid`] for text
    /// not in NFC.
    pub fn set_cell(&mut self, cell: &Cell) -> Result<()> {
        check_nfc(&cell.name, "cell name")?;
        check_nfc(&cell.upper_committee, "cell upper committee")?;
        check_nfc(&cell.place, "cell place")?;
        check_nfc(&cell.document_code, "cell document code")?;
        check_nfc(
            &cell.settings.counting_rule_citation,
            "cell counting-rule citation",
        )?;
        self.write("save the cell", |tx| {
            let what = "save the cell";
            tx.tx
                .execute(
                    "INSERT INTO cell (id, name, upper_committee, place, document_code,
                                       default_reading, counting_rule_citation)
                     VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6)
                     ON CONFLICT (id) DO UPDATE SET
                       name = excluded.name, upper_committee = excluded.upper_committee,
                       place = excluded.place, document_code = excluded.document_code,
                       default_reading = excluded.default_reading,
                       counting_rule_citation = excluded.counting_rule_citation",
                    params![
                        cell.name,
                        cell.upper_committee,
                        cell.place,
                        cell.document_code,
                        cell.settings.default_reading.code(),
                        cell.settings.counting_rule_citation,
                    ],
                )
                .ctx(what)?;
            tx.tx
                .execute("DELETE FROM cell_required_signers", [])
                .ctx(what)?;
            for (i, role) in cell.settings.required_signers.iter().enumerate() {
                tx.tx
                    .execute(
                        "INSERT INTO cell_required_signers (position, role) VALUES (?1, ?2)",
                        params![i as i64, role.code()],
                    )
                    .ctx(what)?;
            }
            tx.audit(
                "set",
                "cell",
                1,
                format!(
                    "{}; default reading {}",
                    cell.name,
                    cell.settings.default_reading.code()
                ),
            )
        })
    }
}
