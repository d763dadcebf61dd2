#pragma once

/// This user's devices as the server lists them, and the ones that signed in since this device
/// last looked: a login that was not the user's must not go unseen.
///
/// The list is fetched after every authentication and pushed by the server whenever a device of
/// the user is added or revoked (docs/protocol.md, 6.1). The ids this device has shown the user
/// are kept in the cache's settings ("devices/known"): a device added while this one was off
/// is announced at its next start. The first list a device ever sees is taken as known (a new
/// device has nothing to announce). Lives on the GUI thread.

#include "model/Account.h"

#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QSet>
#include <QtCore/QVariant>

namespace Parley {

class Connection;
class DeviceListModel;
class MessageStore;
class PushDispatcher;
struct DeviceListFrame;

class OwnDevices : public QObject
{
    Q_OBJECT

public:
    OwnDevices(Connection *connection, PushDispatcher *pushes, MessageStore *store,
               DeviceListModel *model, QObject *parent = nullptr);

    /// Asks the server for the list (the model and newDevices() follow).
    void refresh();
    /// Devices the user has not been shown yet: {deviceId, name, createdAt} maps, oldest first.
    QVariantList newDevices() const;
    /// The user saw them (whatever they do next): they are not announced again.
    void acknowledge();
    /// Forgets what this account's devices were (logout).
    void reset();

    static QString knownSetting() { return QStringLiteral("devices/known"); }

Q_SIGNALS:
    void newDevicesChanged();
    /// The list could not be fetched (shown like any other error).
    void failed(const Parley::Error &error);

private:
    void pushed(const DeviceListFrame &frame);
    void apply(const QList<Device> &devices);
    void saveKnown();

    Connection *m_connection;
    MessageStore *m_store;
    DeviceListModel *m_model;
    QList<Device> m_new;
    QSet<qint64> m_known;
    bool m_knownLoaded = false; ///< m_known holds the setting (which may not exist yet)
    bool m_hasKnown = false; ///< the setting exists
    quint64 m_generation = 0; ///< bumped by reset(): replies from before it are dropped
};

} // namespace Parley
