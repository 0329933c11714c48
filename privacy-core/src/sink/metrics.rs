//! The metrics sink: numbers labelled by vetted values.

use super::sealed;
use crate::Classified;
use crate::redact::Redacted;
use core::fmt;

/// A label a metrics sink takes: a redacted view, a number, a boolean or static text.
///
/// ```
/// use privacy_core::sink::{MetricLabel, MetricSample, MetricsSink};
/// # use privacy_core::{im, Classified};
/// # #[derive(Classified)]
/// # #[privacy(category = im::LogData)]
/// # struct RequestLog { #[privacy(redact = ip)] ip: std::net::IpAddr, #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
/// # struct Labels(Vec<String>);
/// # impl MetricsSink for Labels { fn write(&mut self, sample: MetricSample<'_>) { self.0.push(sample.label()); } }
///
/// fn label(value: impl MetricLabel) -> String {
///     let mut metrics = Labels(Vec::new());
///     metrics.observe("requests", value, 1.0);
///     metrics.0.remove(0)
/// }
///
/// let request = RequestLog { ip: [203, 0, 113, 7].into(), at: chrono::DateTime::UNIX_EPOCH };
/// assert_eq!(label(request.redacted()), r#"RequestLog ip="203.0.113.0/24" at=1970-01-01T00:00:00Z"#);
/// assert_eq!(label(404_u16), "404");
/// assert_eq!(label("sendmsg"), "sendmsg");
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a metrics label: only redacted views, numbers, booleans and static text may label a metric",
    label = "not allowed as a metrics label",
    note = "for a classified value, use its redacted view: `value.redacted()`, or a static name for what you count"
)]
pub trait MetricLabel: sealed::Sealed {
    /// Writes the label.
    ///
    /// # Errors
    /// When the formatter fails.
    ///
    /// ```
    /// use privacy_core::sink::MetricLabel;
    /// use std::fmt;
    /// # use privacy_core::{im, Classified};
    /// # #[derive(Classified)]
    /// # #[privacy(category = im::LogData)]
    /// # struct RequestLog { #[privacy(redact = ip)] ip: std::net::IpAddr, #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
    ///
    /// struct Label<V>(V);
    /// impl<V: MetricLabel> fmt::Display for Label<V> {
    ///     fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    ///         self.0.fmt_label(f)
    ///     }
    /// }
    ///
    /// let request = RequestLog { ip: [203, 0, 113, 7].into(), at: chrono::DateTime::UNIX_EPOCH };
    /// assert_eq!(Label(request.redacted()).to_string(), r#"RequestLog ip="203.0.113.0/24" at=1970-01-01T00:00:00Z"#);
    /// assert_eq!(Label(true).to_string(), "true");
    /// ```
    fn fmt_label(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result;
}

impl<T: Classified> MetricLabel for Redacted<'_, T> {
    fn fmt_label(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// One metrics sample: a static metric name, one vetted label and a number.
///
/// ```
/// use privacy_core::sink::{MetricSample, MetricsSink};
///
/// #[derive(Default)]
/// struct Exposition(Vec<String>);
/// impl MetricsSink for Exposition {
///     fn write(&mut self, sample: MetricSample<'_>) {
///         let line = format!("{}{{{}}} {}", sample.metric(), sample.label(), sample.value());
///         self.0.push(line);
///     }
/// }
///
/// let mut metrics = Exposition::default();
/// metrics.observe("latency_ms", "sendmsg", 12.5);
/// assert_eq!(metrics.0, ["latency_ms{sendmsg} 12.5"]);
/// ```
pub struct MetricSample<'a> {
    metric: &'static str,
    label: &'a dyn MetricLabel,
    value: f64,
}

impl MetricSample<'_> {
    /// The metric's name.
    ///
    /// ```
    /// use privacy_core::sink::{MetricSample, MetricsSink};
    ///
    /// struct Names(Vec<&'static str>);
    /// impl MetricsSink for Names {
    ///     fn write(&mut self, sample: MetricSample<'_>) {
    ///         self.0.push(sample.metric());
    ///     }
    /// }
    ///
    /// let mut metrics = Names(Vec::new());
    /// metrics.observe("messages_sent", "group", 1.0);
    /// metrics.observe("latency_ms", "group", 8.0);
    /// assert_eq!(metrics.0, ["messages_sent", "latency_ms"]);
    /// ```
    #[must_use]
    pub fn metric(&self) -> &'static str {
        self.metric
    }

    /// The sample's value.
    ///
    /// ```
    /// use privacy_core::sink::{MetricSample, MetricsSink};
    ///
    /// struct Total(f64);
    /// impl MetricsSink for Total {
    ///     fn write(&mut self, sample: MetricSample<'_>) {
    ///         self.0 += sample.value();
    ///     }
    /// }
    ///
    /// let mut metrics = Total(0.0);
    /// metrics.observe("bytes_sent", "sendmsg", 1.5);
    /// metrics.observe("bytes_sent", "sendmsg", 2.0);
    /// assert_eq!(metrics.0, 3.5);
    /// ```
    #[must_use]
    pub fn value(&self) -> f64 {
        self.value
    }

    /// The label's text.
    ///
    /// ```
    /// use privacy_core::sink::{MetricSample, MetricsSink};
    /// # use privacy_core::{im, Classified};
    /// # #[derive(Classified)]
    /// # #[privacy(category = im::LogData)]
    /// # struct RequestLog { #[privacy(redact = ip)] ip: std::net::IpAddr, #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
    ///
    /// struct Labels(Vec<String>);
    /// impl MetricsSink for Labels {
    ///     fn write(&mut self, sample: MetricSample<'_>) {
    ///         self.0.push(sample.label());
    ///     }
    /// }
    ///
    /// let request = RequestLog { ip: [203, 0, 113, 7].into(), at: chrono::DateTime::UNIX_EPOCH };
    /// let mut metrics = Labels(Vec::new());
    /// metrics.observe("requests", request.redacted(), 1.0);
    /// metrics.observe("requests", 200_u16, 1.0);
    /// assert_eq!(metrics.0, [r#"RequestLog ip="203.0.113.0/24" at=1970-01-01T00:00:00Z"#, "200"]);
    /// ```
    #[must_use]
    pub fn label(&self) -> String {
        struct Label<'b>(&'b dyn MetricLabel);
        impl fmt::Display for Label<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt_label(f)
            }
        }
        Label(self.label).to_string()
    }
}

/// A metrics system: takes numbers labelled by redacted views, numbers, booleans and static text.
///
/// ```
/// use privacy_core::sink::{MetricSample, MetricsSink};
///
/// #[derive(Default)]
/// struct Samples(Vec<(&'static str, String, f64)>);
/// impl MetricsSink for Samples {
///     fn write(&mut self, sample: MetricSample<'_>) {
///         self.0.push((sample.metric(), sample.label(), sample.value()));
///     }
/// }
///
/// let mut metrics = Samples::default();
/// metrics.observe("latency_ms", "sendmsg", 12.0);
/// metrics.observe("retries", 3_u8, 1.0);
/// assert_eq!(metrics.0[0], ("latency_ms", "sendmsg".to_string(), 12.0));
/// assert_eq!(metrics.0[1], ("retries", "3".to_string(), 1.0));
/// ```
pub trait MetricsSink {
    /// Records one sample. Implement this; call [`MetricsSink::observe`].
    ///
    /// ```
    /// use privacy_core::sink::{MetricSample, MetricsSink};
    /// use std::collections::BTreeMap;
    ///
    /// #[derive(Default)]
    /// struct Counters(BTreeMap<(&'static str, String), f64>);
    /// impl MetricsSink for Counters {
    ///     fn write(&mut self, sample: MetricSample<'_>) {
    ///         *self.0.entry((sample.metric(), sample.label())).or_default() += sample.value();
    ///     }
    /// }
    ///
    /// let mut metrics = Counters::default();
    /// metrics.observe("messages", "group", 1.0);
    /// metrics.observe("messages", "group", 1.0);
    /// assert_eq!(metrics.0[&("messages", "group".to_string())], 2.0);
    /// ```
    fn write(&mut self, sample: MetricSample<'_>);

    /// Records `value` for `metric` under `label`. A raw classified label does not compile.
    ///
    /// ```
    /// use privacy_core::sink::{MetricSample, MetricsSink};
    /// # use privacy_core::{im, Classified};
    /// # #[derive(Classified)]
    /// # #[privacy(category = im::LogData)]
    /// # struct RequestLog { #[privacy(redact = ip)] ip: std::net::IpAddr, #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
    /// # struct Labels(Vec<String>);
    /// # impl MetricsSink for Labels { fn write(&mut self, sample: MetricSample<'_>) { self.0.push(sample.label()); } }
    ///
    /// let request = RequestLog { ip: [203, 0, 113, 7].into(), at: chrono::DateTime::UNIX_EPOCH };
    /// let mut metrics = Labels(Vec::new());
    /// metrics.observe("requests", request.redacted(), 1.0);
    /// assert_eq!(metrics.0, [r#"RequestLog ip="203.0.113.0/24" at=1970-01-01T00:00:00Z"#]);
    /// ```
    ///
    /// A raw classified label does not compile:
    ///
    /// ```compile_fail,E0277
    /// # use privacy_core::sink::{MetricSample, MetricsSink};
    /// # use privacy_core::{im, Classified};
    /// # #[derive(Classified)]
    /// # #[privacy(category = im::LogData)]
    /// # struct RequestLog { #[privacy(redact = ip)] ip: std::net::IpAddr, #[privacy(collected_at)] at: chrono::DateTime<chrono::Utc> }
    /// # struct Labels(Vec<String>);
    /// # impl MetricsSink for Labels { fn write(&mut self, sample: MetricSample<'_>) { self.0.push(sample.label()); } }
    /// # let request = RequestLog { ip: [203, 0, 113, 7].into(), at: chrono::DateTime::UNIX_EPOCH };
    /// # let mut metrics = Labels(Vec::new());
    /// metrics.observe("requests", request, 1.0);
    /// ```
    fn observe<L: MetricLabel>(&mut self, metric: &'static str, label: L, value: f64)
    where
        Self: Sized,
    {
        self.write(MetricSample {
            metric,
            label: &label,
            value,
        });
    }
}
