//! Restoring a backup brings the shop back to exactly the state at backup time (issue 5, D5).
//!
//! The desktop shell only schedules backups and offers the restore; the work is forno-app's, so
//! the round trip is tested against forno-app directly, without a window. Hooked into forno-app
//! as its integration test.

use chrono::Utc;
use forno_app::{Actor, Config, OrderFilter, Orderer, Shop};
use forno_domain::{Channel, Contact, Fulfilment, LineRequest, OrderRequest, RequestedTime};

fn web_order(shop: &Shop) -> OrderRequest {
    let menu = shop.menu();
    let item = menu
        .items
        .iter()
        .find(|item| !item.sold_out && !item.sizes.is_empty())
        .expect("the demo menu has an orderable item");
    OrderRequest {
        channel: Channel::Web,
        lines: vec![LineRequest {
            item_id: item.id,
            size: Some(item.sizes[0].code.clone()),
            extras: vec![],
            removed_ingredients: vec![],
            note: None,
            quantity: 1,
            second_half: None,
        }],
        fulfilment: Fulfilment::Pickup,
        requested_time: RequestedTime::Asap,
        contact: Some(Contact {
            name: "Jan de Vries".into(),
            phone: "0612345678".into(),
            email: None,
        }),
        note: None,
        language: forno_domain::Lang::Nl,
    }
}

async fn place_web_orders(shop: &Shop, count: usize) -> Vec<String> {
    let mut tokens = Vec::new();
    for _ in 0..count {
        let placed = shop
            .place_order(web_order(shop), None, Orderer::Customer, Utc::now())
            .await
            .expect("a valid web order is placed");
        tokens.push(placed.order.tracking_token);
    }
    tokens
}

async fn all_orders(shop: &Shop) -> Vec<forno_app::Order> {
    let filter = OrderFilter {
        limit: 1000,
        ..OrderFilter::default()
    };
    shop.orders(&Actor::this_computer(), filter)
        .await
        .expect("orders can be listed")
        .0
}

fn config(dir: &std::path::Path) -> Config {
    let mut config = Config::load(dir).expect("default config");
    config.demo_always_open = true;
    config
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restored_backup_equals_the_shop_at_backup_time() {
    let data = tempfile::tempdir().unwrap();
    let backup = data.path().join("before-lunch.sqlite");

    let (shop, _) = Shop::open(config(data.path())).await.unwrap();
    place_web_orders(&shop, 3).await;
    shop.backup_to(&backup).unwrap();
    let at_backup = all_orders(&shop).await;
    let later = place_web_orders(&shop, 2).await;
    assert_eq!(all_orders(&shop).await.len(), at_backup.len() + 2);
    shop.close();
    drop(shop);

    forno_app::restore(&config(data.path()), &backup).expect("restore succeeds while closed");

    let (shop, demo) = Shop::open(config(data.path())).await.unwrap();
    assert!(demo.is_none(), "a restored shop is not seeded again");
    assert_eq!(
        all_orders(&shop).await,
        at_backup,
        "orders are exactly those at backup time"
    );
    for token in later {
        assert!(
            shop.track(&token).await.is_err(),
            "an order placed after the backup is gone after the restore"
        );
    }
    // The restored shop keeps working: new orders are accepted.
    place_web_orders(&shop, 1).await;
    assert_eq!(all_orders(&shop).await.len(), at_backup.len() + 1);
    shop.close();
}

#[test]
fn restoring_a_missing_file_says_so_and_keeps_the_data() {
    let data = tempfile::tempdir().unwrap();
    let missing = data.path().join("no-such-backup.sqlite");
    let err = forno_app::restore(&config(data.path()), &missing).unwrap_err();
    assert!(err.to_string().contains("no-such-backup.sqlite"), "{err}");
}
