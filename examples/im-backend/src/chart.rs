//! The chart of the simulation: rows stored per category per simulated day (top), and chat
//! messages per tenant (bottom), as SVG.

use crate::sim::{DayRows, TENANTS};
use plotters::coord::ranged1d::ValueFormatter;
use plotters::coord::types::RangedCoordi64;
use plotters::prelude::*;
use std::path::Path;

const PALETTE: [RGBColor; 6] = [
    RGBColor(31, 119, 180),
    RGBColor(255, 127, 14),
    RGBColor(44, 160, 44),
    RGBColor(214, 39, 40),
    RGBColor(148, 103, 189),
    RGBColor(140, 86, 75),
];

/// Draws `daily` into an SVG file at `path`.
///
/// # Errors
/// When the file cannot be written.
pub fn draw(
    daily: &[DayRows],
    path: &Path,
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let root = SVGBackend::new(path, (1100, 900)).into_drawing_area();
    root.fill(&WHITE).map_err(text)?;
    let (top, bottom) = root.split_vertically(450);
    let days = i64::try_from(daily.len()).unwrap_or(0);

    let tables: Vec<&str> = crate::model::TABLES
        .iter()
        .map(|(_, short)| *short)
        .collect();
    let series: Vec<(String, Vec<(i64, i64)>)> = tables
        .iter()
        .map(|name| {
            let points = per_day(daily, |rows| rows.per_table.get(name).copied());
            ((*name).to_owned(), points)
        })
        .collect();
    panel(
        &top,
        "Rows stored per category, at each simulated midnight (after the sweep)",
        days,
        &series,
        true,
        &[
            (2, 2, 0.55, "2 days: monitoring"),
            (7, 7, 0.3, "7 days: request logs"),
            (80, 52, 0.55, "configuration: 2 months after the end ->"),
        ],
    )?;

    let per_tenant: Vec<(String, Vec<(i64, i64)>)> = TENANTS
        .iter()
        .map(|tenant| {
            let points = per_day(daily, |rows| rows.messages.get(tenant.id).copied());
            (format!("{} ({})", tenant.id, tenant.describe), points)
        })
        .collect();
    panel(
        &bottom,
        "Chat messages stored per tenant: 30-day choice, 7-day default, opted out, terminated on day 20",
        days,
        &per_tenant,
        false,
        &[
            (7, 7, 0.94, "7 days: default"),
            (20, 20, 0.94, "account ends"),
            (30, 30, 0.94, "30 days: chosen"),
        ],
    )?;
    root.present().map_err(text)?;
    Ok(())
}

fn panel(
    area: &DrawingArea<SVGBackend<'_>, plotters::coord::Shift>,
    title: &str,
    days: i64,
    series: &[(String, Vec<(i64, i64)>)],
    log_scale: bool,
    rules: &[(i64, i64, f64, &str)],
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let max = series
        .iter()
        .flat_map(|(_, points)| points.iter().map(|(_, n)| *n))
        .max()
        .unwrap_or(1)
        .max(1);
    let mut builder = ChartBuilder::on(area);
    let chart = builder
        .caption(title, ("sans-serif", 18))
        .margin(12)
        .x_label_area_size(36)
        .y_label_area_size(60);
    if log_scale {
        #[allow(clippy::cast_precision_loss)]
        let top = (max as f64) * 2.0;
        let chart = chart
            .build_cartesian_2d(0..days, (0.8_f64..top).log_scale())
            .map_err(text)?;
        let axis = Axis {
            desc: "rows (log scale)",
            span: (0.8, top),
            #[allow(clippy::cast_precision_loss)]
            count: |rows: i64| (rows as f64).max(0.8),
            label_at: |height: f64| top.powf(height),
            legend: SeriesLabelPosition::LowerRight,
        };
        fill(chart, axis, rules, series)
    } else {
        let height = max + max / 8 + 1;
        let chart = chart.build_cartesian_2d(0..days, 0..height).map_err(text)?;
        let axis = Axis {
            desc: "chat messages",
            span: (0, height),
            count: |rows: i64| rows,
            label_at: |place: f64| scale(height, place),
            legend: SeriesLabelPosition::UpperRight,
        };
        fill(chart, axis, rules, series)
    }
}

/// A panel's y axis: its description, its extent, where a count and a rule's label (at a
/// fraction of the axis) stand on it, and where the legend goes.
struct Axis<V, C, L> {
    desc: &'static str,
    span: (V, V),
    count: C,
    label_at: L,
    legend: SeriesLabelPosition,
}

/// Draws on `chart` its mesh, the `rules` (a grey line across the panel at a day, its label
/// beside it) and the `series` with their legend.
fn fill<'a, V, Y>(
    mut chart: ChartContext<'a, SVGBackend<'a>, Cartesian2d<RangedCoordi64, Y>>,
    axis: Axis<V, impl Fn(i64) -> V, impl Fn(f64) -> V>,
    rules: &[(i64, i64, f64, &str)],
    series: &[(String, Vec<(i64, i64)>)],
) -> Result<(), Box<dyn std::error::Error + Send + Sync>>
where
    V: Clone + 'static,
    Y: Ranged<ValueType = V> + ValueFormatter<V>,
{
    let grey = RGBColor(120, 120, 120);
    chart
        .configure_mesh()
        .x_desc("simulated day")
        .y_desc(axis.desc)
        .draw()
        .map_err(text)?;
    let (floor, ceiling) = &axis.span;
    for (day, at, place, label) in rules {
        chart
            .draw_series(LineSeries::new(
                [(*day, floor.clone()), (*day, ceiling.clone())],
                grey.stroke_width(1),
            ))
            .map_err(text)?;
        chart
            .draw_series([Text::new(
                format!(" {label}"),
                (*at, (axis.label_at)(*place)),
                ("sans-serif", 12).into_font().color(&grey),
            )])
            .map_err(text)?;
    }
    for (n, (name, points)) in series.iter().enumerate() {
        let color = PALETTE[n % PALETTE.len()];
        let points = points.iter().map(|(day, rows)| (*day, (axis.count)(*rows)));
        chart
            .draw_series(LineSeries::new(points, color.stroke_width(2)))
            .map_err(text)?
            .label(name.as_str())
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 18, y)], color.stroke_width(2))
            });
    }
    chart
        .configure_series_labels()
        .position(axis.legend)
        .background_style(WHITE.mix(0.85))
        .border_style(BLACK)
        .draw()
        .map_err(text)?;
    Ok(())
}

/// One point a day, from day 1: what `count` reads in that day's rows (0 when nothing).
fn per_day(daily: &[DayRows], count: impl Fn(&DayRows) -> Option<i64>) -> Vec<(i64, i64)> {
    daily
        .iter()
        .zip(1..)
        .map(|(rows, day)| (day, count(rows).unwrap_or(0)))
        .collect()
}

fn text(error: impl std::fmt::Display) -> Box<dyn std::error::Error + Send + Sync> {
    error.to_string().into()
}

/// `fraction` of `value`, rounded down.
#[allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]
fn scale(value: i64, fraction: f64) -> i64 {
    (value as f64 * fraction) as i64
}
