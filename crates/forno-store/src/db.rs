//! Opening the database, migrations, the writer thread with group commit, the reader pool and
//! online backups.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, mpsc};
use std::thread;

use rusqlite::{Connection, OpenFlags};

/// The numbered migrations, applied in order; never edited once landed.
const MIGRATIONS: &[(i64, &str, &str)] = &[
    (
        1,
        "foundation",
        include_str!("../../../migrations/0001_foundation.sql"),
    ),
    (
        2,
        "outbox",
        include_str!("../../../migrations/0002_outbox.sql"),
    ),
    (
        3,
        "payments_discounts",
        include_str!("../../../migrations/0003_payments_discounts.sql"),
    ),
    (
        4,
        "printers",
        include_str!("../../../migrations/0004_printers.sql"),
    ),
    (
        5,
        "kitchen",
        include_str!("../../../migrations/0005_kitchen.sql"),
    ),
    (
        6,
        "notifications",
        include_str!("../../../migrations/0006_notifications.sql"),
    ),
    (
        7,
        "menu_editor",
        include_str!("../../../migrations/0007_menu_editor.sql"),
    ),
    (
        8,
        "staff_audit",
        include_str!("../../../migrations/0008_staff_audit.sql"),
    ),
    (
        9,
        "print_rules",
        include_str!("../../../migrations/0009_print_rules.sql"),
    ),
    (
        10,
        "line_voids",
        include_str!("../../../migrations/0010_line_voids.sql"),
    ),
];

/// How many queued jobs may share one commit.
const MAX_GROUP: usize = 256;
const MAX_IDLE_READERS: usize = 4;

#[derive(Debug, Clone, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Sqlite(Arc<rusqlite::Error>),
    #[error(
        "the database {path} is in use by another Forno (or locked): close the other program and start again"
    )]
    Locked { path: PathBuf },
    #[error("cannot open the database {path}: {reason}")]
    Open { path: PathBuf, reason: String },
    #[error("the database writer has stopped; restart Forno")]
    WriterGone,
    #[error("stored data is damaged: {0}")]
    Corrupt(String),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Sqlite(Arc::new(e))
    }
}

impl From<serde_json::Error> for StoreError {
    fn from(e: serde_json::Error) -> Self {
        StoreError::Corrupt(e.to_string())
    }
}

type Completion = Box<dyn FnOnce(Option<&StoreError>) + Send>;
/// A write: given the connection inside the batch's transaction (or why there is none), it does
/// its work and returns what to do once the commit is known.
type Job = Box<dyn FnOnce(Result<&Connection, &StoreError>) -> Completion + Send>;

enum WriterMessage {
    Job(Job),
    Shutdown(mpsc::Sender<()>),
}

struct Inner {
    path: PathBuf,
    writer: Mutex<Option<mpsc::Sender<WriterMessage>>>,
    readers: Mutex<Vec<Connection>>,
}

/// The shop's database. Cheap to clone.
#[derive(Clone)]
pub struct Store {
    inner: Arc<Inner>,
}

impl Store {
    /// Opens (or creates) the database at `path`, applies pending migrations (copying the
    /// database into `backup_dir` first when it already holds data), and starts the writer.
    pub fn open(path: &Path, backup_dir: &Path) -> Result<Store, StoreError> {
        let existed = path.exists();
        let mut conn = open_connection(path, false)?;
        // Claim the writer role: a second Forno on the same file fails here, not halfway.
        conn.execute_batch("BEGIN IMMEDIATE; COMMIT;")
            .map_err(|_| StoreError::Locked {
                path: path.to_owned(),
            })?;
        migrate(&mut conn, MIGRATIONS, path, existed, backup_dir)?;

        let (tx, rx) = mpsc::channel();
        thread::Builder::new()
            .name("forno-db-writer".into())
            .spawn(move || writer_loop(conn, rx))
            .map_err(|e| StoreError::Open {
                path: path.to_owned(),
                reason: e.to_string(),
            })?;
        Ok(Store {
            inner: Arc::new(Inner {
                path: path.to_owned(),
                writer: Mutex::new(Some(tx)),
                readers: Mutex::new(Vec::new()),
            }),
        })
    }

    pub fn path(&self) -> &Path {
        &self.inner.path
    }

    /// Runs `work` as one atomic job on the writer thread. After the commit is durable,
    /// `after_commit` runs (still on the writer thread, in commit order, so listeners see
    /// changes in the order they were made) and the result is returned.
    pub async fn write<R, E>(
        &self,
        work: impl FnOnce(&Connection) -> Result<R, E> + Send + 'static,
        after_commit: impl FnOnce(&R) + Send + 'static,
    ) -> Result<R, E>
    where
        R: Send + 'static,
        E: From<StoreError> + Send + 'static,
    {
        let (tx, rx) = tokio::sync::oneshot::channel::<Result<R, E>>();
        let job: Job = Box::new(move |conn: Result<&Connection, &StoreError>| {
            let outcome = match conn {
                Ok(conn) => in_savepoint(conn, work),
                Err(e) => Err(E::from(e.clone())),
            };
            Box::new(move |commit_error: Option<&StoreError>| {
                let result = match (outcome, commit_error) {
                    (Ok(value), None) => {
                        after_commit(&value);
                        Ok(value)
                    }
                    (Ok(_), Some(e)) => Err(E::from(e.clone())),
                    (Err(e), _) => Err(e),
                };
                let _ = tx.send(result);
            })
        });
        self.send(WriterMessage::Job(job)).map_err(E::from)?;
        rx.await.map_err(|_| E::from(StoreError::WriterGone))?
    }

    fn send(&self, message: WriterMessage) -> Result<(), StoreError> {
        let writer = self.inner.writer.lock().expect("writer handle poisoned");
        writer
            .as_ref()
            .ok_or(StoreError::WriterGone)?
            .send(message)
            .map_err(|_| StoreError::WriterGone)
    }

    /// Runs a read on a pooled read-only connection. Blocking: call it from a blocking context.
    pub fn read<R, E>(&self, work: impl FnOnce(&Connection) -> Result<R, E>) -> Result<R, E>
    where
        E: From<StoreError>,
    {
        let pooled = self
            .inner
            .readers
            .lock()
            .expect("reader pool poisoned")
            .pop();
        let conn = match pooled {
            Some(conn) => conn,
            None => open_connection(&self.inner.path, true)?,
        };
        let result = work(&conn);
        let mut pool = self.inner.readers.lock().expect("reader pool poisoned");
        if pool.len() < MAX_IDLE_READERS {
            pool.push(conn);
        }
        result
    }

    /// A consistent copy of the live database into `target` (SQLite's online backup), safe
    /// while orders keep coming in.
    pub fn backup_to(&self, target: &Path) -> Result<(), StoreError> {
        backup_database(&self.inner.path, target)
    }

    /// Stops the writer after the jobs already queued, checkpoints the WAL into the main file and
    /// closes. Later writes fail with `WriterGone`.
    pub fn close(&self) {
        let sender = self
            .inner
            .writer
            .lock()
            .expect("writer handle poisoned")
            .take();
        if let Some(sender) = sender {
            let (done_tx, done_rx) = mpsc::channel();
            if sender.send(WriterMessage::Shutdown(done_tx)).is_ok() {
                let _ = done_rx.recv();
            }
        }
        self.inner
            .readers
            .lock()
            .expect("reader pool poisoned")
            .clear();
    }
}

fn open_connection(path: &Path, read_only: bool) -> Result<Connection, StoreError> {
    let flags = if read_only {
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX
    } else {
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
    };
    let conn = Connection::open_with_flags(path, flags).map_err(|e| StoreError::Open {
        path: path.to_owned(),
        reason: e.to_string(),
    })?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    register_functions(&conn)?;
    if !read_only {
        conn.pragma_update(None, "journal_mode", "WAL")?;
    }
    conn.execute_batch("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")?;
    Ok(conn)
}

/// `fold(text)`: lower case for every alphabet (SQLite's own `lower` and `NOCASE` only know
/// ASCII), so searching "çelik" finds "Çelik".
fn register_functions(conn: &Connection) -> Result<(), StoreError> {
    use rusqlite::functions::FunctionFlags;
    conn.create_scalar_function(
        "fold",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            Ok(ctx
                .get::<Option<String>>(0)?
                .map(|text| text.to_lowercase()))
        },
    )?;
    Ok(())
}

/// The numbers of the migrations this database has had.
fn applied_migrations(conn: &Connection) -> Result<std::collections::HashSet<i64>, StoreError> {
    let mut query = conn.prepare("SELECT version FROM schema_migrations")?;
    let versions = query
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(versions)
}

fn migrate(
    conn: &mut Connection,
    migrations: &[(i64, &str, &str)],
    path: &Path,
    existed: bool,
    backup_dir: &Path,
) -> Result<(), StoreError> {
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
    )?;
    let done = applied_migrations(conn)?;
    let applied = done.iter().copied().max().unwrap_or(0);
    // Every migration not yet applied, by its number: one that landed after a higher-numbered
    // one (two branches merged) is applied too, never skipped.
    let pending: Vec<_> = migrations
        .iter()
        .filter(|(v, ..)| !done.contains(v))
        .collect();
    if pending.is_empty() {
        return Ok(());
    }
    if existed && applied > 0 {
        let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
        let target = backup_dir.join(format!("forno-before-migration-{applied}-{stamp}.sqlite"));
        std::fs::create_dir_all(backup_dir).map_err(|e| StoreError::Open {
            path: backup_dir.to_owned(),
            reason: e.to_string(),
        })?;
        conn.execute("VACUUM INTO ?1", [target.to_string_lossy()])?;
        tracing::info!(backup = %target.display(), "backed up the database before migrating");
    }
    for (version, name, sql) in pending {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.execute(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, ?3)",
            rusqlite::params![version, name, chrono::Utc::now().to_rfc3339()],
        )?;
        tx.commit()?;
        tracing::info!(version, name, db = %path.display(), "applied migration");
    }
    Ok(())
}

fn in_savepoint<R, E: From<StoreError>>(
    conn: &Connection,
    work: impl FnOnce(&Connection) -> Result<R, E>,
) -> Result<R, E> {
    conn.execute_batch("SAVEPOINT job")
        .map_err(|e| E::from(e.into()))?;
    let result = work(conn);
    let end = if result.is_ok() {
        "RELEASE job"
    } else {
        "ROLLBACK TO job; RELEASE job"
    };
    match conn.execute_batch(end) {
        Ok(()) => result,
        Err(e) => Err(E::from(e.into())),
    }
}

fn writer_loop(conn: Connection, inbox: mpsc::Receiver<WriterMessage>) {
    let mut shutdown = None;
    while shutdown.is_none() {
        let Ok(first) = inbox.recv() else { break };
        let mut batch = Vec::new();
        match first {
            WriterMessage::Job(job) => batch.push(job),
            WriterMessage::Shutdown(done) => shutdown = Some(done),
        }
        // Group commit: whatever else is already waiting shares this transaction.
        while shutdown.is_none() && batch.len() < MAX_GROUP {
            match inbox.try_recv() {
                Ok(WriterMessage::Job(job)) => batch.push(job),
                Ok(WriterMessage::Shutdown(done)) => shutdown = Some(done),
                Err(_) => break,
            }
        }
        if !batch.is_empty() {
            run_batch(&conn, batch);
        }
    }
    if let Err(e) = conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);") {
        tracing::warn!(error = %e, "could not checkpoint the WAL at shutdown");
    }
    drop(conn);
    if let Some(done) = shutdown {
        let _ = done.send(());
    }
}

fn run_batch(conn: &Connection, batch: Vec<Job>) {
    let begin: Result<(), StoreError> = conn.execute_batch("BEGIN IMMEDIATE").map_err(Into::into);
    if let Err(e) = begin {
        // Another program holds the database's write lock past the busy timeout: each job
        // fails with that reason (its work never runs), and the writer carries on.
        tracing::error!(error = %e, "could not start a write transaction");
        for job in batch {
            job(Err(&e))(Some(&e));
        }
        return;
    }
    let completions: Vec<Completion> = batch.into_iter().map(|job| job(Ok(conn))).collect();
    let commit: Result<(), StoreError> = conn.execute_batch("COMMIT").map_err(Into::into);
    if commit.is_err() {
        let _ = conn.execute_batch("ROLLBACK");
    }
    let error = commit.err();
    for complete in completions {
        complete(error.as_ref());
    }
}

/// One write from a tool on the shop's own computer (`forno staff reset-pin`), whether the shop
/// runs or not: its own connection to the same file with the same settings (WAL, the 5-second
/// busy wait), one `BEGIN IMMEDIATE` transaction, so it waits for the running shop's writer
/// between two of its commits and the shop's next read sees it. Only an existing, migrated
/// database: a tool never creates a shop.
pub fn write_from_tool<R, E: From<StoreError>>(
    path: &Path,
    work: impl FnOnce(&Connection) -> Result<R, E>,
) -> Result<R, E> {
    if !path.is_file() {
        return Err(StoreError::Open {
            path: path.to_owned(),
            reason: "there is no shop database here; check the data folder (--data-dir)".into(),
        }
        .into());
    }
    let mut conn = open_connection(path, false)?;
    let done = applied_migrations(&conn)?;
    if let Some((missing, ..)) = MIGRATIONS.iter().find(|(v, ..)| !done.contains(v)) {
        let migrated = done.iter().copied().max().unwrap_or(0);
        return Err(StoreError::Open {
            path: path.to_owned(),
            reason: format!(
                "the database is at version {migrated} and this Forno also needs migration {missing}; run `forno migrate` first"
            ),
        }
        .into());
    }
    let tx = conn
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .map_err(StoreError::from)?;
    let result = work(&tx)?;
    tx.commit().map_err(StoreError::from)?;
    Ok(result)
}

/// A consistent copy of the database at `source` into `target` (SQLite's online backup), safe
/// while another connection keeps writing.
pub fn backup_database(source: &Path, target: &Path) -> Result<(), StoreError> {
    if let Some(dir) = target.parent() {
        std::fs::create_dir_all(dir).map_err(|e| StoreError::Open {
            path: dir.to_owned(),
            reason: e.to_string(),
        })?;
    }
    let source = open_connection(source, true)?;
    let mut dest = Connection::open(target)?;
    {
        let backup = rusqlite::backup::Backup::new(&source, &mut dest)?;
        backup.run_to_completion(256, std::time::Duration::from_millis(0), None)?;
    }
    dest.execute_batch("PRAGMA journal_mode = DELETE;")?;
    Ok(())
}

/// Replaces the database in `data_file` with the backup `from`. Only while no Forno has the
/// database open.
pub fn restore_database(data_file: &Path, from: &Path) -> Result<(), StoreError> {
    let source =
        Connection::open_with_flags(from, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(|e| {
            StoreError::Open {
                path: from.to_owned(),
                reason: e.to_string(),
            }
        })?;
    let check: String = source.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if check != "ok" {
        return Err(StoreError::Corrupt(format!(
            "{} fails its integrity check ({check}); choose another backup",
            from.display()
        )));
    }
    let mut dest = open_connection(data_file, false)?;
    dest.execute_batch("BEGIN IMMEDIATE; COMMIT;")
        .map_err(|_| StoreError::Locked {
            path: data_file.to_owned(),
        })?;
    {
        let backup = rusqlite::backup::Backup::new(&source, &mut dest)?;
        backup.run_to_completion(256, std::time::Duration::from_millis(0), None)?;
    }
    dest.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIRST: (i64, &str, &str) = (1, "first", "CREATE TABLE first (id INTEGER);");
    const SECOND: (i64, &str, &str) = (2, "second", "CREATE TABLE second (id INTEGER);");
    const THIRD: (i64, &str, &str) = (3, "third", "CREATE TABLE third (id INTEGER);");

    fn tables(conn: &Connection) -> Vec<String> {
        let mut query = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'schema_migrations' ORDER BY name")
            .unwrap();
        query
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }

    #[test]
    fn a_migration_numbered_below_one_already_applied_is_applied_not_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shop.sqlite");
        let mut conn = Connection::open(&path).unwrap();
        migrate(&mut conn, &[FIRST, THIRD], &path, false, dir.path()).unwrap();
        assert_eq!(tables(&conn), ["first", "third"]);

        // Two branches merged: migration 2 lands after 3 was applied.
        migrate(&mut conn, &[FIRST, SECOND, THIRD], &path, true, dir.path()).unwrap();
        assert_eq!(tables(&conn), ["first", "second", "third"]);
        assert_eq!(
            applied_migrations(&conn).unwrap(),
            [1, 2, 3].into_iter().collect()
        );
        // And nothing runs twice.
        migrate(&mut conn, &[FIRST, SECOND, THIRD], &path, true, dir.path()).unwrap();
    }
}
