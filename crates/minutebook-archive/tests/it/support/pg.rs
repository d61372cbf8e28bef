//! A throwaway PostgreSQL cluster for one test: `initdb` in a temporary folder, a free
//! loopback port, the Unix socket in that folder, started with `pg_ctl`, stopped (immediate
//! shutdown) and removed on drop. Nothing is installed or started by hand; the binaries are
//! found with `pg_config --bindir`, else the newest `/usr/lib/postgresql/*/bin`.
//!
//! PostgreSQL refuses to run as root; as root (CI, this machine) the cluster runs as the
//! `postgres` system user that Debian's package creates, through `runuser`.
//!
//! `fsync` is off: a test cluster is thrown away, and syncing costs seconds per test. (A crash
//! test must turn it back on.)

use std::net::TcpListener;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A running cluster; stopped and deleted on drop.
pub struct Cluster {
    dir: tempfile::TempDir,
    bindir: PathBuf,
    port: u16,
    as_postgres: bool,
}

/// The folder holding `initdb`, `pg_ctl` and `postgres`.
pub fn bindir() -> PathBuf {
    if let Ok(out) = Command::new("pg_config").arg("--bindir").output() {
        let p = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
        if out.status.success() && p.join("initdb").exists() {
            return p;
        }
    }
    let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let v = e.file_name().to_string_lossy().parse::<u32>().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").exists().then_some((v, bin))
        })
        .collect();
    found.sort();
    found
        .pop()
        .map(|(_, p)| p)
        .expect("PostgreSQL server binaries not found: run scripts/setup")
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

impl Cluster {
    /// Creates and starts a cluster.
    pub fn start() -> Cluster {
        let dir = tempfile::Builder::new()
            .prefix("minutebook-pg-")
            .tempdir()
            .expect("a temporary folder");
        let as_postgres = std::fs::metadata("/proc/self")
            .map(|m| m.uid() == 0)
            .unwrap_or(false);
        if as_postgres {
            let ok = Command::new("chown")
                .args(["postgres:postgres"])
                .arg(dir.path())
                .status()
                .expect("chown");
            assert!(ok.success(), "chown of the cluster folder failed");
        }
        let mut c = Cluster {
            dir,
            bindir: bindir(),
            port: 0,
            as_postgres,
        };
        let data = c.data();
        c.run(
            "initdb",
            &[
                "-D",
                data.to_str().unwrap(),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ],
        );
        // A port found free can be taken before the server binds it: try a few.
        for _ in 0..5 {
            c.port = free_port();
            if c.try_start() {
                return c;
            }
        }
        panic!(
            "PostgreSQL did not start:\n{}",
            std::fs::read_to_string(c.dir.path().join("server.log")).unwrap_or_default()
        );
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn command(&self, bin: &str) -> Command {
        let exe = self.bindir.join(bin);
        if self.as_postgres {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(exe);
            c
        } else {
            Command::new(exe)
        }
    }

    fn run(&self, bin: &str, args: &[&str]) {
        let out = self.command(bin).args(args).output().expect(bin);
        assert!(
            out.status.success(),
            "{bin} failed:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }

    fn try_start(&self) -> bool {
        let opts = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off",
            self.port,
            self.dir.path().display()
        );
        self.command("pg_ctl")
            .args(["-D", self.data().to_str().unwrap(), "-l"])
            .arg(self.dir.path().join("server.log"))
            .args(["-w", "-t", "60", "-o", &opts, "start"])
            .output()
            .is_ok_and(|o| o.status.success())
    }

    /// The URL of database `postgres` on this cluster, over loopback TCP.
    pub fn url(&self) -> String {
        format!("postgresql://postgres@127.0.0.1:{}/postgres", self.port)
    }

    /// The folder holding the Unix socket.
    pub fn socket_dir(&self) -> &Path {
        self.dir.path()
    }

    /// A new connection (no migration).
    pub fn client(&self) -> postgres::Client {
        postgres::Client::connect(&self.url(), postgres::NoTls).expect("connect to the cluster")
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = self
            .command("pg_ctl")
            .args(["-D", self.data().to_str().unwrap_or_default()])
            .args(["-m", "immediate", "-w", "stop"])
            .output();
    }
}
