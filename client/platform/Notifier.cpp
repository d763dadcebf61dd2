#include "Notifier.h"

#include "Logging.h"

#include <QtDBus/QDBusConnection>
#include <QtDBus/QDBusPendingCallWatcher>
#include <QtDBus/QDBusPendingReply>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

const QString Service = u"org.freedesktop.Notifications"_s;
const QString Path = u"/org/freedesktop/Notifications"_s;
const QString Interface = u"org.freedesktop.Notifications"_s;

// The action the notification server invokes when the notification itself is clicked.
const QString DefaultAction = u"default"_s;

} // namespace

Notifier::Notifier(QObject *parent) : QObject(parent)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (bus.isConnected())
        bus.connect(Service, Path, Interface, u"ActionInvoked"_s, this,
                    SLOT(actionInvoked(uint, QString)));
}

void Notifier::notify(qint64 conversationId, const QString &title, const QString &body)
{
    ++m_sent;
    m_showing.insert(conversationId);
    Q_EMIT notified(conversationId, title, body);
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return;
    QDBusMessage call = QDBusMessage::createMethodCall(Service, Path, Interface, u"Notify"_s);
    const QVariantMap hints{{u"category"_s, u"im.received"_s},
                            {u"desktop-entry"_s, u"org.parley.Parley"_s}};
    call << u"Parley"_s << m_ids.value(conversationId, 0u) << u"org.parley.Parley"_s << title
         << body << QStringList{DefaultAction, tr("Open")} << hints << int(-1);
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, conversationId](QDBusPendingCallWatcher *w) {
                QDBusPendingReply<uint> reply = *w;
                if (reply.isError())
                    qCDebug(lcClientPlatform) << "notification not shown:" << reply.error().name();
                else
                    m_ids.insert(conversationId, reply.value());
                w->deleteLater();
            });
}

void Notifier::withdraw(qint64 conversationId)
{
    if (m_showing.remove(conversationId))
        Q_EMIT withdrawn(conversationId);
    const uint id = m_ids.take(conversationId);
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!id || !bus.isConnected())
        return;
    QDBusMessage call =
            QDBusMessage::createMethodCall(Service, Path, Interface, u"CloseNotification"_s);
    call << id;
    bus.asyncCall(call);
}

void Notifier::activate(qint64 conversationId)
{
    m_ids.remove(conversationId); // the server closes a notification that was clicked
    m_showing.remove(conversationId);
    Q_EMIT activated(conversationId);
}

void Notifier::actionInvoked(uint id, const QString &actionKey)
{
    if (actionKey != DefaultAction)
        return;
    for (auto it = m_ids.cbegin(); it != m_ids.cend(); ++it) {
        if (it.value() == id) {
            activate(it.key());
            return;
        }
    }
}

} // namespace Parley
