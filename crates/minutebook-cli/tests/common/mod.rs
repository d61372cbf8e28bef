//! Helpers for driving the real `minutebook` binary against real SQLite files.

#![allow(dead_code, missing_docs)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A temporary folder holding one minute book.
pub struct Env {
    pub dir: tempfile::TempDir,
}

impl Env {
    pub fn new() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("book.db")
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Runs `minutebook --db <db> --lang en ARGS`.
    pub fn run(&self, args: &[&str]) -> Output {
        self.run_db(&self.db(), args)
    }

    /// Runs `minutebook --db <db> --lang vi ARGS` (the messages a Vietnamese user reads).
    pub fn run_vi(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_minutebook"))
            .arg("--db")
            .arg(self.db())
            .args(["--lang", "vi"])
            .args(args)
            .env_remove("MINUTEBOOK_DB")
            .output()
            .unwrap()
    }

    pub fn run_db(&self, db: &Path, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_minutebook"))
            .arg("--db")
            .arg(db)
            .args(["--lang", "en"])
            .args(args)
            .env_remove("MINUTEBOOK_DB")
            .output()
            .unwrap()
    }

    /// Runs and requires success; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "minutebook {args:?} failed: {}\n{}",
            String::from_utf8_lossy(&out.stderr),
            String::from_utf8_lossy(&out.stdout)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        serde_json::from_str(&self.ok(args)).unwrap()
    }

    pub fn write(&self, name: &str, contents: &str) -> PathBuf {
        let p = self.path(name);
        std::fs::write(&p, contents).unwrap();
        p
    }

    /// Imports the March 2026 example; returns the meeting id (last line of output).
    pub fn import_march(&self) -> String {
        let out = self.ok(&["meeting", "import", &example()]);
        out.lines().last().unwrap().trim().to_owned()
    }

    /// Imports, gives the chair and minute-taker keys, closes, signs. Returns the meeting id.
    pub fn signed_march(&self) -> String {
        let id = self.import_march();
        let pass = self.write("pass.txt", "mật khẩu đủ dài\n");
        let pass = pass.to_str().unwrap();
        self.ok(&[
            "key",
            "new",
            "--member",
            "Nguyễn Văn Hùng",
            "--passphrase-file",
            pass,
        ]);
        self.ok(&[
            "key",
            "new",
            "--member",
            "Phạm Thu Hà",
            "--passphrase-file",
            pass,
        ]);
        self.ok(&["meeting", "close", &id]);
        self.ok(&[
            "sign",
            &id,
            "--member",
            "Nguyễn Văn Hùng",
            "--role",
            "chair",
            "--passphrase-file",
            pass,
        ]);
        self.ok(&[
            "sign",
            &id,
            "--member",
            "Phạm Thu Hà",
            "--role",
            "minute-taker",
            "--passphrase-file",
            pass,
        ]);
        id
    }
}

pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn example() -> String {
    repo()
        .join("examples/meeting-2026-03.json")
        .display()
        .to_string()
}

pub fn shared(rel: &str) -> PathBuf {
    let p = repo().join("../shared").join(rel);
    assert!(
        p.exists(),
        "{} is missing: the shared/ folder must sit beside the repository",
        p.display()
    );
    p
}
