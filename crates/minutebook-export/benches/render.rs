//! Rendering time: the March 2026 meeting, and a synthetic record of about 100 pages.
//! (No timing assertions anywhere; run with `cargo bench -p minutebook-export`.)
use criterion::{Criterion, criterion_group, criterion_main};
use minutebook_export::{ExportOptions, render_minutes};
use minutebook_record::{Chain, MeetingFile, Record};

fn record(file: &serde_json::Value) -> Vec<u8> {
    let f = MeetingFile::parse(&serde_json::to_vec(file).unwrap()).unwrap();
    let imp = f.to_domain().unwrap();
    let r = Record::build(
        &imp.cell_id,
        &imp.cell,
        &imp.roster,
        &imp.meeting,
        &[],
        Chain {
            version: 1,
            sequence: 1,
            ..Chain::default()
        },
    )
    .unwrap();
    minutebook_sign::to_canonical_bytes(&r).unwrap()
}

fn example() -> serde_json::Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/meeting-2026-03.json");
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

/// The example with `items` extra agenda items of 8 speeches each (~100 pages at 120).
fn long(items: usize) -> serde_json::Value {
    let mut f = example();
    let template = f["meeting"]["agenda"][2].clone();
    let agenda = f["meeting"]["agenda"].as_array_mut().unwrap();
    for i in 0..items {
        let mut item = template.clone();
        item["title"] = format!(
            "Nội dung bổ sung số {}: đánh giá công tác vận động phân loại rác tại nguồn",
            i + 1
        )
        .into();
        item["presentation"] = "Đồng chí Bí thư báo cáo kết quả thực hiện, những khó khăn, vướng mắc và đề xuất giải pháp trong tháng tới. ".repeat(3).trim_end().into();
        let speech = item["speeches"][0].clone();
        let speeches = item["speeches"].as_array_mut().unwrap();
        speeches.clear();
        for k in 0..8 {
            let mut s = speech.clone();
            s["gist"] = format!("Ý kiến thứ {}: đề nghị chia tổ vận động theo ngõ, phân công đảng viên phụ trách từng dãy nhà thuê trọ và báo cáo kết quả hằng tuần.", k + 1).into();
            speeches.push(s);
        }
        agenda.push(item);
    }
    f
}

fn bench(c: &mut Criterion) {
    let opts = ExportOptions::default();
    let typical = record(&example());
    let big = record(&long(150));
    let pages = |pdf: &[u8]| {
        lopdf::Document::load_mem(pdf)
            .map(|d| d.get_pages().len())
            .unwrap_or(0)
    };
    eprintln!(
        "typical: {} pages",
        pages(&render_minutes(&typical, &[], vec![], &opts).unwrap())
    );
    eprintln!(
        "long: {} pages",
        pages(&render_minutes(&big, &[], vec![], &opts).unwrap())
    );
    let mut g = c.benchmark_group("render_minutes");
    g.sample_size(10);
    // Cold: typst's memoisation cache emptied before each render (first export in a process).
    // Warm: the same record again (a re-export), where typst reuses memoised layout.
    for (name, rec) in [("march-2026", &typical), ("100-pages", &big)] {
        g.bench_function(format!("{name}/cold"), |b| {
            b.iter(|| {
                typst::comemo::evict(0);
                render_minutes(rec, &[], vec![], &opts).unwrap()
            })
        });
        g.bench_function(format!("{name}/warm"), |b| {
            b.iter(|| render_minutes(rec, &[], vec![], &opts).unwrap())
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
