//! QR code of the record hash, as an SVG file for the signature page.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// The text encoded in the QR code: `sha256:` and the 64 lowercase hex digits of the record.
pub fn qr_payload(record_sha256: &str) -> String {
    format!("sha256:{record_sha256}")
}

/// An SVG of the QR code for `payload` (error correction M, quiet zone included).
pub(crate) fn qr_svg(payload: &str) -> Option<Vec<u8>> {
    let code = QrCode::with_error_correction_level(payload.as_bytes(), EcLevel::M).ok()?;
    let image = code
        .render::<svg::Color<'_>>()
        .module_dimensions(4, 4)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .quiet_zone(true)
        .build();
    Some(image.into_bytes())
}
