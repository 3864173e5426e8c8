// Generated from src/api/openapi.json by ui/scripts/api-types.js. Do not edit: after changing
// the API run scripts/api-types.sh (it asks the server for its document and writes this).

export interface paths {
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The audit log, newest first, a page at a time: who did what with money or trust (cancellations, rejections, discounts, payments, the drawer, price and settings changes, staff and PIN changes, logins and lock-outs, devices). Entries are never changed or removed. */
        get: operations["audit_log"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/counter-staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The counter's login tiles: the names (and roles) of everyone who may log in at the counter, kitchen excepted. Only from the computer Forno runs on (the desktop app's counter window); elsewhere staff type their name. */
        get: operations["counter_staff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Who is logged in, every action their role may do (`permissions`, the same table every staff operation's `x-forno-actions` is checked against) and the statuses they may move an order to. */
        get: operations["me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/pin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Changes your own PIN: type the current one (a wrong one counts towards the lock-out) and the new one. Your other sessions end; this one stays. Audited as `staff.pin_changed`. */
        post: operations["change_own_pin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Customers whose phone number contains the digits asked for (at most 5, most recent first), each with their last 3 orders and the address of their latest delivery. */
        get: operations["find"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/delivery-zones/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Whether the shop delivers to a postcode, and in which zone (fee, minimum order, extra minutes): the checkout asks while the customer types. */
        get: operations["check_postcode"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["unpair"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/pair": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Pairs this device with a pairing code: sets its session cookie (and returns the token) for the code's role. */
        post: operations["pair"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/pairing-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["new_pairing_code"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/drawer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Opens the cash drawer: a kick on the printer the cash drawer hangs on (the `cash_paid` print rule; the first printer by default). 409 when no printer is set up to open it. */
        post: operations["open_drawer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["healthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/kitchen/stations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The kitchen's stations and which station makes each menu item (by its category). Empty `stations`: the kitchen is one station. */
        get: operations["get_stations"];
        /** @description Replaces the stations. With stations in use an order may become `ready` only when every station has finished its lines. */
        put: operations["put_stations"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mail/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Whether mail goes out now: set up, failing (with the reason, since when), how many wait and how many failed. */
        get: operations["mail_status"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/menu": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["menu"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/menu/admin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["menu_admin"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/menu/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Adds a category at the end of the menu. One `menu.updated` event. */
        post: operations["create_category"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/menu/categories/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["update_category"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/menu/categories/{id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Takes a category off the menu (only when none of its items is on it) or puts it back. */
        post: operations["archive_category"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/menu/categories/{id}/items/order": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** @description Puts a category's items in a new order: `ids` names every item of it on the menu once. */
        put: operations["reorder_items"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/menu/categories/order": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** @description Puts the categories in a new order: `ids` names every category on the menu once. */
        put: operations["reorder_categories"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/menu/editor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The menu as the owner edits it: the menu as sold, what is archived, the extras, ingredients and allergens to choose from. */
        get: operations["editor"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/menu/extras": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Adds an extra that items can then offer. */
        post: operations["create_extra"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/menu/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Adds an item at the end of its category. Its prices go to the audit log (`menu.item_created`); one `menu.updated` event. */
        post: operations["create_item"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/menu/items/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["put_item"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/menu/items/{id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Takes an item off the menu or puts it back. Items are never deleted: old orders keep their lines. */
        post: operations["archive_item"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/menu/items/{id}/photo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** @description Makes an upload the item's photo: checked to be an image by its bytes, scaled to 160, 480 and 1024 px and kept as JPEG. One `menu.updated` event. */
        put: operations["upload_photo"];
        post?: never;
        /** @description Takes the item's photo away: the menu shows none and the photo's addresses answer 404. One `menu.updated` event; none when the item had no photo. */
        delete: operations["remove_photo"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/menu/items/{id}/sold-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["sold_out"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/menu/photos/{photo}/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description A menu photo in one size. Its address changes with every upload, so it may be cached for a year. */
        get: operations["photo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messages/{id}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Sends a message again: a failed one as the same message (the same Message-ID), a sent one as a new one. */
        post: operations["resend_message"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** `GET /api/v1/openapi.json`. */
        get: operations["serve_document"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["list_orders"];
        put?: never;
        /** @description Places an order. Without credentials it is a customer's web order (`channel` is ignored) and the answer is a `PlacedOrderDto`. With a staff session or bearer token and `channel` set to `counter` or `phone` it is a counter or phone order (needs `take_orders`) and the answer is the staff view, an `OrderDto`. Expired or forged credentials are a 401 for a counter or phone order and ignored for a web order. */
        post: operations["place_order"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["get_order"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/discounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Gives a discount on an open order: a percentage or an amount, on the order or one line, with a reason. Owners and managers may; a cashier needs `approval` (a manager's or owner's name and PIN). The discount is split over the VAT rates in proportion and taken off `total_cents`; the audit log keeps who gave and who approved it. */
        post: operations["give_discount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/lines/done": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Marks lines of an open order done (or, with `done: false`, not done again). Every staff screen hears it as `order.line_done`; customers do not. */
        post: operations["lines_done"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Every mail and SMS about the order, newest first: queued, sending, sent or failed with the reason. */
        get: operations["order_messages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Records one payment for an order: `cash` (with `tendered_cents`, what the customer handed over; the answer has the change) or `card` (confirmed by hand). Several payments may cover one order; the order's `payment_state` follows from them. */
        post: operations["record_payment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/print": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Prints the order's kitchen ticket or receipt; a second print of the same says KOPIE. */
        post: operations["print_order"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/recall": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Takes the order's last step back (a bump, a move on the owner's board, a cancellation) within 5 minutes. The caller needs the action of the step being taken back; `undo` on the order says whether and until when. */
        post: operations["recall"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/receipt.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The order's receipt as PDF (as printed on 80 mm paper), to download. */
        get: operations["receipt_pdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Moves an order to another status. Which action the caller needs depends on the status asked for: `accept_orders` (accepted, rejected), `prepare_orders` (preparing, ready), `hand_over_orders` (out_for_delivery, completed), `cancel_orders` (cancelled); `may_set_statuses` in GET /auth/me lists them per role. */
        post: operations["change_status"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/voids": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Voids one line of an open order, with a reason: the line stays in `lines` (listed in `voids`, struck through on every screen) and comes off `subtotal_cents`, `total_cents` and the VAT, with any discount on that line. Once the kitchen has the order, owners and managers may; a cashier needs `approval` (a manager's or owner's name and PIN). When the order was paid already, `owed_back_cents` says what the customer gets back. The audit log keeps who voided and who approved it. */
        post: operations["void_line"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/track/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["track"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Print jobs, messages and payment checks waiting, done, failed, or waiting for a person (owner and manager). */
        get: operations["list_outbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/print-agent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description A print agent's socket (role `printer`; see docs/api.md "Print agent"): jobs as base64 ESC/POS, answered with ack or fail. */
        get: operations["print_agent_socket"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/print-jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["list_print_jobs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/print-jobs/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Cancels a waiting, failed or troubled job (also: it did print, leave it). */
        post: operations["cancel_print_job"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/print-jobs/{id}/reprint": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Prints the job again as a new job that says KOPIE, on the same printer or `printer_id`. */
        post: operations["reprint_print_job"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/print-jobs/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Sends a waiting, failed or troubled job again now, as it is (no KOPIE); with `printer_id`, moves it to that printer. */
        post: operations["retry_print_job"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/print-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Which event prints which layout on which printer (per station for kitchen tickets), with the triggers and layouts a rule may name. */
        get: operations["list_print_rules"];
        /** @description Replaces every print rule at once. A wrong rule is a 422 naming its field (`rules[2].printer_id`), and nothing changes. */
        put: operations["set_print_rules"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/printers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Every printer with its state as last seen (asked again every few seconds while it has trouble or tickets waiting). */
        get: operations["list_printers"];
        put?: never;
        post: operations["add_printer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/printers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["update_printer"];
        post?: never;
        delete: operations["remove_printer"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/printers/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Prints a test page (the euro sign, Dutch letters, the full width, a cut). */
        post: operations["print_test_page"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/printers/profiles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The printer models Forno knows (`printers/` in the repository). */
        get: operations["printer_profiles"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/quote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Prices a cart without placing it. Without credentials it is quoted as a customer's web order; with a staff session or bearer token and `channel` set to `counter` or `phone` as that order (needs `take_orders`; a walk-in may stay anonymous), and without the per-address limit. */
        post: operations["quote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/quote/lines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Prices cart lines alone, before checkout: the ordering page's item dialog and cart. The same checks and prices as an order's lines (a sold-out item is a 422 naming `lines[i].item_id`); the delivery fee, the time and the contact come with `POST /quote`. */
        post: operations["quote_lines"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["get_settings"];
        put: operations["put_settings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/settings/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The mail server, status mails, SMS and the owner's alert. The SMTP password and the SMS key are never returned, only whether they are set. */
        get: operations["get_notification_settings"];
        /** @description Saves the notification settings. A secret left out stays as saved. */
        put: operations["put_notification_settings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/settings/notifications/test-mail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Sends a test mail with the saved mail server, in the reader's language, and says how it went (`sent: false` with the reason when the server could not take it). */
        post: operations["send_test_mail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/settings/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["pause"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/settings/prep-time": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description The counter's busy switch: sets the prep time of new orders (and so the time customers are promised), without the rest of the settings. */
        post: operations["prep_time"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["status"];
        put?: never;
        /** @description Finishes the first-run setup: saves the shop's settings, creates the owner, opens online ordering and logs the owner in (session cookie). Only from the computer Forno runs on. */
        post: operations["complete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/shop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["shop"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Every staff account, active ones first: name, role, whether it is active or locked. */
        get: operations["list_staff"];
        put?: never;
        /** @description Adds a staff member with a first PIN. Audited as `staff.added`. */
        post: operations["add_staff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** @description Renames a staff member, gives them another role, or stops (`active: false`) or restarts their account. Stopping ends their sessions at once. The last active owner cannot stop or stop being owner. Audited as `staff.changed`, `staff.deactivated` or `staff.reactivated`. */
        put: operations["change_staff"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/{id}/pin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Gives a staff member a new PIN: the owner anyone's, a manager a cashier's or the kitchen's. Lifts a lock-out and ends the person's sessions. Audited as `staff.pin_reset`. */
        post: operations["reset_staff_pin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ws": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * `GET /api/v1/ws`: the staff stream. Authenticates by cookie, bearer header, or the token in
         *     the hello message.
         * @description The staff's live feed (a WebSocket; see docs/api.md for its messages). Credentials come with the request (cookie or bearer token) or in the first message, `{"type":"hello","token":"…"}`; a socket without valid credentials is closed with 4001 `unauthorized`.
         */
        get: operations["staff_stream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ws/menu": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * `GET /api/v1/ws/menu`: the menu's changes, for the ordering page.
         * @description The menu's changes, for the ordering page (a WebSocket; see docs/api.md): after `welcome`, one `menu.updated` per change to the menu (an item edited, sold out, archived, a new photo, categories) and one `shop.updated` per pause or prep-time change. Fetch `/shop` and `/menu` again on each, and after every (re)connect.
         */
        get: operations["menu_stream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ws/track/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * `GET /api/v1/ws/track/{token}`: one customer's order. Unknown tokens get a 404 and no socket.
         * @description One customer's live order (a WebSocket; see docs/api.md for its messages).
         */
        get: operations["customer_stream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The same health check outside `/api/v1`, where monitors look first. */
        get: operations["healthz_root"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AddressBody: {
            city?: string;
            house_number?: string;
            postcode?: string;
            street?: string;
        };
        /**
         * @description A manager's or owner's name and PIN, typed on the cashier's screen to approve a discount or
         *     a void. Never stored or logged.
         */
        ApprovalBody: {
            name: string;
            pin: string;
        };
        /** @description Takes something off the menu (`true`) or puts it back (`false`). */
        ArchiveBody: {
            archived: boolean;
        };
        /** @description One entry of the audit log: who did what with money or trust. */
        AuditEntryDto: {
            /**
             * @description `order.cancelled`, `order.rejected`, `order.discounted`, `order.payment_recorded`,
             *     `drawer.opened`, `menu.price_changed`, `shop.settings_changed`, `shop.paused`,
             *     `staff.added`, `staff.changed`, `staff.deactivated`, `staff.pin_reset`,
             *     `staff.pin_changed`, `staff.logged_in`, `staff.locked`, `device.paired`,
             *     `device.unpaired`, …
             */
            action: string;
            at: string;
            /** @description What changed, as the action records it. */
            detail: Record<string, never>;
            /** Format: int64 */
            id: number;
            /** Format: int64 */
            order_id?: number | null;
            /**
             * Format: int64
             * @description The staff member who did it; `null` for the shop itself, a paired device or a tool on the
             *     shop's computer (`detail.by` then says which).
             */
            staff_id?: number | null;
            /** @description That staff member's name as it is now. */
            staff_name?: string | null;
        };
        /** @description A page of the audit log, newest first. */
        AuditPageDto: {
            entries: components["schemas"]["AuditEntryDto"][];
            /**
             * Format: int64
             * @description Pass as `before` for the next (older) page; `null` on the last page.
             */
            next_before?: number | null;
        };
        /** @description The time of day an item is sold: from (inclusive) until (exclusive), the shop's local time. */
        AvailableDto: {
            /** @description "HH:MM", e.g. "11:00". */
            from: string;
            /** @description "HH:MM", e.g. "15:00"; after `from`. */
            until: string;
        };
        /** @description A category as the owner creates or edits it. */
        CategoryBody: {
            halves_allowed?: boolean;
            names: components["schemas"]["TranslatedDto"];
            /**
             * Format: int64
             * @description The VAT rate new items in it start with: 9 (default) or 21.
             */
            vat_rate_percent?: number;
        };
        CategoryDto: {
            halves_allowed: boolean;
            /** Format: int64 */
            id: number;
            items: components["schemas"]["ItemDto"][];
            name: string;
            names: components["schemas"]["TranslatedDto"];
            /**
             * Format: int64
             * @description The VAT rate a new item in this category starts with: 9 or 21.
             */
            vat_rate_percent: number;
        };
        /**
         * @description Where an order came from: `web` (a customer), `counter` or `phone` (taken by staff).
         * @enum {string}
         */
        Channel: "web" | "counter" | "phone";
        ContactBody: {
            email?: string | null;
            name?: string;
            phone?: string;
        };
        ContactDto: {
            email?: string | null;
            name: string;
            phone: string;
        };
        /** @description One login tile on the counter: a name to tap before the PIN pad. */
        CounterTileDto: {
            /** Format: int64 */
            id: number;
            name: string;
            role: components["schemas"]["Role"];
        };
        /** @description What was created. */
        CreatedDto: {
            /** Format: int64 */
            id: number;
        };
        CustomerDto: {
            address?: null | components["schemas"]["AddressBody"];
            email?: string | null;
            /** Format: int64 */
            id: number;
            /** @description Their latest orders, newest first. */
            last_orders: components["schemas"]["OrderDto"][];
            name: string;
            /** Format: int64 */
            order_count: number;
            phone?: string | null;
        };
        CustomerListDto: {
            customers: components["schemas"]["CustomerDto"][];
        };
        /**
         * @description An order as its customer sees it: no staff names, no internal reasons, no contact details of
         *     anyone else.
         */
        CustomerOrderDto: {
            /** @description What the shop told the customer with a rejection or cancellation ("too busy"). */
            customer_message?: string | null;
            /** Format: int64 */
            delivery_fee_cents: number;
            /** Format: date-time */
            estimated_ready_at: string;
            fulfilment: components["schemas"]["FulfilmentType"];
            lines: components["schemas"]["LineDto"][];
            number: string;
            /** Format: date-time */
            placed_at: string;
            /** Format: date-time */
            requested_time?: string | null;
            status: components["schemas"]["OrderStatus"];
            status_history: components["schemas"]["StatusEntryDto"][];
            /** Format: int64 */
            subtotal_cents: number;
            /** Format: int64 */
            total_cents: number;
            /** Format: date-time */
            updated_at: string;
            vat: components["schemas"]["VatDto"][];
        };
        DeviceDto: {
            /** Format: int64 */
            id: number;
            /** @description `kitchen_screen` or `counter`. */
            kind: string;
            name: string;
            /** Format: date-time */
            paired_at: string;
            role: components["schemas"]["Role"];
        };
        /** @description A discount to give: `percent` (1–100) or `amount` (cents), on the order or on `line`. */
        DiscountBody: {
            approval?: null | components["schemas"]["ApprovalBody"];
            /** @description `percent` or `amount`. */
            kind: string;
            /** @description The line's position (0-based); left out for the whole order. */
            line?: number | null;
            reason: string;
            /**
             * Format: int64
             * @description Whole percents, or cents.
             */
            value: number;
        };
        /** @description A discount given on an order. */
        DiscountDto: {
            /** Format: int64 */
            amount_cents: number;
            approved_by?: string | null;
            /** Format: int64 */
            id: number;
            /** @description `percent` or `amount`. */
            kind: string;
            /** @description The line's position, or `null` for the whole order. */
            line?: number | null;
            reason: string;
            staff_name?: string | null;
            /** Format: int64 */
            value: number;
        };
        /** @description One event on the stream: `{seq, type, at, data}`. */
        EventDto: {
            /** Format: date-time */
            at: string;
            data: unknown;
            /** Format: int64 */
            seq: number;
            type: string;
        };
        EventPageDto: {
            events: components["schemas"]["EventDto"][];
            /**
             * Format: int64
             * @description The newest seq in the log.
             */
            head_seq: number;
            /**
             * Format: int64
             * @description The oldest seq still kept; resuming from before it needs a snapshot.
             */
            oldest_seq: number;
        };
        ExceptionDto: {
            closed: boolean;
            /** Format: date */
            date: string;
            hours: components["schemas"]["PeriodDto"][];
        };
        /** @description An extra as the owner adds it. */
        ExtraBody: {
            names: components["schemas"]["TranslatedDto"];
            /**
             * Format: int64
             * @description Its price in a size without its own; at least 1 cent.
             */
            price_cents: number;
            /** @description Its price per size code, e.g. `{"25": 100, "30": 150}`. */
            prices?: {
                [key: string]: number;
            };
        };
        ExtraChoiceBody: number | {
            /** Format: int64 */
            id: number;
            prices?: {
                [key: string]: number;
            };
        };
        ExtraDto: {
            /** Format: int64 */
            id: number;
            name: string;
            names: components["schemas"]["TranslatedDto"];
            /** @description Price per size code of this item. */
            prices: {
                [key: string]: number;
            };
        };
        /** @description An extra as the editor offers it to items: its own prices (an item may set its own). */
        ExtraOptionDto: {
            /** Format: int64 */
            id: number;
            names: components["schemas"]["TranslatedDto"];
            /**
             * Format: int64
             * @description The price in a size without its own.
             */
            price_cents: number;
            /** @description Its price per size code. */
            prices: {
                [key: string]: number;
            };
        };
        FulfilmentBody: {
            address?: null | components["schemas"]["AddressBody"];
            /** @description `pickup` or `delivery`. */
            type: components["schemas"]["FulfilmentType"];
        };
        FulfilmentDto: {
            address?: null | components["schemas"]["AddressBody"];
            type: components["schemas"]["FulfilmentType"];
        };
        FulfilmentOptionsDto: {
            delivery: boolean;
            pickup: boolean;
        };
        /**
         * @description How the customer gets the order.
         * @enum {string}
         */
        FulfilmentType: "pickup" | "delivery";
        HalfBody: {
            extras?: number[];
            /** Format: int64 */
            item_id: number;
            removed_ingredients?: number[];
        };
        HalfDto: {
            extras: string[];
            /** Format: int64 */
            item_id: number;
            item_name: string;
            removed_ingredients: string[];
        };
        HealthDto: {
            /** Format: int64 */
            event_seq: number;
            /** @description Outbox jobs per state: `failed` and `needs_attention` want a person. */
            outbox: components["schemas"]["OutboxCountsDto"];
            status: string;
            version: string;
            ws_connections: components["schemas"]["WsCountsDto"];
        };
        IngredientChoiceBody: number | {
            names: components["schemas"]["TranslatedDto"];
        };
        IngredientDto: {
            /** Format: int64 */
            id: number;
            name: string;
            names: components["schemas"]["TranslatedDto"];
        };
        /** @description An item as the owner creates (`POST /menu/items`) or edits it (`PUT /menu/items/{id}`). */
        ItemBody: {
            allergens?: string[];
            available?: null | components["schemas"]["AvailableDto"];
            /** Format: int64 */
            category_id: number;
            descriptions?: null | components["schemas"]["TranslatedDto"];
            /**
             * @description The extras a customer may add: an extra's id (its own prices), or the id with this
             *     item's prices per size code, `{"id": 1, "prices": {"30": 150, "35": 200}}`.
             */
            extras?: components["schemas"]["ExtraChoiceBody"][];
            /** @description Ingredients a customer may leave off: an ingredient's id, or a new one by its names. */
            ingredients?: components["schemas"]["IngredientChoiceBody"][];
            names: components["schemas"]["TranslatedDto"];
            /** Format: int64 */
            position?: number;
            sizes: components["schemas"]["SizeBody"][];
            sold_out?: boolean;
            /** Format: int64 */
            vat_rate_percent: number;
        };
        ItemDto: {
            /** @description Of the 14 EU allergens. */
            allergens: string[];
            available?: null | components["schemas"]["AvailableDto"];
            /** Format: int64 */
            category_id: number;
            description: string;
            descriptions: components["schemas"]["TranslatedDto"];
            extras: components["schemas"]["ExtraDto"][];
            /** Format: int64 */
            id: number;
            ingredients: components["schemas"]["IngredientDto"][];
            name: string;
            names: components["schemas"]["TranslatedDto"];
            photo?: null | components["schemas"]["PhotoDto"];
            /** Format: int64 */
            position: number;
            sizes: components["schemas"]["SizeDto"][];
            sold_out: boolean;
            /** @description The size most people order (`code`), pre-selected by the counter. */
            usual_size?: string | null;
            /** Format: int64 */
            vat_rate_percent: number;
        };
        ItemStationDto: {
            /** Format: int64 */
            item_id: number;
            /** @description The code of the station that makes it; absent when no station does (the pass does). */
            station?: string | null;
        };
        /** @description One outbox job. */
        JobDto: {
            /**
             * Format: int32
             * @description Runs started so far.
             */
            attempts: number;
            /**
             * Format: date-time
             * @description Until when the run in progress holds the job.
             */
            claimed_until?: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: int64 */
            id: number;
            /** @description Sent with every attempt, so the outside recognises a repeat. */
            idempotency_key: string;
            /** @description What the job does: `print.ticket`, `email.confirmation`, … (`test.*` only in tests). */
            kind: string;
            /** @description Why the last run failed, or why the job needs a person. */
            last_error?: string | null;
            /** Format: int32 */
            max_attempts: number;
            /**
             * Format: date-time
             * @description When a queued job runs (next).
             */
            next_attempt_at: string;
            /** Format: int64 */
            order_id?: number | null;
            /** @description What the effect answered, once done. */
            outcome?: Record<string, never> | null;
            payload: Record<string, never>;
            /** @description `queued`, `in_progress`, `done`, `failed` or `needs_attention`. */
            state: string;
            /** @description Where the effect goes (a printer, an address); may be empty. */
            target: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** @description `GET /outbox`: a page of jobs, newest first, and how many match. */
        JobListDto: {
            jobs: components["schemas"]["JobDto"][];
            /** Format: int64 */
            total: number;
        };
        KitchenCategoryDto: {
            /** Format: int64 */
            id: number;
            name: string;
            name_en: string;
        };
        LineBody: {
            extras?: number[];
            /** Format: int64 */
            item_id: number;
            note?: string | null;
            /** Format: int64 */
            quantity?: number;
            removed_ingredients?: number[];
            second_half?: null | components["schemas"]["HalfBody"];
            /** @description Size code (`"30"`); may be left out for items with one size. */
            size?: string | null;
        };
        LineDto: {
            /** @description As a ticket shows it: "2× Margherita 30 cm". */
            description: string;
            extras: string[];
            /** Format: int64 */
            item_id: number;
            item_name: string;
            note?: string | null;
            /** Format: int64 */
            quantity: number;
            removed_ingredients: string[];
            second_half?: null | components["schemas"]["HalfDto"];
            size: string;
            size_name: string;
            /** Format: int64 */
            total_cents: number;
            /** Format: int64 */
            unit_price_cents: number;
            /** Format: int64 */
            vat_cents: number;
            /** Format: int64 */
            vat_rate_percent: number;
        };
        /** @description Cart lines to price before checkout (`POST /quote/lines`): the item dialog and the cart. */
        LinesBody: {
            lines: components["schemas"]["LineBody"][];
        };
        LinesDoneBody: {
            /** @description `true` marks them done, `false` brings them back. */
            done?: boolean;
            /** @description The lines' places on the order, from 0. */
            lines: number[];
        };
        /**
         * @description Cart lines priced by the server: what the item dialog and the cart show. Delivery fee and
         *     time come with the full `POST /quote` at checkout.
         */
        LinesQuoteDto: {
            lines: components["schemas"]["LineDto"][];
            /** Format: int64 */
            subtotal_cents: number;
            /** @description VAT of the lines per rate. */
            vat: components["schemas"]["VatDto"][];
        };
        /** @description A line to void (`POST /orders/{id}/voids`): its position and why. */
        LineVoidBody: {
            approval?: null | components["schemas"]["ApprovalBody"];
            /** @description The line's position (0-based) in the order's `lines`. */
            line: number;
            reason: string;
        };
        /** @description A line voided on an order: still in `lines`, no longer in the totals. */
        LineVoidDto: {
            /**
             * Format: int64
             * @description What came off `total_cents`.
             */
            amount_cents: number;
            approved_by?: string | null;
            /** Format: date-time */
            at: string;
            /** Format: int64 */
            id: number;
            /** @description The line's position in the order's `lines`. */
            line: number;
            reason: string;
            staff_name?: string | null;
        };
        LoginBody: {
            name: string;
            pin: string;
        };
        LoginDto: {
            /** Format: date-time */
            expires_at: string;
            staff: components["schemas"]["StaffDto"];
            /** @description For devices that cannot keep cookies: send as `Authorization: Bearer <token>`. */
            token: string;
        };
        /** @description The mail server, as the owner sends it. `password` left out keeps the one saved; `""` removes it. */
        MailServerBody: {
            /** @description `Pizzeria Bella <bestel@bella.nl>` */
            from: string;
            /** @description `smtp.example.nl` */
            host: string;
            /** @description Write-only: never returned. */
            password?: string | null;
            /**
             * Format: int64
             * @description 587 for STARTTLS, 465 for TLS, 25 for a relay without encryption.
             */
            port: number;
            /** @description `starttls`, `tls` or `none`. */
            security: string;
            user?: string;
        };
        /** @description The mail server as saved; the password only as `password_set`. */
        MailServerDto: {
            from: string;
            host: string;
            password_set: boolean;
            /** Format: int32 */
            port: number;
            /** @description `starttls`, `tls` or `none`. */
            security: string;
            user: string;
        };
        /** @description Whether mail goes out now. */
        MailStatusDto: {
            /**
             * Format: int64
             * @description Mails that failed and were not sent again.
             */
            failed: number;
            /** @description The mail server could not be reached at the last attempt. */
            failing: boolean;
            /** @description What went wrong, in words (English, from the mail server). */
            reason?: string | null;
            /** @description A mail server is set up. */
            set_up: boolean;
            /** Format: date-time */
            since?: string | null;
            /**
             * Format: int64
             * @description Mails waiting to go out.
             */
            waiting: number;
        };
        MenuDto: {
            categories: components["schemas"]["CategoryDto"][];
        };
        /** @description Everything the menu editor shows. */
        MenuEditorDto: {
            /** @description The 14 EU allergens, as items name them. */
            allergens: string[];
            /** @description Categories taken off the menu (their items are in `archived_items`). */
            archived_categories: components["schemas"]["CategoryDto"][];
            /** @description Items taken off the menu; old orders still name them. */
            archived_items: components["schemas"]["ItemDto"][];
            /** @description The menu as it is sold (Dutch in `name`; both languages in `names`). */
            categories: components["schemas"]["CategoryDto"][];
            extras: components["schemas"]["ExtraOptionDto"][];
            ingredients: components["schemas"]["IngredientDto"][];
            /** @description The largest photo upload, in bytes. */
            max_photo_bytes: number;
        };
        /** @description A new order: every id of the list, once, first to last. */
        NewOrderBody: {
            ids: number[];
        };
        /** @description A new staff account: the first PIN is told to the person, who can change it. */
        NewStaffBody: {
            name: string;
            /** @description 4 to 8 digits, not one anybody would try first (1111, 1234). */
            pin: string;
            role: components["schemas"]["StaffRole"];
        };
        /** @description The notification settings as the owner sends them. */
        NotifySettingsBody: {
            mail?: null | components["schemas"]["MailServerBody"];
            /** @description Mailed when web orders wait unaccepted; empty: no alert. */
            owner_alert_email?: string;
            /**
             * Format: int64
             * @description After how many minutes of waiting (1 to 240).
             */
            owner_alert_minutes: number;
            sms_enabled?: boolean;
            /** @description CM.com's product token. Write-only: left out keeps the one saved. */
            sms_product_token?: string | null;
            /** @description The sender name customers see: at most 11 letters or digits. */
            sms_sender?: string;
            status_mails?: components["schemas"]["StatusMailsDto"];
        };
        /** @description The notification settings as saved; secrets only as "is set". */
        NotifySettingsDto: {
            mail?: null | components["schemas"]["MailServerDto"];
            owner_alert_email: string;
            /** Format: int64 */
            owner_alert_minutes: number;
            sms_enabled: boolean;
            sms_product_token_set: boolean;
            sms_sender: string;
            status_mails: components["schemas"]["StatusMailsDto"];
        };
        /** @description An order as staff see it. */
        OrderDto: {
            /** Format: date */
            business_date: string;
            cancel_reason?: string | null;
            channel: components["schemas"]["Channel"];
            contact?: null | components["schemas"]["ContactDto"];
            /** @description What the customer was told with a rejection or cancellation. */
            customer_message?: string | null;
            /** Format: int64 */
            delivery_fee_cents: number;
            /** @description Discounts given (already taken off `total_cents`). */
            discounts: components["schemas"]["DiscountDto"][];
            /** @description The places (from 0) of the lines the kitchen marked done. */
            done_lines: number[];
            /** Format: date-time */
            estimated_ready_at: string;
            fulfilment: components["schemas"]["FulfilmentDto"];
            /** Format: int64 */
            id: number;
            lines: components["schemas"]["LineDto"][];
            next_status?: null | components["schemas"]["OrderStatus"];
            note?: string | null;
            /** @description "#017": short, per business day. */
            number: string;
            /**
             * Format: int64
             * @description What is still to be paid.
             */
            open_cents: number;
            /**
             * Format: int64
             * @description Paid beyond the total (after a void or discount on a paid order): change or a refund
             *     owed to the customer. 0 when nothing is owed.
             */
            owed_back_cents: number;
            /** @description Derived from `payments`: unpaid, partly_paid, paid (or refunded). */
            payment_state: components["schemas"]["PaymentState"];
            payments: components["schemas"]["PaymentDto"][];
            /** Format: date-time */
            placed_at: string;
            /** Format: date-time */
            requested_time?: string | null;
            status: components["schemas"]["OrderStatus"];
            status_history: components["schemas"]["StatusEntryDto"][];
            /** Format: int64 */
            subtotal_cents: number;
            /** Format: int64 */
            total_cents: number;
            tracking_token: string;
            undo?: null | components["schemas"]["UndoDto"];
            /** Format: date-time */
            updated_at: string;
            vat: components["schemas"]["VatDto"][];
            /** @description Lines voided (still in `lines`, struck through; no longer in the totals). */
            voids: components["schemas"]["LineVoidDto"][];
            zone?: null | components["schemas"]["ZoneRefDto"];
        };
        OrderListDto: {
            orders: components["schemas"]["OrderDto"][];
            /**
             * Format: int64
             * @description How many orders match, for paging.
             */
            total: number;
        };
        /** @description One mail or SMS about an order. */
        OrderMessageDto: {
            /** Format: int32 */
            attempts: number;
            /** @description `email` or `sms`. */
            channel: string;
            /** Format: date-time */
            created_at: string;
            /** @description Why the last attempt failed (also while it waits for the next one). */
            error?: string | null;
            /** Format: int64 */
            id: number;
            /** @description `confirmation` or `status`. */
            message: string;
            /** @description For a status message: `accepted`, `ready`, `out_for_delivery` or `rejected`. */
            news?: string | null;
            /** @description `queued` (waiting, also between attempts), `sending`, `sent` or `failed`. */
            state: string;
            to: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** @description A cart to quote or order. Price fields a client sends are ignored. */
        OrderRequestBody: {
            channel?: null | components["schemas"]["Channel"];
            contact?: null | components["schemas"]["ContactBody"];
            discount?: null | components["schemas"]["DiscountBody"];
            fulfilment: components["schemas"]["FulfilmentBody"];
            lines: components["schemas"]["LineBody"][];
            note?: string | null;
            /**
             * Format: date-time
             * @description `null` = as soon as possible; otherwise one of the shop's slots.
             */
            requested_time?: string | null;
        };
        /**
         * @description An order's status; see docs/api.md for the moves between them.
         * @enum {string}
         */
        OrderStatus: "placed" | "accepted" | "preparing" | "ready" | "out_for_delivery" | "completed" | "rejected" | "cancelled";
        /** @description Jobs per state, for `/healthz` (done jobs are not counted: they are history). */
        OutboxCountsDto: {
            /** Format: int64 */
            failed: number;
            /** Format: int64 */
            in_progress: number;
            /** Format: int64 */
            needs_attention: number;
            /** Format: int64 */
            queued: number;
        };
        OwnerBody: {
            name: string;
            pin: string;
        };
        /** @description Changing your own PIN: the current one, then the new one. */
        OwnPinBody: {
            new_pin: string;
            old_pin: string;
        };
        PairBody: {
            code: string;
            /** @description What staff call this device, e.g. "Keuken 1". */
            name: string;
        };
        PairingCodeBody: {
            /** @description `kitchen` (a kitchen screen) or `cashier` (a counter tablet). */
            role: string;
        };
        PairingCodeDto: {
            code: string;
            /** Format: date-time */
            expires_at: string;
            /** @description What the new device opens (shown as a QR code): the code in a link on the shop's LAN. */
            pair_url: string;
            role: components["schemas"]["Role"];
        };
        PauseBody: {
            paused: boolean;
        };
        /**
         * @description One payment to record. For cash, `tendered_cents` is what the customer handed over (leave it
         *     out for exact); the change is worked out by the server.
         */
        PaymentBody: {
            /**
             * Format: int64
             * @description What this payment covers of the order: more than 0, at most what is still open.
             */
            amount_cents: number;
            method: components["schemas"]["PaymentMethod"];
            /** Format: int64 */
            tendered_cents?: number | null;
        };
        PaymentDto: {
            /** Format: int64 */
            amount_cents: number;
            /** Format: date-time */
            at: string;
            /** Format: int64 */
            change_cents?: number | null;
            /** Format: int64 */
            id: number;
            method: components["schemas"]["PaymentMethod"];
            staff_name?: string | null;
            /** @description `received` or `refunded`. */
            status: string;
            /** Format: int64 */
            tendered_cents?: number | null;
        };
        /**
         * @description How a payment was made.
         * @enum {string}
         */
        PaymentMethod: "cash" | "card" | "online";
        /**
         * @description An order's payment state, derived from its payment rows.
         * @enum {string}
         */
        PaymentState: "unpaid" | "partly_paid" | "paid" | "refunded";
        PeriodDto: {
            close: string;
            open: string;
            /** @description "mon" … "sun". */
            weekday: components["schemas"]["Weekday"];
        };
        /**
         * @description Something a role may do: the table of who may do what (GET /auth/me lists a role's).
         * @enum {string}
         */
        Permission: "view_orders" | "take_orders" | "accept_orders" | "prepare_orders" | "hand_over_orders" | "cancel_orders" | "give_discounts" | "void_sent_orders" | "take_payments" | "pause_online_orders" | "mark_sold_out" | "view_menu" | "edit_menu" | "view_settings" | "edit_settings" | "view_audit_log" | "view_outbox" | "print_tickets" | "resend_messages" | "manage_printers" | "run_print_agent" | "manage_devices" | "view_staff" | "reset_pins" | "manage_staff";
        /**
         * @description An item's photo: addresses that never change (a new upload gets new ones), so browsers may
         *     keep them for a year.
         */
        PhotoDto: {
            /** @description 1024 px. */
            large: string;
            /** @description 480 px. */
            medium: string;
            /** @description 160 px on the longest side. */
            small: string;
        };
        /** @description A new PIN for someone else (the owner for anyone, a manager for cashiers and the kitchen). */
        PinResetBody: {
            pin: string;
        };
        /**
         * @description The answer to `POST /orders`: a web order's answer for the customer, or the staff view of a
         *     counter or phone order.
         */
        PlacedOrderAnswer: components["schemas"]["PlacedOrderDto"] | components["schemas"]["OrderDto"];
        /** @description The answer to a web order: what the customer needs to follow it. */
        PlacedOrderDto: {
            /** Format: date-time */
            estimated_ready_at: string;
            number: string;
            order: components["schemas"]["CustomerOrderDto"];
            status: components["schemas"]["OrderStatus"];
            /** Format: int64 */
            total_cents: number;
            tracking_token: string;
            /** @description Path of the live tracking page on this server. */
            tracking_url: string;
        };
        /**
         * @description Whether the shop delivers to a postcode (`GET /delivery-zones/check`), asked while the
         *     customer types it.
         */
        PostcodeCheckDto: {
            delivers: boolean;
            /** @description The postcode as the shop writes it: "1017 GM". */
            postcode: string;
            zone?: null | components["schemas"]["ZoneDto"];
        };
        PrepTimeBody: {
            /**
             * Format: int64
             * @description Minutes from order to ready, for new orders: 1–240.
             */
            prep_time_minutes: number;
        };
        /** @description `POST /printers`, `PUT /printers/{id}`. */
        PrinterBody: {
            address?: string;
            /** @description `tcp`, `serial`, `usb`, `cups` or `agent`. */
            connection: string;
            enabled?: boolean;
            name: string;
            /** @description A profile id from `GET /printers/profiles`. */
            profile: string;
        };
        /** @description A printer with its state as last seen. */
        PrinterDto: {
            /** @description `192.168.1.50:9100`, `/dev/ttyUSB0@19200`, `/dev/usb/lp0`, a queue name; empty for an agent. */
            address: string;
            /** @description `tcp`, `serial`, `usb`, `cups` or `agent`. */
            connection: string;
            enabled: boolean;
            /** Format: int64 */
            id: number;
            name: string;
            /**
             * Format: int64
             * @description Tickets that failed or need a person.
             */
            problems: number;
            profile: components["schemas"]["PrinterProfileDto"];
            /** @description Whether it can print now, as far as Forno knows. */
            ready: boolean;
            /** @description `online`, `paper_low`, `paper_out`, `cover_open`, `error`, `offline`, `unknown`, `agent_away`. */
            state: string;
            /** Format: date-time */
            state_at?: string | null;
            /** @description The state in words, English. */
            state_en: string;
            /** @description The state in words, Dutch. */
            state_nl: string;
            /**
             * Format: int64
             * @description Tickets waiting for it or printing.
             */
            waiting: number;
        };
        /** @description A printer model Forno knows (a file in `printers/`). */
        PrinterProfileDto: {
            code_page: string;
            /** @description Characters per line: 48 or 42 on 80 mm, 32 on 58 mm. */
            columns: number;
            /** @description `full`, `partial` or `none`. */
            cut: string;
            drawer_kick: boolean;
            id: string;
            name: string;
            /** Format: int32 */
            paper_mm: number;
            /**
             * @description Prints the receipt's tracking QR code (with its own QR command, or drawn as a raster
             *     image); otherwise the link is printed as text.
             */
            qr: boolean;
            /** @description Answers status requests (paper out, cover open) on a network or serial link. */
            status: boolean;
        };
        /** @description A print job. */
        PrintJobDto: {
            /** Format: int32 */
            attempts: number;
            /** @description A reprint: says KOPIE. */
            copy: boolean;
            /** Format: date-time */
            created_at: string;
            /** @description Why the last try failed, or why it needs a person. */
            error?: string | null;
            /** Format: int64 */
            id: number;
            /**
             * @description `kitchen`, `kitchen_void` (a line voided after its kitchen ticket: VERVALLEN),
             *     `kitchen_cancel` (the order cancelled after its kitchen tickets: GEANNULEERD), `receipt`,
             *     `drawer` or `test`.
             */
            layout: string;
            /** Format: date-time */
            next_attempt_at: string;
            /** Format: int64 */
            order_id?: number | null;
            /** Format: int64 */
            printer_id?: number | null;
            printer_name: string;
            /** @description `queued`, `printing`, `printed`, `failed`, `needs_attention` or `cancelled`. */
            state: string;
            /** @description A kitchen ticket or slip for one station: the station's name. */
            station?: string | null;
            /** Format: date-time */
            updated_at: string;
        };
        PrintJobListDto: {
            jobs: components["schemas"]["PrintJobDto"][];
            /** Format: int64 */
            total: number;
        };
        /** @description `POST /print-jobs/{id}/reprint`, `/retry`: optionally on another printer. */
        PrintJobMoveBody: {
            /** Format: int64 */
            printer_id?: number | null;
        };
        /** @description `POST /orders/{id}/print`. */
        PrintOrderBody: {
            /** @description `kitchen` or `receipt`. */
            layout: string;
            /**
             * Format: int64
             * @description The printer; the first one when left out.
             */
            printer_id?: number | null;
        };
        /** @description One rule in `PUT /print-rules`. */
        PrintRuleBody: {
            enabled?: boolean;
            layout: string;
            /**
             * Format: int64
             * @description Left out or null: the first enabled printer.
             */
            printer_id?: number | null;
            /** @description A station code, for a kitchen rule that prints one station's ticket. */
            station?: string | null;
            trigger: string;
        };
        /**
         * @description A print rule: when `trigger` fires, print `layout` on `printer_id` (null: the first enabled
         *     printer); a kitchen rule with `station` prints only that station's ticket.
         */
        PrintRuleDto: {
            enabled: boolean;
            /** @description `kitchen`, `receipt` or `drawer`. */
            layout: string;
            /** Format: int64 */
            printer_id?: number | null;
            /** @description A station's code (kitchen tickets only); null: every station no other rule names. */
            station?: string | null;
            /** @description `web_order_accepted`, `counter_order_sent`, `order_paid` or `cash_paid`. */
            trigger: string;
        };
        /** @description `PUT /print-rules`: every rule, replacing the ones there are. */
        PrintRulesBody: {
            rules: components["schemas"]["PrintRuleBody"][];
        };
        /** @description `GET /print-rules`: the rules, and the choices a rule has. */
        PrintRulesDto: {
            /** @description Every layout a rule may print. */
            layouts: string[];
            rules: components["schemas"]["PrintRuleDto"][];
            /** @description Every trigger a rule may name. */
            triggers: string[];
        };
        /** @description An RFC 9457 problem document, as sent. */
        Problem: {
            /**
             * @description What went wrong and what to do, for a person, in the reader's language (`Accept-Language`:
             *     Dutch or English; Dutch when neither is asked for).
             */
            detail: string;
            /**
             * @description The request field to blame, as a JSON path into the body (`lines[0].size`), or the name
             *     of the path or query parameter (`id`, `offset`).
             */
            field?: string | null;
            /** Format: int32 */
            status: number;
            /** @description The kind of problem in a few words, in the reader's language. */
            title: string;
            /** @description A URI naming the kind of problem. */
            type: string;
        };
        QuoteDto: {
            /** Format: int64 */
            delivery_fee_cents: number;
            /**
             * Format: int64
             * @description What the cart's discount takes off (0 without one); `total_cents` is already less it.
             */
            discount_cents: number;
            /** Format: date-time */
            estimated_ready_at: string;
            lines: components["schemas"]["LineDto"][];
            /** Format: int64 */
            subtotal_cents: number;
            /** Format: int64 */
            total_cents: number;
            /** @description VAT per rate, after the discount. */
            vat: components["schemas"]["VatDto"][];
            zone?: null | components["schemas"]["ZoneRefDto"];
        };
        /** @description The answer to a recorded payment. */
        RecordedPaymentDto: {
            order: components["schemas"]["OrderDto"];
            payment: components["schemas"]["PaymentDto"];
        };
        /**
         * @description A staff member's (or paired device's) role.
         * @enum {string}
         */
        Role: "owner" | "manager" | "cashier" | "kitchen" | "printer";
        /** @description The shop's settings as staff read and the owner writes them. */
        SettingsDto: {
            address: string;
            delivery_enabled: boolean;
            exceptions?: components["schemas"]["ExceptionDto"][];
            hours: components["schemas"]["PeriodDto"][];
            name: string;
            /** @description Online orders refused for now (the counter keeps working). Absent means false. */
            paused?: boolean;
            phone: string;
            pickup_enabled: boolean;
            /** Format: int64 */
            prep_time_minutes: number;
            time_zone: string;
            vat_number: string;
            zones: components["schemas"]["ZoneDto"][];
        };
        /** @description The wizard's answers. `shop.paused` is ignored: finishing the setup opens online ordering. */
        SetupBody: {
            owner: components["schemas"]["OwnerBody"];
            shop: components["schemas"]["SettingsDto"];
        };
        /** @description Whether the shop still needs its setup, and where the other devices in the shop reach it. */
        SetupStatusDto: {
            needs_setup: boolean;
            /**
             * @description The ordering page as customers open it: the shop's `public_url` when one is set (a
             *     tunnel or reverse proxy), else as phones on the shop's Wi-Fi open it.
             */
            ordering_url: string;
            /** @description The setup can only be finished on this address (the computer Forno runs on). */
            setup_url: string;
            shop?: null | components["schemas"]["SettingsDto"];
        };
        /** @description What a customer needs to know before ordering. */
        ShopDto: {
            address: string;
            /** Format: date-time */
            closes_at?: string | null;
            exceptions: components["schemas"]["ExceptionDto"][];
            fulfilment: components["schemas"]["FulfilmentOptionsDto"];
            hours: components["schemas"]["PeriodDto"][];
            name: string;
            /** Format: date-time */
            next_opening?: string | null;
            open_now: boolean;
            paused: boolean;
            phone: string;
            /** Format: int64 */
            prep_time_minutes: number;
            slots: components["schemas"]["SlotsDto"];
            time_zone: string;
            zones: components["schemas"]["ZoneDto"][];
        };
        SizeBody: {
            code: string;
            names: components["schemas"]["TranslatedDto"];
            /**
             * Format: int64
             * @description Required: at least 1 cent.
             */
            price_cents?: number | null;
        };
        SizeDto: {
            code: string;
            name: string;
            names: components["schemas"]["TranslatedDto"];
            /** Format: int64 */
            price_cents: number;
        };
        SlotsDto: {
            delivery: string[];
            pickup: string[];
        };
        SoldOutBody: {
            sold_out: boolean;
        };
        /** @description A staff account on the staff page. */
        StaffAccountDto: {
            /** @description `false`: stopped; the account cannot log in. */
            active: boolean;
            /** Format: date-time */
            created_at: string;
            /** Format: int64 */
            id: number;
            /**
             * Format: date-time
             * @description Set while too many wrong PINs keep the account locked.
             */
            locked_until?: string | null;
            name: string;
            role: components["schemas"]["StaffRole"];
        };
        /** @description A change to a staff account. `active: false` stops it: its sessions end at once. */
        StaffChangeBody: {
            active: boolean;
            name: string;
            role: components["schemas"]["StaffRole"];
        };
        /**
         * @description Who is logged in, and what their role may do: the one table of who may do what, so screens
         *     offer only what the server will allow.
         */
        StaffDto: {
            /**
             * Format: int64
             * @description `null` for a paired device, which is not a person.
             */
            id?: number | null;
            /** @description The statuses this person may move an order to, so screens only offer what will work. */
            may_set_statuses: components["schemas"]["OrderStatus"][];
            name: string;
            /** @description Every action this role may do. */
            permissions: components["schemas"]["Permission"][];
            role: components["schemas"]["Role"];
        };
        /**
         * @description A person's role (a staff account; `printer` is only a paired device's).
         * @enum {string}
         */
        StaffRole: "owner" | "manager" | "cashier" | "kitchen";
        StationDto: {
            category_ids: number[];
            /** @description Short and stable: `oven`. */
            code: string;
            name: string;
        };
        StationsBody: {
            stations: components["schemas"]["StationDto"][];
        };
        /** @description The stations and, resolved by the server, which station makes each menu item. */
        StationsDto: {
            categories: components["schemas"]["KitchenCategoryDto"][];
            items: components["schemas"]["ItemStationDto"][];
            /** @description Empty when the shop does not use stations (the kitchen is one station). */
            stations: components["schemas"]["StationDto"][];
        };
        StatusChangeBody: {
            approval?: null | components["schemas"]["ApprovalBody"];
            /**
             * @description With a rejection or cancellation: what the customer's tracking page tells them ("too
             *     busy"); `reason` stays with the staff.
             */
            customer_message?: string | null;
            /** Format: int64 */
            prep_time_minutes?: number | null;
            reason?: string | null;
            status: components["schemas"]["OrderStatus"];
        };
        StatusEntryDto: {
            /** Format: date-time */
            at: string;
            /** @description Staff view only. */
            by?: string | null;
            reason?: string | null;
            status: components["schemas"]["OrderStatus"];
        };
        /** @description Which status changes the customer hears about. */
        StatusMailsDto: {
            /** @default false */
            accepted: boolean;
            /** @default false */
            out_for_delivery: boolean;
            /** @default false */
            ready: boolean;
            /** @default false */
            rejected: boolean;
        };
        /** @description Where to send the test mail. */
        TestMailBody: {
            to: string;
        };
        /** @description How the test mail went. */
        TestMailDto: {
            /** @description The server's answer, or what went wrong and what to check. */
            detail: string;
            sent: boolean;
        };
        TranslatedDto: {
            en: string;
            nl: string;
        };
        UndoDto: {
            to: components["schemas"]["OrderStatus"];
            /** Format: date-time */
            until: string;
        };
        VatDto: {
            /**
             * Format: int64
             * @description VAT-inclusive amount at this rate.
             */
            gross_cents: number;
            /** Format: int64 */
            rate_percent: number;
            /** Format: int64 */
            vat_cents: number;
        };
        /**
         * @description A day of the week, as opening hours name it.
         * @enum {string}
         */
        Weekday: "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";
        WsCountsDto: {
            customer: number;
            limit: number;
            staff: number;
        };
        ZoneDto: {
            /** Format: int64 */
            extra_minutes: number;
            /** Format: int64 */
            fee_cents: number;
            /** Format: int64 */
            id: number;
            /** Format: int64 */
            minimum_order_cents: number;
            name: string;
            postcodes: string[];
        };
        ZoneRefDto: {
            /** Format: int64 */
            id: number;
            name: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    audit_log: {
        parameters: {
            query?: {
                /** @description One action (`order.cancelled`), or a family ending in a dot (`staff.`). */
                action?: string | null;
                /** @description The `next_before` of the previous page. */
                before?: number | null;
                /** @description First day, `YYYY-MM-DD`, in the shop's time zone. */
                from?: string | null;
                /** @description 1 to 200; 50 if absent. */
                limit?: number | null;
                /** @description Only what this staff member did. */
                staff_id?: number | null;
                /** @description Last day (included), `YYYY-MM-DD`. */
                to?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPageDto"];
                };
            };
            /** @description A path or query parameter is malformed; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `field`: `limit` (1 to 200) or `to` (before `from`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    counter_staff: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CounterTileDto"][];
                };
            };
            /** @description Not from the computer Forno runs on */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginBody"];
            };
        };
        responses: {
            /** @description Logged in; the session cookie is set */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginDto"];
                };
            };
            /** @description The body is not valid JSON or a field has the wrong type; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The name and PIN do not match */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The name or the PIN is empty */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many wrong PINs: the account is locked for a while; see Retry-After */
            423: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session has ended; the cookie is cleared */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffDto"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    change_own_pin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OwnPinBody"];
            };
        };
        responses: {
            /** @description Changed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body is not valid JSON or a field has the wrong type; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `field`: `old_pin` (not right) or `new_pin` (too weak) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many wrong PINs: the account is locked for a while; see Retry-After */
            423: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    find: {
        parameters: {
            query: {
                /** @description At least 3 digits of the phone number; spaces and dashes are ignored. */
                phone: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerListDto"];
                };
            };
            /** @description A path or query parameter is malformed; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Fewer than 3 digits */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    check_postcode: {
        parameters: {
            query: {
                /** @description A Dutch postcode, with or without the space: "1017 GM", "1017gm". */
                postcode: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PostcodeCheckDto"];
                };
            };
            /** @description A path or query parameter is malformed; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not a Dutch postcode; `field` is `postcode` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeviceDto"][];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    unpair: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Unpaired: the device's token no longer works */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A path or query parameter is malformed; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description There is no such paired device */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    pair: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PairBody"];
            };
        };
        responses: {
            /** @description Paired; the cookie lasts 400 days */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginDto"];
                };
            };
            /** @description The body is not valid JSON or a field has the wrong type; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The code is wrong, used or expired */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The device needs a name of 1 to 40 characters */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many tries from this address; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    new_pairing_code: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PairingCodeBody"];
            };
        };
        responses: {
            /** @description Done */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PairingCodeDto"];
                };
            };
            /** @description The body is not valid JSON or a field has the wrong type; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Devices are paired as `kitchen`, `cashier` or `printer` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    open_drawer: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrintJobDto"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No printer is set up to open the drawer */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    events: {
        parameters: {
            query?: {
                /** @description Return events with a seq greater than this. */
                after?: number | null;
                /** @description At most this many (default 500, max 1000; 0 returns only the bounds). */
                limit?: number | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventPageDto"];
                };
            };
            /** @description A path or query parameter is malformed; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    healthz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthDto"];
                };
            };
        };
    };
    get_stations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StationsDto"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    put_stations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StationsBody"];
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StationsDto"];
                };
            };
            /** @description The body is not valid JSON or a field has the wrong type; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A station is not valid; `field` names it (`stations[1].code`, `stations[0].category_ids`, …) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    mail_status: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MailStatusDto"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    menu: {
        parameters: {
            query?: {
                /** @description `nl` (default) or `en`. */
                lang?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MenuDto"];
                };
            };
            /** @description A path or query parameter is malformed; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    menu_admin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MenuDto"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    create_category: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CategoryBody"];
            };
        };
        responses: {
            /** @description Done */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedDto"];
                };
            };
            /** @description The body is not valid JSON or a field has the wrong type; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The category is not valid; `field` names what to change */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    update_category: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CategoryBody"];
            };
        };
        responses: {
            /** @description Saved */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body is not valid JSON or a field has the wrong type; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description There is no such category on the menu */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The category is not valid; `field` names what to change */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    archive_category: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ArchiveBody"];
            };
        };
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body is not valid JSON or a field has the wrong type; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description There is no such category */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The category still has items on the menu */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reorder_items: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewOrderBody"];
            };
        };
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body is not valid JSON or a field has the wrong type; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description There is no such category on the menu */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ids` is not every item of the category once */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reorder_categories: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewOrderBody"];
            };
        };
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body is not valid JSON or a field has the wrong type; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `ids` is not every category once */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    editor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MenuEditorDto"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    create_extra: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExtraBody"];
            };
        };
        responses: {
            /** @description Done */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedDto"];
                };
            };
            /** @description The body is not valid JSON or a field has the wrong type; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The extra is not valid; `field` names what to change */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    create_item: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ItemBody"];
            };
        };
        responses: {
            /** @description Done */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedDto"];
                };
            };
            /** @description The body is not valid JSON or a field has the wrong type; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The item is not valid; `field` names what to change (`sizes[1].price_cents`, `extras[0].prices.35`, …) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    put_item: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ItemBody"];
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MenuDto"];
                };
            };
            /** @description The body is not valid JSON or a field has the wrong type; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description There is no such menu item */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The item is not valid; `field` names what to change */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    archive_item: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ArchiveBody"];
            };
        };
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body is not valid JSON or a field has the wrong type; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description There is no such item */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Putting back an item whose category is archived */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    upload_photo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        /** @description The photo's bytes: JPEG, PNG or WebP, at most 5 MB. */
        requestBody: {
            content: {
                "image/jpeg": number[];
            };
        };
        responses: {
            /** @description Done */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhotoDto"];
                };
            };
            /** @description A path or query parameter is malformed; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description There is no such item on the menu */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The photo is over the size limit (`field`: photo) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The file is not a JPEG, PNG or WebP image (`field`: photo) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    remove_photo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The item has no photo */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A path or query parameter is malformed; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description There is no such item on the menu */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    sold_out: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SoldOutBody"];
            };
        };
        responses: {
            /** @description Marked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body is not valid JSON or a field has the wrong type; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description There is no such menu item */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    photo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description `small.jpg`, `medium.jpg` or `large.jpg` */
                file: string;
                photo: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The photo */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": number[];
                };
            };
            /** @description Not modified (`If-None-Match`) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A path or query parameter is malformed; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description There is no such photo */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resend_message: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderMessageDto"];
                };
            };
            /** @description A path or query parameter is malformed; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such message */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The message is still on its way */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    serve_document: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description This document (OpenAPI 3.1) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
        };
    };
    list_orders: {
        parameters: {
            query?: {
                /** @description Comma-separated channels: `web,counter,phone`. */
                channel?: string | null;
                /** @description First business date, `YYYY-MM-DD`. */
                from?: string | null;
                /** @description `pickup` or `delivery`; absent: both. */
                fulfilment?: string | null;
                limit?: number | null;
                offset?: number | null;
                /** @description Order number, customer name, phone or address. */
                q?: string | null;
                /** @description Comma-separated statuses: `placed,accepted`. */
                status?: string | null;
                /** @description Last business date, `YYYY-MM-DD`. */
                to?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderListDto"];
                };
            };
            /** @description A path or query parameter is malformed; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    place_order: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key return the same order (1 to 255 visible ASCII characters) */
                "Idempotency-Key"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrderRequestBody"];
            };
        };
        responses: {
            /** @description An earlier call with this Idempotency-Key placed it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlacedOrderAnswer"];
                };
            };
            /** @description The order was placed */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlacedOrderAnswer"];
                };
            };
            /** @description The body is not valid JSON or a field has the wrong type; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Online orders are paused, or the Idempotency-Key was used for another order */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The order cannot be made as asked; `field` names what to change */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many orders from this address; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_order: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderDto"];
                };
            };
            /** @description A path or query parameter is malformed; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description There is no such order */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    give_discount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DiscountBody"];
            };
        };
        responses: {
            /** @description Done */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderDto"];
                };
            };
            /** @description The body is not valid JSON or a field has the wrong type; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A cashier without a manager's or owner's approval */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description There is no such order */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The order is no longer open */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No reason, a value out of range, more than is left to discount or still to pay, or an approval whose name and PIN do not match; nothing is written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    lines_done: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LinesDoneBody"];
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderDto"];
                };
            };
            /** @description The body is not valid JSON or a field has the wrong type; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description There is no such order */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The order is no longer open */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No lines named, or a line the order does not have */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    order_messages: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderMessageDto"][];
                };
            };
            /** @description A path or query parameter is malformed; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such order */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    record_payment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PaymentBody"];
            };
        };
        responses: {
            /** @description Done */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordedPaymentDto"];
                };
            };
            /** @description The body is not valid JSON or a field has the wrong type; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take payments */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description There is no such order */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An amount of 0 or less, more than is still open, less cash handed over than the amount, or an order that is cancelled or rejected; nothing is written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    print_order: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PrintOrderBody"];
            };
        };
        responses: {
            /** @description Done */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrintJobDto"];
                };
            };
            /** @description The body is not valid JSON or a field has the wrong type; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such order or printer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not possible in the state it is in */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A field is wrong; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recall: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderDto"];
                };
            };
            /** @description A path or query parameter is malformed; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not take this step back */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description There is no such order */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Nothing to take back, or the step is too long ago */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    receipt_pdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The receipt */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": number[];
                };
            };
            /** @description A path or query parameter is malformed; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such order */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    change_status: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StatusChangeBody"];
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderDto"];
                };
            };
            /** @description The body is not valid JSON or a field has the wrong type; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not move an order to this status */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description There is no such order */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The order's status does not allow this move; the answer names the next step */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown status, a cancellation without a reason, or a prep time outside 1–240 minutes */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    void_line: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LineVoidBody"];
            };
        };
        responses: {
            /** @description Done */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderDto"];
                };
            };
            /** @description The body is not valid JSON or a field has the wrong type; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A cashier without a manager's or owner's approval, for an order the kitchen has */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description There is no such order */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The order is no longer open */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No reason, no such line, a line voided already, the order's last line, or an approval whose name and PIN do not match; nothing is written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    track: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The order's tracking token */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerOrderDto"];
                };
            };
            /** @description A path or query parameter is malformed; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No order has this tracking token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_outbox: {
        parameters: {
            query?: {
                /** @description Comma-separated kinds: `print.ticket,email.confirmation`. */
                kind?: string | null;
                /** @description At most this many (default 50, 1 to 500). */
                limit?: number | null;
                offset?: number | null;
                /** @description Only the jobs of this order (its id). */
                order_id?: number | null;
                /** @description Comma-separated states: `failed,needs_attention`. */
                state?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobListDto"];
                };
            };
            /** @description A path or query parameter is malformed; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    print_agent_socket: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Switched to the WebSocket protocol */
            101: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not a WebSocket handshake */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The connection cannot be upgraded to a WebSocket */
            426: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_print_jobs: {
        parameters: {
            query?: {
                /** @description At most this many (default 50, 1 to 500). */
                limit?: number | null;
                order_id?: number | null;
                /**
                 * @description Comma-separated: `queued`, `printing`, `printed` (also cancelled ones), `failed`,
                 *     `needs_attention`.
                 */
                state?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrintJobListDto"];
                };
            };
            /** @description A path or query parameter is malformed; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such printer, order or print job */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not possible in the state it is in */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A field is wrong; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancel_print_job: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrintJobDto"];
                };
            };
            /** @description A path or query parameter is malformed; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such printer, order or print job */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The job is printing or printed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A field is wrong; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reprint_print_job: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PrintJobMoveBody"];
            };
        };
        responses: {
            /** @description Done */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrintJobDto"];
                };
            };
            /** @description The body is not valid JSON or a field has the wrong type; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such print job */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not possible in the state it is in */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A field is wrong; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    retry_print_job: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PrintJobMoveBody"];
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrintJobDto"];
                };
            };
            /** @description The body is not valid JSON or a field has the wrong type; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such printer, order or print job */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The job is printing or printed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A field is wrong; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_print_rules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrintRulesDto"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    set_print_rules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PrintRulesBody"];
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrintRulesDto"];
                };
            };
            /** @description The body is not valid JSON or a field has the wrong type; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A field is wrong; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    list_printers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrinterDto"][];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    add_printer: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PrinterBody"];
            };
        };
        responses: {
            /** @description Done */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrinterDto"];
                };
            };
            /** @description The body is not valid JSON or a field has the wrong type; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such printer, order or print job */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not possible in the state it is in */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A field is wrong; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    update_printer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PrinterBody"];
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrinterDto"];
                };
            };
            /** @description The body is not valid JSON or a field has the wrong type; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such printer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not possible in the state it is in */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A field is wrong; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    remove_printer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A path or query parameter is malformed; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such printer, order or print job */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Tickets are still waiting for it: move or cancel them first */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A field is wrong; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    print_test_page: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrintJobDto"];
                };
            };
            /** @description A path or query parameter is malformed; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such printer */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not possible in the state it is in */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A field is wrong; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    printer_profiles: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrinterProfileDto"][];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    quote: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrderRequestBody"];
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuoteDto"];
                };
            };
            /** @description The body is not valid JSON or a field has the wrong type; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Online orders are paused */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The order cannot be made as asked; `field` names what to change */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many quotes from this address; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    quote_lines: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LinesBody"];
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LinesQuoteDto"];
                };
            };
            /** @description The body is not valid JSON or a field has the wrong type; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A line cannot be made as asked; `field` names it */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many quotes from this address; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "retry-after"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_settings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettingsDto"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    put_settings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SettingsDto"];
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettingsDto"];
                };
            };
            /** @description The body is not valid JSON or a field has the wrong type; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A setting is not valid; `field` names it (`zones[0].postcodes`, `hours.tue`, …) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_notification_settings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotifySettingsDto"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    put_notification_settings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotifySettingsBody"];
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotifySettingsDto"];
                };
            };
            /** @description The body is not valid JSON or a field has the wrong type; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A setting is not valid; `field` names it (`mail.host`, `mail.port`, …) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    send_test_mail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TestMailBody"];
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TestMailDto"];
                };
            };
            /** @description The body is not valid JSON or a field has the wrong type; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No mail server is saved yet */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `to` is not an email address */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    pause: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PauseBody"];
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettingsDto"];
                };
            };
            /** @description The body is not valid JSON or a field has the wrong type; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    prep_time: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PrepTimeBody"];
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettingsDto"];
                };
            };
            /** @description The body is not valid JSON or a field has the wrong type; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A prep time outside 1–240 minutes */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    status: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SetupStatusDto"];
                };
            };
        };
    };
    complete: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetupBody"];
            };
        };
        responses: {
            /** @description Set up; the owner is logged in */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginDto"];
                };
            };
            /** @description The body is not valid JSON or a field has the wrong type; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not from the computer Forno runs on */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The shop is already set up */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A setting or the owner is not valid; `field` names it (`shop.name`, `owner.pin`, …) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    shop: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShopDto"];
                };
            };
        };
    };
    list_staff: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffAccountDto"][];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    add_staff: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewStaffBody"];
            };
        };
        responses: {
            /** @description Done */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffAccountDto"];
                };
            };
            /** @description The body is not valid JSON or a field has the wrong type; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `field` names what to change: a name someone has, a role, a weak PIN */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    change_staff: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StaffChangeBody"];
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffAccountDto"];
                };
            };
            /** @description The body is not valid JSON or a field has the wrong type; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description There is no such staff member */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `field` names what to change */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reset_staff_pin: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PinResetBody"];
            };
        };
        responses: {
            /** @description Reset */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body is not valid JSON or a field has the wrong type; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This role may not reset this person's PIN (`field`: `id`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description There is no such staff member */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as Content-Type: application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The PIN is too weak (`field`: `pin`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    staff_stream: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Switched to the WebSocket protocol */
            101: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not a WebSocket handshake */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No working staff credentials: log in (or pair the device) again */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role has none of the actions in x-forno-actions */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The connection cannot be upgraded to a WebSocket */
            426: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many live connections */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    menu_stream: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Switched to the WebSocket protocol */
            101: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not a WebSocket handshake */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The connection cannot be upgraded to a WebSocket */
            426: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many live connections */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    customer_stream: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The order's tracking token */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Switched to the WebSocket protocol */
            101: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A path or query parameter is malformed; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No order has this tracking token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The connection cannot be upgraded to a WebSocket */
            426: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many live connections */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    healthz_root: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthDto"];
                };
            };
        };
    };
}
