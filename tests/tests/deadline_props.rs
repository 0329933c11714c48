//! The deadline is never before the collection instant plus the class's period, whatever the
//! calendar: month ends, leap days, long and short periods.

use chrono::{DateTime, Datelike, Months, TimeDelta, TimeZone, Utc};
use privacy_core::deadline::{Deadline, Tenant, deadline};
use privacy_core::{LegalBasis, Period, Retention, TimeUnit, TypeDescriptor};
use proptest::prelude::*;

fn descriptor(retention: Retention) -> TypeDescriptor {
    TypeDescriptor {
        name: "Record",
        module_path: "deadline_props",
        category: None,
        retention,
        legal_basis: LegalBasis::Contract,
        purpose: "",
        erasure: None,
        fields: &[],
        variants: None,
        table: None,
    }
}

/// Instants from 1970 to 2200, biased to month ends and 29 February.
fn instant() -> impl Strategy<Value = DateTime<Utc>> {
    let any =
        (0_i64..7_258_118_400).prop_map(|seconds| DateTime::from_timestamp(seconds, 0).unwrap());
    let month_end = (1970_i32..2200, 1_u32..=12, 28_u32..=31, 0_u32..24)
        .prop_filter_map("a real date", |(year, month, day, hour)| {
            Utc.with_ymd_and_hms(year, month, day, hour, 0, 0).single()
        });
    prop_oneof![any, month_end]
}

fn period() -> impl Strategy<Value = Period> {
    let unit = prop_oneof![
        Just(TimeUnit::Seconds),
        Just(TimeUnit::Minutes),
        Just(TimeUnit::Hours),
        Just(TimeUnit::Days),
        Just(TimeUnit::Weeks),
        Just(TimeUnit::Months),
        Just(TimeUnit::Years),
    ];
    (1_u32..500, unit).prop_map(|(amount, unit)| Period::new(amount, unit))
}

/// The period after `start` counted the way a person counts it.
fn by_hand(start: DateTime<Utc>, period: Period) -> Option<DateTime<Utc>> {
    let amount = i64::from(period.amount);
    match period.unit {
        TimeUnit::Seconds => Some(start + TimeDelta::seconds(amount)),
        TimeUnit::Minutes => Some(start + TimeDelta::minutes(amount)),
        TimeUnit::Hours => Some(start + TimeDelta::hours(amount)),
        TimeUnit::Days => Some(start + TimeDelta::days(amount)),
        TimeUnit::Weeks => Some(start + TimeDelta::weeks(amount)),
        TimeUnit::Months => start.checked_add_months(Months::new(period.amount)),
        TimeUnit::Years => start.checked_add_months(Months::new(period.amount * 12)),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4_000, ..ProptestConfig::default() })]

    #[test]
    fn fixed_and_customer_chosen_deadlines_keep_the_whole_period(collected in instant(), period in period(), chosen in period()) {
        for (retention, tenant, expected) in [
            (Retention::Fixed(period), Tenant::default(), period),
            (Retention::CustomerChosen { default: period, max: None }, Tenant::default(), period),
            (Retention::CustomerChosen { default: period, max: None }, Tenant { chosen_retention: Some(chosen), ..Tenant::default() }, chosen),
        ] {
            let Ok(Deadline::At(due)) = deadline(&descriptor(retention), Some(collected), &tenant, None) else {
                // Only past the representable calendar may a deadline be missing.
                prop_assert!(by_hand(collected, expected).is_none());
                continue;
            };
            prop_assert!(due >= collected + TimeDelta::seconds(i64::try_from(expected.min_seconds()).unwrap()));
            prop_assert_eq!(Some(due), by_hand(collected, expected));
            // A month never ends before the same day of the next month, or that month's last day.
            if expected.unit == TimeUnit::Months {
                prop_assert!(due.day() == collected.day() || due.day() < collected.day() && (due + TimeDelta::days(1)).day() == 1);
            }
        }
    }

    #[test]
    fn until_terminated_waits_for_the_account_then_the_calendar_grace(ended in instant(), grace in 1_u32..36) {
        let retention = Retention::UntilTerminated { grace: Period::months(grace) };
        prop_assert_eq!(deadline(&descriptor(retention), None, &Tenant::default(), None), Ok(Deadline::WhileActive));
        let due = deadline(&descriptor(retention), None, &Tenant::default(), Some(ended));
        prop_assert_eq!(due, Ok(Deadline::At(ended.checked_add_months(Months::new(grace)).unwrap())));
    }
}

#[test]
fn the_calendar_cases_people_get_wrong() {
    let two_months = descriptor(Retention::UntilTerminated {
        grace: Period::months(2),
    });
    let at = |y, m, d| Utc.with_ymd_and_hms(y, m, d, 12, 0, 0).unwrap();
    for (ended, due) in [
        (at(2026, 12, 31), at(2027, 2, 28)),
        (at(2027, 12, 31), at(2028, 2, 29)),
        (at(2028, 2, 29), at(2028, 4, 29)),
    ] {
        assert_eq!(
            deadline(&two_months, None, &Tenant::default(), Some(ended)),
            Ok(Deadline::At(due))
        );
    }
    let year = descriptor(Retention::Fixed(Period::new(1, TimeUnit::Years)));
    assert_eq!(
        deadline(&year, Some(at(2028, 2, 29)), &Tenant::default(), None),
        Ok(Deadline::At(at(2029, 2, 28)))
    );
}

#[test]
fn a_chosen_period_above_the_cap_is_refused() {
    let capped = descriptor(Retention::CustomerChosen {
        default: Period::days(7),
        max: Some(Period::days(90)),
    });
    let tenant = Tenant {
        chosen_retention: Some(Period::months(4)),
        ..Tenant::default()
    };
    let refused = deadline(&capped, Some(Utc::now()), &tenant, None).unwrap_err();
    assert!(
        refused
            .to_string()
            .contains("above the 90 days its policy allows"),
        "{refused}"
    );
    let missing = deadline(&capped, None, &Tenant::default(), None).unwrap_err();
    assert!(
        missing.to_string().contains("no `collected_at` instant"),
        "{missing}"
    );
}
