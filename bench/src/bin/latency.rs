//! `latency DB [ITERS]` — p50/p95 of what the desktop does on a ten-year book, timed
//! in-process over many iterations: the meeting list (`Book::meetings`, which re-checks every
//! closed meeting against its record), opening a meeting (`Book::meeting` + `Book::report`)
//! and full-text search (`Book::search`, rotating queries). Prints `name p50_ms p95_ms`.

use std::path::PathBuf;
use std::time::Instant;

use minutebook_api::Book;

fn pct(mut xs: Vec<f64>) -> (f64, f64) {
    xs.sort_by(f64::total_cmp);
    let at = |p: f64| xs[((xs.len() - 1) as f64 * p).round() as usize];
    (at(0.5), at(0.95))
}

fn time<F: FnMut(usize)>(iters: usize, mut f: F) -> (f64, f64) {
    f(0);
    pct((0..iters)
        .map(|i| {
            let t = Instant::now();
            f(i);
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect())
}

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().collect();
    let db = PathBuf::from(
        args.get(1)
            .cloned()
            .unwrap_or_else(|| "bench/data/cells/cell-00.db".into()),
    );
    let iters: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(200);
    let book = Book::open(&db).map_err(|e| e.to_string())?;
    let ids: Vec<i64> = book
        .meetings()
        .map_err(|e| e.to_string())?
        .iter()
        .map(|m| m.id)
        .collect();
    let queries = [
        "nghi quyet",
        "Đảng phí",
        "phan loai rac",
        "dang vien moi",
        "zalo",
        "sốt xuất huyết",
        "khong co dau",
    ];
    let (l50, l95) = time(iters, |_| {
        std::hint::black_box(book.meetings().map(|v| v.len()).unwrap_or(0));
    });
    println!("list {l50:.3} {l95:.3} ({} meetings)", ids.len());
    let (o50, o95) = time(iters, |i| {
        let id = ids[i * 7 % ids.len()];
        std::hint::black_box(book.meeting(id).ok());
        std::hint::black_box(book.report(id, None).ok());
    });
    println!("open {o50:.3} {o95:.3}");
    let (s50, s95) = time(iters, |i| {
        std::hint::black_box(
            book.search(queries[i % queries.len()], 50)
                .map(|v| v.len())
                .unwrap_or(0),
        );
    });
    let hits = book
        .search("nghi quyet", 1000)
        .map(|v| v.len())
        .unwrap_or(0);
    println!("search {s50:.3} {s95:.3} ({hits} hits for \"nghi quyet\", limit 1000)");
    Ok(())
}
