//! Daily backups into the data dir's backup folder, and restoring one.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::{AppError, Config, Shop};

const DAILY_PREFIX: &str = "forno-daily-";

/// Today's backup: where it is, and whether this call made it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DailyBackup {
    pub file: PathBuf,
    pub made_now: bool,
}

pub(crate) fn daily(shop: &Shop, now: DateTime<Utc>) -> Result<DailyBackup, AppError> {
    let dir = shop.config().backup_dir();
    let target = dir.join(format!("{DAILY_PREFIX}{}.sqlite", now.format("%Y-%m-%d")));
    if target.exists() {
        return Ok(DailyBackup {
            file: target,
            made_now: false,
        });
    }
    // Write under a temporary name so a crash never leaves a half backup that looks whole.
    let partial = target.with_extension("partial");
    shop.backup_to(&partial)?;
    std::fs::rename(&partial, &target).map_err(|e| {
        AppError::Config(format!(
            "cannot finish the backup {}: {e}",
            target.display()
        ))
    })?;
    prune(&dir, shop.config().backups_to_keep)?;
    Ok(DailyBackup {
        file: target,
        made_now: true,
    })
}

fn prune(dir: &Path, keep: usize) -> Result<(), AppError> {
    let mut daily: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| AppError::Config(format!("cannot read {}: {e}", dir.display())))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(DAILY_PREFIX) && n.ends_with(".sqlite"))
        })
        .collect();
    daily.sort();
    let excess = daily.len().saturating_sub(keep);
    for old in &daily[..excess] {
        let _ = std::fs::remove_file(old);
    }
    Ok(())
}

/// Replaces the shop's database with a backup. Only while the shop is not running.
pub fn restore(config: &Config, from: &Path) -> Result<(), AppError> {
    if !from.is_file() {
        return Err(AppError::Config(format!(
            "there is no backup file at {}",
            from.display()
        )));
    }
    std::fs::create_dir_all(&config.data_dir).map_err(|e| {
        AppError::Config(format!("cannot create {}: {e}", config.data_dir.display()))
    })?;
    // Holding the lock proves no Forno is running on this data dir.
    let _lock = crate::shop::lock_data_dir(config)?;
    Ok(forno_store::restore_database(
        &config.database_path(),
        from,
    )?)
}

/// A consistent copy of the database in `config`'s data dir into `target`, whether or not a
/// Forno is running on it.
pub fn backup_database(config: &Config, target: &Path) -> Result<(), AppError> {
    Ok(forno_store::backup_database(
        &config.database_path(),
        target,
    )?)
}
