//! Where the kitchen window was last: a small JSON file in the data dir, so the kitchen board
//! comes back on the same monitor after a restart.

use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

const FILE_NAME: &str = "kitchen-window.json";

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KitchenPlacement {
    /// Was the kitchen window open when the app last stopped?
    pub open: bool,
    /// The monitor it was on (as the OS names it), if known.
    pub monitor: Option<String>,
    pub fullscreen: bool,
    /// Outer position and size in physical pixels, for a window that was not fullscreen.
    pub x: i32,
    pub y: i32,
    pub width: u32,
    pub height: u32,
}

fn path(data_dir: &Path) -> PathBuf {
    data_dir.join(FILE_NAME)
}

/// The remembered placement; none if there is no file or it cannot be read (the window then
/// opens where a new one would).
pub fn load(data_dir: &Path) -> Option<KitchenPlacement> {
    let text = std::fs::read_to_string(path(data_dir)).ok()?;
    match serde_json::from_str(&text) {
        Ok(placement) => Some(placement),
        Err(err) => {
            tracing::warn!("ignoring {}: {err}", path(data_dir).display());
            None
        }
    }
}

/// Writes to a temporary file first so a crash never leaves half a file.
pub fn save(data_dir: &Path, placement: &KitchenPlacement) -> io::Result<()> {
    let json = serde_json::to_string_pretty(placement).map_err(io::Error::other)?;
    let tmp = data_dir.join(format!("{FILE_NAME}.tmp"));
    std::fs::write(&tmp, json)?;
    std::fs::rename(&tmp, path(data_dir))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_placement_loads_back() {
        let dir = std::env::temp_dir().join(format!("forno-placement-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let placement = KitchenPlacement {
            open: true,
            monitor: Some("HDMI-1".into()),
            fullscreen: true,
            x: 1920,
            y: 0,
            width: 1920,
            height: 1080,
        };
        save(&dir, &placement).unwrap();
        assert_eq!(load(&dir), Some(placement));
        std::fs::write(dir.join(FILE_NAME), "not json").unwrap();
        assert_eq!(load(&dir), None);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
