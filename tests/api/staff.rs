//! Staff accounts (A7, S1) over the API: the owner adds a cashier who logs in, resets their PIN,
//! stops their account (their open session stops working at once); a manager resets only the
//! PINs of cashiers and the kitchen; everyone changes their own PIN by typing the old one; the
//! shop keeps an owner; and `forno staff reset-pin` from the shop's computer, on a stopped and on
//! a running shop. Every refusal names its field and writes nothing; every change is audited.
//! A live screen whose session ends (a stop, a reset, the computer's tool) closes with 4001.

use std::time::Duration;

use serde_json::{Value, json};

use crate::common::*;

/// What a refused staff request must leave as it was: the accounts and the audit log.
async fn staff_marks(owner: &StaffClient) -> (Value, usize) {
    let accounts = owner.staff_accounts().await.ok("GET /staff");
    (accounts, owner.audit().await.len())
}

fn account_named<'a>(accounts: &'a Value, name: &str) -> &'a Value {
    accounts
        .as_array()
        .and_then(|a| a.iter().find(|s| s["name"] == name))
        .unwrap_or_else(|| panic!("no account {name} in {accounts}"))
}

#[tokio::test]
async fn the_owner_adds_a_cashier_who_logs_in_resets_their_pin_and_stops_them() {
    let app = spawn_app().await;
    let owner = app.login("owner").await;

    let added = owner
        .add_staff(&json!({ "name": " Noor ", "role": "cashier", "pin": "4826" }))
        .await
        .expect_status(201, "add a cashier");
    assert_eq!(added["name"], "Noor", "the name is trimmed");
    assert_eq!(added["role"], "cashier");
    assert_eq!(added["active"], true);
    let noor_id = id_of(&added);
    let listed = owner.staff_accounts().await.ok("GET /staff");
    assert_eq!(account_named(&listed, "Noor")["id"], noor_id);
    let entry = owner.audited("staff.added").await;
    assert_eq!(entry["detail"]["staff"], "Noor");
    assert_eq!(entry["detail"]["role"], "cashier");
    assert_eq!(entry["staff_name"], owner.account.name.as_str());

    // Noor logs in with that PIN, and appears on the counter's login tiles.
    let noor = app.post_login("Noor", "4826").await.ok("Noor logs in");
    let noor_token = noor["token"].as_str().unwrap().to_owned();
    let as_noor = |path: &str| {
        send(
            http_client(false)
                .get(app.url(path))
                .bearer_auth(&noor_token),
        )
    };
    assert_eq!(
        as_noor("/auth/me").await.ok("Noor's session")["name"],
        "Noor"
    );
    let tiles = send(app.http.get(app.url("/auth/counter-staff")))
        .await
        .ok("the counter's login tiles (asked from this computer)");
    assert!(tiles.to_string().contains("Noor"), "{tiles}");

    // The owner gives Noor a new PIN: the old one and Noor's session stop working.
    owner
        .reset_pin(noor_id, "7391")
        .await
        .expect_status(204, "reset Noor's PIN");
    app.post_login("Noor", "4826")
        .await
        .problem(401, "the old PIN after a reset");
    as_noor("/auth/me")
        .await
        .problem(401, "Noor's session after the reset");
    let entry = owner.audited("staff.pin_reset").await;
    assert_eq!(entry["detail"]["staff"], "Noor");
    assert_eq!(entry["detail"]["by"], owner.account.name.as_str());
    let noor = app.post_login("Noor", "7391").await.ok("the new PIN");
    let noor_token = noor["token"].as_str().unwrap().to_owned();
    let as_noor = |path: &str| {
        send(
            http_client(false)
                .get(app.url(path))
                .bearer_auth(&noor_token),
        )
    };
    as_noor("/orders").await.ok("Noor works with the new PIN");

    // The owner stops Noor's account: the open session stops working at once.
    let stopped = owner
        .change_staff(
            noor_id,
            &json!({ "name": "Noor", "role": "cashier", "active": false }),
        )
        .await
        .ok("stop Noor's account");
    assert_eq!(stopped["active"], false);
    as_noor("/orders")
        .await
        .problem(401, "Noor's open session after the stop");
    app.post_login("Noor", "7391")
        .await
        .problem(401, "a stopped account logs in");
    let entry = owner.audited("staff.deactivated").await;
    assert_eq!(entry["detail"]["staff"], "Noor");

    // Renamed and made manager again later: one staff.changed / reactivated entry each.
    owner
        .change_staff(
            noor_id,
            &json!({ "name": "Noor B", "role": "manager", "active": true }),
        )
        .await
        .ok("bring Noor back as a manager");
    let entry = owner.audited("staff.reactivated").await;
    assert_eq!(entry["detail"]["name_before"], "Noor");
    assert_eq!(entry["detail"]["role_before"], "cashier");
    assert_eq!(entry["detail"]["role"], "manager");
    owner
        .change_staff(
            noor_id,
            &json!({ "name": "Noor B", "role": "cashier", "active": true }),
        )
        .await
        .ok("make Noor a cashier again");
    assert_eq!(
        owner.audited("staff.changed").await["detail"]["role"],
        "cashier"
    );
}

#[tokio::test]
async fn bad_staff_changes_are_refused_at_their_field_and_write_nothing() {
    let app = spawn_app().await;
    let owner = app.login("owner").await;
    let manager = app.login("manager").await;
    let accounts = owner.staff_accounts().await.ok("GET /staff");
    let owner_id = account_named(&accounts, &owner.account.name)["id"]
        .as_i64()
        .unwrap();
    let cashier = app.account("cashier").await;
    let cashier_id = account_named(&accounts, &cashier.name)["id"]
        .as_i64()
        .unwrap();
    let manager_id = account_named(&accounts, &manager.account.name)["id"]
        .as_i64()
        .unwrap();

    let before = staff_marks(&owner).await;
    let cases: Vec<(&str, ApiResponse, u16, &str)> = vec![
        (
            "a name someone has (in another case)",
            owner
                .add_staff(&json!({ "name": cashier.name.to_uppercase(), "role": "cashier", "pin": "4826" }))
                .await,
            422,
            "name",
        ),
        (
            "a weak PIN",
            owner
                .add_staff(&json!({ "name": "Noor", "role": "cashier", "pin": "1234" }))
                .await,
            422,
            "pin",
        ),
        (
            "a PIN with letters",
            owner
                .add_staff(&json!({ "name": "Noor", "role": "cashier", "pin": "48a6" }))
                .await,
            422,
            "pin",
        ),
        (
            "a device's role for a person",
            owner
                .add_staff(&json!({ "name": "Noor", "role": "printer", "pin": "4826" }))
                .await,
            422,
            "role",
        ),
        (
            "no name",
            owner
                .add_staff(&json!({ "name": "  ", "role": "cashier", "pin": "4826" }))
                .await,
            422,
            "name",
        ),
        (
            "renaming to a name someone has",
            owner
                .change_staff(
                    cashier_id,
                    &json!({ "name": manager.account.name, "role": "cashier", "active": true }),
                )
                .await,
            422,
            "name",
        ),
        (
            "a manager resetting the owner's PIN",
            manager.reset_pin(owner_id, "4826").await,
            403,
            "id",
        ),
        (
            "a manager resetting another manager's PIN (their own, here)",
            manager.reset_pin(manager_id, "4826").await,
            403,
            "id",
        ),
        (
            "a weak PIN in a reset",
            owner.reset_pin(cashier_id, "0000").await,
            422,
            "pin",
        ),
        (
            "the last owner stopping themselves",
            owner
                .change_staff(
                    owner_id,
                    &json!({ "name": owner.account.name, "role": "owner", "active": false }),
                )
                .await,
            422,
            "active",
        ),
        (
            "the last owner making themselves a manager",
            owner
                .change_staff(
                    owner_id,
                    &json!({ "name": owner.account.name, "role": "manager", "active": true }),
                )
                .await,
            422,
            "role",
        ),
    ];
    let mut failures = Vec::new();
    for (what, resp, status, field) in cases {
        match resp.check_problem(status) {
            Ok(problem) if problem.field.as_deref() == Some(field) => {}
            Ok(problem) => failures.push(format!(
                "{what}: field {:?}, expected {field:?}",
                problem.field
            )),
            Err(why) => failures.push(format!("{what}: {why}")),
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
    assert_eq!(
        staff_marks(&owner).await,
        before,
        "a refusal wrote something"
    );
    // The owner's session still works: nothing was half done.
    owner.me().await.ok("the owner is still logged in");

    // Who may do what: a manager sees the staff and resets a cashier's PIN, but adds nobody;
    // a cashier does neither.
    manager
        .staff_accounts()
        .await
        .ok("a manager sees the staff");
    manager
        .reset_pin(cashier_id, "5820")
        .await
        .expect_status(204, "a manager resets a cashier's PIN");
    manager
        .add_staff(&json!({ "name": "Noor", "role": "cashier", "pin": "4826" }))
        .await
        .problem(403, "a manager adds staff");
    let as_cashier = app.post_login(&cashier.name, "5820").await;
    let token = as_cashier.ok("the cashier's new PIN")["token"]
        .as_str()
        .unwrap()
        .to_owned();
    send(
        http_client(false)
            .get(app.url("/staff"))
            .bearer_auth(&token),
    )
    .await
    .problem(403, "a cashier lists the staff");

    // With a second owner, the first may stop being one.
    let second = owner
        .add_staff(&json!({ "name": "Eva", "role": "owner", "pin": "60317" }))
        .await
        .expect_status(201, "a second owner");
    owner
        .change_staff(
            owner_id,
            &json!({ "name": owner.account.name, "role": "manager", "active": true }),
        )
        .await
        .ok("with a second owner the first may become a manager");
    assert_eq!(second["role"], "owner");
}

#[tokio::test]
async fn a_cashier_changes_their_own_pin_by_typing_the_old_one() {
    let app = spawn_app().await;
    let cashier = app.login("cashier").await;
    let old = cashier.account.pin.clone();
    let owner = app.login("owner").await;
    let audit_before = owner.audit().await.len();

    let problem = cashier
        .change_own_pin("9999", "58203")
        .await
        .problem(422, "a wrong current PIN");
    assert_eq!(problem.field.as_deref(), Some("old_pin"));
    let problem = cashier
        .change_own_pin(&old, "2222")
        .await
        .problem(422, "a weak new PIN");
    assert_eq!(problem.field.as_deref(), Some("new_pin"));
    assert_eq!(owner.audit().await.len(), audit_before, "nothing audited");
    app.post_login(&cashier.account.name, &old)
        .await
        .ok("the old PIN still works after refusals");

    cashier
        .change_own_pin(&old, "58203")
        .await
        .expect_status(204, "change my PIN");
    cashier.me().await.ok("this session stays");
    app.post_login(&cashier.account.name, &old)
        .await
        .problem(401, "the old PIN");
    app.post_login(&cashier.account.name, "58203")
        .await
        .ok("the new PIN");
    let entry = owner.audited("staff.pin_changed").await;
    assert_eq!(entry["staff_name"], cashier.account.name.as_str());
}

/// Parses `New PIN for Marco (owner): 583920`.
fn printed_pin(output: &std::process::Output) -> String {
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "forno staff reset-pin failed: {stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
        .lines()
        .find_map(|l| l.strip_prefix("New PIN for "))
        .and_then(|l| l.rsplit(": ").next())
        .map(str::to_owned)
        .unwrap_or_else(|| panic!("no new PIN printed: {stdout}"))
}

#[tokio::test]
async fn forno_staff_reset_pin_works_on_a_running_and_on_a_stopped_shop_and_is_audited() {
    let mut app = spawn_app().await;
    let owner = app.account("owner").await;
    let session = app.login("owner").await;

    // Running: the tool writes into the same database; the server sees it at once.
    let pin = printed_pin(&app.run_tool(&["staff", "reset-pin", &owner.name.to_lowercase()]));
    assert_ne!(pin, owner.pin);
    session
        .me()
        .await
        .problem(401, "the owner's session after a reset from the computer");
    app.post_login(&owner.name, &owner.pin)
        .await
        .problem(401, "the forgotten PIN");
    let token = app.post_login(&owner.name, &pin).await.ok("the new PIN")["token"]
        .as_str()
        .unwrap()
        .to_owned();
    let audit = send(
        http_client(false)
            .get(app.url("/audit?action=staff.pin_reset"))
            .bearer_auth(&token),
    )
    .await
    .ok("GET /audit");
    let entry = &audit["entries"][0];
    assert_eq!(entry["detail"]["staff"], owner.name.as_str());
    assert_eq!(entry["detail"]["by"], "forno staff reset-pin");
    assert_eq!(entry["detail"]["sessions_ended"], 1);
    assert!(entry["staff_id"].is_null(), "a tool is nobody's login");

    // A name nobody has: said, and nothing changed.
    let unknown = app.run_tool(&["staff", "reset-pin", "Nobody"]);
    assert!(!unknown.status.success());
    let said = String::from_utf8_lossy(&unknown.stderr);
    assert!(said.contains("no active staff member called"), "{said}");

    // Stopped: the same, and the shop starts with the new PIN.
    app.stop();
    let second = printed_pin(&app.run_tool(&["staff", "reset-pin", &owner.name]));
    app.start_again().await;
    app.post_login(&owner.name, &pin)
        .await
        .problem(401, "the PIN from before the second reset");
    let token = app
        .post_login(&owner.name, &second)
        .await
        .ok("the PIN set while stopped")["token"]
        .as_str()
        .unwrap()
        .to_owned();
    let audit = send(
        http_client(false)
            .get(app.url("/audit?action=staff.pin_reset"))
            .bearer_auth(&token),
    )
    .await
    .ok("GET /audit");
    assert_eq!(audit["entries"].as_array().unwrap().len(), 2, "{audit}");
}

/// A staff socket with `token`, past its welcome.
async fn live_screen(app: &TestApp, token: &str) -> ws::Ws {
    let mut socket = ws::connect_staff(&app.ws_url("/ws"), token)
        .await
        .expect("the staff socket opens");
    ws::hello(&mut socket, None).await;
    ws::expect_welcome(&mut socket).await;
    socket
}

async fn expect_closed_unauthorized(socket: &mut ws::Ws, within: Duration, what: &str) {
    loop {
        match ws::next(socket, within).await {
            Some(ws::Incoming::Closed { code, .. }) => {
                assert_eq!(code, Some(4001), "{what}");
                return;
            }
            // Pings and other staff's events may come first.
            Some(ws::Incoming::Event(_) | ws::Incoming::Other) => continue,
            other => panic!("{what}: expected the socket closed with 4001, got {other:?}"),
        }
    }
}

#[tokio::test]
async fn a_live_screen_closes_when_its_session_ends_and_others_stay_open() {
    let app = spawn_app().await;
    let owner = app.login("owner").await;
    let noor_id = id_of(
        &owner
            .add_staff(&json!({ "name": "Noor", "role": "cashier", "pin": "4826" }))
            .await
            .expect_status(201, "add a cashier"),
    );
    let token = |login: Value| login["token"].as_str().unwrap().to_owned();
    let noor = token(app.post_login("Noor", "4826").await.ok("Noor logs in"));
    let mut noor_screen = live_screen(&app, &noor).await;
    let mut owner_screen = live_screen(&app, &owner.token).await;

    // Stopped: Noor's counter screen closes at once, the owner's stays.
    owner
        .change_staff(
            noor_id,
            &json!({ "name": "Noor", "role": "cashier", "active": false }),
        )
        .await
        .ok("stop Noor's account");
    expect_closed_unauthorized(
        &mut noor_screen,
        Duration::from_secs(5),
        "a stopped person's screen",
    )
    .await;

    // A PIN reset on the shop's computer, by another process: caught at the next ping.
    let _pin = app.run_tool(&["staff", "reset-pin", &owner.account.name]);
    expect_closed_unauthorized(
        &mut owner_screen,
        Duration::from_secs(30),
        "the owner's screen after `forno staff reset-pin`",
    )
    .await;
}
