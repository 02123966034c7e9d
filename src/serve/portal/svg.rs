//! Small pictures drawn on the server as SVG: they need no script, weigh
//! little and show before anything else loads.

use super::esc;
use std::fmt::Write;

/// A bar chart of `bars` (label, value), each bar titled with both, linked
/// to `href(label)` when given.
pub(crate) fn bar_chart(bars: &[(String, u64)], href: Option<&dyn Fn(&str) -> String>) -> String {
    if bars.is_empty() {
        return "<p class=\"muted\">Nothing to chart.</p>".to_owned();
    }
    let (w, h, pad) = (720.0_f64, 160.0_f64, 18.0_f64);
    let max = bars.iter().map(|b| b.1).max().unwrap_or(1).max(1) as f64;
    let step = w / bars.len() as f64;
    let mut out = format!(
        "<svg class=\"chart\" viewBox=\"0 0 {w} {}\" role=\"img\" aria-label=\"bar chart\" preserveAspectRatio=\"none\">",
        h + pad
    );
    for (i, (label, value)) in bars.iter().enumerate() {
        let bh = (*value as f64 / max) * (h - 4.0);
        let x = i as f64 * step;
        let rect = format!(
            "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{bh:.1}\"><title>{}: {value}</title></rect>",
            h - bh,
            (step - 1.0).max(1.0),
            esc(label)
        );
        match href {
            Some(f) => {
                let _ = write!(out, "<a href=\"{}\">{rect}</a>", esc(&f(label)));
            }
            None => out.push_str(&rect),
        }
        // Every few labels, so that they never overlap.
        let every = (bars.len() / 12).max(1);
        if i % every == 0 {
            let _ = write!(out, "<text x=\"{x:.1}\" y=\"{:.1}\">{}</text>", h + pad - 4.0, esc(label));
        }
    }
    out.push_str("</svg>");
    out
}

/// A node of a small network picture.
pub(crate) struct Dot {
    /// Its label.
    pub(crate) label: String,
    /// Where it links to.
    pub(crate) href: String,
    /// Its colour class.
    pub(crate) class: String,
    /// Relative size, 0 to 1.
    pub(crate) size: f64,
}

/// A star around `centre`: the other dots on a circle, an edge to each
/// whose width grows with its weight (0 to 1).
pub(crate) fn star(centre: &Dot, around: &[(Dot, f64)]) -> String {
    // Wide enough for the labels beside the circle.
    let (w, h) = (900.0_f64, 420.0_f64);
    let (cx, cy, r) = (w / 2.0, h / 2.0, 150.0_f64);
    let mut edges = String::new();
    let mut nodes = String::new();
    let n = around.len().max(1) as f64;
    for (i, (d, weight)) in around.iter().enumerate() {
        let a = std::f64::consts::TAU * i as f64 / n - std::f64::consts::FRAC_PI_2;
        let (x, y) = (cx + r * a.cos(), cy + r * a.sin());
        let _ = write!(edges, "<line x1=\"{cx}\" y1=\"{cy}\" x2=\"{x:.1}\" y2=\"{y:.1}\" stroke-width=\"{:.1}\"/>", 0.5 + 5.0 * weight);
        let anchor = if x < cx - 1.0 { "end" } else if x > cx + 1.0 { "start" } else { "middle" };
        let dx = if x < cx - 1.0 { -10.0 } else if x > cx + 1.0 { 10.0 } else { 0.0 };
        let _ = write!(
            nodes,
            "<a href=\"{}\"><circle class=\"{}\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{:.1}\"><title>{}</title></circle>\
             <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\">{}</text></a>",
            esc(&d.href),
            esc(&d.class),
            4.0 + 8.0 * d.size,
            esc(&d.label),
            x + dx,
            y + 4.0,
            esc(&d.label)
        );
    }
    format!(
        "<svg class=\"star\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"network of co-mentioned entities\">\
         <g class=\"edges\">{edges}</g><g>{nodes}</g><a href=\"{}\"><circle class=\"{}\" cx=\"{cx}\" cy=\"{cy}\" r=\"14\"><title>{}</title></circle>\
         <text x=\"{cx}\" y=\"{:.1}\" text-anchor=\"middle\" class=\"centre\">{}</text></a></svg>",
        esc(&centre.href),
        esc(&centre.class),
        esc(&centre.label),
        cy + 30.0,
        esc(&centre.label)
    )
}
