//! What a first start creates: the demo shop (a believable Dutch pizzeria with its menu, hours,
//! delivery zones and staff whose PINs are shown once), or the example menu alone for a shop
//! whose owner finishes the setup wizard.

use std::collections::BTreeMap;

use chrono::Utc;
use forno_domain::hours::{ClockTime, OpeningHours, OpeningPeriod};
use forno_domain::{
    Allergen, Category, DeliveryZone, Extra, Ingredient, Item, Role, Size, Translated, VatRate,
};
use forno_store::{Connection, Store, StoreError};
use rand::Rng;

use crate::AppError;
use crate::config::FirstRun;
use crate::settings::{SETTINGS_KEY, ShopSettings};

/// The staff accounts created with the demo shop and their PINs, shown once on first start.
#[derive(Debug, Clone)]
pub struct DemoCredentials {
    pub shop_name: String,
    pub staff: Vec<(Role, String, String)>,
}

const STAFF: [(Role, &str); 4] = [
    (Role::Owner, "Marco"),
    (Role::Manager, "Giulia"),
    (Role::Cashier, "Sofia"),
    (Role::Kitchen, "Luca"),
];

/// Seeds a database that has no settings yet: the demo shop, or the example menu and settings
/// that wait for the setup wizard (no staff: the wizard creates the owner).
pub async fn seed_if_new(
    store: &Store,
    first_run: FirstRun,
    always_open: bool,
) -> Result<Option<DemoCredentials>, AppError> {
    let fresh = store.read(|conn| {
        Ok::<_, AppError>(forno_store::settings::get::<ShopSettings>(conn, SETTINGS_KEY)?.is_none())
    })?;
    if !fresh {
        return Ok(None);
    }
    if first_run == FirstRun::Setup {
        let settings = ShopSettings::awaiting_setup();
        store
            .write(
                move |conn| -> Result<(), StoreError> {
                    seed_menu(conn)?;
                    forno_store::settings::put(conn, SETTINGS_KEY, &settings)
                },
                |_| {},
            )
            .await?;
        return Ok(None);
    }
    // The generator is not Send: it must be gone before the first await.
    let staff: Vec<(Role, String, String)> = {
        let mut rng = rand::rng();
        STAFF
            .iter()
            .map(|(role, name)| {
                (
                    *role,
                    name.to_string(),
                    format!("{:04}", rng.random_range(1000..10000)),
                )
            })
            .collect()
    };
    let mut hashed = Vec::with_capacity(staff.len());
    for (role, name, pin) in &staff {
        hashed.push((*role, name.clone(), crate::auth::hash_pin(pin).await?));
    }
    let settings = demo_settings(always_open);
    let shop_name = settings.name.clone();
    store
        .write(
            move |conn| -> Result<(), StoreError> {
                let now = Utc::now();
                for (role, name, hash) in &hashed {
                    forno_store::staff::insert(conn, name, *role, hash, now)?;
                }
                seed_menu(conn)?;
                forno_store::settings::put(conn, SETTINGS_KEY, &settings)
            },
            |_| {},
        )
        .await?;
    Ok(Some(DemoCredentials { shop_name, staff }))
}

fn demo_settings(always_open: bool) -> ShopSettings {
    let time = |s: &str| ClockTime::parse(s).expect("valid demo time");
    let mut hours = OpeningHours::default();
    let period = if always_open {
        OpeningPeriod {
            open: time("00:00"),
            close: time("24:00"),
        }
    } else {
        OpeningPeriod {
            open: time("16:00"),
            close: time("22:00"),
        }
    };
    // Monday is the day off, unless the demo runs around the clock.
    for (day, periods) in hours.weekly.iter_mut().enumerate() {
        if always_open || day != 0 {
            *periods = vec![period];
        }
    }
    ShopSettings {
        name: "Pizzeria Da Marco".into(),
        address: "Kerkstraat 12, 1017 GM Amsterdam".into(),
        phone: "020 123 4567".into(),
        vat_number: "NL001234567B01".into(),
        time_zone: "Europe/Amsterdam".into(),
        hours,
        zones: vec![
            DeliveryZone {
                id: 1,
                name: "Centrum".into(),
                postcodes: vec!["1011-1018".into()],
                fee: 250,
                minimum_order: 1500,
                extra_minutes: 10,
            },
            DeliveryZone {
                id: 2,
                name: "West en Oost".into(),
                postcodes: vec!["1051-1059".into(), "1091-1098".into()],
                fee: 395,
                minimum_order: 2500,
                extra_minutes: 20,
            },
        ],
        prep_time_minutes: 20,
        paused: false,
        pickup_enabled: true,
        delivery_enabled: true,
    }
}

struct DemoItem {
    name: (&'static str, &'static str),
    description: (&'static str, &'static str),
    prices: &'static [i64],
    ingredients: &'static [&'static str],
    allergens: &'static [Allergen],
    vat: VatRate,
}

fn pizza(
    name: &'static str,
    description: (&'static str, &'static str),
    prices: &'static [i64],
    ingredients: &'static [&'static str],
    allergens: &'static [Allergen],
) -> DemoItem {
    DemoItem {
        name: (name, name),
        description,
        prices,
        ingredients,
        allergens,
        vat: VatRate::Reduced,
    }
}

fn single(
    name: (&'static str, &'static str),
    description: (&'static str, &'static str),
    price: &'static [i64],
    allergens: &'static [Allergen],
    vat: VatRate,
) -> DemoItem {
    DemoItem {
        name,
        description,
        prices: price,
        ingredients: &[],
        allergens,
        vat,
    }
}

fn seed_menu(conn: &Connection) -> Result<(), StoreError> {
    use Allergen::*;
    let mut ingredient_ids: BTreeMap<&str, i64> = BTreeMap::new();
    let ingredient_names: [(&str, &str); 16] = [
        ("Tomatensaus", "Tomato sauce"),
        ("Mozzarella", "Mozzarella"),
        ("Basilicum", "Basil"),
        ("Salami", "Salami"),
        ("Ham", "Ham"),
        ("Champignons", "Mushrooms"),
        ("Ui", "Onion"),
        ("Paprika", "Bell pepper"),
        ("Olijven", "Olives"),
        ("Tonijn", "Tuna"),
        ("Ansjovis", "Anchovies"),
        ("Kappertjes", "Capers"),
        ("Gorgonzola", "Gorgonzola"),
        ("Parmezaan", "Parmesan"),
        ("Rucola", "Rocket"),
        ("Pepperoni", "Pepperoni"),
    ];
    for (nl, en) in ingredient_names {
        ingredient_ids.insert(
            nl,
            forno_store::menu::insert_ingredient(conn, &Translated::new(nl, en))?,
        );
    }

    let extra = |nl: &str, en: &str, prices: [i64; 3]| Extra {
        id: 0,
        name: Translated::new(nl, en),
        default_price: prices[1],
        price_by_size: BTreeMap::from([
            ("25".into(), prices[0]),
            ("30".into(), prices[1]),
            ("35".into(), prices[2]),
        ]),
    };
    let extras = [
        extra("Extra kaas", "Extra cheese", [100, 150, 200]),
        extra("Champignons", "Mushrooms", [75, 100, 125]),
        extra("Salami", "Salami", [125, 175, 225]),
        extra("Jalapeños", "Jalapeños", [75, 100, 125]),
        extra("Rucola", "Rocket", [75, 100, 125]),
        extra("Knoflookolie", "Garlic oil", [50, 50, 50]),
    ];
    let extra_ids: Vec<i64> = extras
        .iter()
        .map(|e| forno_store::menu::insert_extra(conn, e))
        .collect::<Result<_, _>>()?;

    let categories = [
        (("Pizza's", "Pizzas"), true),
        (("Calzone", "Calzone"), false),
        (("Bijgerechten", "Sides"), false),
        (("Frisdranken", "Soft drinks"), false),
        (("Bier en wijn", "Beer and wine"), false),
        (("Desserts", "Desserts"), false),
    ];
    let mut category_ids = Vec::new();
    for (position, ((nl, en), halves)) in categories.into_iter().enumerate() {
        category_ids.push(forno_store::menu::insert_category(
            conn,
            &Category {
                id: 0,
                name: Translated::new(nl, en),
                position: position as i64,
                halves_allowed: halves,
                vat: VatRate::Reduced,
            },
        )?);
    }

    const PIZZA: &[i64] = &[950, 1200, 1450];
    let pizzas = [
        pizza(
            "Margherita",
            (
                "Tomatensaus, mozzarella en verse basilicum.",
                "Tomato sauce, mozzarella and fresh basil.",
            ),
            PIZZA,
            &["Tomatensaus", "Mozzarella", "Basilicum"],
            &[Gluten, Milk],
        ),
        pizza(
            "Salami",
            (
                "Met pittige Italiaanse salami.",
                "With spicy Italian salami.",
            ),
            &[1100, 1350, 1600],
            &["Tomatensaus", "Mozzarella", "Salami"],
            &[Gluten, Milk, Mustard],
        ),
        pizza(
            "Prosciutto",
            ("Met gekookte ham.", "With cooked ham."),
            &[1100, 1350, 1600],
            &["Tomatensaus", "Mozzarella", "Ham"],
            &[Gluten, Milk],
        ),
        pizza(
            "Funghi",
            ("Met verse champignons.", "With fresh mushrooms."),
            &[1050, 1300, 1550],
            &["Tomatensaus", "Mozzarella", "Champignons"],
            &[Gluten, Milk],
        ),
        pizza(
            "Hawaii",
            ("Ham en ananas.", "Ham and pineapple."),
            &[1100, 1350, 1600],
            &["Tomatensaus", "Mozzarella", "Ham"],
            &[Gluten, Milk],
        ),
        pizza(
            "Tonno",
            (
                "Tonijn, rode ui en kappertjes.",
                "Tuna, red onion and capers.",
            ),
            &[1200, 1450, 1700],
            &["Tomatensaus", "Mozzarella", "Tonijn", "Ui", "Kappertjes"],
            &[Gluten, Milk, Fish],
        ),
        pizza(
            "Napoletana",
            (
                "Ansjovis, olijven en kappertjes.",
                "Anchovies, olives and capers.",
            ),
            &[1150, 1400, 1650],
            &[
                "Tomatensaus",
                "Mozzarella",
                "Ansjovis",
                "Olijven",
                "Kappertjes",
            ],
            &[Gluten, Milk, Fish],
        ),
        pizza(
            "Quattro Formaggi",
            (
                "Vier kazen, waaronder gorgonzola.",
                "Four cheeses, gorgonzola among them.",
            ),
            &[1250, 1500, 1750],
            &["Tomatensaus", "Mozzarella", "Gorgonzola", "Parmezaan"],
            &[Gluten, Milk],
        ),
        pizza(
            "Vegetariana",
            (
                "Paprika, champignons, ui en olijven.",
                "Bell pepper, mushrooms, onion and olives.",
            ),
            &[1150, 1400, 1650],
            &[
                "Tomatensaus",
                "Mozzarella",
                "Paprika",
                "Champignons",
                "Ui",
                "Olijven",
            ],
            &[Gluten, Milk],
        ),
        pizza(
            "Diavola",
            ("Pittige pepperoni en chili.", "Spicy pepperoni and chili."),
            &[1200, 1450, 1700],
            &["Tomatensaus", "Mozzarella", "Pepperoni", "Ui"],
            &[Gluten, Milk, Mustard],
        ),
        pizza(
            "Rucola e Parmigiano",
            (
                "Rucola en Parmezaanse kaas na de oven.",
                "Rocket and parmesan after baking.",
            ),
            &[1250, 1500, 1750],
            &["Tomatensaus", "Mozzarella", "Rucola", "Parmezaan"],
            &[Gluten, Milk],
        ),
    ];
    let calzones = [
        single(
            ("Calzone Classica", "Calzone Classica"),
            (
                "Dichtgevouwen pizza met ham, salami en champignons.",
                "Folded pizza with ham, salami and mushrooms.",
            ),
            &[1400],
            &[Gluten, Milk, Mustard],
            VatRate::Reduced,
        ),
        single(
            ("Calzone Vegetariana", "Calzone Vegetariana"),
            (
                "Dichtgevouwen pizza met groenten en ricotta.",
                "Folded pizza with vegetables and ricotta.",
            ),
            &[1350],
            &[Gluten, Milk],
            VatRate::Reduced,
        ),
    ];
    let sides = [
        single(
            ("Knoflookbrood", "Garlic bread"),
            ("Met kruidenboter.", "With herb butter."),
            &[450],
            &[Gluten, Milk],
            VatRate::Reduced,
        ),
        single(
            ("Insalata Mista", "Mixed salad"),
            (
                "Gemengde salade met huisdressing.",
                "Mixed salad with house dressing.",
            ),
            &[650],
            &[Mustard, Sulphites],
            VatRate::Reduced,
        ),
        single(
            ("Bruschetta", "Bruschetta"),
            (
                "Geroosterd brood met tomaat en basilicum.",
                "Toasted bread with tomato and basil.",
            ),
            &[595],
            &[Gluten],
            VatRate::Reduced,
        ),
    ];
    let soft = [
        single(
            ("Coca-Cola 33cl", "Coca-Cola 33cl"),
            ("", ""),
            &[275],
            &[],
            VatRate::Reduced,
        ),
        single(
            ("Spa Rood 33cl", "Spa sparkling water 33cl"),
            ("", ""),
            &[250],
            &[],
            VatRate::Reduced,
        ),
        single(
            ("San Pellegrino Limonata", "San Pellegrino Limonata"),
            ("", ""),
            &[295],
            &[],
            VatRate::Reduced,
        ),
    ];
    let alcohol = [
        single(
            ("Peroni 33cl", "Peroni 33cl"),
            ("Italiaans pils.", "Italian lager."),
            &[375],
            &[Gluten],
            VatRate::Standard,
        ),
        single(
            ("Moretti 33cl", "Moretti 33cl"),
            ("Italiaans pils.", "Italian lager."),
            &[375],
            &[Gluten],
            VatRate::Standard,
        ),
        single(
            ("Huiswijn rood 25cl", "House red wine 25cl"),
            ("Montepulciano d'Abruzzo.", "Montepulciano d'Abruzzo."),
            &[650],
            &[Sulphites],
            VatRate::Standard,
        ),
    ];
    let desserts = [
        single(
            ("Tiramisu", "Tiramisu"),
            ("Huisgemaakt.", "Homemade."),
            &[595],
            &[Gluten, Eggs, Milk],
            VatRate::Reduced,
        ),
        single(
            ("Panna cotta", "Panna cotta"),
            ("Met bosvruchten.", "With forest fruits."),
            &[550],
            &[Milk],
            VatRate::Reduced,
        ),
        single(
            ("Cannoli", "Cannoli"),
            ("Twee stuks met ricotta.", "Two, filled with ricotta."),
            &[495],
            &[Gluten, Milk, Nuts],
            VatRate::Reduced,
        ),
    ];

    let groups: [(usize, &[DemoItem]); 6] = [
        (0, &pizzas),
        (1, &calzones),
        (2, &sides),
        (3, &soft),
        (4, &alcohol),
        (5, &desserts),
    ];
    for (category, items) in groups {
        for (position, demo) in items.iter().enumerate() {
            let is_pizza = category == 0;
            let sizes = if is_pizza {
                ["25", "30", "35"]
                    .iter()
                    .zip(demo.prices)
                    .map(|(code, price)| Size {
                        code: code.to_string(),
                        name: Translated::new(&format!("{code} cm"), &format!("{code} cm")),
                        price: *price,
                    })
                    .collect()
            } else {
                vec![Size {
                    code: "regular".into(),
                    name: Translated::new("Normaal", "Regular"),
                    price: demo.prices[0],
                }]
            };
            let item = Item {
                id: 0,
                category_id: category_ids[category],
                name: Translated::new(demo.name.0, demo.name.1),
                description: Translated::new(demo.description.0, demo.description.1),
                vat: demo.vat,
                sizes,
                extras: if is_pizza {
                    extra_ids.clone()
                } else {
                    Vec::new()
                },
                ingredients: demo
                    .ingredients
                    .iter()
                    .map(|name| Ingredient {
                        id: ingredient_ids[name],
                        name: Translated::new(name, name),
                    })
                    .collect(),
                allergens: demo.allergens.to_vec(),
                sold_out: false,
                position: position as i64,
                extra_prices: BTreeMap::new(),
                available: None,
                photo: None,
            };
            forno_store::menu::insert_item(conn, &item)?;
        }
    }
    Ok(())
}
