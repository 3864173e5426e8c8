//! `forno serve` makes the daily backup itself (not only the desktop app) and keeps the newest
//! `backups_to_keep`, on the schedule `backup_check_seconds` sets.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::common::*;

const EARLIER_DAYS: [&str; 3] = [
    "forno-daily-2020-01-01.sqlite",
    "forno-daily-2020-01-02.sqlite",
    "forno-daily-2020-01-03.sqlite",
];

fn daily_backups(data_dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(data_dir.join("backups"))
        .map(|entries| {
            entries
                .filter_map(|e| e.ok()?.file_name().into_string().ok())
                .filter(|name| name.starts_with("forno-daily-") && name.ends_with(".sqlite"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// Waits until a daily backup newer than the earlier days' is in the folder.
async fn todays_backup(data_dir: &Path, within: Duration) -> PathBuf {
    let started = Instant::now();
    loop {
        let newest = daily_backups(data_dir)
            .into_iter()
            .rfind(|name| !EARLIER_DAYS.contains(&name.as_str()));
        if let Some(name) = newest {
            return data_dir.join("backups").join(name);
        }
        assert!(
            started.elapsed() < within,
            "no backup of today after {within:?}: {:?}",
            daily_backups(data_dir)
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// What a backup holds, read the way Forno reads a database (on a copy, so the backup itself
/// stays as it was made): its staff and its orders.
struct BackupContents {
    staff: i64,
    orders: i64,
}

fn contents(backup: &Path) -> BackupContents {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("forno.sqlite");
    std::fs::copy(backup, &copy).unwrap();
    let store = forno_store::Store::open(&copy, &dir.path().join("backups"))
        .unwrap_or_else(|e| panic!("{} is not a Forno database: {e}", backup.display()));
    let contents = store
        .read(|conn| -> Result<BackupContents, forno_store::StoreError> {
            let filter = forno_store::orders::OrderFilter {
                limit: 1,
                ..Default::default()
            };
            Ok(BackupContents {
                staff: forno_store::staff::count(conn)?,
                orders: forno_store::orders::list(conn, &filter)?.1,
            })
        })
        .unwrap();
    store.close();
    contents
}

#[tokio::test]
async fn forno_serve_backs_up_daily_and_keeps_the_newest_n() {
    let app = TestApp::spawn_in(
        &[
            ("FORNO_DEMO_ALWAYS_OPEN", "1"),
            ("FORNO_BACKUPS_TO_KEEP", "2"),
            ("FORNO_BACKUP_CHECK_SECONDS", "1"),
        ],
        |dir| {
            let backups = dir.join("backups");
            std::fs::create_dir_all(&backups).unwrap();
            for name in EARLIER_DAYS
                .iter()
                .chain(&["forno-manual-1700000000.sqlite"])
            {
                std::fs::write(backups.join(name), b"an earlier backup").unwrap();
            }
        },
    )
    .await;
    let today = todays_backup(app.data_dir(), Duration::from_secs(20)).await;
    let kept = daily_backups(app.data_dir());
    assert_eq!(
        kept,
        [
            "forno-daily-2020-01-03.sqlite".to_string(),
            today.file_name().unwrap().to_string_lossy().into_owned()
        ],
        "keeps the newest 2 daily backups"
    );
    assert!(
        app.data_dir()
            .join("backups/forno-manual-1700000000.sqlite")
            .exists(),
        "a manual backup is not the daily backups' to delete"
    );
    assert_eq!(
        contents(&today).staff,
        4,
        "the backup holds the demo shop's staff"
    );
    assert_eq!(contents(&today).orders, 0);

    // The schedule keeps looking: a backup that goes missing is made again, with today's data.
    let menu = app.menu().await;
    app.place_pizza_order(menu.pizza(), "an order after the first backup")
        .await;
    std::fs::remove_file(&today).unwrap();
    let again = todays_backup(app.data_dir(), Duration::from_secs(20)).await;
    assert_eq!(again, today);
    assert_eq!(
        contents(&again).orders,
        1,
        "the new backup has the new order"
    );
    assert_eq!(daily_backups(app.data_dir()).len(), 2);
}

#[tokio::test]
async fn keeping_no_backups_is_refused_at_start() {
    let dir = tempfile::tempdir().unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_forno"))
        .args(["serve", "--listen", "127.0.0.1:0", "--data-dir"])
        .arg(dir.path())
        .env("FORNO_BACKUPS_TO_KEEP", "0")
        .output()
        .unwrap();
    assert!(!output.status.success());
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("backups_to_keep"), "{said}");
}
