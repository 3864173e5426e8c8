//! Staff login with a PIN, sessions, paired devices, and who may do what.

use std::sync::{Mutex, OnceLock, mpsc};

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Duration, Utc};
use forno_domain::{Message, Permission, Role, msg};
use forno_store::StoreError;
use rand::RngCore;
use sha2::{Digest, Sha256};

use crate::{AppError, Shop};

/// Wrong PINs in a row before an account locks.
pub const MAX_PIN_ATTEMPTS: i64 = 5;
pub const LOCK_MINUTES: i64 = 5;

/// Who is acting: a logged-in staff member or a paired device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub staff_id: Option<i64>,
    pub device_id: Option<i64>,
    pub name: String,
    pub role: Role,
}

impl Actor {
    /// The shop's own computer, acting for the owner: the desktop app pairing its own kitchen
    /// window. Only code running inside Forno can be this actor; no request becomes it.
    pub fn this_computer() -> Actor {
        Actor {
            staff_id: None,
            device_id: None,
            name: "Forno on this computer".into(),
            role: Role::Owner,
        }
    }

    /// Whether this actor may do `action`, by the one table (`forno_domain::permissions`).
    pub fn may(&self, action: Permission) -> bool {
        self.role.may(action)
    }

    /// The check every use case that needs a role starts with. Only use cases call it: a
    /// request is authorised by `Shop::authorize` and then checked again here, by the same table.
    pub(crate) fn require(&self, action: Permission) -> Result<(), AppError> {
        if self.may(action) {
            Ok(())
        } else {
            Err(AppError::Forbidden(action))
        }
    }
}

/// A new session: the token goes to the client once; only its hash is stored.
#[derive(Debug, Clone)]
pub struct Session {
    pub token: String,
    pub actor: Actor,
    pub expires_at: DateTime<Utc>,
}

pub type LoginResult = Result<Session, AppError>;

pub(crate) struct NewSession {
    pub token: String,
    pub hash: String,
    pub expires_at: DateTime<Utc>,
}

impl NewSession {
    pub fn of(self, staff_id: i64, name: String, role: Role) -> Session {
        Session {
            token: self.token,
            actor: Actor {
                staff_id: Some(staff_id),
                device_id: None,
                name,
                role,
            },
            expires_at: self.expires_at,
        }
    }
}

/// Argon2id with 7 MiB and 5 passes: one of OWASP's recommended settings, chosen over the
/// 19 MiB default because the counter PC also runs the shop (the lock-out after five wrong PINs
/// is what protects a four-digit PIN online).
fn argon2() -> Argon2<'static> {
    let params = argon2::Params::new(7 * 1024, 5, 1, None).expect("valid Argon2 parameters");
    Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params)
}

/// Runs PIN hashing on one dedicated thread: Argon2's large buffer is then reused by a single
/// allocator arena instead of being kept once per worker thread.
async fn on_pin_thread<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    type Job = Box<dyn FnOnce() + Send>;
    static WORKER: OnceLock<Mutex<mpsc::Sender<Job>>> = OnceLock::new();
    let worker = WORKER.get_or_init(|| {
        let (tx, rx) = mpsc::channel::<Job>();
        std::thread::Builder::new()
            .name("forno-pin-hasher".into())
            .spawn(move || {
                for job in rx {
                    job();
                    give_back_freed_memory();
                }
            })
            .expect("cannot start the PIN hashing thread");
        Mutex::new(tx)
    });
    let (tx, rx) = tokio::sync::oneshot::channel();
    let job: Job = Box::new(move || {
        let _ = tx.send(work());
    });
    worker.lock().ok()?.send(job).ok()?;
    rx.await.ok()
}

/// Hands the freed Argon2 buffer back to the OS. glibc serves a second 7 MiB buffer from the
/// thread's arena instead of a fresh mapping (its mmap threshold grows after the first free) and
/// keeps it there once freed: after a few logins the counter PC would hold 20 MiB for nothing.
fn give_back_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free memory of the allocator's arenas to the OS; it is
    // safe to call at any time from any thread.
    unsafe {
        libc::malloc_trim(0);
    }
}

pub async fn hash_pin(pin: &str) -> Result<String, AppError> {
    let pin = pin.to_owned();
    on_pin_thread(move || {
        let mut salt = [0u8; 16];
        rand::rng().fill_bytes(&mut salt);
        let salt = SaltString::encode_b64(&salt)
            .map_err(|e| AppError::Config(format!("cannot make a salt: {e}")))?;
        argon2()
            .hash_password(pin.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| AppError::Config(format!("cannot hash a PIN: {e}")))
    })
    .await
    .unwrap_or_else(|| Err(AppError::Config("the PIN hashing thread stopped".into())))
}

async fn pin_matches(pin: &str, hash: &str) -> bool {
    let (pin, hash) = (pin.to_owned(), hash.to_owned());
    on_pin_thread(move || {
        PasswordHash::new(&hash)
            .map(|parsed| argon2().verify_password(pin.as_bytes(), &parsed).is_ok())
            .unwrap_or(false)
    })
    .await
    .unwrap_or(false)
}

/// A random 256-bit token, URL-safe.
pub(crate) fn new_token(bytes: usize) -> String {
    let mut raw = vec![0u8; bytes];
    rand::rng().fill_bytes(&mut raw);
    URL_SAFE_NO_PAD.encode(raw)
}

pub(crate) fn token_hash(token: &str) -> String {
    let digest = Sha256::digest(token.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

fn wrong_login() -> Message {
    msg!(
        nl: "Die naam en pincode horen niet bij elkaar. Controleer de naam en probeer het opnieuw.",
        en: "That name and PIN do not match. Check the name and try again."
    )
}

impl Shop {
    /// Who can log in at the counter (everyone but the kitchen): id, name and role, by name.
    /// For the login tiles of the shop's own counter; the server decides who may ask.
    pub async fn counter_staff(&self) -> Result<Vec<(i64, String, forno_domain::Role)>, AppError> {
        self.read(|conn| Ok(forno_store::staff::at_the_counter(conn)?))
            .await
    }

    /// Logs a staff member in by name and PIN. Five wrong PINs lock the account for five minutes.
    pub async fn login(&self, name: &str, pin: &str, now: DateTime<Utc>) -> LoginResult {
        let member = self.check_pin(name, pin, now).await?;
        let staff_id = member.id;
        let session = self.new_session(now);
        let (hash, expires_at) = (session.hash.clone(), session.expires_at);
        let role = member.role;
        self.store()
            .write(
                move |conn| -> Result<(), StoreError> {
                    forno_store::staff::record_good_pin(conn, staff_id)?;
                    forno_store::staff::insert_session(conn, &hash, staff_id, now, expires_at)?;
                    forno_store::audit::record(
                        conn,
                        now,
                        Some(staff_id),
                        "staff.logged_in",
                        None,
                        &serde_json::json!({ "role": role.as_str() }),
                    )
                },
                |_| {},
            )
            .await?;
        Ok(session.of(member.id, member.name, member.role))
    }

    /// The active staff member with this name and PIN. A wrong PIN counts towards the lock, as
    /// at the login; a locked account is refused whatever the PIN.
    pub(crate) async fn check_pin(
        &self,
        name: &str,
        pin: &str,
        now: DateTime<Utc>,
    ) -> Result<forno_store::staff::StaffMember, AppError> {
        let name = name.trim().to_owned();
        let lookup = name.clone();
        let member = self
            .read(move |conn| Ok(forno_store::staff::by_name(conn, &lookup)?))
            .await?
            .filter(|m| m.active)
            .ok_or_else(|| AppError::Unauthorized(wrong_login()))?;
        if let Some(until) = member.locked_until.filter(|until| *until > now) {
            return Err(AppError::Locked { until });
        }
        let good = pin_matches(pin, &member.pin_hash).await;
        let staff_id = member.id;
        if !good {
            let locked = self
                .store()
                .write(
                    move |conn| -> Result<Option<DateTime<Utc>>, StoreError> {
                        let current = forno_store::staff::by_id(conn, staff_id)?
                            .map(|m| m.failed_pin_attempts)
                            .unwrap_or(0);
                        let lock = (current + 1 >= MAX_PIN_ATTEMPTS)
                            .then(|| now + Duration::minutes(LOCK_MINUTES));
                        forno_store::staff::record_failed_pin(conn, staff_id, lock)?;
                        if lock.is_some() {
                            forno_store::audit::record(
                                conn,
                                now,
                                Some(staff_id),
                                "staff.locked",
                                None,
                                &serde_json::json!({"reason": "too many wrong PINs"}),
                            )?;
                        }
                        Ok(lock)
                    },
                    |_| {},
                )
                .await?;
            return Err(match locked {
                Some(until) => AppError::Locked { until },
                None => AppError::Unauthorized(wrong_login()),
            });
        }
        Ok(member)
    }

    /// A fresh session token: stored by its hash (with `insert_session`), given to the client
    /// once (with `of`).
    pub(crate) fn new_session(&self, now: DateTime<Utc>) -> NewSession {
        let token = new_token(32);
        NewSession {
            hash: token_hash(&token),
            token,
            expires_at: now + Duration::hours(self.config().session_hours),
        }
    }

    /// The staff member or device behind a session or device token.
    pub async fn authenticate(&self, token: &str, now: DateTime<Utc>) -> Result<Actor, AppError> {
        let hash = token_hash(token);
        self.read(move |conn| {
            if let Some(member) = forno_store::staff::by_session(conn, &hash, now)? {
                return Ok(Actor {
                    staff_id: Some(member.id),
                    device_id: None,
                    name: member.name,
                    role: member.role,
                });
            }
            if let Some(device) = forno_store::staff::device_by_token(conn, &hash)? {
                return Ok(Actor {
                    staff_id: None,
                    device_id: Some(device.id),
                    name: device.name,
                    role: device.role,
                });
            }
            Err(AppError::Unauthorized(msg!(
                nl: "Je sessie is verlopen of niet geldig; log opnieuw in met je pincode.",
                en: "Your session has ended or is not valid; log in again with your PIN."
            )))
        })
        .await
    }

    /// Decides whether `actor` may make a request that needs one of `actions`, before anything of
    /// the request is read: a role that may not edit the menu hears so before a half-filled form
    /// is checked. The use case behind the request checks its exact action again.
    pub fn authorize(&self, actor: &Actor, actions: &[Permission]) -> Result<(), AppError> {
        if actor.role.may_any(actions) {
            return Ok(());
        }
        match actions.first() {
            Some(action) => Err(AppError::Forbidden(*action)),
            None => Err(AppError::Config(
                "a request was authorised for no action at all; name the action it needs".into(),
            )),
        }
    }

    /// The staff member or device behind `token`, if they may do one of `actions`.
    pub async fn authorize_token(
        &self,
        token: &str,
        actions: &[Permission],
        now: DateTime<Utc>,
    ) -> Result<Actor, AppError> {
        let actor = self.authenticate(token, now).await?;
        self.authorize(&actor, actions)?;
        Ok(actor)
    }

    pub async fn logout(&self, token: &str) -> Result<(), AppError> {
        let hash = token_hash(token);
        self.store()
            .write(
                move |conn| forno_store::staff::delete_session(conn, &hash),
                |_| {},
            )
            .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn pins_are_hashed_and_verified() {
        let hash = hash_pin("4821").await.unwrap();
        assert!(hash.starts_with("$argon2id"));
        assert!(!hash.contains("4821"));
        assert!(pin_matches("4821", &hash).await);
        assert!(!pin_matches("4822", &hash).await);
    }

    #[test]
    fn tokens_are_long_random_and_hashed() {
        let a = new_token(32);
        assert_eq!(a.len(), 43);
        assert_ne!(a, new_token(32));
        assert_eq!(token_hash(&a).len(), 64);
    }
}
