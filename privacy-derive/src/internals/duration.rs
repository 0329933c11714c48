//! Retention periods written as text: `"7d"`, `"48h"`, `"2 months"`, `"1 week"`.

/// A parsed period: an amount and the `privacy_core::TimeUnit` variant it counts in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub amount: u32,
    pub unit: &'static str,
}

/// Every unit spelling accepted, with its `TimeUnit` variant.
const UNITS: &[(&[&str], &str)] = &[
    (&["s", "sec", "secs", "second", "seconds"], "Seconds"),
    (&["min", "mins", "minute", "minutes"], "Minutes"),
    (&["h", "hr", "hrs", "hour", "hours"], "Hours"),
    (&["d", "day", "days"], "Days"),
    (&["w", "week", "weeks"], "Weeks"),
    (&["mo", "month", "months"], "Months"),
    (&["y", "year", "years"], "Years"),
];

const EXPECTED: &str =
    "write a whole number and a unit, such as \"7d\", \"48h\", \"2 weeks\", \"2 months\" or \"1y\"";

/// Parses `text`; the error says what is wrong and how to write it.
pub fn parse(text: &str) -> Result<Period, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(format!("a retention period cannot be empty; {EXPECTED}"));
    }
    if trimmed.starts_with('-') {
        return Err(format!(
            "a retention period cannot be negative (`{trimmed}`); {EXPECTED}"
        ));
    }
    let digits_end = trimmed
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(trimmed.len());
    let (digits, unit) = trimmed.split_at(digits_end);
    if digits.is_empty() {
        return Err(format!(
            "`{trimmed}` does not start with a number; {EXPECTED}"
        ));
    }
    let amount: u32 = digits.parse().map_err(|_| {
        format!(
            "`{digits}` is too large for a retention period (at most {})",
            u32::MAX
        )
    })?;
    if amount == 0 {
        return Err(format!(
            "a retention period of zero keeps nothing; write `retention = ephemeral` for data that is never stored, or {EXPECTED}"
        ));
    }
    let unit = unit.trim();
    if unit.is_empty() {
        return Err(format!("`{trimmed}` has no unit; {EXPECTED}"));
    }
    if unit == "m" {
        return Err(
            "the unit `m` is ambiguous; write `min` for minutes or `mo` (or `months`) for months"
                .to_string(),
        );
    }
    let lower = unit.to_ascii_lowercase();
    match UNITS
        .iter()
        .find(|(spellings, _)| spellings.contains(&lower.as_str()))
    {
        Some((_, variant)) => Ok(Period {
            amount,
            unit: variant,
        }),
        None => {
            let all = UNITS
                .iter()
                .flat_map(|(spellings, _)| spellings.iter().copied());
            let hint = super::suggest::did_you_mean(&lower, all);
            Err(format!(
                "unknown time unit `{unit}` in `{trimmed}`{hint}; units: s, min, h, d, w, mo, y (or their names: seconds, minutes, hours, days, weeks, months, years)"
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_short_and_long_units() {
        assert_eq!(
            parse("7d"),
            Ok(Period {
                amount: 7,
                unit: "Days"
            })
        );
        assert_eq!(
            parse("48h"),
            Ok(Period {
                amount: 48,
                unit: "Hours"
            })
        );
        assert_eq!(
            parse(" 2 months "),
            Ok(Period {
                amount: 2,
                unit: "Months"
            })
        );
        assert_eq!(
            parse("1 Week"),
            Ok(Period {
                amount: 1,
                unit: "Weeks"
            })
        );
        assert_eq!(
            parse("90min"),
            Ok(Period {
                amount: 90,
                unit: "Minutes"
            })
        );
    }

    #[test]
    fn refuses_what_is_not_a_period() {
        for bad in [
            "",
            "0d",
            "-7d",
            "7",
            "d",
            "7 parsecs",
            "7m",
            "99999999999d",
            "7.5d",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} was accepted");
        }
        assert!(
            parse("7 parsecs")
                .unwrap_err()
                .contains("unknown time unit `parsecs`")
        );
        assert!(parse("0d").unwrap_err().contains("ephemeral"));
    }
}
