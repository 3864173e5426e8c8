//! The kitchen on the wire: stations (with the menu's categories and which station makes each
//! item, so a screen filters lines without deciding anything), lines done, recall.

use forno_domain::{Menu, Station, Stations};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct StationDto {
    /// Short and stable: `oven`.
    pub code: String,
    pub name: String,
    pub category_ids: Vec<i64>,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct StationsBody {
    pub stations: Vec<StationDto>,
}

impl StationsBody {
    pub fn into_stations(self) -> Stations {
        Stations(
            self.stations
                .into_iter()
                .map(|s| Station {
                    code: s.code,
                    name: s.name,
                    category_ids: s.category_ids,
                })
                .collect(),
        )
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct KitchenCategoryDto {
    pub id: i64,
    pub name: String,
    pub name_en: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ItemStationDto {
    pub item_id: i64,
    /// The code of the station that makes it; absent when no station does (the pass does).
    pub station: Option<String>,
}

/// The stations and, resolved by the server, which station makes each menu item.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct StationsDto {
    /// Empty when the shop does not use stations (the kitchen is one station).
    pub stations: Vec<StationDto>,
    pub categories: Vec<KitchenCategoryDto>,
    pub items: Vec<ItemStationDto>,
}

impl StationsDto {
    pub fn new(stations: &Stations, menu: &Menu) -> Self {
        StationsDto {
            stations: stations
                .0
                .iter()
                .map(|s| StationDto {
                    code: s.code.clone(),
                    name: s.name.clone(),
                    category_ids: s.category_ids.clone(),
                })
                .collect(),
            categories: menu
                .categories
                .iter()
                .map(|c| KitchenCategoryDto {
                    id: c.id,
                    name: c.name.nl.clone(),
                    name_en: c.name.en.clone(),
                })
                .collect(),
            items: menu
                .items
                .iter()
                .map(|i| ItemStationDto {
                    item_id: i.id,
                    station: stations.for_item(menu, i.id).map(|s| s.code.clone()),
                })
                .collect(),
        }
    }
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct LinesDoneBody {
    /// The lines' places on the order, from 0.
    pub lines: Vec<usize>,
    /// `true` marks them done, `false` brings them back.
    #[serde(default = "yes")]
    pub done: bool,
}

fn yes() -> bool {
    true
}
