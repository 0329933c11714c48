//! Native expiry on the service's own Redis keys (`privacy_core::expiry::redis`), against the
//! Redis server on 127.0.0.1:6379 (skipped when it is absent, unless `PRIVACY_REQUIRE_STORES=1`).

use chrono::{DateTime, TimeDelta, Utc};
use privacy_core::deadline::{Deadline, Tenant, deadline};
use privacy_core::expiry::redis::{
    Applied, KeyExpiry, Removal, apply, expire, hold, release, write,
};
use privacy_core::expiry::{ExpiryError, Key};
use privacy_core::{Classified, Period, TimeUnit, im};
use privacy_tests::servers::{REDIS, or_skip, prefix};
use redis::aio::MultiplexedConnection;

/// A chat message whose period the customer chooses (no maximum).
#[derive(Classified)]
#[privacy(category = im::ChatMessageRecord)]
struct ChatMessage {
    #[privacy(subject)]
    _sender: String,
    #[privacy(collected_at)]
    _sent: DateTime<Utc>,
}

/// The keys one test writes, all deleted when it ends.
struct Keys {
    connection: MultiplexedConnection,
    run: String,
    written: Vec<Key>,
}

impl Keys {
    /// A connection and a per-run namespace, or `None` (skipped) without a server.
    async fn new(test: &str) -> Option<Keys> {
        let connected = match redis::Client::open(REDIS) {
            Ok(client) => client.get_multiplexed_async_connection().await,
            Err(error) => Err(error),
        };
        let connection = or_skip("Redis", "127.0.0.1:6379", connected)?;
        Some(Keys {
            connection,
            run: prefix(test),
            written: Vec::new(),
        })
    }

    /// The key of `tenant`'s record `id`, under this run's namespace, holding `value`.
    async fn write(&mut self, tenant: &str, id: &str, value: &str) -> Key {
        let key = Key::new([self.run.as_str(), "ChatMessage", tenant, id]);
        let () = redis::cmd("SET")
            .arg(key.as_str())
            .arg(value)
            // Ten minutes at most, should a failed test leave its keys behind.
            .arg("PX")
            .arg(600_000)
            .query_async(&mut self.connection)
            .await
            .expect("SET");
        self.written.push(key.clone());
        key
    }

    async fn get(&mut self, key: &Key) -> Option<String> {
        redis::cmd("GET")
            .arg(key.as_str())
            .query_async(&mut self.connection)
            .await
            .expect("GET")
    }

    /// `PEXPIRETIME`: the expiry in Unix milliseconds, -1 without one, -2 without the key.
    async fn expiry_millis(&mut self, key: &Key) -> i64 {
        redis::cmd("PEXPIRETIME")
            .arg(key.as_str())
            .query_async(&mut self.connection)
            .await
            .expect("PEXPIRETIME answers an integer")
    }

    async fn clean(mut self) {
        for key in std::mem::take(&mut self.written) {
            let _: Result<i64, _> = redis::cmd("DEL")
                .arg(key.as_str())
                .query_async(&mut self.connection)
                .await;
        }
    }
}

/// Fault 3: tenant `acme` with id `x\u{1f}y` and tenant `acme\u{1f}x` with id `y` are two keys,
/// whatever the separator a naive join would use; erasing one leaves the other.
#[tokio::test]
async fn keys_of_different_tenants_never_collide() {
    let Some(mut keys) = Keys::new("collide").await else {
        return;
    };
    for separator in ['\u{1f}', ':', '|', '\0'] {
        let (tenant_a, id_a) = ("acme".to_owned(), format!("x{separator}y"));
        let (tenant_b, id_b) = (format!("acme{separator}x"), "y".to_owned());
        let a = keys.write(&tenant_a, &id_a, "a's record").await;
        let b = keys.write(&tenant_b, &id_b, "b's record").await;
        assert_ne!(a, b, "separator {separator:?}");
        assert_eq!(keys.get(&a).await.as_deref(), Some("a's record"));
        // Tenant b's record may not be stored any more: only its key goes.
        let applied = apply(
            &mut keys.connection,
            &b,
            KeyExpiry::Delete(Removal::NeverStore),
        )
        .await
        .expect("DEL");
        assert_eq!(applied, Applied::Deleted(Removal::NeverStore));
        assert_eq!(keys.get(&a).await.as_deref(), Some("a's record"));
        assert_eq!(keys.get(&b).await, None);
    }
    keys.clean().await;
}

/// A deadline becomes `PEXPIREAT` in whole milliseconds, read back exactly.
#[tokio::test]
async fn a_deadline_sets_pexpireat_in_integer_milliseconds() {
    let Some(mut keys) = Keys::new("pexpireat").await else {
        return;
    };
    let key = keys.write("acme", "m1", "hello").await;
    let now = Utc::now();
    let sent = now - TimeDelta::hours(1);
    let due = deadline(
        ChatMessage::DESCRIPTOR,
        Some(sent),
        &Tenant::default(),
        None,
    )
    .unwrap();
    let Deadline::At(at) = due else {
        panic!("7 days from collection")
    };
    let applied = expire(&mut keys.connection, &key, due, now).await.unwrap();
    assert_eq!(applied, Applied::ExpiresAt(at));
    assert_eq!(keys.expiry_millis(&key).await, at.timestamp_millis());
    keys.clean().await;
}

/// Under a hold the key never expires; on release the deadline applies again, and a deadline
/// that passed during the hold deletes the key.
#[tokio::test]
async fn a_hold_persists_and_its_release_applies_the_deadline_again() {
    let Some(mut keys) = Keys::new("hold").await else {
        return;
    };
    let key = keys.write("acme", "m1", "evidence").await;
    let now = Utc::now();
    let at = now + TimeDelta::days(7);
    expire(&mut keys.connection, &key, Deadline::At(at), now)
        .await
        .unwrap();
    assert_eq!(keys.expiry_millis(&key).await, at.timestamp_millis());

    assert_eq!(
        hold(&mut keys.connection, &key).await.unwrap(),
        Applied::Persisted
    );
    assert_eq!(keys.expiry_millis(&key).await, -1, "no expiry while held");
    // A held record's deadline, applied again, keeps it persisted.
    let held = KeyExpiry::from_deadline(Deadline::At(at), true, now).unwrap();
    assert_eq!(
        apply(&mut keys.connection, &key, held).await.unwrap(),
        Applied::Persisted
    );
    assert_eq!(keys.expiry_millis(&key).await, -1);

    assert_eq!(
        release(&mut keys.connection, &key, Deadline::At(at), now)
            .await
            .unwrap(),
        Applied::ExpiresAt(at)
    );
    assert_eq!(keys.expiry_millis(&key).await, at.timestamp_millis());

    // Held past its deadline: released, it goes at once.
    hold(&mut keys.connection, &key).await.unwrap();
    let later = at + TimeDelta::seconds(1);
    assert_eq!(
        release(&mut keys.connection, &key, Deadline::At(at), later)
            .await
            .unwrap(),
        Applied::Deleted(Removal::Due)
    );
    assert_eq!(keys.get(&key).await, None);
    keys.clean().await;
}

/// A record that may not be stored (its tenant opted out) loses its key, and says so; a
/// record kept while the account is active has no expiry.
#[tokio::test]
async fn never_store_deletes_and_while_active_persists() {
    let Some(mut keys) = Keys::new("neverstore").await else {
        return;
    };
    let now = Utc::now();
    let opted_out = Tenant {
        stores_end_user_data: false,
        ..Tenant::default()
    };
    let never = deadline(ChatMessage::DESCRIPTOR, Some(now), &opted_out, None).unwrap();
    let key = keys.write("optout", "m1", "should not be here").await;
    assert_eq!(
        expire(&mut keys.connection, &key, never, now)
            .await
            .unwrap(),
        Applied::Deleted(Removal::NeverStore)
    );
    assert_eq!(keys.get(&key).await, None);
    // Nothing to delete the second time: said so, not an error.
    assert_eq!(
        expire(&mut keys.connection, &key, never, now)
            .await
            .unwrap(),
        Applied::Missing
    );

    let config = keys.write("acme", "config", "callback url").await;
    expire(
        &mut keys.connection,
        &config,
        Deadline::At(now + TimeDelta::days(1)),
        now,
    )
    .await
    .unwrap();
    assert_eq!(
        expire(&mut keys.connection, &config, Deadline::WhileActive, now)
            .await
            .unwrap(),
        Applied::Persisted
    );
    assert_eq!(keys.expiry_millis(&config).await, -1);
    keys.clean().await;
}

/// Fault 10: a 5000-year period gives a deadline that is refused with a clear error; nothing
/// is written to the key (no float, no overflowed or far-future expiry) and nothing panics.
#[tokio::test]
async fn an_absurd_deadline_is_refused_and_nothing_is_written() {
    let Some(mut keys) = Keys::new("absurd").await else {
        return;
    };
    let now = Utc::now();
    let key = keys.write("acme", "m1", "hello").await;
    let week = now + TimeDelta::days(7);
    expire(&mut keys.connection, &key, Deadline::At(week), now)
        .await
        .unwrap();

    let five_thousand_years = Tenant {
        chosen_retention: Some(Period::new(5_000, TimeUnit::Years)),
        ..Tenant::default()
    };
    let absurd = deadline(
        ChatMessage::DESCRIPTOR,
        Some(now),
        &five_thousand_years,
        None,
    )
    .unwrap();
    for deadline in [absurd, Deadline::At(DateTime::<Utc>::MAX_UTC)] {
        let refused = expire(&mut keys.connection, &key, deadline, now).await;
        let Err(error @ ExpiryError::BeyondHorizon { .. }) = refused else {
            panic!("an absurd deadline must be refused, got {refused:?}")
        };
        assert!(
            error.to_string().contains("more than 100 years ahead"),
            "{error}"
        );
        // Under a hold too: the release would write it.
        assert!(KeyExpiry::from_deadline(deadline, true, now).is_err());
        // An expiry built by hand is refused as well, by `apply` and by `write`.
        if let Deadline::At(at) = deadline {
            let by_hand = KeyExpiry::At(at);
            let applied = apply(&mut keys.connection, &key, by_hand).await;
            assert!(matches!(applied, Err(ExpiryError::BeyondHorizon { .. })));
            let written = write(&mut keys.connection, &key, "x", by_hand).await;
            assert!(matches!(written, Err(ExpiryError::BeyondHorizon { .. })));
            assert_eq!(keys.get(&key).await.as_deref(), Some("hello"));
        }
        assert_eq!(keys.expiry_millis(&key).await, week.timestamp_millis());
    }
    keys.clean().await;
}

/// A write sets the value and its expiry in one command (a crash between a `SET` and a
/// `PEXPIREAT` would keep the key forever; a later plain `SET` would drop the expiry); a record
/// that may not be stored is not written, and its earlier key goes.
#[tokio::test]
async fn a_write_carries_its_expiry() {
    let Some(mut keys) = Keys::new("write").await else {
        return;
    };
    let now = Utc::now();
    let key = keys.write("acme", "m1", "old").await;
    let at = now + TimeDelta::days(7);
    let expiry = KeyExpiry::from_deadline(Deadline::At(at), false, now).unwrap();
    assert_eq!(
        write(&mut keys.connection, &key, "new", expiry)
            .await
            .unwrap(),
        Applied::ExpiresAt(at)
    );
    assert_eq!(keys.get(&key).await.as_deref(), Some("new"));
    assert_eq!(keys.expiry_millis(&key).await, at.timestamp_millis());

    let held = KeyExpiry::from_deadline(Deadline::At(at), true, now).unwrap();
    assert_eq!(
        write(&mut keys.connection, &key, "held", held)
            .await
            .unwrap(),
        Applied::Persisted
    );
    assert_eq!(keys.expiry_millis(&key).await, -1);

    let opted_out = Tenant {
        stores_end_user_data: false,
        ..Tenant::default()
    };
    let never = deadline(ChatMessage::DESCRIPTOR, Some(now), &opted_out, None).unwrap();
    let never = KeyExpiry::from_deadline(never, false, now).unwrap();
    assert_eq!(
        write(&mut keys.connection, &key, "refused", never)
            .await
            .unwrap(),
        Applied::Deleted(Removal::NeverStore)
    );
    assert_eq!(keys.get(&key).await, None);
    keys.clean().await;
}

/// A connection whose every command fails, as a dropped one does.
struct Broken;

impl redis::aio::ConnectionLike for Broken {
    fn req_packed_command<'a>(
        &'a mut self,
        _: &'a redis::Cmd,
    ) -> redis::RedisFuture<'a, redis::Value> {
        Box::pin(async { Err(std::io::Error::from(std::io::ErrorKind::BrokenPipe).into()) })
    }

    fn req_packed_commands<'a>(
        &'a mut self,
        _: &'a redis::Pipeline,
        _: usize,
        _: usize,
    ) -> redis::RedisFuture<'a, Vec<redis::Value>> {
        Box::pin(async { Err(std::io::Error::from(std::io::ErrorKind::BrokenPipe).into()) })
    }

    fn get_db(&self) -> i64 {
        0
    }
}

/// A failing command keeps Redis's error as the cause, and quotes neither the key nor the
/// instant (both come from records); each command says which it was.
#[tokio::test]
async fn a_failed_command_keeps_its_cause_and_quotes_no_key() {
    let key = Key::new(["svc", "acme", "subject-4242"]);
    let now = Utc::now();
    for (expiry, command) in [
        (KeyExpiry::At(now + TimeDelta::days(3)), "PEXPIREAT"),
        (KeyExpiry::Persist, "PERSIST"),
        (KeyExpiry::Delete(Removal::NeverStore), "DEL"),
    ] {
        let error = apply(&mut Broken, &key, expiry).await.unwrap_err();
        let shown = error.to_string();
        assert!(shown.contains(command), "{shown}");
        assert!(
            !shown.contains("4242") && !shown.contains("acme"),
            "{shown}"
        );
        let cause = std::error::Error::source(&error).expect("the Redis error as the cause");
        assert!(cause.downcast_ref::<redis::RedisError>().is_some());
    }
}
