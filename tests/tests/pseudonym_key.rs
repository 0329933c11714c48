//! The process's pseudonym key: weak keys refused the same way everywhere, and `redact = hash`
//! tokens computed as AES-CMAC (RustCrypto's `cmac` as the reference) under the 128-bit key
//! derived from the key that was set. One test per process state, so
//! this binary sets the key once, in one test.

use privacy_core::redact::{PseudonymKeyError, set_pseudonym_key};
use privacy_core::{Classified, PseudonymKey, WeakKey, im};

#[derive(Classified, serde::Serialize)]
#[privacy(category = im::ChatMessageRecord)]
struct ChatRecord {
    #[privacy(subject, redact = hash)]
    sender: String,
    #[privacy(redact = hash)]
    recipient: u64,
    #[privacy(collected_at)]
    sent: chrono::DateTime<chrono::Utc>,
}

#[test]
fn weak_keys_are_refused_alike_and_the_set_key_gives_aes_cmac_tokens() {
    for len in [0, 1, 8, 15] {
        let weak = vec![b'k'; len];
        assert_eq!(PseudonymKey::new(&weak).unwrap_err(), WeakKey { len });
        let refused = set_pseudonym_key(&weak).unwrap_err();
        assert_eq!(refused, PseudonymKeyError::Weak(WeakKey { len }));
        assert_eq!(
            refused.to_string(),
            PseudonymKey::new(&weak).unwrap_err().to_string()
        );
    }

    let key = b"sixteen byte key";
    set_pseudonym_key(key).unwrap();
    let record = ChatRecord {
        sender: "user_1400187352".into(),
        recipient: 1_400_190_021,
        sent: chrono::DateTime::UNIX_EPOCH,
    };
    let expected = |input: &str| {
        use hmac::{KeyInit, Mac};
        let mut derive = <hmac::Hmac<sha2::Sha256> as KeyInit>::new_from_slice(key).unwrap();
        derive.update(b"privacy-core redact=hash AES-CMAC key");
        let derived = derive.finalize().into_bytes();
        let mut mac = <cmac::Cmac<aes::Aes128> as KeyInit>::new_from_slice(&derived[..16]).unwrap();
        mac.update(input.as_bytes());
        let hex: String = mac.finalize().into_bytes()[..12]
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect();
        format!("h:{hex}")
    };
    let json = serde_json::to_value(record.redacted()).unwrap();
    assert_eq!(json["sender"], expected("user_1400187352"));
    assert_eq!(json["recipient"], expected("1400190021"));
    assert_eq!(
        json["sender"],
        PseudonymKey::new(key)
            .unwrap()
            .pseudonym(b"user_1400187352")
            .as_str()
    );
    // Once a key is in use, another is refused.
    assert_eq!(
        set_pseudonym_key(b"another key of 16+ bytes"),
        Err(PseudonymKeyError::AlreadySet)
    );
}
