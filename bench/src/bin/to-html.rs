//! `to-html DB ID OUT.html` — the same meeting's minutes as one HTML page (heading, attendance,
//! agenda with presentations, speeches and conclusions, votes, action items, signature
//! block), for the headless-Chromium PDF comparison in `bench/run`.

use std::fmt::Write as _;
use std::path::PathBuf;

use minutebook_api::Book;
use minutebook_core::{Presence, Speaker};

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn main() -> Result<(), String> {
    let a: Vec<String> = std::env::args().collect();
    let (Some(db), Some(id), Some(out)) = (a.get(1), a.get(2), a.get(3)) else {
        return Err("usage: to-html DB ID OUT.html".into());
    };
    let book = Book::open(&PathBuf::from(db)).map_err(|e| e.to_string())?;
    let id: i64 = id.parse().map_err(|_| "bad id")?;
    let m = book.meeting(id).map_err(|e| e.to_string())?;
    let cell = book.cell().map_err(|e| e.to_string())?.ok_or("no cell")?;
    let members = minutebook_store::Store::open(PathBuf::from(db))
        .and_then(|s| s.list_members())
        .map_err(|e| e.to_string())?;
    let name = |id: minutebook_core::MemberId| {
        members
            .iter()
            .find(|x| x.id == id)
            .map_or(String::new(), |x| x.full_name.clone())
    };
    let mut h = String::new();
    let _ = write!(
        h,
        "<!doctype html><html lang=vi><meta charset=utf-8><style>@page{{size:A4;margin:2cm 2cm 2cm 3cm}}\
         body{{font-family:'Times New Roman',serif;font-size:13pt;line-height:1.4}}\
         h1{{text-align:center;font-size:15pt}}table{{border-collapse:collapse;width:100%}}\
         td,th{{border:1px solid #000;padding:2pt 4pt}}</style>\
         <p>{}<br>{}</p><h1>BIÊN BẢN<br>{}</h1><p>{}, ngày {}</p>",
        esc(&cell.upper_committee),
        esc(&cell.name),
        esc(&m.subject),
        esc(&m.place),
        m.date
    );
    h.push_str("<h2>Thành phần</h2><table><tr><th>Họ và tên</th><th>Có mặt</th></tr>");
    for at in &m.attendance {
        let p = match &at.presence {
            Presence::Present => "có mặt".to_owned(),
            Presence::AbsentExcused { reason } => format!("vắng có lý do ({})", esc(reason)),
            Presence::AbsentUnexcused => "vắng không lý do".to_owned(),
            _ => "miễn sinh hoạt".to_owned(),
        };
        let _ = write!(h, "<tr><td>{}</td><td>{p}</td></tr>", esc(&name(at.member)));
    }
    h.push_str("</table><h2>Nội dung</h2>");
    for (i, a) in m.agenda.iter().enumerate() {
        let _ = write!(h, "<h3>{}. {}</h3>", i + 1, esc(&a.title));
        for p in a.presentation.split("\n\n") {
            let _ = write!(h, "<p>{}</p>", esc(p));
        }
        for s in &a.speeches {
            let who = match &s.speaker {
                Speaker::Member(id) => name(*id),
                Speaker::Guest(g) => g.clone(),
            };
            let _ = write!(h, "<p>– Đ/c {}: {}</p>", esc(&who), esc(&s.gist));
        }
        if !a.conclusion.is_empty() {
            let _ = write!(h, "<p><b>Kết luận:</b> {}</p>", esc(&a.conclusion));
        }
    }
    h.push_str("<h2>Biểu quyết</h2><table><tr><th>Nội dung</th><th>Tán thành</th><th>Không tán thành</th></tr>");
    for v in &m.votes {
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&v.subject),
            v.yes,
            v.no
        );
    }
    h.push_str("</table><h2>Phân công</h2><ul>");
    for t in &m.action_items {
        let _ = write!(h, "<li>{}: {}</li>", esc(&name(t.owner)), esc(&t.task));
    }
    h.push_str("</ul><table style='border:0'><tr><td style='border:0'>THƯ KÝ</td><td style='border:0'>CHỦ TRÌ</td></tr></table></html>");
    std::fs::write(out, h).map_err(|e| e.to_string())
}
