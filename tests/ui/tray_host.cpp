// tray_host: the part of a desktop panel that shows tray icons (a StatusNotifierWatcher and its
// host, as KDE Plasma or GNOME's AppIndicator extension run them), for the tray UI test on a
// bus of its own. Apps register their icons with it; on "activate <service>" from stdin it
// clicks that icon the way a panel does, by calling the icon's Activate.
//
// Prints "ready" once it owns the watcher's name, then "registered <service>" per icon.

#include <QtCore/QCoreApplication>
#include <QtCore/QSocketNotifier>
#include <QtCore/QTextStream>
#include <QtDBus/QDBusConnection>
#include <QtDBus/QDBusMessage>

#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

void say(const QString &line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}

/// org.kde.StatusNotifierWatcher: where tray icons register; a host is always there.
class StatusNotifierWatcher : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.kde.StatusNotifierWatcher")
    Q_PROPERTY(bool IsStatusNotifierHostRegistered READ isHostRegistered CONSTANT)
    Q_PROPERTY(int ProtocolVersion READ protocolVersion CONSTANT)
    Q_PROPERTY(QStringList RegisteredStatusNotifierItems READ items)

public:
    bool isHostRegistered() const { return true; }
    int protocolVersion() const { return 0; }
    QStringList items() const { return m_items; }

    /// Clicks the icon `item` (as it registered), as a left click on it in the panel does.
    void activate(const QString &item)
    {
        if (!m_items.contains(item)) {
            say(u"no icon "_s + item);
            return;
        }
        // An icon registers as "service" or as "service/path"; the path defaults to Qt's.
        QString service = item;
        QString path = u"/StatusNotifierItem"_s;
        if (const qsizetype slash = service.indexOf(u'/'); slash > 0) {
            path = service.mid(slash);
            service.truncate(slash);
        }
        QDBusMessage click = QDBusMessage::createMethodCall(
                service, path, u"org.kde.StatusNotifierItem"_s, u"Activate"_s);
        click << 0 << 0;
        QDBusConnection::sessionBus().send(click);
        say(u"activated "_s + item);
    }

public Q_SLOTS:
    void RegisterStatusNotifierItem(const QString &service)
    {
        m_items << service;
        Q_EMIT StatusNotifierItemRegistered(service);
        say(u"registered "_s + service);
    }

    void RegisterStatusNotifierHost(const QString &) { }

Q_SIGNALS:
    void StatusNotifierItemRegistered(const QString &service);
    void StatusNotifierItemUnregistered(const QString &service);
    void StatusNotifierHostRegistered();

private:
    QStringList m_items;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QDBusConnection bus = QDBusConnection::sessionBus();
    StatusNotifierWatcher watcher;
    if (!bus.registerObject(u"/StatusNotifierWatcher"_s, &watcher,
                            QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals
                                    | QDBusConnection::ExportAllProperties)
        || !bus.registerService(u"org.kde.StatusNotifierWatcher"_s)) {
        say(u"cannot own org.kde.StatusNotifierWatcher: "_s + bus.lastError().message());
        return 1;
    }

    // Commands come one per line on stdin; its end (the test is gone) ends the host.
    QSocketNotifier commands(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&commands, &QSocketNotifier::activated, &app, [&watcher, &commands] {
        char line[256] = {};
        const ssize_t got = ::read(STDIN_FILENO, line, sizeof line - 1);
        if (got <= 0) {
            commands.setEnabled(false);
            QCoreApplication::quit();
            return;
        }
        const QString command = QString::fromUtf8(line, got).trimmed();
        if (command.startsWith(u"activate "_s))
            watcher.activate(command.mid(9));
    });
    say(u"ready"_s);
    return app.exec();
}

#include "tray_host.moc"
