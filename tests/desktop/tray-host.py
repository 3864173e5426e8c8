#!/usr/bin/python3
"""A minimal tray host for the desktop tests: what a panel (KDE, GNOME's AppIndicator extension,
waybar) does with a tray icon, nothing more.

It owns org.kde.StatusNotifierWatcher on the session bus, so an app's tray icon (Tauri's tray-icon
on Linux uses libayatana-appindicator) registers a StatusNotifierItem with it. It reads that item's
menu through com.canonical.dbusmenu GetLayout and "clicks" an entry with Event(id, "clicked"),
exactly as a panel does when a person opens the menu and picks a line.

It talks to the test over stdin/stdout, one JSON object per line:
  -> {"n": 1, "cmd": "items"}            <- {"n": 1, "ok": ["<bus name><object path>", ...]}
  -> {"n": 2, "cmd": "menu"}             <- {"n": 2, "ok": [{"id": 3, "label": "...", "enabled": true}, ...]}
  -> {"n": 3, "cmd": "click", "id": 5}   <- {"n": 3, "ok": true}
"menu" and "click" use the item registered last whose owner is still on the bus. Unasked, it says
{"event": "ready"} once it owns the name, and {"event": "registered", "item": ...} per new item.
Needs python3-dbus and python3-gi (Debian's, hence /usr/bin/python3).
"""

import json
import sys
import time

import dbus
import dbus.service
from dbus.mainloop.glib import DBusGMainLoop
from gi.repository import GLib

WATCHER = "org.kde.StatusNotifierWatcher"
ITEM = "org.kde.StatusNotifierItem"
MENU = "com.canonical.dbusmenu"


def say(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


class Watcher(dbus.service.Object):
    def __init__(self, bus):
        super().__init__(bus, "/StatusNotifierWatcher")
        self.bus = bus
        self.items = []  # (bus name, object path), oldest first
        bus.add_signal_receiver(self.owner_changed, "NameOwnerChanged", "org.freedesktop.DBus")

    @dbus.service.method(WATCHER, in_signature="s", out_signature="", sender_keyword="sender")
    def RegisterStatusNotifierItem(self, service, sender=None):
        # libayatana-appindicator passes its object path; others pass a bus name.
        item = (sender, service) if service.startswith("/") else (service, "/StatusNotifierItem")
        if item not in self.items:
            self.items.append(item)
            self.StatusNotifierItemRegistered("".join(item))
            say({"event": "registered", "item": "".join(item)})

    @dbus.service.method(WATCHER, in_signature="s", out_signature="")
    def RegisterStatusNotifierHost(self, service):
        pass

    @dbus.service.signal(WATCHER, signature="s")
    def StatusNotifierItemRegistered(self, item):
        pass

    @dbus.service.signal(WATCHER, signature="s")
    def StatusNotifierItemUnregistered(self, item):
        pass

    @dbus.service.signal(WATCHER, signature="")
    def StatusNotifierHostRegistered(self):
        pass

    # dbus-python does not implement properties itself.
    @dbus.service.method(dbus.PROPERTIES_IFACE, in_signature="ss", out_signature="v")
    def Get(self, interface, name):
        return self.GetAll(interface)[name]

    @dbus.service.method(dbus.PROPERTIES_IFACE, in_signature="s", out_signature="a{sv}")
    def GetAll(self, interface):
        return {
            "RegisteredStatusNotifierItems": dbus.Array(["".join(i) for i in self.items], signature="s"),
            # A host is there (us): without it some apps fall back to an XEmbed icon.
            "IsStatusNotifierHostRegistered": True,
            "ProtocolVersion": dbus.Int32(0),
        }

    def owner_changed(self, name, old, new):
        if new:
            return
        for item in [i for i in self.items if i[0] == name]:
            self.items.remove(item)
            self.StatusNotifierItemUnregistered("".join(item))

    def menu(self):
        if not self.items:
            raise RuntimeError("no tray item is registered")
        service, path = self.items[-1]
        props = dbus.Interface(self.bus.get_object(service, path), dbus.PROPERTIES_IFACE)
        menu_path = props.Get(ITEM, "Menu")
        return dbus.Interface(self.bus.get_object(service, menu_path), MENU)


def flatten(node, out):
    item_id, props, children = node
    if item_id != 0:
        out.append({
            "id": int(item_id),
            "label": str(props.get("label", "")),
            "enabled": bool(props.get("enabled", True)),
            "visible": bool(props.get("visible", True)),
            "type": str(props.get("type", "standard")),
        })
    for child in children:
        flatten(child, out)
    return out


def handle(watcher, request):
    cmd = request["cmd"]
    if cmd == "items":
        return ["".join(i) for i in watcher.items]
    menu = watcher.menu()
    if cmd == "menu":
        # What a panel does when the menu opens: tell the app, then read the whole tree.
        menu.AboutToShow(dbus.Int32(0))
        _revision, layout = menu.GetLayout(dbus.Int32(0), dbus.Int32(-1), dbus.Array([], signature="s"))
        return flatten(layout, [])
    if cmd == "click":
        menu.Event(dbus.Int32(request["id"]), "clicked", dbus.Int32(0, variant_level=1),
                   dbus.UInt32(int(time.time()) & 0xFFFFFFFF))
        return True
    raise ValueError(f"unknown command {cmd!r}")


def main():
    DBusGMainLoop(set_as_default=True)
    bus = dbus.SessionBus()
    got = bus.request_name(WATCHER, dbus.bus.NAME_FLAG_DO_NOT_QUEUE)
    if got != dbus.bus.REQUEST_NAME_REPLY_PRIMARY_OWNER:
        sys.exit(f"{WATCHER} is already owned on this bus; is another tray host running?")
    watcher = Watcher(bus)
    loop = GLib.MainLoop()

    def on_input(channel, condition):
        line = channel.readline()
        if not line:
            loop.quit()
            return False
        request = json.loads(line)
        try:
            say({"n": request["n"], "ok": handle(watcher, request)})
        except Exception as err:  # every failure goes back to the test, the host keeps running
            say({"n": request["n"], "err": str(err)})
        return True

    GLib.io_add_watch(GLib.IOChannel.unix_new(sys.stdin.fileno()), GLib.IO_IN | GLib.IO_HUP, on_input)
    say({"event": "ready"})
    loop.run()


if __name__ == "__main__":
    main()
