//! Redis, with native expiry: each record's value carries `PEXPIREAT` at its deadline, so Redis
//! frees it on its own; a legal hold `PERSIST`s it. The sweeper still runs: it removes the
//! record's index entries and writes the audit log, also for values Redis already expired, so
//! the log tells the whole truth. Every operation is one Lua script, atomic on the server.
//!
//! Keys, under a prefix `p` (record ids are `type`, `tenant` and `id` joined by U+001F):
//!
//! - `p rec:<rid>`: the record as JSON, expiring at its deadline;
//! - `p meta:<rid>`: a hash of category, class, collection instant, deadline, tenant and hold;
//! - `p deadlines`: a sorted set of unheld records by deadline (milliseconds);
//! - `p recsubj:<rid>`, `p subj:<tenant>:<subject>`: the subject index, both ways;
//! - `p sched:<tenant>:<class>`: the records a tenant's decisions reschedule;
//! - `p audit`: the audit log, a list of JSON entries.

use super::{AuditEntry, Backend, HoldTarget, RetentionClass, Row, RowKey, StoreError};
use redis::Script;

/// A Redis connection with its key prefix.
///
/// ```
/// use privacy_core::store::{RedisBackend, Store, StoreError};
///
/// /// The store a service opens at start-up, its keys prefixed `privacy:`.
/// fn open_store(url: &str, key: &[u8]) -> Result<Store<RedisBackend>, StoreError> {
///     Ok(Store::new(RedisBackend::connect(url, "privacy:")?, key).named("redis"))
/// }
/// // Nothing listens on port 1: the error names the backend that failed.
/// let refused = open_store("redis://127.0.0.1:1", b"key").err().unwrap();
/// assert!(refused.to_string().starts_with("store backend failed: redis:"));
/// ```
pub struct RedisBackend {
    connection: redis::Connection,
    prefix: String,
}

fn failed(error: &redis::RedisError) -> StoreError {
    StoreError::Backend(format!("redis: {error}"))
}

const SEPARATOR: char = '\u{1f}';

fn rid(key: &RowKey) -> String {
    format!(
        "{}{SEPARATOR}{}{SEPARATOR}{}",
        key.type_key, key.tenant, key.id
    )
}

fn key_of(rid: &str) -> Option<RowKey> {
    let mut parts = rid.splitn(3, SEPARATOR);
    Some(RowKey::new(parts.next()?, parts.next()?, parts.next()?))
}

/// Removes a record and its index entries; with the type, category, class and deadline of each
/// removed record appended to `removed`.
const REMOVE: &str = r"
local function remove(p, rid, removed)
  local m = redis.call('HMGET', p..'meta:'..rid, 'category', 'class', 'deadline', 'tenant')
  if not m[1] then return end
  for _, s in ipairs(redis.call('SMEMBERS', p..'recsubj:'..rid)) do
    redis.call('SREM', p..'subj:'..m[4]..':'..s, rid)
  end
  redis.call('DEL', p..'rec:'..rid, p..'meta:'..rid, p..'recsubj:'..rid)
  redis.call('SREM', p..'sched:'..m[4]..':'..m[2], rid)
  redis.call('ZREM', p..'deadlines', rid)
  table.insert(removed, {string.match(rid, '^([^\31]*)'), m[1], m[2], m[3]})
end
local function expiry_reason(class)
  if class == '2' then return 'termination' end
  return 'retention'
end
local function audit(p, now, removed, reason_of, note)
  local groups, order = {}, {}
  for _, r in ipairs(removed) do
    local reason = reason_of(r[3])
    local k = r[1]..'\31'..r[2]..'\31'..reason
    local d = tonumber(r[4])
    local g = groups[k]
    if not g then
      g = {at = now, action = 'deleted', reason = reason, type_key = r[1], category = r[2], count = 0,
           deadline_min = cjson.null, deadline_max = cjson.null, note = note}
      groups[k] = g
      table.insert(order, k)
    end
    g.count = g.count + 1
    if d then
      if g.deadline_min == cjson.null or d < g.deadline_min then g.deadline_min = d end
      if g.deadline_max == cjson.null or d > g.deadline_max then g.deadline_max = d end
    end
  end
  local out = {}
  for _, k in ipairs(order) do
    local entry = cjson.encode(groups[k])
    redis.call('RPUSH', p..'audit', entry)
    table.insert(out, entry)
  end
  return out
end
";

const WRITE: &str = r"
local p, rid, tenant, now = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[8])
local meta = p..'meta:'..rid
-- The version replaced was due (past its deadline by the store's clock, or already expired by
-- Redis's own) and under no hold: replacing it deletes it, so its deletion is audited.
local replaced = redis.call('HMGET', meta, 'deadline', 'hold')
if replaced[1] and (replaced[2] or '') == '' then
  local due = tonumber(replaced[1])
  if (due and due <= now) or redis.call('EXISTS', p..'rec:'..rid) == 0 then
    local expired = {}
    remove(p, rid, expired)
    audit(p, now, expired, expiry_reason, '')
  end
end
local hold = redis.call('HGET', meta, 'hold') or ''
for _, s in ipairs(redis.call('SMEMBERS', p..'recsubj:'..rid)) do
  redis.call('SREM', p..'subj:'..tenant..':'..s, rid)
end
redis.call('DEL', p..'recsubj:'..rid)
redis.call('HSET', meta, 'category', ARGV[4], 'class', ARGV[5], 'collected_at', ARGV[6], 'deadline', ARGV[7],
  'tenant', tenant, 'hold', hold)
redis.call('SET', p..'rec:'..rid, ARGV[9])
for i = 10, #ARGV do
  redis.call('SADD', p..'recsubj:'..rid, ARGV[i])
  redis.call('SADD', p..'subj:'..tenant..':'..ARGV[i], rid)
end
redis.call('SADD', p..'sched:'..tenant..':'..ARGV[5], rid)
if ARGV[7] ~= '' and hold == '' then
  redis.call('ZADD', p..'deadlines', ARGV[7], rid)
  redis.call('PEXPIREAT', p..'rec:'..rid, ARGV[7])
else
  redis.call('ZREM', p..'deadlines', rid)
end
return 1
";

const SET_DEADLINES: &str = r"
local p = ARGV[1]
for i = 2, #ARGV, 2 do
  local rid, deadline = ARGV[i], ARGV[i + 1]
  local meta = p..'meta:'..rid
  if redis.call('EXISTS', meta) == 1 then
    redis.call('HSET', meta, 'deadline', deadline)
    local hold = redis.call('HGET', meta, 'hold') or ''
    if deadline ~= '' and hold == '' then
      redis.call('ZADD', p..'deadlines', deadline, rid)
      redis.call('PEXPIREAT', p..'rec:'..rid, deadline)
    else
      redis.call('ZREM', p..'deadlines', rid)
      redis.call('PERSIST', p..'rec:'..rid)
    end
  end
end
return 1
";

const SWEEP: &str = r"
local p, now, limit = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
local removed = {}
for _, rid in ipairs(redis.call('ZRANGEBYSCORE', p..'deadlines', '-inf', now, 'LIMIT', 0, limit)) do
  remove(p, rid, removed)
  redis.call('ZREM', p..'deadlines', rid)
end
return audit(p, now, removed, expiry_reason, '')
";

const ERASE: &str = r"
local p, tenant, subject, note, now, limit = ARGV[1], ARGV[2], ARGV[3], ARGV[4], tonumber(ARGV[5]), tonumber(ARGV[6])
local removed = {}
for _, rid in ipairs(redis.call('SMEMBERS', p..'subj:'..tenant..':'..subject)) do
  if #removed >= limit then break end
  local hold = redis.call('HGET', p..'meta:'..rid, 'hold') or ''
  if hold == '' then remove(p, rid, removed) end
end
return audit(p, now, removed, function(class) return 'erasure' end, note)
";

const HOLD: &str = r"
local p, reason, now = ARGV[1], ARGV[2], tonumber(ARGV[3])
local rids
if ARGV[4] == 'record' then rids = {ARGV[5]} else rids = redis.call('SMEMBERS', p..'subj:'..ARGV[5]..':'..ARGV[6]) end
local groups, order, total = {}, {}, 0
for _, rid in ipairs(rids) do
  local meta = p..'meta:'..rid
  if redis.call('EXISTS', meta) == 1 then
    local m = redis.call('HMGET', meta, 'category', 'deadline')
    redis.call('HSET', meta, 'hold', reason)
    if reason ~= '' then
      redis.call('ZREM', p..'deadlines', rid)
      redis.call('PERSIST', p..'rec:'..rid)
    elseif m[2] and m[2] ~= '' then
      redis.call('ZADD', p..'deadlines', m[2], rid)
      redis.call('PEXPIREAT', p..'rec:'..rid, m[2])
    end
    total = total + 1
    local k = string.match(rid, '^([^\31]*)')..'\31'..m[1]
    if not groups[k] then groups[k] = 0; table.insert(order, k) end
    groups[k] = groups[k] + 1
  end
end
for _, k in ipairs(order) do
  local t, category = string.match(k, '^([^\31]*)\31(.*)$')
  redis.call('RPUSH', p..'audit', cjson.encode({at = now, action = (reason ~= '' and 'held' or 'released'),
    reason = 'legal_hold', type_key = t, category = category, count = groups[k],
    deadline_min = cjson.null, deadline_max = cjson.null, note = reason}))
end
return total
";

impl RedisBackend {
    /// Connects to `url` (such as `redis://127.0.0.1:6379`); every key starts with `prefix`.
    ///
    /// # Errors
    /// When the server cannot be reached.
    ///
    /// # Examples
    ///
    /// ```
    /// use privacy_core::store::RedisBackend;
    /// assert!(RedisBackend::connect("redis://127.0.0.1:1", "privacy:").is_err());
    /// assert!(RedisBackend::connect("not a url", "privacy:").is_err());
    /// ```
    pub fn connect(url: &str, prefix: &str) -> Result<Self, StoreError> {
        let client = redis::Client::open(url).map_err(|error| failed(&error))?;
        let connection = client.get_connection().map_err(|error| failed(&error))?;
        Ok(RedisBackend {
            connection,
            prefix: prefix.to_owned(),
        })
    }

    /// The connection, for direct looks at the keys.
    ///
    /// ```
    /// # use chrono::{TimeDelta, Utc};
    /// # use privacy_core::{im, Classified};
    /// # #[derive(Classified, serde::Serialize, serde::Deserialize)]
    /// # #[privacy(category = im::LogData)]
    /// # struct RequestLog { #[privacy(collected_at)] at: chrono::DateTime<Utc> }
    /// use privacy_core::store::{record_key, RedisBackend, Store};
    /// // Runs where a Redis server listens on 6379, as on the project's CI.
    /// let prefix = format!("privacy-doc-{}:", std::process::id());
    /// # let Ok(backend) = RedisBackend::connect("redis://127.0.0.1:6379", &prefix) else { return };
    /// let mut store = Store::new(backend, b"subject-hashing-key");
    /// let now = Utc::now();
    /// store.write("app-1", "r1", &RequestLog { at: now }, now).unwrap();
    /// let key = store.backend().record_key(&record_key::<RequestLog>("app-1", "r1"));
    /// let left_ms: i64 = redis::cmd("PTTL").arg(&key).query(store.backend().connection()).unwrap();
    /// assert!(0 < left_ms && left_ms <= TimeDelta::days(7).num_milliseconds());
    /// # let keys: Vec<String> = redis::cmd("KEYS").arg(format!("{prefix}*")).query(store.backend().connection()).unwrap();
    /// # let () = redis::cmd("DEL").arg(keys).query(store.backend().connection()).unwrap();
    /// ```
    pub fn connection(&mut self) -> &mut redis::Connection {
        &mut self.connection
    }

    /// The key holding a record's value.
    ///
    /// ```
    /// use privacy_core::store::{RedisBackend, RowKey};
    /// // Runs where a Redis server listens on 6379, as on the project's CI.
    /// # let Ok(backend) = RedisBackend::connect("redis://127.0.0.1:6379", "app:") else { return };
    /// let key = backend.record_key(&RowKey::new("app::RequestLog", "app-1", "r1"));
    /// assert_eq!(key, "app:rec:app::RequestLog\u{1f}app-1\u{1f}r1");
    /// ```
    #[must_use]
    pub fn record_key(&self, key: &RowKey) -> String {
        format!("{}rec:{}", self.prefix, rid(key))
    }

    fn run<T: redis::FromRedisValue>(
        &mut self,
        body: &str,
        with_helpers: bool,
        args: &[String],
    ) -> Result<T, StoreError> {
        let source = if with_helpers {
            format!("{REMOVE}\n{body}")
        } else {
            body.to_owned()
        };
        let script = Script::new(&source);
        let mut invocation = script.prepare_invoke();
        invocation.arg(&self.prefix);
        for arg in args {
            invocation.arg(arg);
        }
        invocation
            .invoke(&mut self.connection)
            .map_err(|error| failed(&error))
    }

    fn members(&mut self, key: &str) -> Result<Vec<String>, StoreError> {
        let mut members: Vec<String> = redis::cmd("SMEMBERS")
            .arg(key)
            .query(&mut self.connection)
            .map_err(|error| failed(&error))?;
        members.sort();
        Ok(members)
    }

    fn entries(encoded: &[String]) -> Result<Vec<AuditEntry>, StoreError> {
        encoded
            .iter()
            .map(|entry| {
                serde_json::from_str(entry)
                    .map_err(|error| StoreError::Backend(format!("redis: audit entry: {error}")))
            })
            .collect()
    }

    fn row(&mut self, rid_text: &str) -> Result<Option<(Row, Option<String>)>, StoreError> {
        let Some(key) = key_of(rid_text) else {
            return Ok(None);
        };
        let meta: Vec<Option<String>> = redis::cmd("HMGET")
            .arg(format!("{}meta:{rid_text}", self.prefix))
            .arg(&["category", "class", "collected_at", "deadline", "hold"])
            .query(&mut self.connection)
            .map_err(|error| failed(&error))?;
        let [Some(category), Some(class), collected_at, deadline, hold] =
            <[Option<String>; 5]>::try_from(meta).unwrap_or_default()
        else {
            return Ok(None);
        };
        let payload: Option<String> = redis::cmd("GET")
            .arg(format!("{}rec:{rid_text}", self.prefix))
            .query(&mut self.connection)
            .map_err(|error| failed(&error))?;
        let Some(payload) = payload else {
            return Ok(None);
        };
        let subjects = self.members(&format!("{}recsubj:{rid_text}", self.prefix))?;
        let number = |text: Option<String>| text.and_then(|text| text.parse::<i64>().ok());
        let class = class
            .parse()
            .ok()
            .and_then(RetentionClass::from_code)
            .unwrap_or(RetentionClass::Fixed);
        let row = Row {
            key,
            category,
            class,
            subjects,
            collected_at: number(collected_at),
            deadline: number(deadline),
            payload,
        };
        Ok(Some((row, hold.filter(|hold| !hold.is_empty()))))
    }
}

fn optional(value: Option<i64>) -> String {
    value.map(|value| value.to_string()).unwrap_or_default()
}

impl Backend for RedisBackend {
    fn write(&mut self, row: &Row, now: i64) -> Result<(), StoreError> {
        let mut args = vec![
            rid(&row.key),
            row.key.tenant.clone(),
            row.category.clone(),
            row.class.code().to_string(),
            optional(row.collected_at),
            optional(row.deadline),
            now.to_string(),
            row.payload.clone(),
        ];
        args.extend(row.subjects.iter().cloned());
        self.run::<i64>(WRITE, true, &args).map(|_| ())
    }

    fn read(&mut self, key: &RowKey, now: i64) -> Result<Option<Row>, StoreError> {
        Ok(self
            .row(&rid(key))?
            .map(|(row, _)| row)
            .filter(|row| row.deadline.is_none_or(|deadline| deadline > now)))
    }

    fn schedule(
        &mut self,
        tenant: &str,
        class: RetentionClass,
    ) -> Result<Vec<(RowKey, Option<i64>)>, StoreError> {
        let rids = self.members(&format!("{}sched:{tenant}:{}", self.prefix, class.code()))?;
        let mut out = Vec::with_capacity(rids.len());
        for rid_text in rids {
            let collected: Option<String> = redis::cmd("HGET")
                .arg(format!("{}meta:{rid_text}", self.prefix))
                .arg("collected_at")
                .query(&mut self.connection)
                .map_err(|error| failed(&error))?;
            if let Some(key) = key_of(&rid_text) {
                out.push((key, collected.and_then(|text| text.parse().ok())));
            }
        }
        Ok(out)
    }

    fn set_deadlines(&mut self, updates: &[(RowKey, Option<i64>)]) -> Result<(), StoreError> {
        let args: Vec<String> = updates
            .iter()
            .flat_map(|(key, deadline)| [rid(key), optional(*deadline)])
            .collect();
        self.run::<i64>(SET_DEADLINES, false, &args).map(|_| ())
    }

    fn sweep_batch(&mut self, now: i64, limit: usize) -> Result<Vec<AuditEntry>, StoreError> {
        let encoded: Vec<String> = self.run(SWEEP, true, &[now.to_string(), limit.to_string()])?;
        Self::entries(&encoded)
    }

    fn set_hold(
        &mut self,
        target: &HoldTarget,
        reason: Option<&str>,
        now: i64,
    ) -> Result<usize, StoreError> {
        let mut args = vec![reason.unwrap_or_default().to_owned(), now.to_string()];
        match target {
            HoldTarget::Record(key) => args.extend(["record".to_owned(), rid(key)]),
            HoldTarget::Subject {
                tenant,
                subject_key,
            } => args.extend(["subject".to_owned(), tenant.clone(), subject_key.clone()]),
        }
        let total: i64 = self.run(HOLD, false, &args)?;
        Ok(usize::try_from(total).unwrap_or(0))
    }

    fn audit_log(&mut self) -> Result<Vec<AuditEntry>, StoreError> {
        let encoded: Vec<String> = redis::cmd("LRANGE")
            .arg(format!("{}audit", self.prefix))
            .arg(0)
            .arg(-1)
            .query(&mut self.connection)
            .map_err(|error| failed(&error))?;
        Self::entries(&encoded)
    }

    fn subject_rows(
        &mut self,
        tenant: &str,
        subject_key: &str,
    ) -> Result<Vec<(Row, Option<String>)>, StoreError> {
        let rids = self.members(&format!("{}subj:{tenant}:{subject_key}", self.prefix))?;
        let mut rows = Vec::with_capacity(rids.len());
        for rid_text in rids {
            rows.extend(self.row(&rid_text)?);
        }
        rows.sort_by(|left, right| left.0.key.cmp(&right.0.key));
        Ok(rows)
    }

    fn erase_batch(
        &mut self,
        tenant: &str,
        subject_key: &str,
        note: &str,
        now: i64,
        limit: usize,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        let args = [
            tenant.to_owned(),
            subject_key.to_owned(),
            note.to_owned(),
            now.to_string(),
            limit.to_string(),
        ];
        let encoded: Vec<String> = self.run(ERASE, true, &args)?;
        Self::entries(&encoded)
    }

    fn append_audit(&mut self, entries: &[AuditEntry]) -> Result<(), StoreError> {
        for entry in entries {
            let encoded = serde_json::to_string(entry)
                .map_err(|error| StoreError::Encoding(error.to_string()))?;
            let _: i64 = redis::cmd("RPUSH")
                .arg(format!("{}audit", self.prefix))
                .arg(encoded)
                .query(&mut self.connection)
                .map_err(|error| failed(&error))?;
        }
        Ok(())
    }
}
