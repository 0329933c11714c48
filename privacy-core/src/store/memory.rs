//! A backend in process memory: for tests and for programs that keep nothing across runs.

use super::audit::{
    AuditAction, AuditEntry, AuditReason, entries_for_deleted, entries_for_replaced, expiry_reason,
};
use super::{Backend, HoldTarget, RetentionClass, Row, RowKey, StoreError};
use std::collections::BTreeMap;

/// Records and audit log in memory.
///
/// ```
/// # use chrono::{TimeDelta, TimeZone, Utc};
/// # use privacy_core::store::{MemoryBackend, Store};
/// # use privacy_core::{im, Classified};
/// # #[derive(Classified, serde::Serialize, serde::Deserialize)]
/// # #[privacy(category = im::LogData)]
/// # struct RequestLog { #[privacy(collected_at)] at: chrono::DateTime<Utc> }
/// # let day0 = Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap();
/// let mut store = Store::new(MemoryBackend::default(), b"subject-hashing-key");
/// store.write("app-1", "r1", &RequestLog { at: day0 }, day0).unwrap();
/// assert_eq!(store.sweep(day0 + TimeDelta::days(7), 100).unwrap().deleted, 1);
/// ```
#[derive(Debug, Default)]
pub struct MemoryBackend {
    rows: BTreeMap<RowKey, (Row, Option<String>)>,
    audit: Vec<AuditEntry>,
}

impl MemoryBackend {
    /// Every row, held or not, whatever its deadline: what a direct look at the store sees.
    ///
    /// ```
    /// # use chrono::{TimeDelta, TimeZone, Utc};
    /// # use privacy_core::store::{MemoryBackend, Store};
    /// # use privacy_core::{im, Classified};
    /// # #[derive(Classified, serde::Serialize, serde::Deserialize)]
    /// # #[privacy(category = im::LogData)]
    /// # struct RequestLog { #[privacy(collected_at)] at: chrono::DateTime<Utc> }
    /// # let day0 = Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap();
    /// let mut store = Store::new(MemoryBackend::default(), b"subject-hashing-key");
    /// store.write("app-1", "r1", &RequestLog { at: day0 }, day0).unwrap();
    /// let row = store.backend().rows().next().unwrap();
    /// assert_eq!((row.key.id.as_str(), row.category.as_str()), ("r1", "im.log_data"));
    /// ```
    pub fn rows(&self) -> impl Iterator<Item = &Row> {
        self.rows.values().map(|(row, _)| row)
    }
}

fn covers(target: &HoldTarget, row: &Row) -> bool {
    match target {
        HoldTarget::Record(key) => &row.key == key,
        HoldTarget::Subject {
            tenant,
            subject_key,
        } => &row.key.tenant == tenant && row.subjects.contains(subject_key),
    }
}

impl Backend for MemoryBackend {
    fn write(&mut self, row: &Row, now: i64) -> Result<(), StoreError> {
        let previous = self.rows.get(&row.key);
        if let Some((replaced, None)) = previous {
            self.audit.extend(entries_for_replaced(
                now,
                &replaced.key.type_key,
                &replaced.category,
                replaced.class,
                replaced.deadline,
            ));
        }
        let hold = previous.and_then(|(_, hold)| hold.clone());
        self.rows.insert(row.key.clone(), (row.clone(), hold));
        Ok(())
    }

    fn read(&mut self, key: &RowKey, now: i64) -> Result<Option<Row>, StoreError> {
        Ok(self
            .rows
            .get(key)
            .filter(|(row, _)| row.deadline.is_none_or(|deadline| deadline > now))
            .map(|(row, _)| row.clone()))
    }

    fn schedule(
        &mut self,
        tenant: &str,
        class: RetentionClass,
    ) -> Result<Vec<(RowKey, Option<i64>)>, StoreError> {
        Ok(self
            .rows
            .values()
            .filter(|(row, _)| row.key.tenant == tenant && row.class == class)
            .map(|(row, _)| (row.key.clone(), row.collected_at))
            .collect())
    }

    fn set_deadlines(&mut self, updates: &[(RowKey, Option<i64>)]) -> Result<(), StoreError> {
        for (key, deadline) in updates {
            if let Some((row, _)) = self.rows.get_mut(key) {
                row.deadline = *deadline;
            }
        }
        Ok(())
    }

    fn sweep_batch(&mut self, now: i64, limit: usize) -> Result<Vec<AuditEntry>, StoreError> {
        let mut due: Vec<&Row> = self
            .rows
            .values()
            .filter(|(row, hold)| {
                hold.is_none() && row.deadline.is_some_and(|deadline| deadline <= now)
            })
            .map(|(row, _)| row)
            .collect();
        due.sort_by_key(|row| row.deadline);
        due.truncate(limit);
        let keys: Vec<RowKey> = due.iter().map(|row| row.key.clone()).collect();
        let entries = entries_for_deleted(
            now,
            due.iter().map(|row| {
                (
                    row.key.type_key.as_str(),
                    row.category.as_str(),
                    expiry_reason(row.class),
                    row.deadline,
                )
            }),
            "",
        );
        for key in keys {
            self.rows.remove(&key);
        }
        self.audit.extend(entries.iter().cloned());
        Ok(entries)
    }

    fn set_hold(
        &mut self,
        target: &HoldTarget,
        reason: Option<&str>,
        now: i64,
    ) -> Result<usize, StoreError> {
        let mut covered: BTreeMap<(String, String), u64> = BTreeMap::new();
        for (row, hold) in self
            .rows
            .values_mut()
            .filter(|(row, _)| covers(target, row))
        {
            *hold = reason.map(str::to_owned);
            *covered
                .entry((row.key.type_key.clone(), row.category.clone()))
                .or_default() += 1;
        }
        let action = if reason.is_some() {
            AuditAction::Held
        } else {
            AuditAction::Released
        };
        for ((type_key, category), count) in &covered {
            self.audit.push(AuditEntry {
                at: now,
                action,
                reason: AuditReason::LegalHold,
                type_key: type_key.clone(),
                category: category.clone(),
                count: *count,
                deadline_min: None,
                deadline_max: None,
                note: reason.unwrap_or_default().to_owned(),
            });
        }
        Ok(covered
            .values()
            .sum::<u64>()
            .try_into()
            .unwrap_or(usize::MAX))
    }

    fn audit_log(&mut self) -> Result<Vec<AuditEntry>, StoreError> {
        Ok(self.audit.clone())
    }

    fn subject_rows(
        &mut self,
        tenant: &str,
        subject_key: &str,
    ) -> Result<Vec<(Row, Option<String>)>, StoreError> {
        let target = HoldTarget::Subject {
            tenant: tenant.to_owned(),
            subject_key: subject_key.to_owned(),
        };
        Ok(self
            .rows
            .values()
            .filter(|(row, _)| covers(&target, row))
            .cloned()
            .collect())
    }

    fn erase_batch(
        &mut self,
        tenant: &str,
        subject_key: &str,
        note: &str,
        now: i64,
        limit: usize,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        let target = HoldTarget::Subject {
            tenant: tenant.to_owned(),
            subject_key: subject_key.to_owned(),
        };
        let doomed: Vec<Row> = self
            .rows
            .values()
            .filter(|(row, hold)| hold.is_none() && covers(&target, row))
            .take(limit)
            .map(|(row, _)| row.clone())
            .collect();
        let entries = entries_for_deleted(
            now,
            doomed.iter().map(|row| {
                (
                    row.key.type_key.as_str(),
                    row.category.as_str(),
                    AuditReason::Erasure,
                    row.deadline,
                )
            }),
            note,
        );
        for row in &doomed {
            self.rows.remove(&row.key);
        }
        self.audit.extend(entries.iter().cloned());
        Ok(entries)
    }

    fn append_audit(&mut self, entries: &[AuditEntry]) -> Result<(), StoreError> {
        self.audit.extend(entries.iter().cloned());
        Ok(())
    }
}
