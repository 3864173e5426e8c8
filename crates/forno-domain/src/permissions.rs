//! Who may do what: the one table of role × action. forno-app checks it in every use case that
//! needs a role, forno-server asks it before it reads a request's body, and `/auth/me` reports
//! it, so a new screen never has to decide a permission itself.
//!
//! Adding an action (payments, discounts with a manager's approval, refunds, printers, reports) is
//! one line in `who_may!` below: its name on the wire, what it lets a person do (for messages, in
//! Dutch and English),
//! and the roles that may.

use serde::{Deserialize, Serialize};

use crate::message::Message;
use crate::staff::Role;
use crate::status::OrderStatus;

/// Declares `Permission`, its wire names, its words and the roles that may, from one table.
macro_rules! who_may {
    ($(
        $(#[doc = $doc:literal])*
        $action:ident = $name:literal, nl: $nl:literal, en: $en:literal => [$($role:ident),* $(,)?];
    )*) => {
        /// Something a staff member or a paired device may be allowed to do.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum Permission {
            $(
                $(#[doc = $doc])*
                #[serde(rename = $name)]
                $action,
            )*
        }

        impl Permission {
            /// Every action, in the table's order.
            pub const ALL: &'static [Permission] = &[$(Permission::$action),*];

            /// The name on the wire (`/auth/me`, the OpenAPI document): `edit_menu`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Permission::$action => $name,)*
                }
            }

            /// What the action lets a person do, to finish "Your role may not …", in both
            /// languages.
            pub fn words(self) -> Message {
                match self {
                    $(Permission::$action => Message::new($nl, $en),)*
                }
            }

            /// The roles that may do this.
            pub fn roles(self) -> &'static [Role] {
                match self {
                    $(Permission::$action => &[$(Role::$role),*],)*
                }
            }
        }
    };
}

who_may! {
    /// See orders, their history and the event log; follow them live.
    ViewOrders = "view_orders", nl: "de bestellingen bekijken", en: "see the orders" => [Owner, Manager, Cashier, Kitchen];
    /// Enter counter and phone orders.
    TakeOrders = "take_orders", nl: "balie- en telefoonbestellingen aannemen", en: "take counter and phone orders" => [Owner, Manager, Cashier];
    /// Accept or reject an order that came in.
    AcceptOrders = "accept_orders", nl: "bestellingen accepteren of afwijzen", en: "accept or reject orders" => [Owner, Manager, Cashier];
    /// Move an order through the kitchen: preparing and ready.
    PrepareOrders = "prepare_orders", nl: "bestellingen door de keuken laten gaan", en: "move orders through the kitchen" => [Owner, Manager, Cashier, Kitchen];
    /// Hand an order over: out for delivery, completed.
    HandOverOrders = "hand_over_orders", nl: "bestellingen meegeven of laten bezorgen", en: "hand orders over" => [Owner, Manager, Cashier];
    /// Cancel an open order (with a reason, which goes to the audit log).
    CancelOrders = "cancel_orders", nl: "bestellingen annuleren", en: "cancel orders" => [Owner, Manager, Cashier];
    /// Give a discount (a cashier needs a manager's or owner's PIN for it).
    GiveDiscounts = "give_discounts", nl: "kortingen geven", en: "give discounts" => [Owner, Manager];
    /// Cancel an order after it went to the kitchen (a cashier needs a manager's or owner's PIN).
    VoidSentOrders = "void_sent_orders", nl: "bestellingen annuleren die al in de keuken zijn", en: "void orders already sent to the kitchen" => [Owner, Manager];
    /// Record payments (cash, card) for an order.
    TakePayments = "take_payments", nl: "betalingen aannemen", en: "take payments" => [Owner, Manager, Cashier];
    /// The busy switches: pause online orders, raise the prep time.
    PauseOnlineOrders = "pause_online_orders", nl: "online bestellen pauzeren of de bereidingstijd aanpassen", en: "pause online orders or change the prep time" => [Owner, Manager, Cashier];
    MarkSoldOut = "mark_sold_out", nl: "producten als uitverkocht markeren", en: "mark items sold out" => [Owner, Manager, Cashier, Kitchen];
    /// Read the menu with everything staff edit (ids, sold-out, both languages).
    ViewMenu = "view_menu", nl: "de menukaart zien zoals personeel die bewerkt", en: "see the menu as staff edit it" => [Owner, Manager, Cashier, Kitchen];
    /// Change items: names, prices, sizes, extras.
    EditMenu = "edit_menu", nl: "de menukaart aanpassen", en: "change the menu" => [Owner, Manager];
    ViewSettings = "view_settings", nl: "de instellingen van de zaak bekijken", en: "see the shop's settings" => [Owner, Manager, Cashier, Kitchen];
    /// Change the shop's settings: profile, hours, zones, prep time.
    EditSettings = "edit_settings", nl: "de instellingen van de zaak aanpassen", en: "change the shop's settings" => [Owner, Manager];
    /// Read the audit log of money-relevant actions.
    ViewAuditLog = "view_audit_log", nl: "het logboek lezen", en: "read the audit log" => [Owner, Manager];
    /// See the outbox: print jobs, emails and other work waiting to go out.
    ViewOutbox = "view_outbox", nl: "de uitgaande taken bekijken", en: "see the outbox" => [Owner, Manager];
    /// See the printers and their print jobs; print, reprint, cancel or move a ticket.
    PrintTickets = "print_tickets", nl: "bonnen printen en herprinten", en: "print and reprint tickets" => [Owner, Manager, Cashier, Kitchen];
    /// Send a customer's mail or SMS again from the order's message list.
    ResendMessages = "resend_messages", nl: "berichten aan klanten opnieuw versturen", en: "send messages to customers again" => [Owner, Manager, Cashier];
    /// Add, change and remove printers, print a test page.
    ManagePrinters = "manage_printers", nl: "printers instellen", en: "set up printers" => [Owner, Manager];
    /// Take print jobs over the print agent's socket and say how each went (print agents only).
    RunPrintAgent = "run_print_agent", nl: "als printagent bonnen ontvangen", en: "receive tickets as a print agent" => [Printer];
    /// Pair kitchen screens and counter tablets, list and unpair them.
    ManageDevices = "manage_devices", nl: "apparaten koppelen of ontkoppelen", en: "pair or unpair devices" => [Owner];
    /// See the staff accounts: names, roles, who is active or locked.
    ViewStaff = "view_staff", nl: "het personeel bekijken", en: "see the staff accounts" => [Owner, Manager];
    /// Reset a staff member's PIN (a manager only those of cashiers and kitchen staff: `check_pin_reset`).
    ResetPins = "reset_pins", nl: "pincodes van personeel herstellen", en: "reset staff PINs" => [Owner, Manager];
    /// Add staff, change their name or role, stop or restart an account.
    ManageStaff = "manage_staff", nl: "personeelsaccounts beheren", en: "manage staff accounts" => [Owner];
}

impl Permission {
    /// The actions that move an order to another status: a screen that offers any of them may
    /// send a status change; which one it needs depends on the status asked for.
    pub const MOVE_ORDERS: &'static [Permission] = &[
        Permission::AcceptOrders,
        Permission::PrepareOrders,
        Permission::HandOverOrders,
        Permission::CancelOrders,
    ];

    pub fn parse(name: &str) -> Option<Permission> {
        Permission::ALL.iter().copied().find(|p| p.as_str() == name)
    }

    /// The action needed to move an order to `to`. Nobody moves an order back to `placed`
    /// (the status machine refuses it); asking for it needs the same as accepting.
    pub fn to_move_order_to(to: OrderStatus) -> Permission {
        match to {
            OrderStatus::Placed | OrderStatus::Accepted | OrderStatus::Rejected => {
                Permission::AcceptOrders
            }
            OrderStatus::Preparing | OrderStatus::Ready => Permission::PrepareOrders,
            OrderStatus::OutForDelivery | OrderStatus::Completed => Permission::HandOverOrders,
            OrderStatus::Cancelled => Permission::CancelOrders,
        }
    }
}

impl std::fmt::Display for Permission {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Role {
    /// Whether this role may do `action`, by the table above.
    pub fn may(self, action: Permission) -> bool {
        action.roles().contains(&self)
    }

    /// Whether this role may do at least one of `actions`.
    pub fn may_any(self, actions: &[Permission]) -> bool {
        actions.iter().any(|a| self.may(*a))
    }

    /// Everything this role may do, in the table's order.
    pub fn permissions(self) -> impl Iterator<Item = Permission> {
        Permission::ALL
            .iter()
            .copied()
            .filter(move |a| self.may(*a))
    }

    /// The statuses this role may move an order to (whether the order's current status allows
    /// the move is the status machine's answer).
    pub fn may_set_statuses(self) -> impl Iterator<Item = OrderStatus> {
        OrderStatus::ALL
            .into_iter()
            .filter(move |s| self.may(Permission::to_move_order_to(*s)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_names_are_unique_snake_case_and_parse_back() {
        let mut names: Vec<&str> = Permission::ALL.iter().map(|p| p.as_str()).collect();
        for name in &names {
            assert!(
                name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
                "{name}"
            );
            assert_eq!(Permission::parse(name).map(Permission::as_str), Some(*name));
            let json = serde_json::to_string(&Permission::parse(name).unwrap()).unwrap();
            assert_eq!(json, format!("\"{name}\""), "serde and as_str agree");
        }
        names.sort_unstable();
        names.dedup();
        assert_eq!(
            names.len(),
            Permission::ALL.len(),
            "a wire name is used twice"
        );
    }

    #[test]
    fn the_owner_may_everything_and_every_action_has_an_owner() {
        // Except being a print agent: that is a device's own action.
        for action in Permission::ALL {
            assert_eq!(
                Role::Owner.may(*action),
                *action != Permission::RunPrintAgent,
                "{action}"
            );
        }
        let agent: Vec<Permission> = Role::Printer.permissions().collect();
        assert_eq!(
            agent,
            [Permission::RunPrintAgent],
            "a print agent only prints"
        );
    }

    #[test]
    fn the_kitchen_prepares_and_marks_sold_out_but_takes_no_money_decisions() {
        let kitchen: Vec<Permission> = Role::Kitchen.permissions().collect();
        assert_eq!(
            kitchen,
            [
                Permission::ViewOrders,
                Permission::PrepareOrders,
                Permission::MarkSoldOut,
                Permission::ViewMenu,
                Permission::ViewSettings,
                Permission::PrintTickets,
            ]
        );
        let statuses: Vec<OrderStatus> = Role::Kitchen.may_set_statuses().collect();
        assert_eq!(statuses, [OrderStatus::Preparing, OrderStatus::Ready]);
        assert!(!Role::Kitchen.may(Permission::to_move_order_to(OrderStatus::Cancelled)));
    }

    #[test]
    fn managers_run_the_shop_cashiers_the_counter_only_owners_manage_people_and_devices() {
        for action in [
            Permission::EditMenu,
            Permission::EditSettings,
            Permission::ViewAuditLog,
            Permission::ViewOutbox,
            Permission::ViewStaff,
            Permission::ResetPins,
        ] {
            assert!(Role::Manager.may(action), "manager: {action}");
            assert!(!Role::Cashier.may(action), "cashier: {action}");
        }
        for action in [Permission::ManageDevices, Permission::ManageStaff] {
            assert!(!Role::Manager.may(action), "manager: {action}");
        }
        for action in [
            Permission::TakeOrders,
            Permission::CancelOrders,
            Permission::PauseOnlineOrders,
        ] {
            assert!(Role::Cashier.may(action), "cashier: {action}");
        }
    }

    #[test]
    fn every_role_may_move_some_order_so_the_status_route_lets_each_reach_the_use_case() {
        // A print agent is a device that only prints.
        for role in Role::ALL.into_iter().filter(|r| *r != Role::Printer) {
            assert!(role.may_any(Permission::MOVE_ORDERS), "{role:?}");
        }
        for status in OrderStatus::ALL {
            assert!(
                Permission::MOVE_ORDERS.contains(&Permission::to_move_order_to(status)),
                "{status}"
            );
        }
    }
}
