//! The `minutebook-archive` binary: messages from the catalogue (Vietnamese by default), exit
//! codes, the key register from a .pub.pem file, and every message id the archive uses present
//! in both languages.

use std::process::{Command, Output};

use minutebook_api::i18n::has_message;
use minutebook_archive::ingest::REASON_CODES;

use crate::support::pg::Cluster;
use crate::support::{CHAIR, MINUTE_TAKER, SignedCell, copy_bundle, flip_byte, folder};

fn archive(url: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_minutebook-archive"))
        .args(args)
        .env("MINUTEBOOK_ARCHIVE_URL", url)
        .env_remove("MINUTEBOOK_LANG")
        .output()
        .unwrap()
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[test]
fn enrol_then_ingest_a_batch_from_the_command_line() {
    let pg = Cluster::start();
    let url = pg.url();
    let mut cell = SignedCell::new();
    let id = cell.meeting(None);
    for k in cell.case.book.keys().unwrap() {
        let pem = cell.case.path(&format!("{}.pub.pem", k.member_id));
        std::fs::write(
            &pem,
            cell.case.book.key_export_public(&k.full_name).unwrap(),
        )
        .unwrap();
        let o = archive(
            &url,
            &[
                "key",
                "enroll",
                pem.to_str().unwrap(),
                "--member-id",
                &k.member_id,
                "--name",
                &k.full_name,
                "--from",
                "2026-01-01",
                "--by",
                "Văn phòng Đảng ủy",
            ],
        );
        assert!(o.status.success(), "{}", text(&o));
        assert!(text(&o).contains("Đã đăng ký khóa"), "{}", text(&o));
    }
    let listed = text(&archive(&url, &["key", "list"]));
    assert!(
        listed.contains(CHAIR) && listed.contains(MINUTE_TAKER),
        "{listed}"
    );

    let batch = folder(cell.case.dir.path(), "batch");
    copy_bundle(&cell.bundle(id, "b"), &batch.join("1-good"));
    copy_bundle(&batch.join("1-good"), &batch.join("2-tampered"));
    flip_byte(&batch.join("2-tampered/record.json"));
    let o = archive(&url, &["--lang", "en", "ingest", batch.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let out = text(&o);
    assert!(out.contains("Received: "), "{out}");
    assert!(out.contains("put in quarantine"), "{out}");
    assert!(out.contains("Verification failed"), "{out}");
    assert!(
        out.contains("1 records received, 0 already held, 1 put in quarantine."),
        "{out}"
    );

    // Vietnamese by default; sending the good one again is a no-op and exits 0.
    let o = archive(&url, &["ingest", batch.join("1-good").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(text(&o).contains("Đã nhận từ trước"), "{}", text(&o));

    let o = archive(&url, &["quarantine"]);
    assert!(text(&o).contains("Xác minh không đạt"), "{}", text(&o));
    let o = archive(&url, &["anomalies"]);
    assert!(
        text(&o).contains("Chưa phát hiện bất thường"),
        "{}",
        text(&o)
    );
}

#[test]
fn a_newer_schema_is_refused_with_a_localised_message_and_exit_2() {
    let pg = Cluster::start();
    let url = pg.url();
    assert!(archive(&url, &["migrate"]).status.success());
    pg.client()
        .execute("INSERT INTO schema_version (version) VALUES (7)", &[])
        .unwrap();
    let o = archive(&url, &["migrate"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).contains("phiên bản lược đồ 7"), "{}", text(&o));
    let o = archive(&url, &["--lang", "en", "anomalies"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).contains("schema version 7"), "{}", text(&o));
}

#[test]
fn no_database_url_is_a_usage_error() {
    let o = Command::new(env!("CARGO_BIN_EXE_minutebook-archive"))
        .args(["--lang", "en", "anomalies"])
        .env_remove("MINUTEBOOK_ARCHIVE_URL")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).contains("MINUTEBOOK_ARCHIVE_URL"), "{}", text(&o));
}

#[test]
fn every_message_id_the_archive_uses_is_in_both_catalogues() {
    let mut ids: Vec<String> = [
        "archive-accepted",
        "archive-already-received",
        "archive-already-received-more",
        "archive-quarantined",
        "archive-summary",
        "archive-schema-at",
        "archive-key-enrolled",
        "archive-key-line",
        "archive-key-open-ended",
        "archive-anomalies-none",
        "archive-anomaly-line",
        "archive-quarantine-empty",
        "archive-quarantine-line",
        "archive-error-database",
        "archive-error-schema-too-new",
        "archive-error-invalid",
        "archive-error-io",
        "archive-error-no-url",
        "archive-log-started",
        "archive-log-key-written",
        "archive-receipts-issued",
        "archive-receipt-none",
        "archive-receipt-valid",
    ]
    .map(str::to_owned)
    .to_vec();
    ids.extend(REASON_CODES.iter().map(|c| format!("archive-reason-{c}")));
    ids.extend(
        ["gap", "fork", "rollback"]
            .iter()
            .map(|k| format!("archive-anomaly-{k}")),
    );
    let missing: Vec<&String> = ids.iter().filter(|id| !has_message(id)).collect();
    assert!(
        missing.is_empty(),
        "missing in vi.ftl or en.ftl: {missing:?}"
    );
}

#[test]
fn the_log_from_the_command_line_key_ingest_receipt_and_offline_check() {
    use std::os::unix::fs::PermissionsExt;

    let pg = Cluster::start();
    let url = pg.url();
    let mut cell = SignedCell::new();
    let id = cell.meeting(None);
    let bundle = cell.bundle(id, "b");
    cell.enroll_all(&mut minutebook_archive::db::open(&url).unwrap());
    let origin = "minutebook/dang-uy-phuong-thanh-binh/2026";
    let key = cell.case.path("log.key");
    let o = archive(
        &url,
        &[
            "--lang",
            "en",
            "log",
            "new-key",
            "--origin",
            origin,
            "--out",
            key.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", text(&o));
    let public = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .last()
        .unwrap()
        .to_owned();
    assert!(public.starts_with(&format!("{origin}+")), "{public}");
    let mode = std::fs::metadata(&key).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    assert!(
        archive(&url, &["log", "init", "--origin", origin])
            .status
            .success()
    );

    let o = archive(
        &url,
        &[
            "--lang",
            "en",
            "ingest",
            bundle.to_str().unwrap(),
            "--log-key",
            key.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("Issued 1 receipts"), "{}", text(&o));

    let sha = minutebook_sign::sha256_hex(&std::fs::read(bundle.join("record.json")).unwrap());
    let o = archive(&url, &["log", "receipt", &sha]);
    assert!(o.status.success(), "{}", text(&o));
    let file = cell.case.path("bien-nhan.tlog-proof");
    std::fs::write(&file, &o.stdout).unwrap();
    let check = |record: &str| {
        // Offline: no database address at all.
        Command::new(env!("CARGO_BIN_EXE_minutebook-archive"))
            .args(["log", "verify", file.to_str().unwrap()])
            .args(["--public-key", &public, "--record", record])
            .env_remove("MINUTEBOOK_ARCHIVE_URL")
            .env_remove("MINUTEBOOK_LANG")
            .output()
            .unwrap()
    };
    let o = check(&sha);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(text(&o).contains("Giấy biên nhận hợp lệ"), "{}", text(&o));
    let o = check(&"0".repeat(64));
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
}
